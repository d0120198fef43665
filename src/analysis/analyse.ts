import { BoundedMemo, detached } from './boundedMemo';
import { ClaimMemory } from './claimUnits';
import { type Unchanged, unchangedSince } from './commonText';
import { findClaimsInWindows } from './claimWindows';
import { findDates } from './dates';
import { articleDate } from './datesDateline';
import { parseDocument } from './document';
import { findFactions } from './factions';
import { readParties } from './factionsEdit';
import type { PartiesReading } from './factionsResolve';
import { movedEntity, movedInPlace, movedSpans } from './moved';
import { findPlaces } from './places';
import { readSpread, type SpreadReading } from './placesSpread';
import { splitSentences } from './sentences';
import { byTextOrder, countStartingBefore, mergedInTextOrder, sortedInPlace } from './sortedSpans';
import type { AnalyseOptions, Analysis, Claim, DocumentModel, Entity, RecogniserContext, Span, TextSpan, UserLexicon } from './types';

// The entry point. Sentences are split and recognisers run paragraph by paragraph, on offsets
// relative to the paragraph, so an Analyser can reuse both: after a one-character edit only the
// edited paragraph is split and recognised again — paragraphs before and after the edit are taken
// from the previous analysis of the same document, others from a memo by paragraph text.
// Document-level passes run every time, though spreading places searches again only the text around
// the edit, and merging parties keeps the version before's when the edit changed nothing it reads;
// claims run when first read, as highlights and hovers never read them, and take the claims of
// paragraphs whose text and entities are unchanged from a memo. `analyse` uses a fresh
// Analyser: nothing is cached.

const EMPTY_LEXICON: UserLexicon = {};

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return new Analyser(0).analyse(text, options); // one text: its paragraphs rarely repeat, so remember none
}

/** What reading a text's paragraphs gave, kept with its analysis for the next version of the text. */
interface Reading {
  text: string;
  context: RecogniserContext;
  /** In order. */
  paragraphs: ParagraphReading[];
  spread?: SpreadReading;
  parties?: PartiesReading;
}

/** A paragraph's span, sentences and entities, offsets into the text. */
interface ParagraphReading extends Span {
  sentences: Span[];
  entities: Entity[];
}

export class Analyser {
  private readonly entities: BoundedMemo<Entity[]>;
  private readonly sentences: BoundedMemo<Span[]>;
  /** The claims read by unit of paragraphs (see `findClaimsInWindows`); none when nothing is cached. */
  private readonly claimMemory: ClaimMemory | undefined;
  private readonly readings = new WeakMap<Analysis, Reading>();
  private cacheLexicon: UserLexicon | undefined;
  private readonly keepsParagraphs: boolean;

  /** @param maxCachedParagraphs bound on each paragraph cache (the oldest entries go first); 0 caches nothing. */
  constructor(maxCachedParagraphs = 20_000) {
    this.keepsParagraphs = maxCachedParagraphs > 0;
    this.entities = new BoundedMemo(maxCachedParagraphs);
    this.sentences = new BoundedMemo(maxCachedParagraphs);
    this.claimMemory = maxCachedParagraphs > 0 ? new ClaimMemory(maxCachedParagraphs) : undefined;
  }

  /** @param previous an earlier analysis of the same document by this Analyser, whose unchanged paragraphs are reused. */
  analyse(text: string, options: AnalyseOptions = {}, previous?: Analysis): Analysis {
    const earlier = previous && this.readings.get(previous);
    const unchanged = earlier && new UnchangedParagraphs(earlier, text);
    const document = parseDocument(
      text,
      (paragraph, start) => unchanged?.sentencesOf(start, start + paragraph.length) ?? movedSpans(this.sentences.get(paragraph, () => splitSentences(paragraph)), start),
    );
    const date = articleDate(document);
    const context: RecogniserContext = {
      documentDate: date ?? options.referenceDate ?? null,
      lexicon: options.lexicon ?? EMPTY_LEXICON,
    };
    if (context.lexicon !== this.cacheLexicon) {
      this.entities.clear();
      this.cacheLexicon = context.lexicon;
    }

    const sameEntities = earlier && sameContext(earlier.context, context); // else a paragraph's entities may differ
    const reading: Reading = { text, context, paragraphs: [] };
    const entities: Entity[] = datelineEntities(document, context);
    for (const { start, end, sentences } of document.paragraphs) {
      const found = (sameEntities && unchanged?.entitiesOf(start, end)) || this.recognise(text.slice(start, end), start, context);
      reading.paragraphs.push({ start, end, sentences, entities: found });
      for (const entity of found) entities.push(entity); // shared with the next version's analysis: no pass changes an entity
    }
    // A place known from context in one paragraph is one in all.
    reading.spread = readSpread(text, entities, earlier?.spread, unchanged?.edit);

    const factions: Entity[] = [];
    const others: Entity[] = [];
    for (const entity of entities) (entity.type === 'faction' ? factions : others).push(entity);
    const resolved = readParties(text, factions, context, earlier?.parties, unchanged?.edit);
    reading.parties = resolved.reading;
    const merged = dropIgnored(settleOverlaps([others, reading.spread.spread, resolved.factions]), context.lexicon);
    const found = { document, date, entities: merged, parties: resolved.parties, relations: resolved.relations };
    const analysis = withLazyClaims(found, this.claimMemory, unchanged?.edit);
    this.readings.set(analysis, reading);
    return analysis;
  }

