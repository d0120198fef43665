import { BoundedMemo, detached } from './boundedMemo';
import { findUnresolvedClaims, LOOK_AHEAD } from './claims';
import { type Unchanged, unchangedSince } from './commonText';
import { movedEntity } from './moved';
import { countStartingBefore } from './sortedSpans';
import { ANTECEDENT_REACH, isNaming, readSource, type SourceReading } from './sources';
import type { Claim, DocumentModel, Entity, Paragraph, Span } from './types';

// The unresolved claims of a unit of paragraphs (see `findClaimsInWindows`), kept across versions of
// a text. A unit's reading depends on its text with ANTECEDENT_REACH characters before it and
// LOOK_AHEAD after it, on its paragraphs and sentences, and on the entities any read there can reach:
// all of that, at offsets from where that text starts, is compared before a reading is reused.
// A unit whose text an edit left alone is found in place in the last version read (no hash of its
// text); any other in a memo by text.

/**
 * A window's entities as a claim's reading reads them, in columns: a property of an entity costs far
 * more to read than a number in an array (entities come in many shapes), and a unit's entities are
 * compared on every version of the text.
 */
export class EntityColumns {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 for a party or a larger place (see `isNaming`). */
  readonly naming: Uint8Array;
  readonly texts: string[];

  constructor(readonly entities: readonly Entity[]) {
    const n = entities.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.naming = new Uint8Array(n);
    this.texts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const e = entities[i];
      this.starts[i] = e.start;
      this.ends[i] = e.end;
      this.naming[i] = isNaming(e) ? 1 : 0;
      this.texts[i] = e.text;
    }
  }
}

/** A unit's unresolved claims at offsets from the start of its text, and what they were read from. */
interface UnitReading {
  /** Its paragraphs and their sentences (see `spansOf`). */
  spans: number[];
  /** Its entities' columns, their offsets from the start of its text. */
  entities: EntityColumns;
  claims: Claim[];
  /** The claims with a source, by index, in the order their sources are resolved (by start); and what resolving reads of each source. */
  order: number[];
  sources: SourceReading[];
}

/** Where a reading was used in a version of the text. */
export interface PlacedReading extends Span {
  /** Where its text starts, ANTECEDENT_REACH before it unless the window starts later: its claims' offsets are from here. */
  from: number;
  /** Where its text ends: LOOK_AHEAD after it unless the window ends sooner. */
  to: number;
  reading: UnitReading;
  /** The claims the same reading gave at the same offsets in the version read before, if it was there. */
  before?: readonly Claim[];
  /** Its claims in the text, once resolved. */
  claims?: readonly Claim[];
}

/** The reading of a unit of a window: its paragraphs, and its entities from `first` to `last` in the window's. */
export type UnitReader = (paragraphs: readonly Paragraph[], first: number, last: number, window: Span, entities: EntityColumns) => PlacedReading;

/** Readings kept per text: the same unit with other entities or sentences is rare, and comes back rarely. */
const READINGS_PER_TEXT = 4;

/** What an Analyser keeps of the claims it read. */
export class ClaimMemory {
  private readonly byText: BoundedMemo<UnitReading[]>;
  private lastText = '';
  private lastPlaced: PlacedReading[] = [];

  /** @param limit bound on the texts of units kept in the memo (the oldest go first). */
  constructor(limit: number) {
    this.byText = new BoundedMemo(limit);
  }

  /**
   * Reads the units of a version of the text with `read`; where they were is remembered for the next
   * version. `unchanged`, if known, is what an edit left alone of the text before.
   */
  read<T>(text: string, read: (readUnit: UnitReader) => T, unchanged?: Unchanged): T {
    const edit = unchanged?.before === this.lastText ? unchanged : unchangedSince(this.lastText, text);
    const placed: PlacedReading[] = [];
    const result = read((paragraphs, first, last, window, entities) => {
      const place = this.place(text, edit, paragraphs, first, last, window, entities);
      placed.push(place);
      return place;
    });
    this.lastText = text;
    this.lastPlaced = placed;
    return result;
  }

