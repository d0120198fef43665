// The words of a paragraph, scanned once for both recognisers that read it word by word: `analyse` runs
// the place recogniser and then the faction recogniser on the same paragraph, and the character scan is
// the costliest part of each. The place recogniser reads these words as they are; the faction recogniser
// joins hyphenated ones ("al-Shabaab") and adds what it needs from a word's first and last characters.

export interface ParagraphWords {
  text: string;
  start: Int32Array;
  /** End of the word without a possessive "'s". */
  end: Int32Array;
  /** End including any possessive and a dotted abbreviation's final dot. */
  rawEnd: Int32Array;
  possessive: Uint8Array;
  /** Whether the word starts with an upper-case letter. */
  capital: Uint8Array;
  /**
   * The character before the word, 0 for the paragraph's first: the last of the gap before it (a gap is
   * a character long at least), kept so that the recognisers test one-character gaps without reading
   * the text again.
   */
  before: Uint16Array;
  /**
   * The word's id (to `end`) in the table of words seen (`seenWord`), `NOT_SEEN` for a long word: the
   * recognisers keep what they make of a word by this id, so each spelling is worked out once.
   */
  id: Int32Array;
  /** `WIDE` and `FINAL_DOT` bits, for the faction recogniser. */
  shape: Uint8Array;
  length: number;
  /**
   * No combining mark or surrogate pair: the faction recogniser splits words at those where these words
   * do not (and takes letters beyond the BMP), so it scans such a paragraph itself.
   */
  joinable: boolean;
}

/** A letter beyond ASCII. */
export const WIDE = 1;
/** The final dot of "U.S.". */
export const FINAL_DOT = 2;

type Columns = Omit<ParagraphWords, 'text' | 'length' | 'joinable'>;

/** The id of a word not in the table of words seen. */
export const NOT_SEEN = -1;
/** Enough for the vocabulary of the news; a text of ever new words empties the table now and then. */
const MAX_SEEN = 50_000;
/** Longer words are rare, and V8 makes a longer slice a view of the whole text, which the table would keep. */
const MAX_SEEN_LENGTH = 12;
/**
 * The words seen, in an open-addressing table probed straight from the text's characters: a word is cut
 * out of the text only the first time it is seen. The table grows with the vocabulary, kept at most half
 * full so that probes stay short: a table sized for the words seen holds them in few cache lines, where
 * one sized for the most (512 KB) was pushed out of the cache by the other stages of `analyse`.
 */
const FIRST_SLOTS = 1 << 12;
/**
 * Two numbers a slot: 1 + the word's id (0 for an empty slot), then the word's hash, which a probe
 * compares without another read elsewhere in memory.
 */
let slots = new Int32Array(2 * FIRST_SLOTS);
let slotMask = FIRST_SLOTS - 1;
const seenWords: string[] = [];
/** The hash of each word seen, by id, to place it again in a grown table. */
const seenHashes = new Int32Array(MAX_SEEN);
/**
 * The characters of the words seen, end to end, each word's from `seenStarts[id]`: a probe compares
 * them with the word's characters the scan kept in `wordChars`, not with the text, which V8 reads slower
 * (a paragraph is a slice of the document).
 */
let seenChars = new Uint16Array(1 << 16);
const seenStarts = new Int32Array(MAX_SEEN + 1);
/** The last 16 characters of the word being scanned, each at its offset in the text modulo 16. */
const wordChars = new Uint16Array(16);
let seenGeneration = 0;

/** The text of the word seen with `id`. */
export function seenWord(id: number): string {
  return seenWords[id];
}

/** A number that changes when the table of words seen is emptied: what callers keep by id is stale then. */
export function seenWordsGeneration(): number {
  return seenGeneration;
}

/** Room for what callers keep per id: ids are below this. */
export const SEEN_CAPACITY = MAX_SEEN;

const MAX_KEPT_WORDS = 1 << 16;
let columns = emptyColumns(1024);
/** The last paragraph scanned: the next recogniser to read it finds its words here. */
let last: ParagraphWords | null = null;

/**
 * The words of `text`, in columns reused from paragraph to paragraph: they hold only the last paragraph
 * scanned, and are read only while a recogniser scans it.
 */
export function paragraphWords(text: string): ParagraphWords {
  if (last?.text !== text) last = splitWords(text);
  return last;
}

/**
 * The id of the word at `start`..`end`, whose characters are in `wordChars` and hash to `hash`;
 * `NOT_SEEN` once the table is full.
 */
