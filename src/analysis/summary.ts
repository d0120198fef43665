import { BoundedMemo } from './boundedMemo';
import { countStartingBefore, countStartingBeforeNear, isSortedByStart, sortedByStart } from './sortedSpans';
import type { Analysis, Claim, DocumentModel, Entity, EntityType, Party, Relation, SourceKind, Span, TextSpan } from './types';

// The summary model behind the panel, `news-review summarise` and the exports: what a reviewer needs
// without opening the article — the lead and the richest sentences, who says what and on whose word,
// the parties, places and dated statements. Pure data; the report/ modules render it.

export interface SourceGroup {
  /** The source as first written (a pronoun's antecedent when known), or null for claims resting on hedges alone. */
  source: TextSpan | null;
  kind: SourceKind | null;
  claims: Claim[];
}

export interface TimelineEntry {
  value: string;
  date: Entity;
  /** The sentence the date stands in. */
  sentence: TextSpan;
}

export interface PlaceCount {
  name: string;
  mentions: number;
  country?: string;
}

export type Sourcing = Record<SourceKind | 'hedged', number>;

export interface Summary {
  headline: string | null;
  date: string | null;
  /** The wire dateline as written ("KHARTOUM, April 17 (Reuters)"), or null: an ISO date's is `date`. */
  dateline: string | null;
  /** The extractive summary: the lead and the sentences richest in claims and entities, in text order. */
  sentences: TextSpan[];
  claimsBySource: SourceGroup[];
  /** How many claims rest on each kind of source; `hedged` counts claims with no source but a hedge. */
  sourcing: Sourcing;
  /** Sentences in the writer's own voice: no claim covers them. */
  unattributed: TextSpan[];
  parties: Party[];
  relations: Relation[];
  places: PlaceCount[];
  timeline: TimelineEntry[];
  counts: { claims: number; dates: number; places: number; factions: number };
}

/** Sentences in the extractive summary, the lead included. */
const SUMMARY_SENTENCES = 4;

export function summarise(analysis: Analysis): Summary {
  const { document } = analysis;
  const text = document.text;
  const body = new Body(text, bodySentences(analysis));
  const claims = isSortedByStart(analysis.claims) ? analysis.claims : [...analysis.claims].sort((a, b) => a.start - b.start);
  const entities = byType(analysis.entities);
  return {
    headline: document.headline?.text.trim() || null,
    date: analysis.date,
    dateline: datelineText(document),
    sentences: extract(body, claims, analysis.entities),
    claimsBySource: groupBySource(claims, sortedByStart(entities.faction)),
    sourcing: sourcingOf(claims),
    unattributed: unattributedOf(body, claims),
    parties: analysis.parties,
    relations: analysis.relations,
    places: placesOf(entities.place),
    timeline: timelineOf(entities.date, body),
    counts: { claims: claims.length, dates: entities.date.length, places: entities.place.length, factions: entities.faction.length },
  };
}

/** The dateline as written, but for an ISO date (" date 2020-05-25 "), which says no more than `date`: a wire dateline after it. */
function datelineText({ text, dateline }: DocumentModel): string | null {
  const start = dateline?.form === 'iso' ? dateline.place?.start : dateline?.span.start;
  return dateline && start !== undefined ? text.slice(start, dateline.span.end).replace(/[\s\-–—]+$/, '').trim() || null : null;
}

/** The entities of each type, in the order given: one pass, where each part of the summary reads one type. */
function byType(entities: readonly Entity[]): Record<EntityType, Entity[]> {
  const date: Entity[] = [];
  const place: Entity[] = [];
  const faction: Entity[] = [];
  for (const entity of entities) {
    if (entity.type === 'date') date.push(entity);
    else if (entity.type === 'place') place.push(entity);
    else if (entity.type === 'faction') faction.push(entity);
  }
  return { date, place, faction };
}

export function sourcingOf(claims: readonly Claim[]): Sourcing {
  const sourcing: Sourcing = { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 };
  for (const claim of claims) {
    if (claim.source) sourcing[claim.source.kind]++;
    else if (claim.hedged) sourcing.hedged++;
  }
  return sourcing;
}

/** The article's sentences without the headline when it stands on its own line. */
function bodySentences(analysis: Analysis): Span[] {
  const { document } = analysis;
  const headline = document.headline;
  const sentences: Span[] = [];
  for (const paragraph of document.paragraphs) {
    for (const s of paragraph.sentences) {
      if (headline && s.start <= headline.start && s.end >= headline.end && isTitleLine(analysis, s)) continue;
      sentences.push(s);
    }
  }
  return sentences;
}

/**
 * The body's sentences, each given its text only when the summary returns it: most sentences are
 * neither picked, unattributed nor dated. One object per sentence, shared by all the lists it is in.
 */