  private place(text: string, unchanged: Unchanged, paragraphs: readonly Paragraph[], first: number, last: number, window: Span, columns: EntityColumns): PlacedReading {
    const start = paragraphs[0].start;
    const end = paragraphs[paragraphs.length - 1].end;
    const from = Math.max(window.start, start - ANTECEDENT_REACH);
    const to = Math.min(window.end, end + LOOK_AHEAD);
    const old = this.inPlace(unchanged, start, from, to);
    if (old && fits(old.reading, paragraphs, columns, first, last, from, to)) return { start, end, from, to, reading: old.reading, before: old.from === from ? old.claims : undefined };
    const unitText = text.slice(from, to);
    const readings = this.byText.get(`${start - from}|${unitText}`, () => []);
    for (const reading of readings) if (fits(reading, paragraphs, columns, first, last, from, to)) return { start, end, from, to, reading };
    // The reading is kept across versions: read from a copy of the unit, so that it keeps only that alive.
    const own = detached(unitText);
    const moved = columns.entities.slice(first, last).map((e) => {
      const entity = movedEntity(e, -from);
      entity.text = detached(entity.text);
      return entity;
    });
    const part: DocumentModel = { text: own, dateline: null, bodyStart: start - from, headline: null, paragraphs: relativeParagraphs(paragraphs, from) };
    const claims = findUnresolvedClaims(part, moved);
    const order = resolutionOrder(claims);
    const reading = { spans: spansOf(paragraphs, from), entities: new EntityColumns(moved), claims, order, sources: order.map((i) => readSource(claims[i].source!.text)) };
    if (readings.length === READINGS_PER_TEXT) readings.shift();
    readings.push(reading);
    return { start, end, from, to, reading };
  }

  /** Where the last version's unit whose text (from `from` to `to`) an edit left alone was placed, in place or moved with the end. */
  private inPlace({ prefix, suffixStart, delta }: Unchanged, start: number, from: number, to: number): PlacedReading | undefined {
    const at = to <= prefix ? start : from >= suffixStart ? start - delta : -1;
    if (at < 0) return undefined;
    const old = this.lastPlaced[countStartingBefore(this.lastPlaced, at)];
    return old?.start === at && old.start - old.from === start - from && old.to - old.from === to - from ? old : undefined;
  }
}

/** The indices of the claims with a source, by their sources' starts (a stable sort: as `resolveSources` orders them). */
function resolutionOrder(claims: readonly Claim[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < claims.length; i++) if (claims[i].source) order.push(i);
  return order.sort((a, b) => claims[a].source!.start - claims[b].source!.start);
}

/** Paragraphs at offsets from `start`. Only the offsets: the finder reads nothing else of a paragraph or a sentence. */
export function relativeParagraphs(paragraphs: readonly Paragraph[], start: number): Paragraph[] {
  return paragraphs.map((p) => ({ start: p.start - start, end: p.end - start, sentences: p.sentences.map((s) => ({ start: s.start - start, end: s.end - start })) }));
}

/**
 * Whether `reading` was read from these paragraphs and entities, at offsets from `from`. Only ever asked
 * of a reading of the same text, from `from` to `to`.
 */
function fits(reading: UnitReading, paragraphs: readonly Paragraph[], columns: EntityColumns, first: number, last: number, from: number, to: number): boolean {
  return sameSpans(reading.spans, paragraphs, from) && sameEntities(reading.entities, columns, first, last, from, to - from);
}

/** Each paragraph's start, end and number of sentences, then its sentences' starts and ends, at offsets from `from`. */
function spansOf(paragraphs: readonly Paragraph[], from: number): number[] {
  const spans: number[] = [];
  for (const p of paragraphs) {
    spans.push(p.start - from, p.end - from, p.sentences.length);
    for (const s of p.sentences) spans.push(s.start - from, s.end - from);
  }
  return spans;
}

/** Whether `spansOf(paragraphs, from)` would give `spans`. */
function sameSpans(spans: readonly number[], paragraphs: readonly Paragraph[], from: number): boolean {
  let i = 0;
  for (const p of paragraphs) {
    if (spans[i++] !== p.start - from || spans[i++] !== p.end - from || spans[i++] !== p.sentences.length) return false;
    for (const s of p.sentences) if (spans[i++] !== s.start - from || spans[i++] !== s.end - from) return false;
  }
  return i === spans.length;
}

/**
 * Whether `columns` from `first` to `last`, moved by `-from`, are `moved`, which were read from the same
 * text of `length` characters. An entity's text is the text at its span: inside that text, the same
 * span is the same text, and only those reaching outside it have theirs compared (comparing equal
 * strings character by character was a fifth of the claims' part of an edit).
 */
function sameEntities(moved: EntityColumns, columns: EntityColumns, first: number, last: number, from: number, length: number): boolean {
  if (moved.starts.length !== last - first) return false;
  for (let i = 0, j = first; j < last; i++, j++) {
    const start = moved.starts[i];
    const end = moved.ends[i];
    if (start !== columns.starts[j] - from || end !== columns.ends[j] - from || moved.naming[i] !== columns.naming[j]) return false;
    if ((start < 0 || end > length) && moved.texts[i] !== columns.texts[j]) return false;
  }
  return true;
}
