// Bytes to article text, for the CLI and the extension alike: BOMs removed, UTF-16 decoded,
// invalid UTF-8 or UTF-16 replaced (and said once), binary files refused.

export type Decoded = { text: string; warning?: string } | { error: string };

/** Bytes (or, after decoding, characters) scanned for signs of a binary file. */
const SNIFF = 8192;

const BINARY = 'binary file (not UTF-8 or UTF-16 text), skipped';

export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let body = bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  // NUL bytes are normal in UTF-16, so UTF-16 is judged on its decoded characters only.
  if (encoding === 'utf-8' && hasBinaryBytes(body)) return { error: BINARY };
  let text: string;
  let warning: string | undefined;
  try {
    // ignoreBOM: the BOM is already cut off; a second U+FEFF is text, as in the editor.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    warning = `invalid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} bytes replaced with U+FFFD`;
  }
  if (!/\S/.test(text)) return { error: text.length ? 'empty file (whitespace only)' : 'empty file' };
  if (hasBinaryCharacters(text)) return { error: BINARY };
  return warning ? { text, warning } : { text };
}

/** A NUL byte, or many control bytes, in the first few kilobytes. */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control > end / 10;
}

/**
 * After decoding: a NUL, a tenth of the first characters being controls, or a third being replacement
 * characters (random bytes above 0x7F, a UTF-32 file, binary data that happens to start with a BOM).
 * A few replaced bytes in text (a Latin-1 "é") stay below that.
 */
function hasBinaryCharacters(text: string): boolean {
  const end = Math.min(text.length, SNIFF);
  let control = 0;
  let replaced = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
    else if (c === 0xfffd) replaced++;
  }
  return control > end / 10 || replaced > end / 3;
}
