import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The gazetteer: the compact place list generated at build time (src/analysis/data/buildGazetteer.mjs
// writes dist/gazetteer.txt), read on first use so that loading the extension costs nothing. Its lines
// are sorted by name key, normalised the same way as the text (`nameKey`; the build script writes the
// keys), so a word's names are found by binary search of the text itself and kept: loading indexes
// nothing but the list of words that start a name, which answers most lookups without a search.

export interface Place {
  canonical: string;
  country?: string;
  kind: string;
  lat?: number;
  lon?: number;
  /** `TAKES_THE`, `ACRONYM`, ... as bits: the recogniser tests them at most capitalised words. */
  flags: number;
}

// A place's flags, as bits; buildGazetteer.mjs writes them as letters (see `placeFlags`).
/** t: takes "the" ("the UAE"). */
export const TAKES_THE = 1;
/** a: an acronym, a place only in capitals. */
export const ACRONYM = 2;
/** w: also a common word. */
export const COMMON_WORD = 4;
/** f: also a first name. */
export const FIRST_NAME = 8;
/** s: also a surname. */
export const SURNAME = 16;
/** u: from the user's lexicon, taken wherever it is named. */
export const USER_PLACE = 32;

const FLAG_LETTERS: Readonly<Record<string, number>> = { t: TAKES_THE, a: ACRONYM, w: COMMON_WORD, f: FIRST_NAME, s: SURNAME, u: USER_PLACE };

/** The bits of flags written as letters ("tw"). */
function placeFlags(letters: string): number {
  let flags = 0;
  for (const letter of letters) flags |= FLAG_LETTERS[letter] ?? 0;
  return flags;
}

export interface PlaceIndex {
  /** First word key -> the names starting with it. */
  byFirst: { get(first: string): Bucket | undefined };
  /** Keys of demonyms ("libyan", "libyans"): never places. */
  demonyms: ReadonlySet<string>;
}

/** An index made name by name (the user's lexicon). */
export interface NamedIndex extends PlaceIndex {
  byFirst: Map<string, Bucket>;
}

export interface Bucket {
  /** Places by name key; the gazetteer's lines stay unparsed until a text names them (`placesOf`). */
  names: Map<string, (Place | string)[]>;
  /** The most words of a name in the bucket: a lookup reads no further. */
  maxWords: number;
  /**
   * The keys of its names' words by place in the name (`laterWords[0]` the second words), gathered on
   * first use (`goesOn`).
   */
  laterWords?: Set<string>[];
}

export interface GazetteerStats {
  file: string | null;
  loadMs: number;
}

let loaded: { index: PlaceIndex; stats: GazetteerStats } | undefined;
let sourceOverride: string | undefined;

/** Uses this text (the gazetteer file's format, its lines sorted by key) instead of the built file; for tests and tools. */
export function useGazetteerText(text: string): void {
  sourceOverride = text;
  loaded = undefined;
}

export function gazetteer(): PlaceIndex {
  return load().index;
}

export function gazetteerStats(): GazetteerStats {
  return load().stats;
}

function load(): { index: PlaceIndex; stats: GazetteerStats } {
  if (loaded) return loaded;
  const started = performance.now();
  const file = sourceOverride === undefined ? findGazetteerFile() : null;
  let text = sourceOverride ?? '';
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = ''; // an unreadable gazetteer leaves the context rules and the user lexicon working
    }
  }
  loaded = { index: { byFirst: new SortedBuckets(text), demonyms: demonymsOf(text) }, stats: { file, loadMs: performance.now() - started } };
  return loaded;
}

/**
 * The buckets of a gazetteer text, each made the first time a text names its word and kept. A bucket's
 * names ("al", "al ain", "al bab") are the lines whose key is the word, or the word and a space and
 * more, which sort together: no key has a character below the space. The text's first line, when it
 * starts with a tab, lists the words that start a key: most words looked up start none ("Monday", and
 * all of a text of ever new capitalised words), and are answered without a search.
 */
class SortedBuckets {
  private readonly made = new Map<string, Bucket>();
  private readonly firstWords: ReadonlySet<string> | null;

