import { describe, expect, it } from 'vitest';
import { analyse, Analyser } from '../../src/analysis/analyse';
import { parseDocument } from '../../src/analysis/document';
import type { Analysis } from '../../src/analysis/types';
import { hostileTexts, longLine, normalText, PATHOLOGICAL_KINDS, pathologicalText, seedArticles } from './corpus';
import { fingerprint, invariantViolations } from './invariants';

// The analyser on the hostile corpus: it never throws, its spans slice the text exactly, it gives the
// same answer twice (and the same with a warm paragraph cache), and line ends or astral characters
// shift offsets without changing what is found. Speed is measured in test/bench/linearity.mjs, not here.

const hostile = hostileTexts();
const seeds = seedArticles();
const entityKeys = (analysis: Analysis) => analysis.entities.map((e) => `${e.type}:${e.text}`);

describe('analyse() on hostile texts', () => {
  it.each(hostile.map((h) => [h.name, h.text] as const))('%s: no throw, exact spans, no overlap', (_name, text) => {
    const analysis = analyse(text);
    expect(invariantViolations(text, analysis)).toEqual([]);
  });

  it('gives the same result twice, and the same from a shared Analyser with a warm cache', () => {
    const texts = [...hostile, ...seeds].filter((t) => t.text.length < 20_000);
    const shared = new Analyser(50);
    for (const { text } of texts) shared.analyse(text);
    for (const { name, text } of texts) {
      const first = fingerprint(analyse(text));
      expect(fingerprint(analyse(text)), name).toBe(first);
      expect(fingerprint(shared.analyse(text)), `${name} (warm cache)`).toBe(first);
    }
  });

  it('holds on the pathological 30 KB runs of the benchmark', () => {
    for (const kind of PATHOLOGICAL_KINDS) {
      const text = pathologicalText(kind, 30_000);
      expect(invariantViolations(text, analyse(text)), kind).toEqual([]);
    }
  });

  it('holds on a 200 KB normal text, read in several claim windows, with claims in each', () => {
    const text = normalText(200_000);
    const analysis = analyse(text);
    expect(invariantViolations(text, analysis)).toEqual([]);
    // The claims of the last window are as many as those of the first: none lost at the seams.
    const small = analyse(normalText(40_000)).claims.length;
    expect(small).toBeGreaterThan(0);
    expect(analysis.claims.length).toBeGreaterThanOrEqual(Math.floor((small * 200_000) / 40_000) - small);
  });

  it('splits a 200,000-character line into sentences, none longer than the longest seed sentence by far', () => {
    const text = longLine(200_000);
    const { paragraphs } = parseDocument(text);
    expect(paragraphs).toHaveLength(1);
    const sentences = paragraphs[0].sentences;
    expect(sentences.length).toBeGreaterThan(500);
    expect(Math.max(...sentences.map((s) => s.end - s.start))).toBeLessThan(2_000);
  });
});

describe('offsets across line ends and astral characters', () => {
  it.each(seeds.map((s) => [s.name, s.text] as const))('%s: CRLF, lone CR and LF find the same entities', (_name, text) => {
    const lf = analyse(text);
    for (const ending of ['\r\n', '\r']) {
      const other = text.replace(/\n/g, ending);
      const analysis = analyse(other);
      expect(invariantViolations(other, analysis)).toEqual([]);
      expect(entityKeys(analysis), JSON.stringify(ending)).toEqual(entityKeys(lf));
      expect(analysis.claims.length, JSON.stringify(ending)).toBe(lf.claims.length);
    }
  });

  it.each(seeds.map((s) => [s.name, s.text] as const))('%s: emoji at paragraph ends shift every later offset by their length', (_name, text) => {
    // Astral characters are two UTF-16 code units: offsets after them must move by 2 per character.
    const tail = ' 🇸🇩🔥𝕏';
    const withEmoji = text.replace(/(\S)(?=\n\n|\s*$)/g, `$1${tail}`);
    const plain = analyse(text);
    const astral = analyse(withEmoji);
    expect(invariantViolations(withEmoji, astral)).toEqual([]);
    expect(entityKeys(astral)).toEqual(entityKeys(plain));
    const points = [...text.matchAll(/\S(?=\n\n|\s*$)/g)].map((m) => m.index + 1);
    const inserted = (offset: number) => points.filter((p) => p <= offset).length * tail.length;
    for (const [i, entity] of plain.entities.entries()) {
      expect(astral.entities[i].start, entity.text).toBe(entity.start + inserted(entity.start));
    }
  });
});
