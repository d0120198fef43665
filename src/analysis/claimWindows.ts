import { findClaims, fullNameBefore } from './claims';
import { findQuotes } from './claimsQuotes';
import { type ClaimMemory, EntityColumns, type PlacedReading, relativeParagraphs, type UnitReader } from './claimUnits';
import type { Unchanged } from './commonText';
import { movedSource, movedText } from './moved';
import { ANTECEDENT_REACH, AntecedentResolver, applyAntecedent, type Latest } from './sources';
import type { Claim, ClaimSource, DocumentModel, Entity, Paragraph, Span } from './types';

// Claims are a document-level pass (quotations run across sentences, pronouns look back), and its
// cost grows faster than the text. An article is far below WINDOW and is read whole, as before; a
// dump of many articles, or one endless paragraph, is read window by window — whole paragraphs, or
// runs of whole sentences when one paragraph is too long — so the time stays linear.
//
// With a memory (an editor's Analyser), a window is read unit by unit: a run of paragraphs joined by
// quotations continued from one to the next. All a claim holds but its resolved source comes from its
// unit, the text just around it and the entities there (see claimUnits.ts), so a unit an edit did not
// touch is read once; sources are resolved over the window, as pronouns look back across units.

/** Characters of text per window. */
const WINDOW = 50_000;

/** Whole paragraphs (or pieces of one) read together, at offsets in the document. */
interface Window extends Span {
  paragraphs: Paragraph[];
  /** The entities wholly inside, sorted by start. */
  entities: readonly Entity[];
  /** Pieces of a long paragraph after its first: they stay in the unit of the piece before them. */
  continuations: ReadonlySet<Paragraph>;
}

/**
 * The claims of `document`; with `memory`, a text read again after an edit costs little more than its
 * edited paragraphs (`unchanged`: what the edit left alone, if known).
 */
export function findClaimsInWindows(document: DocumentModel, entities: readonly Entity[], memory?: ClaimMemory, unchanged?: Unchanged): Claim[] {
  const text = document.text;
  if (memory) return memory.read(text, (readUnit) => layout(document, entities).flatMap((window) => windowClaimsByUnit(text, window, readUnit)), unchanged);
  if (text.length <= WINDOW) return findClaims(document, entities);
  return layout(document, entities).flatMap((window, i) => windowClaims(document, window, i === 0));
}

function windowClaims(document: DocumentModel, window: Window, first: boolean): Claim[] {
  const { start, end, paragraphs } = window;
  const part: DocumentModel = {
    text: document.text.slice(start, end),
    dateline: first ? document.dateline : null,
    bodyStart: first ? document.bodyStart : 0,
    headline: first ? document.headline : null,
    paragraphs: relativeParagraphs(paragraphs, start),
  };
  return findClaims(part, window.entities, start);
}

/** The windows of a document: the whole of it when it is short enough. */
function layout(document: DocumentModel, entities: readonly Entity[]): Window[] {
  const { text, paragraphs } = document;
  if (text.length <= WINDOW) return [{ start: 0, end: text.length, paragraphs, entities, continuations: new Set() }];
  const continuations = new Set<Paragraph>();
  let next = 0; // entities are sorted by start: each window takes the next ones
  return windows(paragraphs, continuations).map((inWindow, i) => {
    // The first window starts at 0, so the dateline and headline keep their offsets.
    const start = i === 0 ? 0 : inWindow[0].start;
    const end = inWindow[inWindow.length - 1].end;
    const inside: Entity[] = [];
    while (next < entities.length && entities[next].start < end) {
      const e = entities[next++];
      if (e.start >= start && e.end <= end) inside.push(e);
    }
    return { start, end, paragraphs: inWindow, entities: inside, continuations };
  });
}