  constructor(private readonly text: string) {
    this.firstWords = text.charCodeAt(0) === TAB ? new Set(text.slice(1, lineEnd(text, 0)).split(' ')) : null;
  }

  get(first: string): Bucket | undefined {
    if (this.firstWords && !this.firstWords.has(first)) return undefined;
    let bucket = this.made.get(first);
    if (!bucket) {
      bucket = bucketAt(this.text, first);
      if (bucket) this.made.set(first, bucket);
    }
    return bucket;
  }
}

const TAB = 9;

/** The bucket of the names starting with the word `first`, from the lines sorted by key; none if no place has one. */
function bucketAt(text: string, first: string): Bucket | undefined {
  if (first.includes(' ')) return undefined; // no first word: "central african" would find "central african republic"
  const names = new Map<string, (Place | string)[]>();
  let maxWords = 1;
  for (let at = firstLineFrom(text, first); at < text.length; ) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    at = end + 1;
    const tab = line.indexOf('\t');
    const key = tab < 0 ? line : line.slice(0, tab);
    if (key !== first && !(key.startsWith(first) && key.charCodeAt(first.length) === SPACE)) break;
    if (!hasSevenFields(line) || isDemonym(line)) continue;
    maxWords = Math.max(maxWords, wordCount(key));
    const list = names.get(key);
    if (list) list.push(line);
    else names.set(key, [line]);
  }
  return names.size > 0 ? { names, maxWords, laterWords: undefined } : undefined;
}

const SPACE = 32;

/** The words of a key, which has one space between each two. */
function wordCount(key: string): number {
  let words = 1;
  for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) words++;
  return words;
}

/** The start of the first line whose key is not below `key` (the text's length if none). */
function firstLineFrom(text: string, key: string): number {
  let low = 0; // always a line's start
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = middle === low ? low : text.lastIndexOf('\n', middle - 1) + 1; // of the line holding the middle
    if (keyBelow(text, start, key)) low = Math.min(text.length, lineEnd(text, start) + 1);
    else high = start;
  }
  return low;
}

/**
 * Whether the key of the line at `at` sorts below `key`, as strings compare. It ends at a tab, or at the
 * line's end: both below any character of a key, so a key sorts below the longer keys it begins.
 */
function keyBelow(text: string, at: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = at + i < text.length ? text.charCodeAt(at + i) : NEWLINE;
    const k = key.charCodeAt(i);
    if (c !== k) return c < k;
  }
  return false;
}

const NEWLINE = 10;

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/** A demonym's kind, as its line has it between tabs. */
const DEMONYM_KIND = '\tdemonym\t';

function isDemonym(line: string): boolean {
  return line.includes(DEMONYM_KIND);
}

/** The keys of the demonyms' lines: few, found by a native search of the text. */
function demonymsOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (let at = text.indexOf(DEMONYM_KIND); at >= 0; at = text.indexOf(DEMONYM_KIND, at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const line = text.slice(start, lineEnd(text, at));
    if (hasSevenFields(line)) keys.add(line.slice(0, line.indexOf('\t')));
  }
  return keys;
}

/** The places of a name in a bucket, their gazetteer lines parsed on first use. */
export function placesOf(bucket: Bucket, key: string): Place[] | undefined {
  const list = bucket.names.get(key);
  if (!list) return undefined;
  for (let k = 0; k < list.length; k++) {
    const line = list[k];
    if (typeof line === 'string') list[k] = parseLine(line);
  }
  return list as Place[];
}

/**
 * Whether a name in the bucket has this word as its word at `place` (1 for the second): a lookup reads
 * on only then, rather than join and look up words no name of the bucket goes on with.
 */
export function goesOn(bucket: Bucket, place: number, word: string): boolean {
  bucket.laterWords ??= laterWordsOf(bucket);
  return bucket.laterWords[place - 1]?.has(word) ?? false;
}

function laterWordsOf(bucket: Bucket): Set<string>[] {
  const later: Set<string>[] = [];
  for (const key of bucket.names.keys()) {
    const words = key.split(' ');
    for (let k = 1; k < words.length; k++) (later[k - 1] ??= new Set()).add(words[k]);
  }
  return later;
}

