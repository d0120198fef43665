import { isWordCharAt } from './datesText';
import { NOT_SEEN, paragraphWords, SEEN_CAPACITY, seenWord, seenWordsGeneration } from './paragraphWords';

// Where the date recogniser looks: the start of every word that can anchor a date. The words come from
// the paragraph's shared word scan (`paragraphWords`), which the place and faction recognisers read
// next, and what a word holds is worked out once per spelling (by the scan's word id): the paragraph's
// characters are not scanned again.

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

const kinds = new Uint8Array(SEEN_CAPACITY);
let kindsGeneration = -1;
/** The triggers of the last paragraph; a huge paragraph's buffer is not kept for the next one. */
let found = new Int32Array(64);
const MAX_KEPT_TRIGGERS = 1 << 16;

/**
 * The offsets in `text` where a trigger word starts, in order: where TRIGGER matches after a character
 * that is not a word's (a trigger inside a word, "M23", is none). A view of a buffer the next call
 * overwrites.
 */
export function triggerStarts(text: string): Int32Array {
  const words = paragraphWords(text);
  if (found.length > MAX_KEPT_TRIGGERS) found = new Int32Array(64);
  const generation = seenWordsGeneration();
  if (generation !== kindsGeneration) {
    kinds.fill(0); // the ids are those of a new table of words
    kindsGeneration = generation;
  }
  const { id: ids, start: starts, end: ends, before: befores, length } = words; // locals: V8 would load each again per word
  let count = 0;
  for (let k = 0; k < length; k++) {
    const id = ids[k];
    const kind = id === NOT_SEEN ? kindOfWord(text, starts[k], ends[k]) : kinds[id] || kindOfSeenWord(id, ends[k] - starts[k]);
    if (kind === KNOWN) continue;
    const start = starts[k];
    const end = ends[k];
    if (count + end - start > found.length) found = grown(found, count + end - start);
    if (kind & AT_START && startsAfterBoundary(text, start, befores[k])) found[count++] = start;
    if (kind & INSIDE) for (let i = start + 1; i < end; i++) if (isTriggerAfterNonWord(text, i)) found[count++] = i;
  }
  return found.subarray(0, count);
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
  return kind;
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

function grown(old: Int32Array, room: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(room, old.length * 2));
  bigger.set(old);
  return bigger;
}