/** Consecutive paragraphs (or pieces of one, the pieces after the first put in `continuations`) of about WINDOW characters together. */
function windows(paragraphs: readonly Paragraph[], continuations: Set<Paragraph>): Paragraph[][] {
  const result: Paragraph[][] = [];
  let current: Paragraph[] = [];
  const add = (p: Paragraph) => {
    if (current.length && p.end - current[0].start > WINDOW) {
      result.push(current);
      current = [];
    }
    current.push(p);
  };
  for (const paragraph of paragraphs) {
    if (paragraph.end - paragraph.start <= WINDOW || paragraph.sentences.length < 2) add(paragraph);
    else {
      const pieces = sentenceRuns(paragraph);
      for (const piece of pieces) add(piece);
      for (const piece of pieces.slice(1)) continuations.add(piece);
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** A long paragraph as paragraphs of whole sentences, each at most WINDOW long (or one sentence). */
function sentenceRuns(paragraph: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  let sentences: Span[] = [];
  for (const sentence of paragraph.sentences) {
    if (sentences.length && sentence.end - sentences[0].start > WINDOW) {
      pieces.push({ start: sentences[0].start, end: sentences[sentences.length - 1].end, sentences });
      sentences = [];
    }
    sentences.push(sentence);
  }
  if (sentences.length) pieces.push({ start: sentences[0].start, end: sentences[sentences.length - 1].end, sentences });
  return pieces;
}

// ---- by unit ----------------------------------------------------------------------------------

/**
 * A window's claims from its units' (remembered) claims, joined in order and resolved in turn: no
 * content or source span leaves its unit, so the joined lists are in the order one reading gives.
 */
function windowClaimsByUnit(text: string, window: Window, readUnit: UnitReader): Claim[] {
  const claims: Claim[] = [];
  try {
    const resolver = new AntecedentResolver(fullNameBefore(text, window.paragraphs, window.entities, 0, window.start));
    const entities = new EntityColumns(window.entities);
    const { starts } = entities;
    const reach = entityReach(entities);
    let first = 0; // the units go forward, and so do their entities
    let last = 0;
    for (const paragraphs of units(text, window)) {
      const start = paragraphs[0].start;
      const end = paragraphs[paragraphs.length - 1].end;
      while (first < starts.length && starts[first] < start - reach) first++;
      while (last < starts.length && starts[last] < end) last++;
      const placed = readUnit(paragraphs, first, last, window, entities);
      placed.claims = resolvedClaims(placed, resolver);
      for (const claim of placed.claims) claims.push(claim);
    }
    return claims;
  } catch {
    return []; // as `findClaims` does for a window
  }
}

/**
 * How far before a unit the entities its reading can reach start: one ending by its first character
 * (the antecedent of "which" at its start), or the known names over an antecedent starting up to
 * ANTECEDENT_REACH before it; the longest entity bounds how far before its end one starts.
 */
function entityReach({ starts, ends }: EntityColumns): number {
  let longest = 0;
  for (let i = 0; i < starts.length; i++) longest = Math.max(longest, ends[i] - starts[i]);
  return Math.max(ANTECEDENT_REACH, longest + 1) + longest;
}

/**
 * The window's paragraphs in units: a paragraph that continues a quotation open at the end of the one
 * before (its quotation state), or a piece of the same paragraph, joins that one's unit.
 */
function units(text: string, window: Window): Paragraph[][] {
  const { paragraphs, continuations } = window;
  const joined = new Uint8Array(paragraphs.length);
  findQuotes(text, paragraphs, (p) => (joined[p] = 1));
  const found: Paragraph[][] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    if (p > 0 && (joined[p] || continuations.has(paragraphs[p]))) found[found.length - 1].push(paragraphs[p]);
    else found.push([paragraphs[p]]);
  }
  return found;
}

/**
 * A unit's claims in the text, their sources resolved in turn: those it gave at the same offsets in the
 * version before where they resolve the same (a claim is never changed once made), else copies.
 */
function resolvedClaims({ from, reading, before }: PlacedReading, resolver: AntecedentResolver): Claim[] {
  const { claims, order, sources } = reading;
  const resolved = new Array<Claim>(claims.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const source = claims[i].source!;
    const antecedent = resolver.antecedentOf(source, sources[k], from);
    let claim = before?.[i];
    if (!claim || !resolvesAs(claim.source!, source, antecedent)) {
      claim = movedClaim(claims[i], from);
      if (antecedent) applyAntecedent(claim.source!, antecedent);
    }
    resolver.record(claim.source!, sources[k], antecedent);
    resolved[i] = claim;
  }
  for (let i = 0; i < claims.length; i++) resolved[i] ??= before?.[i] ?? movedClaim(claims[i], from);
  return resolved;
}

/** Whether `made`, resolved before from the unit's `source`, has what `antecedent` would give it now. */
function resolvesAs(made: ClaimSource, source: ClaimSource, antecedent: Latest | undefined): boolean {
  if (source.antecedent) return true; // read with the unit: nothing resolved
  if (!antecedent) return made.antecedent === undefined;
  const { text, start, kind } = antecedent.source;
  return made.antecedent?.start === start && made.antecedent.text === text && made.kind === kind; // the same start and text: the same end
}

/** A copy of a claim, and of all it holds (resolving changes sources), moved by `by`: built as the finder builds it. */
function movedClaim(claim: Claim, by: number): Claim {
  const moved: Claim = {
    text: claim.text,
    start: claim.start + by,
    end: claim.end + by,
    cue: claim.cue,
    hedged: claim.hedged,
    hedges: claim.hedges.slice(),
    source: claim.source && movedSource(claim.source, by),
    stance: claim.stance,
    quote: claim.quote,
  };
  if (claim.cueSpan) moved.cueSpan = { start: claim.cueSpan.start + by, end: claim.cueSpan.end + by };
  if (claim.channel) moved.channel = movedText(claim.channel, by);
  return moved;
}
