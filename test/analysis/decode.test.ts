import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../../src/analysis/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};
const TEXT = ' date 2022-02-24 Shelling hit Kharkiv 🇺🇦 on Thursday, the mayor said.\r\n\r\nقالت الحكومة';

describe('decodeArticle: encodings', () => {
  it('decodes plain UTF-8 unchanged, with no warning', () => {
    expect(decodeArticle(utf8(TEXT))).toEqual({ text: TEXT });
  });

  it('removes a UTF-8 BOM, so offsets count from the first character of text', () => {
    const decoded = decodeArticle(bytes([0xef, 0xbb, 0xbf], TEXT));
    expect(decoded).toEqual({ text: TEXT });
  });

  it('removes one BOM only: a second U+FEFF is text, as in the editor', () => {
    expect(decodeArticle(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'Goma'))).toEqual({ text: '\ufeffGoma' });
    expect(decodeArticle(bytes([0xff, 0xfe], Buffer.from('\ufeffGoma', 'utf16le')))).toEqual({ text: '\ufeffGoma' });
  });

  it('decodes UTF-16 LE and BE with their BOMs, astral characters included', () => {
    expect(decodeArticle(bytes([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')))).toEqual({ text: TEXT });
    expect(decodeArticle(bytes([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT });
  });

  it('replaces invalid UTF-8 with U+FFFD and warns once', () => {
    const decoded = decodeArticle(bytes('Fighting in Goma ', [0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xe2, 0x82], ' on May 3.'));
    expect(decoded).toMatchObject({ warning: expect.stringMatching(/invalid UTF-8/) });
    if (!('text' in decoded)) throw new Error('expected text');
    expect(decoded.text.startsWith('Fighting in Goma \ufffd')).toBe(true);
    expect(decoded.text.endsWith('\ufffd on May 3.')).toBe(true);
    expect(decoded.text).not.toMatch(/[\ud800-\udfff]/); // no lone surrogate from the encoded one
  });

  it('replaces a sequence cut off at the end of the file', () => {
    const decoded = decodeArticle(bytes('Kyiv on May 3 ', [0xf0, 0x9f, 0x98]));
    expect(decoded).toEqual({ text: 'Kyiv on May 3 \ufffd', warning: expect.any(String) });
  });

  it('replaces unpaired surrogates and an odd trailing byte in UTF-16, with a warning', () => {
    const lone = decodeArticle(bytes([0xff, 0xfe], Buffer.from('Goma \ud83d fell.', 'utf16le')));
    expect(lone).toEqual({ text: 'Goma \ufffd fell.', warning: expect.stringMatching(/invalid UTF-16/) });
    const odd = decodeArticle(bytes([0xfe, 0xff], utf16be('Goma fell.'), [0x41]));
    expect(odd).toEqual({ text: 'Goma fell.\ufffd', warning: expect.stringMatching(/invalid UTF-16/) });
  });

  it('reads a Latin-1 file with a few accented letters as text with a warning', () => {
    const decoded = decodeArticle(Buffer.from('Caf\u00e9 owners in Bogot\u00e1 said the army arrived on May 5.', 'latin1'));
    expect(decoded).toMatchObject({ warning: expect.any(String) });
  });
});

describe('decodeArticle: empty and binary files', () => {
  it('refuses empty, whitespace-only and BOM-only files', () => {
    for (const input of [bytes(), bytes(' \n\t\r\n\u00a0 '), bytes([0xef, 0xbb, 0xbf]), bytes([0xff, 0xfe]), bytes([0xfe, 0xff]), bytes([0xff, 0xfe], Buffer.from(' \n ', 'utf16le'))]) {
      expect(decodeArticle(input), JSON.stringify([...input])).toEqual({ error: expect.stringMatching(/^empty file/) });
    }
  });

  it('refuses a NUL byte anywhere in the first 8 KB, but not beyond', () => {
    expect(decodeArticle(bytes('Goma', [0], 'fell'))).toEqual({ error: expect.stringMatching(/binary/) });
    expect(decodeArticle(bytes('a'.repeat(8191), [0]))).toEqual({ error: expect.stringMatching(/binary/) });
    expect(decodeArticle(bytes('a'.repeat(8192), [0]))).not.toHaveProperty('error');
  });

  it('refuses more than a tenth of control bytes, allows tabs, form feeds, ESC and line ends', () => {
    const controls = (n: number) => bytes(Array.from({ length: n }, () => 0x01), 'x'.repeat(100 - n));
    expect(decodeArticle(controls(11))).toEqual({ error: expect.stringMatching(/binary/) });
    expect(decodeArticle(controls(9))).not.toHaveProperty('error');
    expect(decodeArticle(bytes('a\tb\fc\x1b[0m\r\nd\re\n'.repeat(50)))).not.toHaveProperty('error');
  });

  it('refuses a PNG, random bytes, a PDF and UTF-16 without a BOM', () => {
    let seed = 1;
    const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', random);
    const pdf = bytes('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n', random);
    for (const input of [png, random, pdf, Buffer.from('Fighting in Goma.', 'utf16le')]) {
      expect(decodeArticle(input)).toEqual({ error: expect.stringMatching(/binary/) });
    }
  });

  it('refuses bytes that are all invalid UTF-8 rather than analysing replacement characters', () => {
    const high = Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + (i % 128)));
    expect(decodeArticle(high)).toEqual({ error: expect.stringMatching(/binary/) });
  });

  it('refuses UTF-32, and binary data that starts like a UTF-16 BOM', () => {
    expect(decodeArticle(bytes([0xff, 0xfe, 0, 0], Buffer.from('G\0\0\0o\0\0\0')))).toEqual({ error: expect.stringMatching(/binary/) });
    // Unpaired high surrogates only: every code unit is replaced.
    const surrogates = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 2 ? 0xd8 : 0x3d)));
    expect(decodeArticle(bytes([0xff, 0xfe], surrogates))).toEqual({ error: expect.stringMatching(/binary/) });
  });

  it('decodes a large file in one piece', () => {
    const line = 'Fighting continued in Goma on Monday, officials said. ';
    const big = Buffer.from(line.repeat(100_000));
    const decoded = decodeArticle(big);
    expect('text' in decoded && decoded.text.length).toBe(big.length);
  });
});
