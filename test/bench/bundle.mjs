// The analysis and the extension's cache bundled from src/ for the bench, with the gazetteer that
// `npm run build` makes; `vscode` is left external and served by the stub.
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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
export { localFiles } from ${src('extension/articleFiles')};
export { HeaderStore } from ${src('extension/headerStore')};
export { SeedsTreeProvider } from ${src('extension/seedsTree')};
export { decorationSpans } from ${src('extension/decorations')};
`,
  );
  const outfile = join(work, 'bench.cjs');
  copyGazetteer(work);
  buildSync({ entryPoints: [entry], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', supported: { 'regexp-unicode-property-escapes': true } /* as esbuild.config.mjs */, external: ['vscode'], logLevel: 'error', minify: true });
  return outfile;
}

/**
 * Puts the built gazetteer in `work`, beside a bundle made there, where the place recogniser looks
 * first. Elsewhere it finds dist/gazetteer.txt only when run from the repository's root, and without it
 * the analysis has the context rules alone: fast, and wrong.
 */
export function copyGazetteer(work) {
  const file = join(root, 'dist/gazetteer.txt');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  copyFileSync(file, join(work, 'gazetteer.txt'));
}

/** Loads a bench bundle with the `vscode` stub installed. */
export function loadBenchBundle(path) {
  require('./vscodeStub.cjs').installVscodeStub();
  return require(path);
}
