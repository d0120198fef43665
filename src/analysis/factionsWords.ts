import { FINAL_DOT, FNV_OFFSET, FNV_PRIME, NOT_SEEN, SEEN_CAPACITY, seenWordsGeneration, WIDE, type ParagraphWords } from './paragraphWords';

// The word stream the faction recognisers walk: one linear pass over the characters, an ASCII fast path
// and Unicode letter classes for the rest, so any input costs time proportional to its length. A
// paragraph's words are mostly made from those the place recogniser has read already (`joinParts`).

export interface Word {
  start: number;
  end: number;
  /** Lower case, curly apostrophes made straight: the form lexicon keys use. */
  key: string;
  /** Key without a possessive `'s`, and where that base ends in the text. */
  base: string;
  baseEnd: number;
  possessive: boolean;
  capitalised: boolean;
}

/** The key ends in `'s` (and has more before it). */
export const POSSESSIVE = 1;
export const CAPITALISED = 2;
/** Only spaces separate the word from the one before it (no punctuation, no line break). */
export const SPACED = 4;
/** The key holds a hyphen ("pro-government", "al-Shabaab"). */
export const HYPHENATED = 8;
/**
 * Only ASCII and the joiners ’ and ‑: the key is the text with ASCII capitals lowered and those joiners
 * straightened, whatever else the text holds, so it can be compared or looked up without being made.
 */
export const PLAIN = 16;
/** In brackets of its own: "(" just before, ")" just after ("(LNA)"). */
export const BRACKETED = 32;

const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const UPPER = /\p{Lu}/u;

export function normaliseKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('’') < 0 && lower.indexOf('‘') < 0 && lower.indexOf('‑') < 0 ? lower : lower.replace(/[’‘]/g, "'").replace(/‑/g, '-');
}

/**
 * A word ending in these two characters has a key ending in "'s": only S lowers to "s", only the joiners
 * ' and ’ become "'". (Its key is then longer than 2 exactly when the word is: it starts with a letter.)
 */
function isPossessiveEnding(beforeLast: number, last: number): boolean {
  return (last === 115 || last === 83) && (beforeLast === 39 || beforeLast === 0x2019);
}

const LETTER = /[\p{L}\p{N}]/u;
/** The ASCII letters and digits as a key has them (capitals lowered), 0 for every other ASCII character. */
const ASCII_KEY = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : 0));

/** Letters and digits: an ASCII fast path, Unicode classes for the rest. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]);
}

/** Joiners inside a word: hyphens, apostrophes, dots ("al-Shabaab", "People’s", "U.S"). */
function isJoiner(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 46 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 160 || c === 9;
}

/** A plain word's character as its key has it. */
function plainKeyChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 0x2019) return 39;
  return c === 0x2011 ? 45 : c;
}

/**
 * The whole text's keys in one call: lower case and apostrophes done once, not once per word. Only
 * when lower-casing keeps every offset ("İ" grows) and no sigma can change form with its context.
 */
function lowerOnce(text: string): string | null {
  const lower = normaliseKey(text);
  return lower.length === text.length && text.indexOf('Σ') < 0 ? lower : null;
}

/** The words of a text as parallel columns, no object per word: what the paragraph scan walks. */
export class WordColumns {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** `POSSESSIVE`, `CAPITALISED`, `SPACED`, `HYPHENATED`, `PLAIN` and `BRACKETED` bits. */
  readonly flags: Uint8Array;
  /** Each word's key id in the table given; `NO_KEY` for a key it does not hold, and without a table. */
  readonly ids: Int32Array;
  readonly count: number;
  /** `lowerOnce` of the text, made the first time a word that is not plain needs its key. */
  private lower: string | null | undefined;