class Body {
  private readonly made: (TextSpan | undefined)[];

  constructor(
    private readonly text: string,
    readonly spans: readonly Span[],
  ) {
    this.made = new Array(spans.length);
  }

  sentence(index: number): TextSpan {
    let made = this.made[index];
    if (!made) {
      const { start, end } = this.spans[index];
      this.made[index] = made = { text: this.text.slice(start, end), start, end };
    }
    return made;
  }
}

/** A Markdown heading or a first line without a full stop is a title, not the lead. */
function isTitleLine(analysis: Analysis, sentence: Span): boolean {
  const text = analysis.document.text.slice(sentence.start, sentence.end);
  return text.startsWith('#') || !/[.!?…"”’)]$/.test(text.trim());
}

interface Pick {
  index: number;
  score: number;
}

/** The lead, then the sentences with the most claims and distinct entities, back in text order. */
function extract(body: Body, claims: readonly Claim[], entities: readonly Entity[]): TextSpan[] {
  const spans = body.spans;
  if (spans.length === 0) return [];
  const best = bestAfterLead(spans, claimsPerSentence(spans, claims), distinctNames(spans, entities));
  return [body.sentence(0), ...best.map((pick) => body.sentence(pick.index))];
}

/** The best few sentences after the lead by score, ties to the earlier sentence, in text order: one pass instead of sorting every sentence. */
function bestAfterLead(spans: readonly Span[], claimCounts: Int32Array, names: Int32Array): Pick[] {
  const best: Pick[] = [];
  for (let index = 1; index < spans.length; index++) {
    // Long sentences are not better summaries; a gentle length penalty keeps the summary short.
    const score = 2 * claimCounts[index] + names[index] - (spans[index].end - spans[index].start) / 400;
    if (score > 0) keepBest(best, index, score, SUMMARY_SENTENCES - 1);
  }
  return best.sort((a, b) => a.index - b.index);
}

/** Inserts sentence `index` into `best` (highest score first, earlier index first among equals), keeping at most `size`. */
function keepBest(best: Pick[], index: number, score: number, size: number): void {
  let at = best.length;
  while (at > 0 && best[at - 1].score < score) at--;
  if (at >= size) return;
  best.splice(at, 0, { index, score });
  if (best.length > size) best.pop();
}

/** How many distinct entities (by type and name) each sentence mentions. */
function distinctNames(body: readonly Span[], entities: readonly Entity[]): Int32Array {
  const counts = new Int32Array(body.length);
  const names = new SentenceNames();
  // Entities in text order, as from `analyse`, come grouped by sentence: each group counted as it ends.
  let sentence = -1;
  for (const entity of entities) {
    const at = sentenceIndexNear(body, entity.start, sentence);
    if (at !== sentence) {
      if (at < sentence) return distinctNames(body, sortedByStart([...entities]));
      if (sentence >= 0) counts[sentence] = names.distinct();
      names.clear();
      sentence = at;
    }
    names.add(entity.type, entity.canonical ?? entity.text);
  }
  if (sentence >= 0) counts[sentence] = names.distinct();
  return counts;
}

/**
 * The names of one sentence's entities, each read once from its entity (entities come in many shapes,
 * slow to read): compared pairwise for the few of a sentence, in a Set beyond.
 */
class SentenceNames {
  private readonly types: EntityType[] = [];
  private readonly names: string[] = [];
  private length = 0;

  add(type: EntityType, name: string): void {
    this.types[this.length] = type;
    this.names[this.length++] = name;
  }

  clear(): void {
    this.length = 0;
  }

  distinct(): number {
    const { types, names, length } = this;
    if (length > 16) {
      const seen = new Set<string>();
      for (let n = 0; n < length; n++) seen.add(`${types[n]}:${names[n]}`);
      return seen.size;
    }
    let distinct = 0;
    for (let n = 0; n < length; n++) {
      let m = 0;
      while (m < n && (types[m] !== types[n] || names[m] !== names[n])) m++;
      if (m === n) distinct++;
    }
    return distinct;
  }
}

/** Claims grouped by who they rest on: one group per source (pronouns join their antecedent), hedged claims last. */
function groupBySource(claims: readonly Claim[], factions: readonly Entity[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  const list: SourceGroup[] = [];
  const hedged: SourceGroup = { source: null, kind: null, claims: [] };
  let nextFaction = 0;
  for (const claim of claims) {
    if (!claim.source) {
      hedged.claims.push(claim);
      continue;
    }
    const named = claim.source.antecedent ?? claim.source;
    nextFaction = countStartingBeforeNear(factions, named.start, nextFaction);
    const key = sourceKey(named, factions, nextFaction);
    let group = groups.get(key);
    if (!group) {
      group = { source: { text: named.text, start: named.start, end: named.end }, kind: claim.source.kind, claims: [] };
      groups.set(key, group);
      list.push(group);
    }
    group.claims.push(claim);
  }
  if (hedged.claims.length) list.push(hedged);
  return list;
}

/**
 * One key per source however it is written: a party speaking is keyed by its canonical name ("The AA"
 * and "The Arakan Army (AA), ..." are one source); otherwise the text without articles, case or quotes.
 * `nextFaction`: the index of the first of `factions` starting at or after the source, when known.
 */
export function sourceKey(source: TextSpan, factions: readonly Entity[], nextFaction = countStartingBefore(factions, source.start)): string {
  const faction = factionAtHead(source, factions, nextFaction);
  if (faction?.canonical && headLength(source.text) <= faction.text.length + 12) return partyKeys.get(faction.canonical, partyKey);
  return sourceKeys.get(source.text, normaliseSource);
}

/** Keys already made, kept across summaries: claims share sources, and an edited article keeps its own. */
const MEMO_LIMIT = 8192; // more than the distinct sources of a 1 MB text
const partyKeys = new BoundedMemo<string>(MEMO_LIMIT);
const sourceKeys = new BoundedMemo<string>(MEMO_LIMIT);

const partyKey = (canonical: string) => `party:${canonical.toLowerCase()}`;

/** The length of the text before its first comma. */
function headLength(text: string): number {
  const comma = text.indexOf(',');
  return comma < 0 ? text.length : comma;
}

/** The faction entities sorted by offset, for `sourceKey`'s binary search. */
export function factionsByStart(entities: readonly Entity[]): Entity[] {
  return sortedByStart(entities.filter((e) => e.type === 'faction'));
}

/** The first faction inside `source` that starts within its first few characters, looking from `factions[from]`. */
function factionAtHead(source: TextSpan, factions: readonly Entity[], from: number): Entity | undefined {
  for (let i = from; i < factions.length && factions[i].start - source.start <= 4; i++) {
    if (factions[i].end <= source.end) return factions[i];
  }
  return undefined;
}

/** Whitespace that `normaliseSource` would change: other than single spaces between words. */
const UNTIDY_SPACE = /[^\S ]|^ | $| {2}/;

export function normaliseSource(text: string): string {
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'");
  // Most sources are tidy already: "the national police" only loses its article.
  if (!UNTIDY_SPACE.test(lower)) return lower.replace(/^(?:the|a|an) /, '');
  return lower
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function placesOf(entities: readonly Entity[]): PlaceCount[] {
  const places = new Map<string, PlaceCount>();
  const list: PlaceCount[] = [];
  for (const entity of entities) {
    const name = entity.canonical ?? entity.text;
    let place = places.get(name);
    if (!place) {
      place = { name, mentions: 0 };
      if (entity.country) place.country = entity.country;
      places.set(name, place);
      list.push(place);
    }
    place.mentions++;
  }
  return byMentions(list);
}

/**
 * `places` with the most mentioned first, in order of first mention among equals (a stable sort): a
 * counting sort, as mentions are small counts.
 */
function byMentions(places: readonly PlaceCount[]): PlaceCount[] {
  let most = 0;
  for (const place of places) most = Math.max(most, place.mentions);
  const next = new Int32Array(most + 1); // where the next place with so many mentions goes
  for (const place of places) next[place.mentions]++;
  for (let mentions = most, at = 0; mentions > 0; mentions--) {
    const count = next[mentions];
    next[mentions] = at;
    at += count;
  }
  const sorted: PlaceCount[] = new Array(places.length);
  for (const place of places) sorted[next[place.mentions]++] = place;
  return sorted;
}

/** Dated statements: every calendar date (not durations) with its sentence, ordered by date. */
function timelineOf(dates: readonly Entity[], body: Body): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const spans = body.spans;
  let i = 0;
  for (const date of sortedByStart(dates.filter((e) => e.value && /^\d{4}/.test(e.value)))) {
    while (i < spans.length && spans[i].end <= date.start) i++;
    if (i < spans.length && spans[i].start <= date.start) entries.push({ value: date.value as string, date, sentence: body.sentence(i) });
  }
  return entries.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.date.start - b.date.start));
}

