// Bundles the extension and the CLI. esbuild does not type-check: `npm run build` runs `tsc --noEmit` too.
import * as esbuild from 'esbuild';
import { ensureGazetteer } from './src/analysis/data/buildGazetteer.mjs';

const production = !process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // esbuild's table lacks \p{…} for Node, so it would turn every such regex literal into a
  // `new RegExp(…)` built afresh on each use; Node 20 has had property escapes for years.
  supported: { 'regexp-unicode-property-escapes': true },
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** In the extension, src/extension/analysisModule.ts becomes a `require` of dist/analyse.js on first use. */
const lazyAnalysis = {
  name: 'lazy-analysis',
  setup(build) {
    build.onLoad({ filter: /[\\/]extension[\\/]analysisModule\.ts$/ }, () => ({
      contents: "let loaded; export const analysisModule = () => (loaded ??= require('./analyse.js'));",
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/analyse\.js$/ }, ({ path }) => ({ path, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyAnalysis] },
  // The recognisers, which the extension loads on its first analysis rather than at activation.
  { ...common, entryPoints: ['src/analysis/analyse.ts'], outfile: 'dist/analyse.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The summary panel's script runs in the webview, a browser.
  { ...common, entryPoints: ['src/webview/panel.ts'], outfile: 'dist/webview/panel.js', format: 'iife', platform: 'browser', target: 'chrome120' },
];

await ensureGazetteer(); // dist/gazetteer.txt, read by the place recogniser on first use

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
