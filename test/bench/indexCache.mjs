// The Seeds tree's way of indexing a folder, in one process: AnalysisCache.analyseUri on every file
// (read through the stubbed `workspace.fs`, cached by mtime and size), cold and then warm, then the
// claims of every article. Prints JSON.
//   node test/bench/indexCache.mjs <bench bundle> <file list (JSON)>
import { readFileSync } from 'node:fs';
import { loadBenchBundle } from './bundle.mjs';
import { createRequire } from 'node:module';

const { Uri } = createRequire(import.meta.url)('./vscodeStub.cjs');
const lib = loadBenchBundle(process.argv[2]);
const uris = JSON.parse(readFileSync(process.argv[3], 'utf8')).map((f) => Uri.file(f));
const cache = new lib.AnalysisCache(5 * 1024 * 1024);

async function pass() {
  const start = performance.now();
  let ok = 0;
  // In batches of 64, awaited together, as SeedsTreeProvider loads them.
  for (let i = 0; i < uris.length; i += 64) {
    const results = await Promise.all(uris.slice(i, i + 64).map((uri) => cache.analyseUri(uri)));
    ok += results.filter((r) => r.kind === 'ok').length;
  }
  return { ms: performance.now() - start, ok };
}
const cold = await pass();
const warm = await pass();
// Claims are computed when first read (an article's tooltip, or expanding it): all of them, as if
// every article were shown.
const start = performance.now();
for (const uri of uris) cache.peek(uri)?.analysis?.claims.length;
const claimsMs = performance.now() - start;
process.stdout.write(JSON.stringify({ coldMs: cold.ms, warmMs: warm.ms, claimsMs, analysed: warm.ok, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
