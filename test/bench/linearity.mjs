#!/usr/bin/env node
// Linear time on any input: each pathological input (a run of commas, capitals, quotes...) against a
// normal article of the same size, for the whole analysis and for each stage (and `summarise`, which
// the CLI and the panel run after it), plus how each grows from a quarter of the size to the full size
// (an exponent near 1 is linear, near 2 quadratic; noisy on a busy machine).
//
//   node test/bench/linearity.mjs [--size-mb 1] [--kinds commas,capitals] [--max-ratio 10] [--json]
//
// Prints a table (or JSON with --json); exits 1 when a pathological input takes more than --max-ratio
// times the normal one. The analysis and the corpus are bundled from src/ with esbuild, beside the gazetteer
// that `npm run build` makes.

import { join } from 'node:path';
import { root } from './bundle.mjs';
import { loadStages, timeStages } from './stageTimes.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const sizeMB = Number(option('size-mb', '1'));
const maxRatio = Number(option('max-ratio', '10'));
const json = args.includes('--json');

// The stages and the corpus generator in one bundle; corpus.ts finds the seeds relative to its own folder.
const lib = loadStages({
  extra: `export { normalText, pathologicalText, PATHOLOGICAL_KINDS } from ${JSON.stringify(join(root, 'test/hostile/corpus'))};`,
  define: { __dirname: JSON.stringify(join(root, 'test/hostile')) },
});

const kinds = option('kinds', lib.PATHOLOGICAL_KINDS.join(',')).split(',');
const size = Math.round(sizeMB * 1024 * 1024);
const context = { documentDate: '2023-04-17', lexicon: {} };

/**
 * Milliseconds for each stage and the whole analysis, the best of `runs`, each run on a new text,
 * `textAt(run)`: the analysis keeps what it read of each word across texts, so a text analysed again
 * (or a quarter after its whole) would look faster than a text never seen, and growth steeper than it is.
 */
function measure(textAt, runs) {
  let best;
  for (let run = 0; run < runs; run++) {
    const times = timeStages(lib, textAt(run), context, { referenceDate: context.documentDate });
    if (!best) best = times;
    else for (const stage of Object.keys(times)) best[stage] = Math.min(best[stage], times[stage]);
    // A slow input is measured once: the point is to see it, not to wait for it three times.
    if (times.analyse + times.summarise > 5_000) break;
  }
  return best;
}

// `analyse` is the whole analysis (what the ratio is about); `summarise` runs after it in the CLI and the panel.
const STAGES = ['analyse', 'document', 'dates', 'places', 'factions', 'parties', 'claims', 'summarise'];
const normal = lib.normalText(size);
const quarterNormal = lib.normalText(size / 4);
measure(() => normal, 2); // warm up the JIT
const base = measure(() => normal, 3);
const quarterBase = measure(() => quarterNormal, 3);

function growth(full, quarter) {
  return quarter > 2 ? round(Math.log(full / quarter) / Math.log(4)) : null;
}

const results = [];
for (const kind of kinds) {
  const full = measure((run) => lib.pathologicalText(kind, size, 11 + run), 3);
  const quarter = measure((run) => lib.pathologicalText(kind, size / 4, 21 + run), 3);
  const stages = {};
  for (const stage of STAGES) {
    stages[stage] = {
      ms: round(full[stage]),
      // Against the whole normal analysis, so a stage that is tiny on normal text does not look alarming.
      ratio: round(full[stage] / base.analyse),
      growth: growth(full[stage], quarter[stage]),
    };
  }
  results.push({ kind, ms: round(full.analyse), ratio: round(full.analyse / base.analyse), growth: stages.analyse.growth, stages });
}

function round(x) {
  return Math.round(x * 100) / 100;
}

const report = {
  sizeMB,
  normal: {
    ms: round(base.analyse),
    mbPerSecond: round(sizeMB / (base.analyse / 1000)),
    growth: growth(base.analyse, quarterBase.analyse),
    stages: Object.fromEntries(STAGES.map((s) => [s, { ms: round(base[s]), growth: growth(base[s], quarterBase[s]) }])),
  },
  maxRatio,
  results,
  ok: results.every((r) => r.ratio <= maxRatio),
};

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
} else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`normal ${sizeMB} MB article: ${report.normal.ms} ms (${report.normal.mbPerSecond} MB/s), growth exponent ${report.normal.growth}`);
  console.log(`  stages (ms, growth): ${STAGES.slice(1).map((s) => `${s} ${report.normal.stages[s].ms} (${report.normal.stages[s].growth ?? '-'})`).join(', ')}`);
  console.log(`\n${'input'.padEnd(14)}${pad('ms', 9)}${pad('ratio', 8)}${pad('growth', 8)}   slowest stage (ms, growth)`);
  for (const r of results) {
    const [stage, s] = Object.entries(r.stages).filter(([name]) => name !== 'analyse').sort((x, y) => y[1].ms - x[1].ms)[0];
    const flag = r.ratio > maxRatio ? '  << over' : '';
    console.log(`${r.kind.padEnd(14)}${pad(r.ms, 9)}${pad(r.ratio, 8)}${pad(r.growth ?? '-', 8)}   ${stage} (${s.ms}, ${s.growth ?? '-'})${flag}`);
  }
  console.log(`\nratio = time / normal article of the same size (target < ${maxRatio}); growth = log4(time at full size / time at a quarter).`);
}
process.exitCode = report.ok ? 0 : 1;