  /**
   * The entities of the paragraph at `start`, with offsets into the text: copies of those the memo keeps
   * (by paragraph text, so relative to the paragraph), or, when nothing is kept, the recognisers' own.
   */
  private recognise(paragraph: string, start: number, context: RecogniserContext): Entity[] {
    if (!this.keepsParagraphs) return movedInPlace(recogniseParagraph(paragraph, context), start);
    return shifted(
      // Entities kept in the memo are found in a copy of the paragraph: their texts are slices of it.
      // Kept in text order, so that settling the overlaps of an edited document's entities sorts little.
      this.entities.get(`${context.documentDate ?? ''}\u0000${paragraph}`, () => sortedInPlace(recogniseParagraph(detached(paragraph), context), byTextOrder)),
      start,
    );
  }
}

function recogniseParagraph(paragraph: string, context: RecogniserContext): Entity[] {
  return [...findDates(paragraph, context), ...findPlaces(paragraph, context), ...findFactions(paragraph, context)];
}

/**
 * The analysis with its claims found when first read. A function of its own, so that the getter keeps
 * only what claims need alive, not everything `analyse` had in scope (the previous version's reading).
 */
function withLazyClaims(found: Omit<Analysis, 'claims'>, memory: ClaimMemory | undefined, edit: Unchanged | undefined): Analysis {
  let claims: Claim[] | undefined;
  return {
    document: found.document,
    date: found.date,
    entities: found.entities,
    get claims() {
      if (!claims) {
        claims = findClaimsInWindows(found.document, found.entities, memory, edit);
        edit = undefined; // the text before the edit is not needed again
      }
      return claims;
    },
    parties: found.parties,
    relations: found.relations,
  };
}

function sameContext(a: RecogniserContext, b: RecogniserContext): boolean {
  return a.documentDate === b.documentDate && a.lexicon === b.lexicon;
}

/**
 * The paragraphs an edit left alone: those wholly inside the text's common prefix with the earlier
 * version (same offsets) or wholly inside its common suffix (offsets moved by the change in length).
 * Sentences and recognisers read nothing beyond a paragraph, so theirs are unchanged there.
 */
class UnchangedParagraphs {
  readonly edit: Unchanged;

  constructor(
    private readonly earlier: Reading,
    text: string,
  ) {
    this.edit = unchangedSince(earlier.text, text);
  }

  /** The sentences of the paragraph at `start`..`end` of the new text, if it is unchanged: the same spans when they did not move. */
  sentencesOf(start: number, end: number): Span[] | undefined {
    const found = this.find(start, end);
    if (!found) return undefined;
    return found.by === 0 ? found.paragraph.sentences : movedSpans(found.paragraph.sentences, found.by);
  }

  /** The entities of the paragraph at `start`..`end` of the new text, if it is unchanged. */
  entitiesOf(start: number, end: number): Entity[] | undefined {
    const found = this.find(start, end);
    if (!found) return undefined;
    return found.by === 0 ? found.paragraph.entities : shifted(found.paragraph.entities, found.by);
  }

  private find(start: number, end: number): { paragraph: ParagraphReading; by: number } | undefined {
    const { prefix, suffixStart, delta } = this.edit;
    const by = end <= prefix ? 0 : start >= suffixStart ? delta : undefined;
    if (by === undefined) return undefined;
    const paragraphs = this.earlier.paragraphs;
    const paragraph = paragraphs[countStartingBefore(paragraphs, start - by)];
    return paragraph && paragraph.start === start - by && paragraph.end === end - by ? { paragraph, by } : undefined;
  }
}

/** Entities moved by `by` characters, as copies. */
function shifted(entities: readonly Entity[], by: number): Entity[] {
  return entities.map((entity) => movedEntity(entity, by));
}

