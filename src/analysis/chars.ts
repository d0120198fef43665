// Character tests and case for the recognisers' hot paths: char codes, not strings or regexes.

/**
 * `word.toLowerCase()`, without the call when nothing would change (ASCII without capitals, most
 * words): the call makes a new string every time, and is slow on two-byte strings.
 */
export function lowerCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) return word.toLowerCase();
  }
  return word;
}

/** What `\w` matches in a regex without the `u` flag: ASCII letters, digits and the underscore. */
export function isRegexWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Where the white space (as `\s` reads it) starting at `i` ends, at most at `end`. */
export function spacesAfter(text: string, i: number, end: number): number {
  while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Where the white space (as `\s` reads it) ending at `i` starts, at least at `from`. */
export function spacesBefore(text: string, i: number, from: number): number {
  while (i > from && isRegexSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code unit at `i` is a letter or digit (`[\p{L}\p{N}]`): ASCII by code, the rest by the Unicode classes; false outside the text. */
export function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c === c && LETTER_OR_DIGIT.test(text[i]); // NaN outside the text
}

/** What `\s` matches (white space and line terminators), without a regex. */
export function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