function seenId(text: string, start: number, end: number, hash: number): number {
  for (let slot = homeSlot(hash); ; slot = (slot + 1) & slotMask) {
    const entry = slots[2 * slot];
    if (entry === 0) return newSeenId(text, start, end, hash, slot);
    if (slots[2 * slot + 1] === hash && isWordSeen(entry - 1, start, end)) return entry - 1;
  }
}

/** The slot a word's probe starts from. */
function homeSlot(hash: number): number {
  return (hash ^ (hash >>> 15)) & slotMask;
}

/** Enters the word at `start`..`end` into the table at its empty `slot`. */
function newSeenId(text: string, start: number, end: number, hash: number, slot: number): number {
  const id = seenWords.length;
  if (id === MAX_SEEN) return NOT_SEEN;
  seenWords.push(text.slice(start, end));
  keepChars(id, start, end);
  seenHashes[id] = hash;
  place(id, slot);
  if (2 * seenWords.length > slotMask + 1) growSlots();
  return id;
}

/** Puts the word seen with `id` in the empty `slot`. */
function place(id: number, slot: number): void {
  slots[2 * slot] = id + 1;
  slots[2 * slot + 1] = seenHashes[id];
}

/** Twice the slots, each word seen placed again. */
function growSlots(): void {
  slotMask = 2 * slotMask + 1;
  slots = new Int32Array(2 * (slotMask + 1));
  for (let id = 0; id < seenWords.length; id++) {
    let slot = homeSlot(seenHashes[id]);
    while (slots[2 * slot] !== 0) slot = (slot + 1) & slotMask;
    place(id, slot);
  }
}

/** Whether the word seen with `id` is the characters `start`..`end` kept in `wordChars`. */
function isWordSeen(id: number, start: number, end: number): boolean {
  const from = seenStarts[id];
  if (seenStarts[id + 1] - from !== end - start) return false;
  const chars = seenChars; // a local: the module's variable would be loaded again for each character
  for (let k = start; k < end; k++) if (chars[from + k - start] !== wordChars[k & 15]) return false;
  return true;
}

/** Copies the characters `start`..`end` kept in `wordChars` as those of the new word `id`. */
function keepChars(id: number, start: number, end: number): void {
  const from = seenStarts[id];
  if (from + end - start > seenChars.length) {
    const grown = new Uint16Array(seenChars.length * 2);
    grown.set(seenChars);
    seenChars = grown;
  }
  for (let k = start; k < end; k++) seenChars[from + k - start] = wordChars[k & 15];
  seenStarts[id + 1] = from + end - start;
}

/** Empties a full table of words seen between paragraphs (never while one is scanned: its ids stay good). */
function forgetSeenWords(): void {
  slots = new Int32Array(2 * FIRST_SLOTS);
  slotMask = FIRST_SLOTS - 1;
  seenWords.length = 0;
  seenGeneration++;
}

// FNV-1a over a key's UTF-16 units, in int32 from the offset on (hashes then fit an Int32Array), as
// the factions' `KeyTable` takes them.
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * One hand-written pass (a regex with Unicode classes allocates a match per word and is slower): word
 * boundaries, possessives and the hash that finds each word's id in one read of each character.
 */
