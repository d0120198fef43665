import { describe, expect, it } from 'vitest';
import { sourceKind } from '../../src/analysis/sources';
import type { Entity } from '../../src/analysis/types';

// A source phrase's kind is read once per text and per known names over it: the same phrase under
// other names (none, one, two, one reaching in from before it) is read again, and a reading is kept
// for each.

const PHRASE = 'Ali Hassan and Omar Bashir';
const AT = 1000;

function party(start: number, end: number): Entity {
  return { text: PHRASE.slice(start, end), start: AT + start, end: AT + end, type: 'faction' };
}

describe('sourceKind', () => {
  it('reads a phrase by the known names over it, whichever reading came first', () => {
    const first = party(0, 10); // "Ali Hassan": the head is a party, no person
    const second = party(15, 26); // "Omar Bashir", outside the head
    const before: Entity = { text: 'x Ali Hassan', start: AT - 2, end: AT + 10, type: 'faction' };
    const cases: [Entity[], string][] = [
      [[], 'person'],
      [[second], 'person'],
      [[first], 'organisation'],
      [[first, second], 'organisation'],
      [[before], 'organisation'],
    ];
    // Twice over, in turn: a reading kept for one set of names is never given for another.
    for (const [entities, kind] of [...cases, ...cases.slice().reverse()]) {
      expect(sourceKind(PHRASE, AT, entities)).toBe(kind);
    }
  });
});