  /**
   * With a `table`, each word's key is looked up as the word is read, its hash made in the same pass.
   * With the `parts` of a paragraph (`paragraphWords`) as well, the words are made from those when they
   * can be (see `ParagraphWords.joinable`), a word seen before takes the key id found then, and the
   * columns, like the parts, are reused from paragraph to paragraph: they hold only the paragraph being
   * scanned.
   */
  constructor(
    readonly text: string,
    table?: KeyTable,
    parts?: ParagraphWords,
  ) {
    const joined = table !== undefined && parts?.joinable === true;
    // Words, and the gaps between them, are a character long at least.
    const room = joined ? parts.length : (text.length + 1) >> 1;
    const columns = parts ? reusedColumns(room) : newColumns(room);
    this.starts = columns.starts;
    this.ends = columns.ends;
    this.flags = columns.flags;
    this.ids = columns.ids;
    this.count = joined ? this.joinParts(parts, table) : this.scan(table);
  }

  /** Fills the columns from the text's characters; returns the number of words. */
  private scan(table: KeyTable | undefined): number {
    let count = 0;
    scanWords(this.text, (start, end, flags, hash) => {
      this.starts[count] = start;
      this.ends[count] = end;
      this.flags[count] = flags;
      if (table) this.ids[count] = flags & PLAIN ? table.findPlain(this.text, start, end, hash) : table.find(this.key(count));
      count++;
    });
    return count;
  }

  /**
   * Fills the columns with the words `scanWords` finds, made from the words the place recogniser reads
   * (`paragraphWords`) without reading the characters again: those split at hyphens, and take the final
   * dot of any dotted word. Returns the number of words.
   */
  private joinParts(parts: ParagraphWords, table: KeyTable): number {
    const { text, start: partStarts, rawEnd: rawEnds, possessive, capital, before: befores, id: partIds, shape, length } = parts;
    const { starts, ends, flags, ids } = this;
    const seenKeyIds = table.seenKeyIds();
    let count = 0;
    let previousEnd = -1;
    for (let first = 0; first < length; count++) {
      const start = partStarts[first];
      let last = first;
      let wide = shape[first] & WIDE;
      // One hyphen between two parts, the first without a final dot, makes them one word ("al-Shabaab", not "U.S.-backed");
      // the hyphen, rarely there, is tested first.
      while (last + 1 < length && isHyphen(befores[last + 1]) && partStarts[last + 1] === rawEnds[last] + 1 && (shape[last] & FINAL_DOT) === 0) wide |= shape[++last] & WIDE;
      let end = rawEnds[last];
      // "U.S." keeps its last dot, "No.1." and "al-U.S." do not.
      const dropsDot = (shape[last] & FINAL_DOT) !== 0 && !INITIALS.test(text.slice(start, end - 1));
      if (dropsDot) end--;
      const before = befores[first];
      const wordFlags =
        ((dropsDot ? end - start > 2 && isPossessiveEnding(text.charCodeAt(end - 2), text.charCodeAt(end - 1)) : possessive[last] === 1) ? POSSESSIVE : 0) |
        (capital[first] ? CAPITALISED : 0) |
        (previousEnd >= 0 && (start - previousEnd === 1 ? isSpace(before) : onlySpaces(text, previousEnd, start)) ? SPACED : 0) |
        (before === 40 && text.charCodeAt(end) === 41 ? BRACKETED : 0) |
        (last > first ? HYPHENATED : 0) |
        (wide ? 0 : PLAIN);
      starts[count] = start;
      ends[count] = end;
      flags[count] = wordFlags;
      // A part's id is the word's only when the word is that part, all of it.
      const seen = last === first && !dropsDot ? partIds[first] : NOT_SEEN;
      if (!(wordFlags & PLAIN)) ids[count] = table.find(this.key(count));
      else if (seen === NOT_SEEN) ids[count] = table.findPlain(text, start, end);
      else {
        // "X" and "X's" are one word seen, of two keys.
        const form = 2 * seen + (wordFlags & POSSESSIVE ? 1 : 0);
        ids[count] = (seenKeyIds[form] ||= table.findPlain(text, start, end) + 1) - 1;
      }
      previousEnd = end;
      first = last + 1;
    }
    return count;
  }

  /** Word `i`'s key equals `key`: compared in place for a plain word. */
  keyIs(i: number, key: string): boolean {
    return this.flags[i] & PLAIN ? plainKeyIs(this.text, this.starts[i], this.ends[i], key) : this.key(i) === key;
  }

