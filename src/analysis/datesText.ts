import { lowerCase } from './chars';

// Word-by-word navigation around a trigger for the date recogniser: the word before or after a
// position, never further than a few spaces away, so every look-around costs constant time.

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Joined to its neighbour by a hyphen ("mid-March", "48-hour"), not by spaces. */
  joined: boolean;
}

const MAX_GAP = 3;

const isDigit = (code: number) => code >= 48 && code <= 57;

const LETTER = /\p{L}/u;

function isLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code >= 0xc0 && LETTER.test(text[i]);
}

/** Letters and digits, and a `.` or `,` between digits ("1.5", "2,000", "25.05.2020"). */
function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (isDigit(code) || isLetter(text, i)) return true;
  return (code === 46 || code === 44) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
}

export function isWordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordChar(text, i);
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
const isHyphen = (code: number) => code === 45 || code === 0x2010 || code === 0x2011;

export function isCapitalised(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90; // ASCII without a string operation
  const first = text[0];
  return first !== undefined && first !== first.toLowerCase();
}

export const isNumeral = (word: string) => isDigit(word.charCodeAt(0));

// Number shapes tested on character codes: most triggers are numbers, and a regex match would
// allocate its result array for each.

function digitsFrom(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** Four digits: `2014`. */
export function isYear(text: string): boolean {
  return text.length === 4 && digitsFrom(text, 0, 4);
}

/** Digits, with an optional fraction: `48`, `1.5` (what `^\d+(?:\.\d+)?$` matches). */
export function isDecimal(text: string): boolean {
  const dot = text.indexOf('.');
  if (dot < 0) return text.length > 0 && digitsFrom(text, 0, text.length);
  return dot > 0 && dot < text.length - 1 && digitsFrom(text, 0, dot) && digitsFrom(text, dot + 1, text.length);
}

/** The day of `25`, `3rd`, `21st`: one or two digits, an optional ordinal suffix; -1 otherwise. */
export function dayNumber(text: string): number {
  const digits = isDigit(text.charCodeAt(1)) ? 2 : 1;
  if (!isDigit(text.charCodeAt(0))) return -1;
  const suffix = text.length - digits;
  if (suffix !== 0 && (suffix !== 2 || !isOrdinalSuffix(text.charCodeAt(digits), text.charCodeAt(digits + 1)))) return -1;
  return digits === 1 ? text.charCodeAt(0) - 48 : (text.charCodeAt(0) - 48) * 10 + text.charCodeAt(1) - 48;
}

/** `st`, `nd`, `rd` or `th`, lower-case. */
function isOrdinalSuffix(first: number, second: number): boolean {
  return (first === 115 && second === 116) || (first === 110 && second === 100) || (first === 114 && second === 100) || (first === 116 && second === 104);
}

/** The first three digits of a decade, `199` of `1990s`, or null. */
export function decadeDigits(text: string): string | null {
  return text.length === 5 && text.charCodeAt(3) === 48 && text.charCodeAt(4) === 115 && digitsFrom(text, 0, 3) ? text.slice(0, 3) : null;
}

/** The end of the word starting at `start`. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isWordChar(text, end)) end++;
  return end;
}

function word(text: string, start: number, end: number, joined: boolean): Word {
  const slice = text.slice(start, end);
  return { text: slice, lower: lowerCase(slice), start, end, joined };
}

/** The word ending just before `pos` (across a few spaces or one hyphen), not starting before `floor`. */
export function wordBefore(text: string, pos: number, floor: number): Word | null {
  let i = pos;
  const joined = i > 0 && isHyphen(text.charCodeAt(i - 1));
  if (joined) i--;
  else while (i > 0 && pos - i < MAX_GAP && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === pos) return null;
  const end = i;
  while (i > floor && isWordChar(text, i - 1)) i--;
  if (i === end || (i > 0 && isWordChar(text, i - 1))) return null;
  return word(text, i, end, joined);
}

/** The word starting just after `pos` (across a few spaces or one hyphen). */
export function wordAfter(text: string, pos: number): Word | null {
  let i = pos;
  const joined = i < text.length && isHyphen(text.charCodeAt(i));
  if (joined) i++;
  else while (i < text.length && i - pos < MAX_GAP && isSpace(text.charCodeAt(i))) i++;
  if (i === pos || !isWordCharAt(text, i)) return null;
  return word(text, i, wordEnd(text, i), joined);
}