function parseLine(line: string): Place {
  const [, canonical, country, kind, lat, lon, flags] = line.split('\t');
  const located = lat !== '' && lon !== '';
  return newPlace(canonical, country || undefined, kind, located ? Number(lat) : undefined, located ? Number(lon) : undefined, placeFlags(flags));
}

/**
 * Every place is made here with all its fields, set or not, so that all have one shape: the recogniser
 * reads them at every name, and places of several shapes would make those reads slower.
 */
export function newPlace(canonical: string, country: string | undefined, kind: string, lat: number | undefined, lon: number | undefined, flags: number): Place {
  return { canonical, country, kind, lat, lon, flags };
}

function hasSevenFields(line: string): boolean {
  let tabs = 0;
  for (let at = line.indexOf('\t'); at >= 0 && tabs < 6; at = line.indexOf('\t', at + 1)) tabs++;
  return tabs === 6;
}

/** Next to the bundle (dist/), or dist/ at the repository root when running from the sources. */
function findGazetteerFile(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : '.';
  const candidates = [join(here, 'gazetteer.txt'), join(here, '../../dist/gazetteer.txt'), join(process.cwd(), 'dist/gazetteer.txt')];
  return candidates.find((file) => existsSync(file)) ?? null;
}

export function addName(index: NamedIndex, name: string, place: Place): void {
  addKey(index, nameKey(name), place);
}

function addKey(index: NamedIndex, key: string, place: Place): void {
  if (!key) return;
  const space = key.indexOf(' ');
  const first = space < 0 ? key : key.slice(0, space);
  let bucket = index.byFirst.get(first);
  if (!bucket) index.byFirst.set(first, (bucket = { names: new Map(), maxWords: 1, laterWords: undefined }));
  if (space >= 0) {
    bucket.maxWords = Math.max(bucket.maxWords, wordCount(key));
    bucket.laterWords = undefined;
  }
  const list = bucket.names.get(key);
  if (!list) bucket.names.set(key, [place]);
  else if (!list.includes(place)) list.push(place);
}

/**
 * A word of a name, as both the gazetteer and the text are looked up: case, accents, apostrophes and
 * dots ignored, and common variants of Arabic and Hebrew transliteration made one (see `foldSpelling`).
 */
export function wordKey(word: string): string {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 122 || c === 39 || c === 46 || c === 96) return foldSpelling(slowWordKey(word));
    if (c >= 65 && c <= 90) upper = true;
  }
  // The recogniser passes words already in lower case: no copy then.
  return foldSpelling(upper ? word.toLowerCase() : word);
}

function slowWordKey(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}'’‘`ʼ.]/gu, '');
}

/** The assimilated forms of the article "al-" ("ad-Dawr", "ash-Sham", "ez-Zor") and its "el-" spelling. */
const ARTICLE_FORMS = new Set(['el', 'ad', 'ar', 'ash', 'az', 'ez']);

/**
 * One key for the spellings of one name: "Qiryat"/"Kiryat" (q as k), "Dahiyeh"/"Dahiyah"/"Dahiya" (a
 * final h after a vowel dropped, -iye as -iya), "el-"/"al-". Both sides of a lookup are folded alike.
 */
export function foldSpelling(key: string): string {
  const n = key.length;
  if (n <= 3) return ARTICLE_FORMS.has(key) ? 'al' : key;
  let folded = key.includes('q') ? key.replaceAll('q', 'k') : key;
  const last = folded.charCodeAt(n - 1);
  if (last === 104 && 'aeiou'.includes(folded[n - 2])) folded = folded.slice(0, -1);
  if (folded.endsWith('iye')) folded = `${folded.slice(0, -1)}a`;
  return folded;
}

/** Words as the recogniser's tokenizer splits them (hyphens and spaces separate words), keyed. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** The lookup key of a name: its words' keys joined by spaces ("Bani-Walid" and "bani walid" alike). */
export function nameKey(name: string): string {
  return Array.from(name.matchAll(WORD), (m) => wordKey(m[0]))
    .filter((word) => word.length > 0)
    .join(' ');
}
