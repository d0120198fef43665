import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import { headerOf, readHeader } from '../../src/analysis/header';

// The Seeds view lists an article by `readHeader` and later draws it from its analysis: the two must
// agree, or the article would move when analysed.

const fixtureTexts = (): string[] => {
  const dirs = [join(__dirname, '../../seeds'), join(__dirname, '../fixtures/heldout'), join(__dirname, '../../../shared/seeds')];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n)).map((n) => readFileSync(join(dir, n), 'utf8'));
    } catch {
      return []; // ../shared is absent outside this workspace
    }
  });
};

// Datelines of every kind the document model reads, bylines, headings, sentences whose ends are hard to find,
// dates that complete a dateline's missing year, and paragraph breaks.
const FRAGMENTS = [
  ' date 2020-05-25 ',
  'KHARTOUM, May 25 (Reuters) - ',
  'GOMA, Democratic Republic of Congo, 3 June — ',
  '# ',
  '## A heading\n\n',
  'Fighting spread on Monday. ',
  'Officials said on 3 June 2021 that talks would resume. ',
  'Dr. Amani arrived in the U.S. on Friday. ',
  '“We will not leave,” a commander said. ',
  'On 12 December 2019, the army withdrew',
  'By staff writers — 14 February 2024',
  'Published: March 3, 2024',
  '\n\n',
  '\n',
  '\r\n\r\n',
  '   ',
];

describe('readHeader', () => {
  it("gives every fixture article's date and headline as its analysis does", () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(readHeader(text)).toEqual(headerOf(analyse(text)));
  });

  it('agrees with the analysis on generated articles of datelines, headings, sentences and breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(readHeader(text)).toEqual(headerOf(analyse(text)));
      }),
      { numRuns: 400 },
    );
  });

  it('reads a dateline date, a completed one, a heading, and nothing from an empty text', () => {
    expect(readHeader(' date 2020-05-25 Ceasefire collapses. Fighting resumed.')).toEqual({ date: '2020-05-25', headline: 'Ceasefire collapses.' });
    expect(readHeader('KHARTOUM, May 25 (Reuters) - Talks resume.\n\nOn 20 May 2021 the envoys met.').date).toBe('2021-05-25');
    expect(readHeader('# Port reopens\n\nShips docked.')).toEqual({ date: null, headline: 'Port reopens' });
    expect(readHeader('# Port reopens\n\nBy Ali Musa, 3 March 2024\n\nShips docked.')).toEqual({ date: '2024-03-03', headline: 'Port reopens' });
    expect(readHeader('')).toEqual({ date: null, headline: undefined });
  });
});
