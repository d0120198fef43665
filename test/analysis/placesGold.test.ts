import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import type { Entity } from '../../src/analysis/types';
import { ensureBuiltGazetteer } from './placesSetup';

// Recall and precision of places, through the whole analysis, against the gold annotations, counted as
// the shared scorer counts them: any overlap matches; optional gold items are neither right nor wrong;
// a gold faction that may also be a place (`alt: "place"`, "supported by Egypt") may be found as one.

interface GoldEntity extends Entity {
  optional?: boolean;
  alt?: string;
}

const root = join(__dirname, '../..');
const sets = [
  { name: 'own gold', seeds: join(root, 'seeds'), gold: join(root, 'test/fixtures/gold') },
  { name: 'shared seed', seeds: join(root, '../shared/seeds'), gold: join(root, '../shared/eval/gold') },
].filter((set) => existsSync(set.gold));
const overlaps = (a: Entity, b: Entity) => Math.min(a.end, b.end) > Math.max(a.start, b.start);

beforeAll(() => {
  ensureBuiltGazetteer();
});

describe('places against the gold annotations', () => {
  it.each(sets)('$name: F1 at least 0.9', ({ seeds, gold }) => {
    let tp = 0;
    let fn = 0;
    let fp = 0;
    const errors: string[] = [];
    for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
      const annotation = JSON.parse(readFileSync(join(gold, file), 'utf8')) as { file: string; entities: GoldEntity[] };
      const text = readFileSync(join(seeds, annotation.file.replace(/^.*\//, '')), 'utf8').replace(/^\uFEFF/, '');
      const predicted = analyse(text).entities.filter((e) => e.type === 'place');
      const golden = annotation.entities.filter((e) => e.type === 'place' || e.alt === 'place');
      const used = new Set<Entity>();
      for (const g of golden.filter((e) => e.type === 'place' && !e.optional)) {
        const hit = predicted.find((p) => !used.has(p) && overlaps(p, g));
        if (hit) used.add(hit);
        else errors.push(`${file}: missed ${g.text}`);
        if (hit) tp++;
        else fn++;
      }
      for (const p of predicted.filter((p) => !used.has(p) && !golden.some((g) => overlaps(p, g)))) {
        fp++;
        errors.push(`${file}: spurious ${p.text}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(tp + fn, 'the gold set has places').toBeGreaterThan(5);
    expect((2 * precision * recall) / (precision + recall), errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