/** Sentences that no claim (content or source) touches. */
function unattributedOf(body: Body, claims: readonly Claim[]): TextSpan[] {
  const spans = body.spans;
  const touched = new Uint8Array(spans.length);
  let hint = -1;
  const touch = (span: Span) => {
    hint = sentenceIndexNear(spans, span.start, hint);
    for (let i = Math.max(0, hint); i < spans.length && spans[i].start < span.end; i++) {
      if (spans[i].end > span.start) touched[i] = 1;
    }
  };
  for (const claim of claims) {
    touch(claim);
    if (claim.source) touch(claim.source);
  }
  const untouched: TextSpan[] = [];
  for (let i = 0; i < spans.length; i++) if (!touched[i]) untouched.push(body.sentence(i));
  return untouched;
}

/** How many claims start in each sentence. */
function claimsPerSentence(body: readonly Span[], claims: readonly Claim[]): Int32Array {
  const counts = new Int32Array(body.length);
  let sentence = -1;
  for (const claim of claims) {
    sentence = sentenceIndexNear(body, claim.start, sentence);
    if (sentence >= 0) counts[sentence]++;
  }
  return counts;
}

/**
 * The index of the sentence containing `at` (or the last one starting before it), -1 if none; the
 * sentence `hint` and the few after it are tried first, as spans mostly come in text order.
 */
