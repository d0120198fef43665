import type { Unchanged } from './commonText';
import { movedEntity } from './moved';
import { CAPITAL, charClass, NAME_CHAR } from './paragraphWords';
import { byTextOrder, countStartingBeforeNear, sortedByStart, sortedInPlace } from './sortedSpans';
import type { Entity } from './types';

// Places known from one paragraph's context, found again in the rest of the document: "the town of
// Bariire" in one paragraph makes "Bariire" a place in the next. Only names no gazetteer coordinates
// back are spread (they are few). Finding them reads the whole text, so after an edit the occurrences
// found where neither the text nor the places around them changed are taken from the version before,
// and only the text between is searched again.

const UPPER = /^\p{Lu}/u;

/** What spreading read and found in one version of a text, for the next version's. */
export interface SpreadReading {
  /** The names spread, each with the place its occurrences copy. */
  known: Map<string, Entity>;
  /** The places already found (only their offsets are read), in order of start. */
  places: Entity[];
  /** Every occurrence of a known name, before overlaps between them are settled, in text order. */
  found: Entity[];
  /** The places spread: `found` without overlaps. */
  spread: Entity[];
}

export function spreadPlaces(text: string, entities: readonly Entity[]): Entity[] {
  return readSpread(text, entities).spread;
}

/**
 * The places spread over `text`; given the reading of the version before an `edit`, its occurrences are
 * reused where the text and the places around them are unchanged.
 */
export function readSpread(text: string, entities: readonly Entity[], previous?: SpreadReading, edit?: Unchanged): SpreadReading {
  const known = new Map<string, Entity>();
  // Places found so far, put in order of start below: a search tells whether an occurrence is already taken.
  const places: Entity[] = [];
  for (const entity of entities) {
    if (entity.type !== 'place') continue;
    places.push(entity);
    if (entity.lat === undefined && entity.text.length > 2 && startsCapitalised(entity.text)) known.set(entity.text, entity);
  }
  if (known.size === 0) return { known, places, found: [], spread: [] };
  sortedByStart(places);
  const { from, to } = previous && edit && sameNames(previous.known, known) ? changedRange(previous.places, places, edit, longestName(known)) : { from: 0, to: text.length };
  const found: Entity[] = [];
  if (from > 0) for (const old of previous!.found) if (old.start < from) found.push(old); // unchanged, at the same offsets
  for (const occurrence of sortedInPlace(findOccurrences(text, known, places, from, to), byTextOrder)) found.push(occurrence);
  if (to < text.length) for (const old of previous!.found) if (old.start + edit!.delta >= to) found.push(movedEntity(old, edit!.delta));
  // Two spread names may overlap ("Ain Zara" and "Zara"): the first, longest wins.
  const spread: Entity[] = [];
  let lastEnd = 0;
  for (const entity of found) {
    if (entity.start < lastEnd) continue;
    spread.push(entity);
    lastEnd = entity.end;
  }
  return { known, places, found, spread };
}

/**
 * Where occurrences may differ from the version before the edit, as starts: `from`..`to`.
 *
 * Whether a name at `at`..`end` is an occurrence depends on the text from `at - 1` to `end + 1` and on
 * the last place starting before `end`. An occurrence starting before `from` ends two characters or
 * more before the common prefix does (so it reads no changed character), and where the first place
 * that differs starts at the latest (so it finds the same place). One starting at `to` or after starts
 * after the common suffix's first character, and where every place but the unchanged ones at the end
 * has ended: it finds one of those, or else a place that ends before it in either version.
 */
function changedRange(before: readonly Entity[], places: readonly Entity[], { prefix, suffixStart, delta }: Unchanged, longest: number): { from: number; to: number } {
  let same = 0;
  while (same < before.length && same < places.length && before[same].start === places[same].start && before[same].end === places[same].end) same++;
  const firstDiffering = Math.min(before[same]?.start ?? Infinity, places[same]?.start ?? Infinity);
  const from = Math.max(0, Math.min(prefix - 2, firstDiffering) - longest + 1);
  let oldTail = before.length;
  let newTail = places.length;
  while (oldTail > 0 && newTail > 0 && before[oldTail - 1].start + delta === places[newTail - 1].start && before[oldTail - 1].end + delta === places[newTail - 1].end) {
    oldTail--;
    newTail--;
  }
  let to = suffixStart + 1;
  for (let i = 0; i < oldTail; i++) to = Math.max(to, before[i].end + delta);
  for (let i = 0; i < newTail; i++) to = Math.max(to, places[i].end);
  return { from, to };
}

