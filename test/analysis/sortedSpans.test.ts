import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countStartingBefore } from '../../src/analysis/sortedSpans';

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
