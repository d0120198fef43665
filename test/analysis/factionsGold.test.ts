import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/analysis/document';
import { findFactions, resolveParties } from '../../src/analysis/factions';
import type { Entity, RecogniserContext } from '../../src/analysis/types';

// Recall and precision of the faction recogniser alone against our own gold (test/fixtures/gold), the
// way the shared scorer counts them: any overlap matches, optional gold items are neither right nor wrong.

interface GoldEntity extends Entity {
  optional?: boolean;
  alt?: string;
}

const root = join(import.meta.dirname, '../..');
const goldDir = join(root, 'test/fixtures/gold');
const context: RecogniserContext = { documentDate: null, lexicon: {} };
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => Math.min(a.end, b.end) > Math.max(a.start, b.start);

function factionsOf(text: string): Entity[] {
  const found: Entity[] = [];
  for (const paragraph of parseDocument(text).paragraphs) {
    for (const e of findFactions(text.slice(paragraph.start, paragraph.end), context)) found.push({ ...e, start: e.start + paragraph.start, end: e.end + paragraph.start });
  }
  return resolveParties(text, found, context).factions;
}

describe('factions against our gold', () => {
  it('finds most required factions and little else', () => {
    let tp = 0;
    let fn = 0;
    let fp = 0;
    const misses: string[] = [];
    for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
      const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as { file: string; entities: GoldEntity[] };
      const text = readFileSync(join(root, 'seeds', gold.file.replace(/^.*\//, '')), 'utf8').replace(/^\uFEFF/, '');
      const predicted = factionsOf(text);
      const golden = gold.entities.filter((e) => e.type === 'faction');
      const used = new Set<Entity>();
      for (const g of golden.filter((e) => !e.optional)) {
        const hit = predicted.find((p) => !used.has(p) && overlaps(p, g));
        if (hit) {
          used.add(hit);
          tp++;
        } else {
          fn++;
          misses.push(`${file}: missed ${g.text}`);
        }
      }
      for (const p of predicted) {
        if (!used.has(p) && !golden.some((g) => overlaps(p, g))) {
          fp++;
          misses.push(`${file}: spurious ${p.text}`);
        }
      }
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    expect(tp + fn, 'the gold set has factions').toBeGreaterThan(100);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(precision, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
