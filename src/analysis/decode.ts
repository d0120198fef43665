// Bytes to article text, for the CLI and the extension alike: BOMs removed, UTF-16 decoded,
// invalid UTF-8 replaced (and said once), binary files refused.

export type Decoded = { text: string; warning?: string } | { error: string };

/** Bytes scanned for signs of a binary file. */
const SNIFF = 8192;

export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { error: 'binary file (not text), skipped' };
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8').decode(body);
    warning = 'invalid UTF-8 bytes replaced with U+FFFD';
  }
  if (text.trim() === '') return { error: 'empty file (whitespace only)' };
  return warning ? { text, warning } : { text };
}

/** A NUL byte, or many control characters, in the first few kilobytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control > end / 10;
}