function sentenceIndexNear(body: readonly Span[], at: number, hint: number): number {
  return countStartingBeforeNear(body, at + 1, hint + 1) - 1;
}

// ---- across articles ------------------------------------------------------------------------

export interface CorpusArticle {
  file: string;
  date: string | null;
  headline: string | null;
  claims: number;
  /** Claims resting on hedges alone, and on anonymous sources. */
  hedged: number;
  anonymous: number;
  places: number;
  factions: number;
  sourcing: Sourcing;
}

export interface CorpusSource {
  name: string;
  kind: SourceKind;
  claims: number;
  files: string[];
}

export interface CorpusParty {
  canonical: string;
  mentions: number;
  files: string[];
}

export interface CorpusTimelineEntry {
  value: string;
  file: string;
  sentence: string;
}

export interface CorpusSummary {
  articles: CorpusArticle[];
  sourcing: Sourcing;
  /** The sources most relied on: by how many articles cite them, then by claims. */
  sources: CorpusSource[];
  parties: CorpusParty[];
  relations: (Relation & { files: string[] })[];
  timeline: CorpusTimelineEntry[];
}

export function summariseCorpus(documents: readonly { file: string; analysis: Analysis }[]): CorpusSummary {
  const articles: CorpusArticle[] = [];
  const sources = new Map<string, CorpusSource>();
  const parties = new Map<string, CorpusParty>();
  const relations = new Map<string, Relation & { files: string[] }>();
  const timeline: CorpusTimelineEntry[] = [];
  const total: Sourcing = { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 };

  for (const { file, analysis } of documents) {
    const factions = factionsByStart(analysis.entities);
    const summary = summarise(analysis);
    articles.push({
      file,
      date: summary.date,
      headline: summary.headline,
      claims: summary.counts.claims,
      hedged: summary.sourcing.hedged,
      anonymous: summary.sourcing.anonymous,
      places: summary.places.length,
      factions: summary.parties.length,
      sourcing: summary.sourcing,
    });
    for (const kind of Object.keys(total) as (keyof Sourcing)[]) total[kind] += summary.sourcing[kind];
    for (const group of summary.claimsBySource) {
      if (!group.source || !group.kind) continue;
      const key = sourceKey(group.source, factions);
      const source = sources.get(key) ?? { name: group.source.text, kind: group.kind, claims: 0, files: [] };
      source.claims += group.claims.length;
      if (!source.files.includes(file)) source.files.push(file);
      sources.set(key, source);
    }
    for (const party of analysis.parties) {
      const entry = parties.get(party.canonical) ?? { canonical: party.canonical, mentions: 0, files: [] };
      entry.mentions += party.mentions;
      if (!entry.files.includes(file)) entry.files.push(file);
      parties.set(party.canonical, entry);
    }
    for (const relation of analysis.relations) {
      const key = `${relation.from}\u0000${relation.kind}\u0000${relation.to}`;
      const entry = relations.get(key) ?? { ...relation, files: [] };
      if (!entry.files.includes(file)) entry.files.push(file);
      relations.set(key, entry);
    }
    for (const entry of summary.timeline) timeline.push({ value: entry.value, file, sentence: entry.sentence.text });
  }

  return {
    articles: articles.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.file.localeCompare(b.file)),
    sourcing: total,
    sources: [...sources.values()].sort((a, b) => b.files.length - a.files.length || b.claims - a.claims),
    parties: [...parties.values()].sort((a, b) => b.files.length - a.files.length || b.mentions - a.mentions),
    relations: [...relations.values()].sort((a, b) => b.files.length - a.files.length),
    timeline: timeline.sort((a, b) => a.value.localeCompare(b.value) || a.file.localeCompare(b.file)),
  };
}