  /** Word `i`'s key: lower case, curly apostrophes made straight. */
  key(i: number): string {
    if (this.flags[i] & PLAIN) return plainKey(this.text, this.starts[i], this.ends[i]);
    if (this.lower === undefined) this.lower = lowerOnce(this.text);
    return this.lower === null ? normaliseKey(this.text.slice(this.starts[i], this.ends[i])) : this.lower.slice(this.starts[i], this.ends[i]);
  }
}

type Columns = Pick<WordColumns, 'starts' | 'ends' | 'flags' | 'ids'>;

function newColumns(room: number): Columns {
  return { starts: new Int32Array(room), ends: new Int32Array(room), flags: new Uint8Array(room), ids: new Int32Array(room) };
}

const MAX_KEPT_WORDS = 1 << 16;
/** Columns kept for paragraph scans: a typed array costs more to make than a paragraph's words to fill. */
let kept = newColumns(1024);

/** The kept columns, with room for `room` words; those of a huge paragraph are not kept for the next one. */
function reusedColumns(room: number): Columns {
  if (room <= kept.starts.length) return kept;
  const columns = newColumns(Math.max(room, kept.starts.length * 2));
  if (columns.starts.length <= MAX_KEPT_WORDS) kept = columns;
  return columns;
}

/** Takes one word: where it is, its flags (see `WordColumns.flags`) and, for a plain word, its key's hash. */
type WordTaker = (start: number, end: number, flags: number, hash: number) => void;

/** The words of `text`, one pass over its characters, each handed to `take` as it is read. */
function scanWords(text: string, take: WordTaker): void {
  const n = text.length;
  let i = 0;
  // Whether every character since the previous word was a space (false before the first word).
  let spacesOnly = false;
  // The character just before the next word (0 before the first).
  let before = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128 ? ASCII_KEY[first] === 0 : !isWordChar(text, i)) {
      spacesOnly &&= isSpace(first);
      before = first;
      i++;
      continue;
    }
    const start = i;
    let dots = 0;
    let hyphens = 0;
    let plain = true;
    let hash = FNV_OFFSET;
    // The word's last two characters (first halves of surrogate pairs), for a possessive "'s".
    let last = 0;
    let beforeLast = 0;
    // Each character is read once: the one that ends a run of letters is the joiner tested next.
    let c = 0;
    for (;;) {
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 128) {
          const unit = ASCII_KEY[c];
          if (unit === 0) break;
          hash = Math.imul(hash ^ unit, FNV_PRIME);
          i++;
        } else {
          if (!isWordChar(text, i)) break;
          plain = false; // its key is not hashed here: the table finds it by its key string
          i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        }
        beforeLast = last;
        last = c;
      }
      // A joiner continues the word only when a letter or digit follows it.
      if (i + 1 < n && isJoiner(c) && isWordChar(text, i + 1)) {
        if (c === 46) dots++;
        else if (c === 45 || c === 0x2011) hyphens++;
        hash = Math.imul(hash ^ plainKeyChar(c), FNV_PRIME);
        beforeLast = last;
        last = c;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    // "U.S." keeps its last dot.
    if (dots > 0 && c === 46 && i < n && INITIALS.test(text.slice(start, end))) {
      hash = Math.imul(hash ^ 46, FNV_PRIME);
      last = 46;
      end++;
    }
    const possessive = end - start > 2 && isPossessiveEnding(beforeLast, last);
    const capitalised = first < 128 ? first >= 65 && first <= 90 : UPPER.test(text[start]);
    take(
      start,
      end,
      (possessive ? POSSESSIVE : 0) |
        (capitalised ? CAPITALISED : 0) |
        (spacesOnly ? SPACED : 0) |
        (before === 40 && text.charCodeAt(end) === 41 ? BRACKETED : 0) |
        (hyphens > 0 ? HYPHENATED : 0) |
        (plain ? PLAIN : 0),
      hash,
    );
    i = end;
    spacesOnly = true;
    before = 0;
  }
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2011;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/**
 * A plain word's key, as `normaliseKey` makes it. Most need at most their first letter lowered, done here
 * without `toLowerCase`, which is slow on text that holds any character beyond Latin-1.
 */
