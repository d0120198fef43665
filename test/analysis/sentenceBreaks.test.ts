import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../../src/analysis/sentenceBreaks';

// The scanner must give exactly Intl.Segmenter's boundaries wherever it answers at all.

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuStarts = (text: string) => Array.from(segmenter.segment(text), (s) => s.index);

/** Characters the sentence rules treat differently, and a few the scanner must refuse. */
const ALPHABET = [
  ...'aAzZ09éÉßŁłǅǄǆƻªµ×÷', // letters of each case, digits, letter-like signs
  ...'...?!‼‽\u2024', // terminators, the full stop weighted up
  ...'   \t\v\f\u00a0\u2003\u202f', // spaces
  ...'\n\r\u0085\u2028\u2029', // line and paragraph separators
  ...'"\'()[]{}“”‘’«»‹›„', // closing punctuation (quotes and brackets of both kinds count)
  ...',;:-–—', // continuations
  ...'#$…•¿¡‐', // others
  ...'\u0300\u00ad\u200b\u0627\u4e2d😀', // combining, format, other scripts, astral: not supported
];

const fixtureTexts = (): string[] => {
  const dirs = [join(__dirname, '../../seeds'), join(__dirname, '../fixtures/heldout'), join(__dirname, '../../../shared/seeds')];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(dir, n), 'utf8'));
    } catch {
      return []; // ../shared is absent outside this workspace
    }
  });
};

describe('sentenceStarts', () => {
  it('agrees with Intl.Segmenter on random text over the characters the rules care about', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const starts = sentenceStarts(text);
        if (starts === null) return;
        answered++;
        expect(starts).toEqual(icuStarts(text));
      }),
      { numRuns: 20_000 },
    );
    expect(answered).toBeGreaterThan(5_000); // most texts are in the supported set
  });

  it('agrees with Intl.Segmenter on every paragraph of the articles, answering for all of them', () => {
    const paragraphs = fixtureTexts().flatMap((text) => text.split(/\n\s*\n/));
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const paragraph of paragraphs) expect(sentenceStarts(paragraph)).toEqual(icuStarts(paragraph));
  });

  it('answers null for text it does not cover, so the caller falls back to Intl.Segmenter', () => {
    for (const text of ['Il a dit: « non ».\u0301', 'Soft\u00adhyphen.', 'قال المتحدث.', '中文。', 'Fire 🔥. Then.']) {
      expect(sentenceStarts(text)).toBeNull();
    }
    expect(sentenceStarts('')).toEqual([]);
  });

  it('keeps the rules that matter in news: abbreviation-like stops, numbers, quotes after the stop', () => {
    expect(sentenceStarts('He left. She stayed.')).toEqual([0, 9]);
    expect(sentenceStarts('It cost 3.5 million. Then more.')).toEqual([0, 21]); // SB6
    expect(sentenceStarts('Flights to St.Louis resumed.')).toEqual([0]); // SB7
    expect(sentenceStarts('Ask the U.S. Army now.')).toEqual([0, 13]); // a break splitSentences repairs
    expect(sentenceStarts('At 5 p.m. the troops left.')).toEqual([0]); // SB8
    expect(sentenceStarts('“We will win.” He said so.')).toEqual([0, 15]); // SB9 then SB11
  });
});