function splitWords(text: string): ParagraphWords {
  const n = text.length;
  if (seenWords.length === MAX_SEEN) forgetSeenWords();
  let { start: starts, end: ends, rawEnd: rawEnds, possessive: possessives, capital: capitals, before: befores, id: ids, shape: shapes } = columns;
  let count = 0;
  let seen = 0; // the class bits of every character
  let i = 0;
  let previous = 0; // the character before `i`
  while (i < n) {
    const code = text.charCodeAt(i);
    const initial = charClass(code);
    seen |= initial;
    if (!(initial & WORD_START)) {
      previous = code;
      i++;
      continue;
    }
    const start = i;
    // The hash is taken and the characters kept (`wordChars`) on the way; `beforeApostrophe` is the hash of a possessive's name.
    // The first character, read already, is taken here: a word start is a word part too.
    let hash = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
    wordChars[i & 15] = code;
    i++;
    let classes = initial; // the class bits of the word's letters
    let beforeApostrophe = 0;
    let dotted = false;
    let c = code;
    for (;;) {
      let bits = 0;
      while (i < n && (bits = charClass((c = text.charCodeAt(i)))) & WORD_PART) {
        classes |= bits;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        wordChars[i & 15] = c;
        i++;
      }
      // Inner apostrophes and dots: "N'Djamena", "d’Ivoire", "U.S"
      if (i + 1 < n && (c === 39 || c === 0x2019 || c === 46) && charClass(text.charCodeAt(i + 1)) & WORD_START) {
        if (c === 46) dotted = true;
        else beforeApostrophe = hash;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        wordChars[i & 15] = c;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    seen |= classes;
    // The 0-or-1 flags by shifts, not branches: which words have them comes and goes unpredictably.
    let shape = bitAt(classes, BEYOND_ASCII_BIT) * WIDE;
    // "U.S." keeps its final dot; "Libya." does not.
    if (dotted && i < n && c === 46) {
      hash = Math.imul(hash ^ 46, FNV_PRIME);
      wordChars[i & 15] = 46;
      end = ++i;
      shape |= FINAL_DOT;
    }
    // The apostrophe first: it is rarely there, where a final "s" often is.
    const final = wordChars[(end - 1) & 15];
    const possessive = isApostrophe(wordChars[(end - 2) & 15]) && (final === 115 || final === 83) && end - start > 2;
    if (count === starts.length) {
      columns = grown(columns);
      ({ start: starts, end: ends, rawEnd: rawEnds, possessive: possessives, capital: capitals, before: befores, id: ids, shape: shapes } = columns);
    }
    const wordEnd = possessive ? end - 2 : end;
    starts[count] = start;
    ends[count] = wordEnd;
    rawEnds[count] = end;
    possessives[count] = possessive ? 1 : 0;
    capitals[count] = bitAt(initial, CAPITAL_BIT);
    befores[count] = previous;
    ids[count] = wordEnd - start <= MAX_SEEN_LENGTH ? seenId(text, start, wordEnd, possessive ? beforeApostrophe : hash) : NOT_SEEN;
    shapes[count] = shape;
    count++;
  }
  const words: ParagraphWords = {
    text,
    start: starts,
    end: ends,
    rawEnd: rawEnds,
    possessive: possessives,
    capital: capitals,
    before: befores,
    id: ids,
    shape: shapes,
    length: count,
    joinable: (seen & SPLITS_FACTION_WORDS) === 0,
  };
  // The arrays of a huge paragraph are not kept for the next one.
  if (starts.length > MAX_KEPT_WORDS) columns = emptyColumns(1024);
  return words;
}

/** Bit `bit` of `bits`, 0 or 1. */
function bitAt(bits: number, bit: number): number {
  return (bits >> bit) & 1;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function emptyColumns(room: number): Columns {
  return {
    start: new Int32Array(room),
    end: new Int32Array(room),
    rawEnd: new Int32Array(room),
    possessive: new Uint8Array(room),
    capital: new Uint8Array(room),
    before: new Uint16Array(room),
    id: new Int32Array(room),
    shape: new Uint8Array(room),
  };
}

/** Twice the room, the words so far kept. */
function grown(old: Columns): Columns {
  const room = emptyColumns(old.start.length * 2);
  for (const name of Object.keys(room) as (keyof Columns)[]) room[name].set(old[name]);
  return room;
}

// Character classes of UTF-16 code units, as bits, each found by its regex once and then kept: the
// word scan tests every character, and most are ASCII or a few accented letters.
const KNOWN = 1;
const WORD_START = 2; // a letter or a digit
const WORD_PART = 4; // a letter, a mark or a digit
const CAPITAL_BIT = 3;
export const CAPITAL = 1 << CAPITAL_BIT; // an upper-case letter
export const NAME_CHAR = 16; // a letter, a digit or a hyphen
const SPLITS_FACTION_WORDS = 32; // a combining mark or half a surrogate pair
const BEYOND_ASCII_BIT = 6;
const BEYOND_ASCII = 1 << BEYOND_ASCII_BIT;
const charClasses = new Uint8Array(0x10000);

/** The class bits of a UTF-16 code unit; callers read only inside the text (past its end the code is NaN). */
export function charClass(code: number): number {
  return charClasses[code] || classify(code);
}

function classify(code: number): number {
  const char = String.fromCharCode(code);
  const capital = /\p{Lu}/u.test(char);
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  const bits =
    KNOWN |
    (/[\p{L}\p{N}]/u.test(char) ? WORD_START : 0) |
    (/[\p{L}\p{M}\p{N}]/u.test(char) ? WORD_PART : 0) |
    (capital ? CAPITAL : 0) |
    (/[\p{L}\p{N}\-]/u.test(char) ? NAME_CHAR : 0) |
    (surrogate || /\p{M}/u.test(char) ? SPLITS_FACTION_WORDS : 0) |
    (code >= 128 ? BEYOND_ASCII : 0);
  charClasses[code] = bits;
  return bits;
}
