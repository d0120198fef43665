// The word stream the faction recognisers walk: one linear regex pass, no backtracking (the separators
// inside a word are disjoint from its letters), so any input costs time proportional to its length.

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

const WORD = /[\p{L}\p{N}]+(?:[-'’.‑][\p{L}\p{N}]+)*/gu;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const UPPER = /\p{Lu}/u;

export function normaliseKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('’') < 0 && lower.indexOf('‘') < 0 && lower.indexOf('‑') < 0 ? lower : lower.replace(/[’‘]/g, "'").replace(/‑/g, '-');
}

function isUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(raw[0]);
}

export function tokenise(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let end = m.index + m[0].length;
    // "U.S." keeps its last dot.
    if (text.charCodeAt(end) === 46 && INITIALS.test(m[0])) end++;
    const raw = end === m.index + m[0].length ? m[0] : text.slice(m.index, end);
    const key = normaliseKey(raw);
    const possessive = key.length > 2 && key.endsWith("'s");
    words.push({
      start: m.index,
      end,
      key,
      base: possessive ? key.slice(0, -2) : key,
      baseEnd: possessive ? end - 2 : end,
      possessive,
      capitalised: isUpper(raw),
    });
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
