import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, Analyser } from '../../src/analysis/analyse';
import type { Analysis } from '../../src/analysis/types';
import { seedArticles } from '../hostile/corpus';
import { fingerprint, invariantViolations } from '../hostile/invariants';

// Property-based: for any string — ASCII, full Unicode with lone surrogates, or a sample article
// mutated with quotes, commas, capitals and line breaks — the analysis holds its invariants and is
// deterministic. A failure prints the shrunk input and the seed to replay it.

const seeds = seedArticles();
const RUNS = { numRuns: 150 };

/** Runs the analysis twice and returns what broke. */
function check(text: string): string[] {
  const analysis = analyse(text);
  const problems = invariantViolations(text, analysis);
  if (fingerprint(analyse(text)) !== fingerprint(analysis)) problems.push('a second run gave a different result');
  return problems;
}

/** Pieces that stress quotes, lists, names, sentence and paragraph breaks. */
const piece = fc.constantFrom(
  '"', '“', '”', '‘', '’', "'", '«', '»', ',', ', ', ',,,', '.', '. ', '...', 'U.S.', 'Gen.', '\n', '\n\n', '\r\n', '\r',
  ' ', '(', ')', '-', '—', ' said ', ' told ', 'according to ', 'reportedly ', ' Forces', 'Rapid Support Forces',
  'The ', 'Al-', ' (RSF)', 'April 17', ' 2023', 'Monday', ' date 2020-05-25 ', '😀', '𝕏', 'ع', 'א', '\u200f', '\u0301', '<script>',
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(piece, fc.array(piece, { maxLength: 8 }).map((p) => p.join(''))) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('capitalise' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const at = text.length ? m.at % (text.length + 1) : 0;
    if (m.op === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else if (m.op === 'duplicate') text = text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    else text = text.slice(0, at) + text.slice(at, at + m.length).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) + text.slice(at + m.length);
  }
  return text;
}

describe('invariants for arbitrary input (fast-check)', () => {
  it('holds for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      expect(check(text)).toEqual([]);
    }), RUNS);
  });

  it('holds for full-Unicode strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(check(text)).toEqual([]);
    }), RUNS);
  });

  it('holds for strings built from quotes, commas, names and breaks', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), (pieces) => {
      expect(check(pieces.join(''))).toEqual([]);
    }), RUNS);
  });

  it('holds for mutated sample articles', () => {
    const article = fc.constantFrom(...seeds.map((s) => s.text));
    fc.assert(
      fc.property(article, fc.array(mutation, { minLength: 1, maxLength: 12 }), (text, mutations) => {
        expect(check(mutate(text, mutations))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives the same result from a warm paragraph cache and the previous version as from a fresh analysis, across edits', () => {
    const article = fc.constantFrom(...seeds.map((s) => s.text));
    fc.assert(
      fc.property(article, fc.array(fc.array(mutation, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (text, edits) => {
        // Like an editor session: one Analyser sees each successive version of the text, and the
        // analysis of the version before it, whose unchanged paragraphs it reuses.
        const session = new Analyser();
        let version = text;
        let previous = session.analyse(version);
        for (const edit of edits) {
          version = mutate(version, edit);
          const analysis = session.analyse(version, {}, previous);
          expect(fingerprint(analysis)).toBe(fingerprint(analyse(version)));
          previous = analysis;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reuses only the paragraphs an edit left alone, whatever the edit did to their offsets', () => {
    for (const { name, text } of seeds) {
      const session = new Analyser(0); // no paragraph memo: what is reused comes from the previous version
      const previous = session.analyse(text);
      const middle = previous.document.paragraphs[Math.floor(previous.document.paragraphs.length / 2)];
      // A new paragraph before the middle one: every later paragraph moves.
      const inserted = `${text.slice(0, middle.start)}Fighting reached Goma on Monday, the army said.\n\n${text.slice(middle.start)}`;
      expect(fingerprint(session.analyse(inserted, {}, previous)), name).toBe(fingerprint(analyse(inserted)));
      // The middle paragraph split after its first sentence: its first half ends where the edit starts.
      const [first, second] = middle.sentences;
      if (!second) continue;
      const split = `${text.slice(0, first.end)}\n\n${text.slice(second.start)}`;
      expect(fingerprint(session.analyse(split, {}, previous)), name).toBe(fingerprint(analyse(split)));
    }
  });
});

describe('the invariant checker itself', () => {
  const text = 'Fighting in Goma on May 3, the army said.';
  const base = analyse(text);
  const withEntities = (entities: Analysis['entities']): Analysis => ({ ...base, entities });

  it('accepts exact, ordered spans', () => {
    const goma = { type: 'place' as const, text: 'Goma', start: 12, end: 16 };
    const date = { type: 'date' as const, text: 'May 3', start: 20, end: 25 };
    expect(invariantViolations(text, withEntities([goma, date]))).toEqual([]);
  });

  it('reports an off-by-one span, a span past the end, and two overlapping spans of one type', () => {
    expect(invariantViolations(text, withEntities([{ type: 'place', text: 'Goma', start: 13, end: 17 }]))).toHaveLength(1);
    expect(invariantViolations(text, withEntities([{ type: 'place', text: 'said.', start: 37, end: 43 }])).join()).toMatch(/out of bounds/);
    const overlapping = withEntities([
      { type: 'date', text: 'May 3', start: 20, end: 25 },
      { type: 'date', text: '3', start: 24, end: 25 },
    ]);
    expect(invariantViolations(text, overlapping).join()).toMatch(/overlaps/);
  });

  it('reports a span that cuts an astral character in two', () => {
    const astral = '😀 Goma';
    const cut = { ...analyse(astral), entities: [{ type: 'place' as const, text: '\ude00 Goma', start: 1, end: 7 }] };
    expect(invariantViolations(astral, cut).join()).toMatch(/surrogate pair/);
  });

  it('reports a claim source that does not slice the text', () => {
    const claim = { text: 'Fighting in Goma on May 3', start: 0, end: 25, cue: 'said', hedged: false, hedges: [], stance: 'asserts' as const, quote: false, source: { text: 'the army', start: 28, end: 35, kind: 'organisation' as const } };
    expect(invariantViolations(text, { ...base, claims: [claim] }).join()).toMatch(/claim 0 source/);
  });
});