/** The same names, each copying a place that differs at most in its offsets. */
function sameNames(a: ReadonlyMap<string, Entity>, b: ReadonlyMap<string, Entity>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, entity] of b) {
    const other = a.get(name);
    if (!other || !sameButOffsets(other, entity)) return false;
  }
  return true;
}

/** Every property, in order, the same but `start` and `end`: a copy of either spreads the same. */
function sameButOffsets(a: Entity, b: Entity): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as keyof Entity;
    if (key !== others[i] || (key !== 'start' && key !== 'end' && a[key] !== b[key])) return false;
  }
  return true;
}

function longestName(known: ReadonlyMap<string, Entity>): number {
  let longest = 0;
  for (const name of known.keys()) longest = Math.max(longest, name.length);
  return longest;
}

/** The occurrences of `known` names starting from `from` to `to` that no found place takes already. */
function findOccurrences(text: string, known: ReadonlyMap<string, Entity>, places: readonly Entity[], from: number, to: number): Entity[] {
  let taken = 0; // places starting before the last occurrence's end
  const found: Entity[] = [];
  const take = (name: string, entity: Entity, at: number) => {
    const end = at + name.length;
    if (isWordChar(text, end) || beforeCapital(text, end)) return;
    // Occurrences come mostly in text order: the search starts from where the last one landed.
    taken = countStartingBeforeNear(places, end, taken);
    if (taken > 0 && places[taken - 1].end > at) return;
    const copy = { ...entity }; // a bare spread is V8's fast copy; `{ ...entity, start }` is not
    copy.start = at;
    copy.end = end;
    found.push(copy);
  };
  if (known.size <= FEW_NAMES) {
    for (const [name, entity] of known) {
      for (let at = text.indexOf(name, from); at >= 0 && at < to; at = text.indexOf(name, at + 1)) if (!isWordChar(text, at - 1)) take(name, entity, at);
    }
  } else {
    findByFirstWords(text, known, from, to, take);
  }
  return found;
}

/**
 * Up to this many names, a native search of the text per name is fastest (a document names few places
 * known only from context); beyond, one pass looks each word up (see `findByFirstWords`).
 */
const FEW_NAMES = 8;

/**
 * Calls `take` at each occurrence of a `known` name that starts a word from `from` to `to`: one pass
 * over the words that start as a name does, each looked up by its first word, instead of a search of
 * the whole text per name (which grows with names × length on large documents).
 */
function findByFirstWords(text: string, known: ReadonlyMap<string, Entity>, from: number, to: number, take: (name: string, entity: Entity, at: number) => void): void {
  const byFirstWord = new Map<number, [string, Entity][]>();
  for (const [name, entity] of known) {
    const key = firstWordKey(name, 0);
    const names = byFirstWord.get(key);
    if (names) names.push([name, entity]);
    else byFirstWord.set(key, [[name, entity]]);
  }
  // The regex engine finds the names' first characters faster than a loop over every character.
  const firstChars = new RegExp(`[${[...new Set([...known.keys()].map((name) => name.charCodeAt(0)))].map(codeUnitPattern).join('')}]`, 'g');
  firstChars.lastIndex = from;
  while (firstChars.test(text)) {
    const at = firstChars.lastIndex - 1;
    if (at >= to) break;
    const names = isWordChar(text, at - 1) ? undefined : byFirstWord.get(firstWordKey(text, at));
    if (names === undefined) continue;
    for (const [name, entity] of names) if (text.startsWith(name, at)) take(name, entity, at);
  }
}

/** A UTF-16 code unit as a regex without the `u` flag matches it, even half a surrogate pair. */
function codeUnitPattern(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A hash of the first word at `at`, which is enough to pick out the few names it may start (the names
 * are then compared whole) without cutting the word out of the text.
 */
function firstWordKey(text: string, at: number): number {
  let key = 0;
  for (let k = at; isWordChar(text, k); k++) key = (Math.imul(key, 31) + text.charCodeAt(k)) | 0;
  return key;
}

/** The name's first letter is a capital: read from the table of classes, but for a letter beyond the BMP. */
function startsCapitalised(name: string): boolean {
  const code = name.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff ? UPPER.test(name) : (charClass(code) & CAPITAL) !== 0;
}

/** "Bariire Ahmed" would be a person's name: the word after a spread name must not be capitalised. */
function beforeCapital(text: string, end: number): boolean {
  const space = text.charCodeAt(end);
  return (space === 32 || space === 0xa0) && end + 1 < text.length && (charClass(text.charCodeAt(end + 1)) & CAPITAL) !== 0;
}

/** A letter, a digit or a hyphen at `index`: what may not touch a spread name. */
function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && (charClass(text.charCodeAt(index)) & NAME_CHAR) !== 0;
}
