import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byTextOrder, countStartingBefore, countStartingBeforeNear, mergedInTextOrder, sortedByStart, sortedInPlace } from '../../src/analysis/sortedSpans';

describe('countStartingBefore', () => {
  it('counts the spans starting before an offset, as a linear count would, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.integer({ min: -1, max: 52 }), (starts, at) => {
        const sorted = [...starts].sort((a, b) => a - b).map((start) => ({ start }));
        expect(countStartingBefore(sorted, at)).toBe(sorted.filter((s) => s.start < at).length);
      }),
    );
  });
});

describe('countStartingBeforeNear', () => {
  it('counts as countStartingBefore does, from any starting guess, ties included', () => {
    // Few distinct offsets, so that runs of equal starts fall inside the window it reads first.
    fc.assert(
      fc.property(fc.array(fc.nat(8), { maxLength: 30 }), fc.integer({ min: -1, max: 9 }), fc.nat(31), (starts, at, guess) => {
        const sorted = [...starts].sort((a, b) => a - b).map((start) => ({ start }));
        const from = Math.min(guess, sorted.length);
        expect(countStartingBeforeNear(sorted, at, from)).toBe(sorted.filter((s) => s.start < at).length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sortedInPlace and sortedByStart', () => {
  it('give what a stable sort gives, and the list itself when it is in order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.nat(6), end: fc.nat(6), id: fc.nat() })), (spans) => {
        const expected = [...spans].sort(byTextOrder);
        expect(sortedInPlace([...spans], byTextOrder)).toEqual(expected);
        expect(sortedByStart([...spans])).toEqual([...spans].sort((a, b) => a.start - b.start));
        expect(sortedInPlace(expected, byTextOrder)).toBe(expected);
      }),
    );
  });
});

describe('mergedInTextOrder', () => {
  it('gives what a stable sort of both lists one after the other gives, ties taken from the first', () => {
    const span = fc.record({ start: fc.nat(6), end: fc.nat(6), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(span), fc.array(span), (a, b) => {
        const [first, second] = [a.sort(byTextOrder), b.sort(byTextOrder)];
        expect(mergedInTextOrder(first, second)).toEqual([...first, ...second].sort(byTextOrder));
      }),
      { numRuns: 500 },
    );
  });
});
