// The analysis taken apart stage by stage, shared by linearity.mjs and stages.mjs: a bundle of the
// stages built from src/ (with the gazetteer of `npm run build`), and the timing of each stage over one text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { copyGazetteer, root } from './bundle.mjs';

/** Bundles and loads the stages; `extra` adds export lines, `define` esbuild defines. */
export function loadStages({ extra = '', define } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'news-review-stages-'));
  const a = (module) => JSON.stringify(join(root, 'src/analysis', module));
  const entry = join(work, 'entry.ts');
  writeFileSync(
    entry,
    `export { analyse } from ${a('analyse')};
export { parseDocument } from ${a('document')};
export { findDates } from ${a('dates')};
export { findPlaces } from ${a('places')};
export { spreadPlaces } from ${a('placesSpread')};
export { findFactions, resolveParties } from ${a('factions')};
export { findClaimsInWindows } from ${a('claimWindows')};
export { summarise } from ${a('summary')};
${extra}`,
  );
  const outfile = join(work, 'stages.cjs');
  buildSync({ entryPoints: [entry], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', supported: { 'regexp-unicode-property-escapes': true } /* as esbuild.config.mjs */, logLevel: 'error', define });
  copyGazetteer(work);
  const lib = createRequire(import.meta.url)(outfile);
  process.on('exit', () => rmSync(work, { recursive: true, force: true })); // the gazetteer is read on the first analysis
  return lib;
}

/** Milliseconds per stage for one analysis of `text`, then the whole `analyse` and `summarise`. */
export function timeStages(lib, text, context, analyseOptions = {}) {
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
  const analysis = time('analyse', () => lib.analyse(text, analyseOptions));
  time('summarise', () => lib.summarise(analysis));
  return times;
}