function plainKey(text: string, start: number, end: number): string {
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (plainKeyChar(c) !== c) return normaliseKey(text.slice(start, end));
  }
  const first = text.charCodeAt(start);
  return first >= 65 && first <= 90 ? String.fromCharCode(first + 32) + text.slice(start + 1, end) : text.slice(start, end);
}

export function tokenise(text: string): Word[] {
  // Every key is wanted: lower-case the text once, as `WordColumns.key` does for words that are not plain.
  const lower = lowerOnce(text);
  const words: Word[] = [];
  scanWords(text, (start, end, flags) => {
    const key = lower === null ? normaliseKey(text.slice(start, end)) : lower.slice(start, end);
    const possessive = (flags & POSSESSIVE) !== 0;
    words.push({
      start,
      end,
      key,
      base: possessive ? key.slice(0, -2) : key,
      baseEnd: possessive ? end - 2 : end,
      possessive,
      capitalised: (flags & CAPITALISED) !== 0,
    });
  });
  return words;
}

/** The id `KeyTable.find` gives any key the table does not hold, so per-id arrays need no bounds test. */
export const NO_KEY = 0;

/** Keys numbered from 1 in the order added, found from a plain word's characters without making its key. */
export class KeyTable {
  /** By id; `NO_KEY` holds no key. */
  private readonly keys: string[] = [''];
  /** Open addressing: the id per slot, `NO_KEY` when empty; never more than half full. */
  private slots = new Int32Array(64);
  /** The hash of each slot's key beside it, so a probe reads no key that cannot match. */
  private slotHashes = new Int32Array(64);
  /** See `seenKeyIds`. */
  private seenIds: Int32Array | undefined;
  private seenGeneration = -1;

  /** How many ids there are, `NO_KEY` included. */
  get size(): number {
    return this.keys.length;
  }

  /**
   * The ids of the keys of plain words seen (`ParagraphWords.id`), kept as they are found: at `2 * id`
   * for the word, at `2 * id + 1` for it with a possessive "'s"; 1 + the key's id, 0 until looked up.
   * Good until the table of words seen is next emptied, which only a paragraph's scan does.
   */
  seenKeyIds(): Int32Array {
    const generation = seenWordsGeneration();
    if (this.seenIds === undefined) this.seenIds = new Int32Array(2 * SEEN_CAPACITY);
    else if (generation !== this.seenGeneration) this.seenIds.fill(0);
    this.seenGeneration = generation;
    return this.seenIds;
  }

  /** The id of `key`, numbering it if new. */
  add(key: string): number {
    const found = this.find(key);
    if (found !== NO_KEY) return found;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    const id = this.keys.length;
    this.keys.push(key);
    this.seenGeneration = -1; // a word looked up before may have this key
    this.place(id, hashKey(key));
    return id;
  }

  /** The id of `key`, or `NO_KEY`. */
  find(key: string): number {
    const hash = hashKey(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === NO_KEY) return NO_KEY;
      if (this.slotHashes[slot] === hash && this.keys[id] === key) return id;
    }
  }

  /** The id of the key of the plain word or part of one at `start`..`end` (see `PLAIN`), or `NO_KEY`. */
  findPlain(text: string, start: number, end: number, hash = hashPlain(text, start, end)): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === NO_KEY) return NO_KEY;
      if (this.slotHashes[slot] === hash && plainKeyIs(text, start, end, this.keys[id])) return id;
    }
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== NO_KEY) slot = (slot + 1) & mask;
    this.slots[slot] = id;
    this.slotHashes[slot] = hash;
  }

  private grow(): void {
    const { slots, slotHashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.slotHashes = new Int32Array(slots.length * 2);
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] !== NO_KEY) this.place(slots[slot], slotHashes[slot]);
  }
}

function hashPlain(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ plainKeyChar(text.charCodeAt(k)), FNV_PRIME);
  return hash;
}

function hashKey(key: string): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), FNV_PRIME);
  return hash;
}

/** The key of the plain word or part of one at `start`..`end` is `key`, compared in place. */
export function plainKeyIs(text: string, start: number, end: number, key: string): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (plainKeyChar(text.charCodeAt(start + k)) !== key.charCodeAt(k)) return false;
  return true;
}
