// The Seeds tree's way of indexing a folder, in one process: its loader, AnalysisCache.analyseUri on every file
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
  const articles = await lib.loadArticles(uris, (uri) => cache.analyseUri(uri)); // as SeedsTreeProvider loads them
  return { ms: performance.now() - start, ok: articles.filter((a) => a.result.kind === 'ok').length };
}
const cold = await pass();
const warm = await pass();
// Claims are computed when first read (an article's tooltip, or expanding it): all of them, as if
// every article were shown.
const start = performance.now();
for (const uri of uris) cache.peek(uri)?.analysis?.claims.length;
const claimsMs = performance.now() - start;
process.stdout.write(JSON.stringify({ coldMs: cold.ms, warmMs: warm.ms, claimsMs, analysed: warm.ok, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
