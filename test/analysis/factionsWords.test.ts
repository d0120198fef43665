import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable, NO_KEY, normaliseKey, PLAIN, tokenise, WordColumns } from '../../src/analysis/factionsWords';
import { paragraphWords } from '../../src/analysis/paragraphWords';

// The faction scan reads words as columns and finds plain words' keys in a table without making the
// key string; both shortcuts must agree with the plain reading (`tokenise`, `normaliseKey`).

/** Words with capitals, curly and straight apostrophes, non-breaking hyphens, accents and dots. */
const WORDS = ['Army', 'army', 'RSF', 'Sudan’s', "Sudan's", 'al‑Shabaab', 'al-Shabaab', 'U.S.', 'Hamas', 'HAMAS', 'Ñame', 'İzmir', 'ΣΟΦΙΑ', 'forces', '(LNA)', 'M23', '2023'];
const SEPARATORS = [' ', ', ', '\n', ' — ', '\u00a0', '. '];
const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((pairs) => pairs.map(([word, separator]) => word + separator).join(''));

describe('WordColumns', () => {
  it('reads the same words and keys as tokenise', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const columns = new WordColumns(text);
        const words = tokenise(text);
        expect(columns.count).toBe(words.length);
        words.forEach((word, i) => {
          expect([columns.starts[i], columns.ends[i]]).toEqual([word.start, word.end]);
          expect(columns.key(i)).toBe(word.key);
          expect(columns.keyIs(i, word.key)).toBe(true);
          expect(columns.keyIs(i, `${word.key}x`)).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("makes the same words from the place recogniser's words as from its own scan", () => {
    // Where the two scans' words differ: hyphens, final dots, possessives, marks, astral letters.
    const pieces = ['a', 'B', 's', 'S', 'é', '1', "'", '’', '.', '-', '‑', ' ', '\u00a0', '\t', '(', ')', ',', '\n', '\u0301', '𝐀', '😀', 'b.a.', 'No.1.', "a's", 'al-'];
    const table = new KeyTable();
    for (const key of ['a', 's', "a's", 'b.a.', 'b.a', 'a-b', 'é', '1']) table.add(key);
    const columnsOf = (columns: WordColumns) => [columns.count, ...[columns.starts, columns.ends, columns.flags, columns.ids].map((column) => [...column.subarray(0, columns.count)])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (chosen) => {
        const text = chosen.join('');
        expect(columnsOf(new WordColumns(text, table, paragraphWords(text)))).toEqual(columnsOf(new WordColumns(text, table)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('KeyTable', () => {
  it('numbers each key once and finds it again, past many growths', () => {
    const table = new KeyTable();
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i.toString(36)}`);
    const ids = keys.map((key) => table.add(key));
    expect(new Set(ids).size).toBe(keys.length);
    expect(ids).not.toContain(NO_KEY);
    keys.forEach((key, i) => expect(table.add(key)).toBe(ids[i]));
    keys.forEach((key, i) => expect(table.find(key)).toBe(ids[i]));
    expect(table.find('absent')).toBe(NO_KEY);
    expect(table.size).toBe(keys.length + 1);
  });

  it("finds a plain word's key from its characters exactly as from the key itself", () => {
    const table = new KeyTable();
    for (const word of WORDS) table.add(normaliseKey(word));
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const columns = new WordColumns(text, table);
        for (let i = 0; i < columns.count; i++) {
          const expected = table.find(columns.key(i));
          expect(columns.ids[i]).toBe(expected);
          if (columns.flags[i] & PLAIN) expect(table.findPlain(text, columns.starts[i], columns.ends[i])).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
