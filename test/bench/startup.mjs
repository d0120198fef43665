// One fresh process: load dist/extension.js with a stubbed `vscode` and activate it; then what the
// extension's first analysis adds: loading the recognisers (dist/analyse.js), and that analysis of a
// tiny text (which loads the gazetteer and the lexicons), then a second one. Prints JSON.
//   node test/bench/startup.mjs <bench bundle>
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './bundle.mjs';

const require = createRequire(import.meta.url);
const { installVscodeStub, Uri } = require('./vscodeStub.cjs');
installVscodeStub();
process.on('unhandledRejection', () => {}); // the stub answers async calls with nothing useful

const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
};
const [loadExtension, extension] = time(() => require(join(root, 'dist/extension.js')));
const context = { subscriptions: [], extensionUri: Uri.file(root), extensionPath: root, globalState: { get: () => undefined, update: async () => {} }, workspaceState: { get: () => undefined, update: async () => {} } };
const [activate] = time(() => extension.activate(context));
const [loadAnalysis, { analyse }] = time(() => require(join(root, 'dist/analyse.js')));
const { summarise } = require(process.argv[2]);
const tiny = 'GOMA, Jan. 5 (Reuters) - M23 rebels said on Monday they had taken Sake, west of Goma, a claim the Congolese army denied.';
const [firstAnalysis] = time(() => summarise(analyse(tiny)));
const [secondAnalysis] = time(() => summarise(analyse(tiny.replace('Monday', 'Tuesday'))));
process.stdout.write(JSON.stringify({ loadExtension, activate, loadAnalysis, firstAnalysis, secondAnalysis }));
setImmediate(() => process.exit(0));
