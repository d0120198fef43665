// The analysis and the extension's cache bundled from src/ for the bench (no build of dist/ needed for
// these parts); `vscode` is left external and served by the stub.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Writes the bundle to a temporary file and returns its path. */
export function buildBenchBundle() {
  const work = mkdtempSync(join(tmpdir(), 'news-review-bench-'));
  const entry = join(work, 'entry.ts');
  const src = (module) => JSON.stringify(join(root, 'src', module));
  writeFileSync(
    entry,
    `export { analyse, Analyser } from ${src('analysis/analyse')};
export { summarise } from ${src('analysis/summary')};
export { AnalysisCache } from ${src('extension/analysisCache')};
export { loadArticles } from ${src('extension/seedsTree')};
export { decorationSpans } from ${src('extension/decorations')};
`,
  );
  const outfile = join(work, 'bench.cjs');
  buildSync({ entryPoints: [entry], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', supported: { 'regexp-unicode-property-escapes': true } /* as esbuild.config.mjs */, external: ['vscode'], logLevel: 'error', minify: true });
  return outfile;
}

/** Loads a bench bundle with the `vscode` stub installed. */
export function loadBenchBundle(path) {
  require('./vscodeStub.cjs').installVscodeStub();
  return require(path);
}
