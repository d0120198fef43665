import { isRegexWordChar, lowerCase } from './chars';
import { isWordCharAt } from './datesText';
import { NOT_SEEN, paragraphWords, SEEN_CAPACITY, seenWord, seenWordsGeneration } from './paragraphWords';

// Where the date recogniser looks: the start of every word that can anchor a date. The words come from
// the paragraph's shared word scan (`paragraphWords`), which the place and faction recognisers read
// next, and what a word holds is worked out once per spelling (by the scan's word id): the paragraph's
// characters are not scanned again, and a trigger word is most often a word seen, not a new string.

// The start of a trigger word: a digit, a month or weekday name (capitalised), a time unit
// (lower-case: "Independence Day" is a name), "yesterday"... Written as a trie, with the lower-case
// words first: V8 tries the alternatives in order and most words are lower-case.
export const TRIGGER =
  /\b(?:to(?:day|morrow|night)|a(?:utumn|fternoon)|overnight|w(?:eek|inter)|s(?:econd|pring|ummer)|hour|m(?:o(?:nth|rning)|inute)|d(?:ecade|ay)|night|evening|fortnight|centur|y(?:ear|esterday)|\d|T(?:uesday|hursday|o(?:day|morrow|night))|S(?:ep|aturday|unday)|M(?:a[ry]|onday)|A(?:pr|ug)|J(?:an|u[nl])|F(?:eb|riday)|O(?:ct|vernight)|Nov|Dec|Wednesday|Yesterday)/y;

// What a word holds, as bits; 0 while not worked out.
const KNOWN = 1;
/** A trigger starts the word. */
const AT_START = 2;
/** A trigger starts after a character inside the word that the recogniser does not count as a word's: "N'Day", a mark. */
const INSIDE = 4;
/** ASCII letters and digits only: the recogniser's word too, unless a `,` or `.` and digits follow ("2,000"). */
const PLAIN = 8;

const kinds = new Uint8Array(SEEN_CAPACITY);
/** The lower case of the words seen, by id, made when a trigger first asks. */
const lowers: (string | undefined)[] = new Array(SEEN_CAPACITY);
let kindsGeneration = -1;

/** Where the triggers of the last paragraph start, in order, and the word each is. */
export interface Triggers {
  start: Int32Array;
  /** The id of the word seen (`seenWord`) the trigger's word is, or `NOT_SEEN`. */
  word: Int32Array;
  count: number;
}

const found: Triggers = { start: new Int32Array(64), word: new Int32Array(64), count: 0 };
/** A huge paragraph's buffers are not kept for the next one. */
const MAX_KEPT_TRIGGERS = 1 << 16;

/**
 * The triggers of `text`: where TRIGGER matches after a character that is not a word's (a trigger
 * inside a word, "M23", is none). Buffers the next call overwrites.
 */
export function findTriggers(text: string): Triggers {
  const words = paragraphWords(text);
  if (found.start.length > MAX_KEPT_TRIGGERS) {
    found.start = new Int32Array(64);
    found.word = new Int32Array(64);
  }
  const generation = seenWordsGeneration();
  if (generation !== kindsGeneration) {
    kinds.fill(0); // the ids are those of a new table of words
    lowers.fill(undefined);
    kindsGeneration = generation;
  }
  const { id: ids, start: starts, end: ends, before: befores, length } = words; // locals: V8 would load each again per word
  let count = 0;
  let { start: at, word: wordOf } = found;
  for (let k = 0; k < length; k++) {
    const id = ids[k];
    const kind = id === NOT_SEEN ? kindOfWord(text, starts[k], ends[k]) : kinds[id] || kindOfSeenWord(id, ends[k] - starts[k]);
    if ((kind & (AT_START | INSIDE)) === 0) continue;
    const start = starts[k];
    const end = ends[k];
    if (count + end - start > at.length) ({ start: at, word: wordOf } = grown(count + end - start));
    if (kind & AT_START && startsAfterBoundary(text, start, befores[k])) {
      at[count] = start;
      wordOf[count++] = kind & PLAIN && !continuesNumber(text.charCodeAt(end)) ? id : NOT_SEEN;
    }
    if (kind & INSIDE) {
      for (let i = start + 1; i < end; i++) {
        if (!isTriggerAfterNonWord(text, i)) continue;
        at[count] = i;
        wordOf[count++] = NOT_SEEN;
      }
    }
  }
  found.count = count;
  return found;
}

/** The lower case of the word seen with `id`. */
export function seenWordLower(id: number): string {
  return lowers[id] ?? (lowers[id] = lowerCase(seenWord(id)));
}

/** A `,` or `.` after a word: the recogniser reads on when digits surround it. */
function continuesNumber(code: number): boolean {
  return code === 44 || code === 46;
}

function kindOfSeenWord(id: number, length: number): number {
  return (kinds[id] = kindOfWord(seenWord(id), 0, length));
}

/** What the word `text[start, end)` holds. */
function kindOfWord(text: string, start: number, end: number): number {
  let kind = KNOWN;
  if (isTriggerAt(text, start)) kind |= AT_START;
  for (let i = start + 1; i < end; i++) {
    if (isTriggerAfterNonWord(text, i)) return kind | INSIDE;
  }
  return isPlain(text, start, end) ? kind | PLAIN : kind;
}

/** ASCII letters and digits only (no underscore is in a scanned word). */
function isPlain(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isRegexWordChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a word starting at `start` after the character `before` starts after a boundary: the scan's
 * words start after no letter or digit, but an underscore is a regex word character, and a comma
 * between digits is the recogniser's ("2,000").
 */
function startsAfterBoundary(text: string, start: number, before: number): boolean {
  if (before === 95) return false; // '_'
  return (before !== 44 && before !== 46) || !isWordCharAt(text, start - 1);
}

function isTriggerAfterNonWord(text: string, i: number): boolean {
  return !isWordCharAt(text, i - 1) && isTriggerAt(text, i);
}

function isTriggerAt(text: string, i: number): boolean {
  TRIGGER.lastIndex = i;
  return TRIGGER.test(text);
}

/** Room for `size` triggers at least, the triggers so far kept. */
function grown(size: number): Triggers {
  const length = Math.max(size, found.start.length * 2);
  const start = new Int32Array(length);
  const word = new Int32Array(length);
  start.set(found.start);
  word.set(found.word);
  found.start = start;
  found.word = word;
  return found;
}