/** The dateline's date and places are entities like any other. */
function datelineEntities(document: DocumentModel, context: RecogniserContext): Entity[] {
  const dateline = document.dateline;
  const found: Entity[] = [];
  if (dateline?.date) found.push({ type: 'date', ...dateline.date });
  // "LONDON/KYIV": each city of a dateline filed from two.
  let at = dateline?.place?.start ?? 0;
  for (const city of dateline?.place?.text.split('/') ?? []) {
    const place = datelinePlace({ text: city, start: at, end: at + city.length }, 'city', context);
    if (place) found.push(place);
    at += city.length + 1;
  }
  const region = dateline?.region && datelinePlace(dateline.region, 'region', context);
  if (region) found.push(region);
  return found;
}

/**
 * A wire dateline's city ("KHARTOUM": Khartoum, SD) or the country or region after it ("Nigeria": a
 * country, NG) as the place recogniser knows it, else a place of `kind` if it is a name: the dateline's
 * form says it is a place, whether the gazetteer has it or not.
 */
function datelinePlace(span: TextSpan, kind: 'city' | 'region', context: RecogniserContext): Entity | undefined {
  const known = findPlaces(span.text, context).find((place) => place.start === 0 && place.end === span.text.length);
  if (known) return movedEntity(known, span.start);
  return CAPITALISED.test(span.text) ? { type: 'place', ...span, kind, canonical: nameCased(span.text) } : undefined;
}

const CAPITALISED = /^\p{Lu}/u;

/** "STEPANAKERT" as a name is written, "Stepanakert"; "N'DJAMENA", "N'Djamena"; a name in title case as it is. */
function nameCased(name: string): string {
  return name.replace(/(^|[\s'’/-])(\p{Lu})(\p{Lu}+)/gu, (_, before: string, first: string, rest: string) => before + first + rest.toLowerCase());
}

/** Factions that a place's name stands for, the place still meant: a state ("supported by Egypt"), a government ("turned against Addis Ababa"). */
const NAMED_BY_PLACE = new Set(['state', 'government']);

/**
 * In text order; a place inside a faction's span belongs to the faction ("the Tripoli government"),
 * and so does one that is the whole of a faction's name ("Islamic State Sahel Province", a region by
 * its last word) unless the faction is one a place's name stands for; within one type the first,
 * longest span wins. The lists come each in order, or nearly (paragraph by
 * paragraph): merged, they need no sort of the whole.
 */
function settleOverlaps(lists: Entity[][]): Entity[] {
  const sorted = lists.map((list) => sortedInPlace(list, byTextOrder)).reduce(mergedInTextOrder);
  let lastDate = 0;
  let lastPlace = 0;
  let lastFaction = 0;
  let faction = { start: -1, end: -1 }; // the faction reaching furthest among those started so far
  return sorted.filter((entity, k) => {
    switch (entity.type) {
      case 'date':
        if (entity.start < lastDate) return false;
        lastDate = entity.end;
        return true;
      case 'place':
        if (entity.start < lastPlace) return false;
        if (entity.end <= faction.end && faction.end - faction.start > entity.end - entity.start) return false;
        if (sorted[k + 1]?.start === entity.start && isPartyName(sorted, k)) return false;
        if (sorted[k + 1]?.start < entity.end && inLongerFaction(sorted, k)) return false;
        lastPlace = entity.end;
        return true;
      case 'faction':
        if (entity.start < lastFaction) return false;
        if (entity.end > faction.end) faction = entity;
        lastFaction = entity.end;
        return true;
    }
  });
}

/** Whether a faction no place's name stands for has the span of `sorted[k]`: after it, as the lists merge at equal spans. */
function isPartyName(sorted: readonly Entity[], k: number): boolean {
  const { start, end } = sorted[k];
  for (let j = k + 1; j < sorted.length && sorted[j].start === start && sorted[j].end === end; j++) {
    if (sorted[j].type === 'faction' && !NAMED_BY_PLACE.has(sorted[j].kind!)) return true;
  }
  return false;
}

/** Whether a faction that starts inside the place `sorted[k]` reaches past it: "The |U.S.| Central Command", the place only with its article. */
function inLongerFaction(sorted: readonly Entity[], k: number): boolean {
  const { start, end } = sorted[k];
  for (let j = k + 1; j < sorted.length && sorted[j].start < end; j++) {
    if (sorted[j].type === 'faction' && sorted[j].start > start && sorted[j].end > end) return true;
  }
  return false;
}

function dropIgnored(entities: Entity[], lexicon: UserLexicon): Entity[] {
  if (!lexicon.ignore?.length) return entities;
  const ignored = new Set(lexicon.ignore.map((name) => name.toLowerCase()));
  return entities.filter((e) => !ignored.has(e.text.toLowerCase()));
}
