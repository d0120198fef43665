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
