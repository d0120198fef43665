#!/usr/bin/env node
// Where the time goes: each stage of the analysis timed on its own over the bench corpus, at 256 KB
// and 1 MB (a stage growing more than 4x between them is superlinear). Not part of `npm run bench`.
//   node test/bench/stages.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { root } from './bundle.mjs';
import { corpusText } from './corpus.mjs';

const work = mkdtempSync(join(tmpdir(), 'news-review-stages-'));
const a = (m) => JSON.stringify(join(root, 'src/analysis', m));
writeFileSync(
  join(work, 'entry.ts'),
  `export { analyse } from ${a('analyse')};
export { parseDocument } from ${a('document')};
export { findDates } from ${a('dates')};
export { findPlaces, spreadPlaces } from ${a('places')};
export { findFactions, resolveParties } from ${a('factions')};
export { findClaimsInWindows } from ${a('claimWindows')};
export { summarise } from ${a('summary')};`,
);
buildSync({ entryPoints: [join(work, 'entry.ts')], outfile: join(work, 'stages.cjs'), bundle: true, format: 'cjs', platform: 'node', logLevel: 'error' });
const lib = createRequire(import.meta.url)(join(work, 'stages.cjs'));
rmSync(work, { recursive: true, force: true });

for (const kb of [256, 1024]) {
  const text = corpusText(kb * 1024);
  const context = { documentDate: '2023-04-17', lexicon: {} };
  for (let run = 0; run < 2; run++) {
    const times = {};
    const time = (stage, fn) => {
      const start = performance.now();
      const value = fn();
      times[stage] = (times[stage] ?? 0) + performance.now() - start;
      return value;
    };
    const document = time('document', () => lib.parseDocument(text));
    const entities = [];
    for (const p of document.paragraphs) {
      const paragraph = text.slice(p.start, p.end);
      for (const [stage, find] of [['dates', lib.findDates], ['places', lib.findPlaces], ['factions', lib.findFactions]]) {
        for (const e of time(stage, () => find(paragraph, context))) entities.push({ ...e, start: e.start + p.start, end: e.end + p.start });
      }
    }
    time('spreadPlaces', () => lib.spreadPlaces(text, entities));
    time('parties', () => lib.resolveParties(text, entities.filter((e) => e.type === 'faction'), context));
    entities.sort((x, y) => x.start - y.start);
    time('claims', () => lib.findClaimsInWindows(document, entities));
    const analysis = time('analyse', () => lib.analyse(text));
    time('summarise', () => lib.summarise(analysis));
    // The first run warms the JIT and loads the gazetteer; the second is the figure.
    if (run === 1) console.log(`${kb} KB`, JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)]))));
  }
}
