import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import { EntityScore, goldDocuments, goldSets } from './goldScore';
import { ensureBuiltGazetteer } from './placesSetup';

// Places through the whole analysis against the gold annotations; a gold faction that may also be a
// place (`alt: "place"`, "supported by Egypt") may be found as one.

beforeAll(() => {
  ensureBuiltGazetteer();
});

describe('places against the gold annotations', () => {
  it.each(goldSets)('$name: F1 at least 0.9', (set) => {
    const score = new EntityScore('place');
    for (const document of goldDocuments(set)) score.add(document, analyse(document.text).entities);
    expect(score.tp + score.fn, 'the gold set has places').toBeGreaterThan(5);
    expect(score.f1, score.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
