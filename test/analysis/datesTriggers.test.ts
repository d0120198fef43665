import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecimal, isWordCharAt, wordEnd } from '../../src/analysis/datesText';
import { findTriggers, TRIGGER } from '../../src/analysis/datesTriggers';
import { NOT_SEEN, seenWord } from '../../src/analysis/paragraphWords';

// The triggers are found among the shared scan's words, whose idea of a word is not the recogniser's
// (apostrophes, marks, digits beyond ASCII, an underscore before a word): they must be exactly where
// the trigger regex matches after a character that is not a word's.

/** Every offset where TRIGGER matches after a non-word character, trying each one. */
function triggersByRegex(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    TRIGGER.lastIndex = i;
    if (!isWordCharAt(text, i - 1) && TRIGGER.test(text)) starts.push(i);
  }
  return starts;
}

const pieces = [
  ' ', ', ', '.', ',', '-', '_', "'", '’', "'s", '\u0301', '²', '٣', 'é', '𝐀', '\u00a0',
  'today', 'Today', 'Mayor', 'May', 'day', 'Day', 'days', 'year', 'centuries', 'Sept', 'x', 'N', 'U.S', 'a.m',
  '2', '25', '2,000', '1.5', '1990s', 'internationally', 'yesterday’s', 'Wednesday', 'morning', 'Morning',
];

/** The triggers' starts, each checked: a trigger given as a word seen is the recogniser's word there. */
function triggerStarts(text: string): number[] {
  const { start, word, count } = findTriggers(text);
  const starts = [...start.subarray(0, count)];
  starts.forEach((at, t) => {
    if (word[t] !== NOT_SEEN) expect(seenWord(word[t]), text).toBe(text.slice(at, wordEnd(text, at)));
  });
  return starts;
}

describe('findTriggers', () => {
  it('finds the triggers the regex finds, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(triggerStarts(text), text).toEqual(triggersByRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds them in arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(triggerStarts(text)).toEqual(triggersByRegex(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('isDecimal', () => {
  it('is what /^\d+(?:\.\d+)?$/ matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '7', '42', '.', ',', 'a', '٣', ' ', '\n'), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        expect(isDecimal(text), text).toBe(/^\d+(?:\.\d+)?$/.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
