import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/analysis/document';
import { findFactions, resolveParties } from '../../src/analysis/factions';
import type { Entity, RecogniserContext } from '../../src/analysis/types';
import { EntityScore, goldDocuments, goldSets } from './goldScore';

// The faction recogniser and party merging alone (no other recogniser to settle overlaps with) against
// the gold annotations.

const context: RecogniserContext = { documentDate: null, lexicon: {} };

function factionsOf(text: string): Entity[] {
  const found: Entity[] = [];
  for (const paragraph of parseDocument(text).paragraphs) {
    for (const e of findFactions(text.slice(paragraph.start, paragraph.end), context)) found.push({ ...e, start: e.start + paragraph.start, end: e.end + paragraph.start });
  }
  return resolveParties(text, found, context).factions;
}

describe('factions against the gold annotations', () => {
  it.each(goldSets)('$name: most required factions and little else', (set) => {
    const score = new EntityScore('faction');
    for (const document of goldDocuments(set)) score.add(document, factionsOf(document.text));
    expect(score.tp + score.fn, 'the gold set has factions').toBeGreaterThan(set.name === 'own gold' ? 100 : 5);
    expect(score.recall, score.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.precision, score.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
