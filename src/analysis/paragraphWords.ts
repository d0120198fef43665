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
 * out of the text only the first time it is seen.
 */
const SLOTS = 1 << 17; // more than twice MAX_SEEN, so probes stay short
const slots = new Int32Array(SLOTS); // 1 + the word's id; 0 for an empty slot
const seenWords: string[] = [];
const seenHashes = new Int32Array(MAX_SEEN);
/**
 * The characters of the words seen, end to end, each word's from `seenStarts[id]`: a probe compares
 * them with the word's characters the scan kept in `wordChars`, not with the text, which V8 reads slower
 * (a paragraph is a slice of the document).
 */
let seenChars = new Uint16Array(1 << 16);
const seenStarts = new Int32Array(MAX_SEEN + 1);
/** The last 16 characters of the word being scanned, at their offset from its start modulo 16. */
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
  const length = end - start;
  for (let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const entry = slots[slot];
    if (entry === 0) {
      const id = seenWords.length;
      if (id === MAX_SEEN) return NOT_SEEN;
      seenWords.push(text.slice(start, end));
      seenHashes[id] = hash;
      keepChars(id, length);
      slots[slot] = id + 1;
      return id;
    }
    const id = entry - 1;
    if (seenHashes[id] === hash && isWordSeen(id, length)) return id;
  }
}

/** Whether the word seen with `id` is the `length` characters in `wordChars`. */
function isWordSeen(id: number, length: number): boolean {
  const from = seenStarts[id];
  if (seenStarts[id + 1] - from !== length) return false;
  const chars = seenChars; // a local: the module's variable would be loaded again for each character
  for (let k = 0; k < length; k++) if (chars[from + k] !== wordChars[k]) return false;
  return true;
}

/** Copies the `length` characters in `wordChars` as those of the new word `id`. */
function keepChars(id: number, length: number): void {
  const from = seenStarts[id];
  if (from + length > seenChars.length) {
    const grown = new Uint16Array(seenChars.length * 2);
    grown.set(seenChars);
    seenChars = grown;
  }
  seenChars.set(wordChars.subarray(0, length), from);
  seenStarts[id + 1] = from + length;
}

/** Empties a full table of words seen between paragraphs (never while one is scanned: its ids stay good). */
function forgetSeenWords(): void {
  slots.fill(0);
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
    wordChars[0] = code;
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
        wordChars[(i - start) & 15] = c;
        i++;
      }
      // Inner apostrophes and dots: "N'Djamena", "d’Ivoire", "U.S"
      if (i + 1 < n && (c === 39 || c === 0x2019 || c === 46) && charClass(text.charCodeAt(i + 1)) & WORD_START) {
        if (c === 46) dotted = true;
        else beforeApostrophe = hash;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        wordChars[(i - start) & 15] = c;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    seen |= classes;
    let shape = classes & BEYOND_ASCII ? WIDE : 0;
    // "U.S." keeps its final dot; "Libya." does not.
    if (dotted && i < n && c === 46) {
      hash = Math.imul(hash ^ 46, FNV_PRIME);
      wordChars[(i - start) & 15] = 46;
      end = ++i;
      shape |= FINAL_DOT;
    }
    const final = wordChars[(end - 1 - start) & 15];
    const possessive = end - start > 2 && (final === 115 || final === 83) && isApostrophe(wordChars[(end - 2 - start) & 15]);
    if (count === starts.length) {
      columns = grown(columns);
      ({ start: starts, end: ends, rawEnd: rawEnds, possessive: possessives, capital: capitals, before: befores, id: ids, shape: shapes } = columns);
    }
    const wordEnd = possessive ? end - 2 : end;
    starts[count] = start;
    ends[count] = wordEnd;
    rawEnds[count] = end;
    possessives[count] = possessive ? 1 : 0;
    capitals[count] = initial & CAPITAL ? 1 : 0;
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
export const CAPITAL = 8; // an upper-case letter
export const NAME_CHAR = 16; // a letter, a digit or a hyphen
const SPLITS_FACTION_WORDS = 32; // a combining mark or half a surrogate pair
const BEYOND_ASCII = 64;
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
