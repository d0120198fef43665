// The word stream the faction recognisers walk: one linear pass over the characters, an ASCII fast path
// and Unicode letter classes for the rest, so any input costs time proportional to its length.

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

const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const UPPER = /\p{Lu}/u;

export function normaliseKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('’') < 0 && lower.indexOf('‘') < 0 && lower.indexOf('‑') < 0 ? lower : lower.replace(/[’‘]/g, "'").replace(/‑/g, '-');
}

function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]);
}

const LETTER = /[\p{L}\p{N}]/u;

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

/**
 * The whole text's keys in one call: lower case and apostrophes done once, not once per word. Only
 * when lower-casing keeps every offset ("İ" grows) and no sigma can change form with its context.
 */
function lowerOnce(text: string): string | null {
  const lower = normaliseKey(text);
  return lower.length === text.length && text.indexOf('Σ') < 0 ? lower : null;
}

export function tokenise(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  const lower = lowerOnce(text);
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let dots = 0;
    for (;;) {
      while (i < n && isWordChar(text, i)) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
      // A joiner continues the word only when a letter or digit follows it.
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        if (text.charCodeAt(i) === 46) dots++;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    // "U.S." keeps its last dot.
    if (dots > 0 && text.charCodeAt(end) === 46 && INITIALS.test(text.slice(start, end))) end++;
    const key = lower === null ? normaliseKey(text.slice(start, end)) : lower.slice(start, end);
    const possessive = key.length > 2 && key.endsWith("'s");
    words.push({
      start,
      end,
      key,
      base: possessive ? key.slice(0, -2) : key,
      baseEnd: possessive ? end - 2 : end,
      possessive,
      capitalised: isUpper(text, start),
    });
    i = end;
  }
  return words;
}

/** True when only spaces separate two words (no punctuation, no line break). */
export function spaced(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 160 && c !== 9) return false;
  }
  return true;
}

/** The characters between two words, trimmed ("," or "(" or "" for spaces). */
export function gapText(text: string, from: number, to: number): string {
  return text.slice(from, to).trim();
}
