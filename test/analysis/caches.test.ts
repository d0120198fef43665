import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Analyser, analyse } from '../../src/analysis/analyse';
import type { UserLexicon } from '../../src/analysis/types';
import { seedArticles } from '../hostile/corpus';
import { fingerprint } from '../hostile/invariants';

// The recognisers keep caches across documents (spellings of words, source phrases, party keys), bounded
// in size. Whatever was analysed before, and with whichever lexicon, an article's analysis must be the
// one it gets in a fresh process: vitest runs this file in one, and its first analyses are the reference.

const seeds = seedArticles();

/** Fills every cache past its bound: tens of thousands of distinct capitalised words, sources and names. */
function churn(): void {
  const words = Array.from({ length: 70_000 }, (_, i) => `Qa${i.toString(36)}`);
  for (let i = 0; i < words.length; i += 500) {
    const slice = words.slice(i, i + 500);
    analyse(slice.map((w, k) => `${w} said the ${slice[(k + 1) % slice.length]} Brigade attacked ${w}'s town.`).join(' '));
  }
}

describe('caches kept across documents', () => {
  it('never change an analysis: the same results fresh, after other articles and lexicons, and after churn', () => {
    expect(seeds.length).toBeGreaterThan(5);
    const fresh = seeds.map((seed) => fingerprint(analyse(seed.text)));

    for (const seed of [...seeds].reverse()) analyse(seed.text);
    churn();
    // Then a lexicon that names the seeds' words differently fills the caches afresh; the default
    // lexicon's results must not come from them.
    const lexicon: UserLexicon = {
      factions: [{ name: 'Spokesman', aliases: ['Ministry', 'Police'] }],
      places: [{ name: 'Said', country: 'SD', kind: 'city' }],
      ignore: ['RSF', 'Hamas', 'Reuters', 'army', 'AFP', 'United Nations'],
    };
    for (const seed of seeds) analyse(seed.text, { lexicon });

    seeds.forEach((seed, i) => expect(fingerprint(analyse(seed.text)), seed.name).toBe(fresh[i]));
  });
});

describe('caches kept across versions of a document', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  /** Bytes still in use after a full collection. */
  const heapUsed = () => {
    gc();
    return getHeapStatistics().used_heap_size;
  };
  /** A long document: the seeds' paragraphs, ten times over. */
  const longDocument = () => Array.from({ length: 10 }, () => seeds.map((seed) => seed.text).join('\n\n')).join('\n\n');
  const size = (text: string) => text.length * (/[^\0-\xff]/.test(text) ? 2 : 1);

  it('keep no version of an edited document alive', () => {
    const analyser = new Analyser();
    let text = longDocument();
    let analysis = analyser.analyse(text);
    const edit = (i: number) => {
      const at = Math.floor((text.length * (i % 97)) / 97);
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      analysis = analyser.analyse(text, {}, analysis);
      void analysis.claims; // the panel reads them, and the claims memo keeps its units
    };
    // The caches fill as they are used, up to their bounds: growth is measured after a first round.
    for (let i = 0; i < 20; i++) edit(i);
    const before = heapUsed();
    for (let i = 20; i < 40; i++) edit(i);
    expect(heapUsed() - before).toBeLessThan(2 * size(text));
  });
});
