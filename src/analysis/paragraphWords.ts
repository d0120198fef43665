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
   * The FNV-1a hash of the word (to `end`) with ASCII letters in lower case and curly apostrophes made
   * straight, for the place recogniser's table of spellings; equal words have equal hashes.
   */
  hash: Int32Array;
  /** The same to `rawEnd`: the hash of a word's lexicon key as `KeyTable` takes it, for a word of ASCII only. */
  keyHash: Int32Array;
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

// FNV-1a over a key's UTF-16 units, in int32 from the offset on (hashes then fit an Int32Array), as
// the factions' `KeyTable` takes them.
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * One hand-written pass (a regex with Unicode classes allocates a match per word and is slower): word
 * boundaries, possessives and both hashes in one read of each character.
 */
function splitWords(text: string): ParagraphWords {
  const n = text.length;
  let { start: starts, end: ends, rawEnd: rawEnds, possessive: possessives, capital: capitals, hash: hashes, keyHash: keyHashes, shape: shapes } = columns;
  let count = 0;
  let seen = 0; // the class bits of every character
  let i = 0;
  while (i < n) {
    const initial = charClass(text.charCodeAt(i));
    seen |= initial;
    if (!(initial & WORD_START)) {
      i++;
      continue;
    }
    const start = i;
    // The hash is taken on the way; `beforeApostrophe` is that of a possessive's name.
    let hash = FNV_OFFSET;
    let classes = 0; // the class bits of the word's letters
    let beforeApostrophe = 0;
    let dotted = false;
    let c = 0;
    for (;;) {
      let bits = 0;
      while (i < n && (bits = charClass((c = text.charCodeAt(i)))) & WORD_PART) {
        classes |= bits;
        hash = Math.imul(hash ^ (c | 32), FNV_PRIME); // an ASCII letter or digit in lower case
        i++;
      }
      // Inner apostrophes and dots: "N'Djamena", "d’Ivoire", "U.S"
      if (i + 1 < n && (c === 39 || c === 0x2019 || c === 46) && charClass(text.charCodeAt(i + 1)) & WORD_START) {
        if (c === 46) dotted = true;
        else beforeApostrophe = hash;
        hash = Math.imul(hash ^ (c === 46 ? 46 : 39), FNV_PRIME);
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
      end = ++i;
      shape |= FINAL_DOT;
    }
    const final = text.charCodeAt(end - 1);
    const possessive = end - start > 2 && (final === 115 || final === 83) && isApostrophe(text.charCodeAt(end - 2));
    if (count === starts.length) {
      columns = grown(columns);
      ({ start: starts, end: ends, rawEnd: rawEnds, possessive: possessives, capital: capitals, hash: hashes, keyHash: keyHashes, shape: shapes } = columns);
    }
    starts[count] = start;
    ends[count] = possessive ? end - 2 : end;
    rawEnds[count] = end;
    possessives[count] = possessive ? 1 : 0;
    capitals[count] = initial & CAPITAL ? 1 : 0;
    hashes[count] = possessive ? beforeApostrophe : hash;
    keyHashes[count] = hash;
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
    hash: hashes,
    keyHash: keyHashes,
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
    hash: new Int32Array(room),
    keyHash: new Int32Array(room),
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
export const WORD_START = 2; // a letter or a digit
export const WORD_PART = 4; // a letter, a mark or a digit
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
