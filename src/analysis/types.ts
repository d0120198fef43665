// The analysis model shared by the CLI and the extension. Offsets are JavaScript string indices
// (UTF-16 code units) into the analysed text, `end` exclusive: `text === source.slice(start, end)`.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type EntityType = 'date' | 'place' | 'faction';

export interface Entity extends TextSpan {
  type: EntityType;
  /** Dates: ISO 8601 / TIMEX3 value (`2020-05-25`, `2020-05`, `2014`, `P2D`, `P9Y`). */
  value?: string;
  /** Places: the gazetteer name. Factions: the party's canonical name, shared by all its aliases. */
  canonical?: string;
  /** Places: ISO 3166-1 alpha-2 country code. */
  country?: string;
  /** Places: `country`, `region`, `city`, `locality`, `airport`. Factions: `state`, `armed-group`, `government`, `coalition`, `force`, `organisation`. */
  kind?: string;
  lat?: number;
  lon?: number;
}

export type SourceKind = 'person' | 'role' | 'organisation' | 'media' | 'anonymous';
export type Stance = 'asserts' | 'denies' | 'confirms' | 'warns';

export interface ClaimSource extends TextSpan {
  kind: SourceKind;
  /** For a pronoun source ("he said"): the person or role it stands for. */
  antecedent?: TextSpan;
}

export interface Claim extends TextSpan {
  /** The reporting verb or phrase ("told", "according to", "reportedly"), or null. */
  cue: string | null;
  cueSpan?: Span;
  hedged: boolean;
  /** The distancing words found ("reportedly", "allegedly", "is said to"). */
  hedges: string[];
  source: ClaimSource | null;
  stance: Stance;
  /** An intermediary the source spoke through ("told an international news agency"). */
  channel?: TextSpan;
  /** True when the claim is a direct quotation. */
  quote: boolean;
}

export interface Relation {
  from: string;
  to: string;
  kind: 'backs' | 'opposes';
}

/** A party to events: every alias of one faction in the document, merged. */
export interface Party {
  canonical: string;
  aliases: string[];
  mentions: number;
  kind?: string;
}

export interface Dateline {
  /** `iso`: a leading ` date 2020-05-25 `; `wire`: "KHARTOUM, April 17 (Reuters) -". */
  form: 'iso' | 'wire';
  span: Span;
  date?: TextSpan & { value?: string };
  place?: TextSpan;
  /** The country or region a wire dateline names after its city: "Nigeria" in "MAIDUGURI, Nigeria, Feb 12 (Reuters)". */
  region?: TextSpan;
}

export interface Paragraph extends Span {
  sentences: Span[];
}

export interface DocumentModel {
  text: string;
  dateline: Dateline | null;
  /** Where the article text begins, after any dateline. */
  bodyStart: number;
  headline: TextSpan | null;
  paragraphs: Paragraph[];
}

export interface Analysis {
  document: DocumentModel;
  /** The document date (ISO), from the dateline, or null. */
  date: string | null;
  entities: Entity[];
  claims: Claim[];
  parties: Party[];
  relations: Relation[];
}

/** User additions to the built-in lexicons (`.newsreview/lexicon.json`, `newsReview.lexicon`). */
export interface UserLexicon {
  factions?: { name: string; aliases?: string[]; backers?: string[] }[];
  places?: { name: string; country?: string; kind?: string }[];
  /** Names never to report as an entity (case-insensitive). */
  ignore?: string[];
}

export interface AnalyseOptions {
  lexicon?: UserLexicon;
  /** Used to resolve relative dates when the text has no dateline (ISO date). */
  referenceDate?: string;
}

/** What a block-level recogniser sees: one paragraph, offsets relative to its text. */
export interface RecogniserContext {
  documentDate: string | null;
  lexicon: UserLexicon;
}
