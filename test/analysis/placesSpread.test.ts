import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { unchangedSince } from '../../src/analysis/commonText';
import { findPlaces } from '../../src/analysis/places';
import { readSpread, spreadPlaces, type SpreadReading } from '../../src/analysis/placesSpread';
import type { Entity, RecogniserContext } from '../../src/analysis/types';
import { ensureBuiltGazetteer } from './placesSetup';

const context: RecogniserContext = { documentDate: '2024-03-10', lexicon: {} };

beforeAll(() => {
  ensureBuiltGazetteer();
});

describe('spreading places', () => {
  it('spreads a place known from context to the rest of the document', () => {
    const text = 'Gunmen raided the village of Qarmazin.\n\nLater Qarmazin was quiet. Qarmazin Ahmed said so.';
    const first = findPlaces(text, context);
    const spread = spreadPlaces(text, first);
    expect(spread.map((p) => [p.text, p.start])).toEqual([['Qarmazin', text.indexOf('Qarmazin', 40)]]);
  });

  it('spreads many names as it spreads a few (one pass by first word, or a search per name)', () => {
    const few = ['Zara', 'Ain Zara', 'Bariire', 'Dorvakia', 'Tarsilat'];
    const more = ['Hambelli', 'Wardaqa', 'Zuwantin', 'Morvashne', 'Kyaukmaw'];
    const text = `${[...few, ...more].join(', ')}.\n\nLater ${[...more, ...few].join(' and ')} were quiet; Zara-based men left Ain Zara Monday and Bariire.`;
    let at = 0;
    const known = [...few, ...more].map((name) => place(name, (at = text.indexOf(name, at))));
    const spread = (entities: Entity[]) => spreadPlaces(text, entities).map((p) => [p.text, p.start]);
    const separately = [...spread(known.slice(0, few.length)), ...spread(known.slice(few.length))].sort((a, b) => +a[1] - +b[1]);
    expect(spread(known)).toEqual(separately);
    expect(spread(known).map(([name]) => name)).toEqual([...more, 'Zara', 'Ain Zara', 'Bariire', 'Dorvakia', 'Tarsilat', 'Bariire']);
  });
});

// After an edit, occurrences are taken from the version before where neither the text around them
// nor the places near them changed. Texts here are made of pieces that sit right at those edges, and
// the edits land next to names: names touching letters, hyphens and capitals, names inside longer
// names, places that cover an occurrence, and known names whose place changes kind with an edit.

/** Few names (a search per name) or many (one pass by first word). */
const FEW = ['Zara', 'Ain Zara', 'Bariire', 'Qarm'];
const MANY = [...FEW, 'Dorvakia', 'Tarsilat', 'Hambelli', 'Wardaqa', 'Zuwantin', 'Morvashne', 'Kyaukmaw'];
/** A name (N) in the settings that decide whether it is an occurrence, is known, or is covered. */
const SETTINGS = ['N', 'N', '@N', '@@N', '#x. N', '#x N.', '#N', 'Said N', 'N X', 'Nx', 'xN', 'N-x', 'N’s', 'Ain N'];
const BETWEEN = [' ', ' ', '. ', '\n\n', ' % '];
/** What an edit types: a character that changes one of those decisions, or a name. */
const TYPED = ['', '', '.', ' ', 'x', 'X', '-', '\n', '#', '%', '@'];

/**
 * A stand-in for the recognisers, local as theirs mostly are, with their reach too:
 * - "@Name" is a place known only from context, so it spreads ("@@Name" the same name as another kind);
 * - "#…" a place with coordinates up to the next full stop or line break, which does not spread but
 *   covers the occurrences inside it;
 * - "Said" is a place with coordinates, "Said Name" when a "%" follows anywhere after it: what is a
 *   place, and how long, may depend on text far after it, as the context rules read a whole paragraph.
 */
function recognised(text: string): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(/(@@?)(\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)?)|#([^.\n]+)|Said(?: \p{Lu}\p{L}*(?=.*%))?/gsu)) {
    const start = m.index + (m[1]?.length ?? (m[3] ? 1 : 0));
    const entity = place(m[2] ?? m[3] ?? m[0], start);
    if (m[1] === '@@') entity.kind = 'village';
    if (!m[1]) entity.lat = entity.lon = 1;
    found.push(entity);
  }
  return found;
}

function place(name: string, start: number): Entity {
  return { type: 'place', text: name, start, end: start + name.length, kind: 'locality' };
}

const text = (names: readonly string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...SETTINGS), fc.constantFrom(...names), fc.constantFrom(...BETWEEN)), { maxLength: 25 })
    .map((pieces) => pieces.map(([setting, name, between]) => setting.replace('N', name) + between).join(''));
/** Near the `near`-th name in the text (any place when there is none), `offset` from its start. */
const edit = (names: readonly string[]) =>
  fc.record({ near: fc.nat(), offset: fc.integer({ min: -3, max: 10 }), remove: fc.nat(2), insert: fc.constantFrom(...TYPED, ...names) });
type Edit = { near: number; offset: number; remove: number; insert: string };

function edited(before: string, names: readonly string[], { near, offset, remove, insert }: Edit): string {
  const starts = [...before.matchAll(new RegExp(names.join('|'), 'g'))].map((m) => m.index);
  const at = starts.length ? Math.min(before.length, Math.max(0, starts[near % starts.length] + offset)) : near % (before.length + 1);
  return before.slice(0, at) + insert + before.slice(at + remove);
}

describe('spreading places again after an edit', () => {
  for (const [label, names] of [
    ['a few names', FEW],
    ['many names', MANY],
  ] as const) {
    it(`finds what a fresh read finds, edit after edit (${label})`, () => {
      fc.assert(
        fc.property(text(names), fc.array(edit(names), { minLength: 1, maxLength: 6 }), (first, edits) => {
          let version = first;
          let reading: SpreadReading = readSpread(version, recognised(version));
          for (const change of edits) {
            const next = edited(version, names, change);
            reading = readSpread(next, recognised(next), reading, unchangedSince(version, next));
            expect(reading.spread).toEqual(spreadPlaces(next, recognised(next)));
            version = next;
          }
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('reads again only the text around the edit', () => {
    const before = `@Zara left.\n\n${'Zara came back. '.repeat(200)}`;
    const at = Math.floor(before.length / 2);
    const after = `${before.slice(0, at)}Z${before.slice(at + 1)}`;
    const previous = readSpread(before, recognised(before));
    const again = readSpread(after, recognised(after), previous, unchangedSince(before, after));
    // Occurrences away from the edit are the very objects found before.
    expect(again.spread.length).toBe(previous.spread.length);
    expect(again.spread[1]).toBe(previous.spread[1]);
    expect(again.spread.filter((entity, i) => entity === previous.spread[i]).length).toBeGreaterThan(previous.spread.length / 3);
  });
});
