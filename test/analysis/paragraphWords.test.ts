import { describe, expect, it } from 'vitest';
import { NOT_SEEN, paragraphWords, seenWord, seenWordsGeneration } from '../../src/analysis/paragraphWords';

// The shared word scan numbers each spelling it meets in a table kept across paragraphs; the recognisers
// keep what they make of a word by that number, so a number must always stand for one spelling.

/** Each word of `text` (to its `end`) with its id. */
function wordsWithIds(text: string): [string, number][] {
  const words = paragraphWords(text);
  return Array.from({ length: words.length }, (_, i) => [text.slice(words.start[i], words.end[i]), words.id[i]]);
}

describe('paragraphWords', () => {
  it('gives one id to one spelling, in any paragraph, and another to each other spelling', () => {
    const first = new Map(wordsWithIds("The army's troops and the Army entered Kyiv."));
    const second = new Map(wordsWithIds('Kyiv, the army and THE army’s guns'));
    expect(second.get('Kyiv')).toBe(first.get('Kyiv'));
    expect(second.get('the')).toBe(first.get('the'));
    expect(second.get('army')).toBe(first.get('army')); // "army's" is read as "army"
    expect(new Set([first.get('The'), first.get('the'), second.get('THE')]).size).toBe(3);
    for (const [word, id] of [...first, ...second]) expect(seenWord(id)).toBe(word);
  });

  it('numbers no long word', () => {
    expect(wordsWithIds('internationally recognised')).toEqual([
      ['internationally', NOT_SEEN],
      ['recognised', expect.any(Number)],
    ]);
  });

  it('starts the numbering again when the table is full, never in the middle of a paragraph', () => {
    const generation = seenWordsGeneration();
    let ids: number[] = [];
    for (let paragraph = 0; seenWordsGeneration() === generation; paragraph++) {
      const words = wordsWithIds(Array.from({ length: 1000 }, (_, k) => `w${paragraph}x${k}`).join(' '));
      for (const [word, id] of words) if (id !== NOT_SEEN) expect(seenWord(id)).toBe(word);
      ids = words.map(([, id]) => id);
    }
    // The paragraph read after the table filled up is numbered afresh.
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, k) => k));
  });
});
