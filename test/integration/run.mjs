// Runs the integration tests in a real VS Code, when one can be had. On a machine that cannot
// download VS Code (no network), it says so and exits 0 without running anything: these tests are
// not part of `npm test`, and a skip must never look like a pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:https';
import * as esbuild from 'esbuild';

const PROBE = 'https://update.code.visualstudio.com/api/releases/stable';
const PROBE_TIMEOUT_MS = 5000;

/** Resolves to null when the download host answers, or to the reason it does not. */
function probe() {
  return new Promise((resolve) => {
    const req = request(PROBE, { method: 'HEAD', timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode && res.statusCode < 500 ? null : `HTTP ${res.statusCode} from ${new URL(PROBE).host}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${new URL(PROBE).host} within ${PROBE_TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => resolve(error.message || String(error)));
    req.end();
  });
}

/** A VS Code already downloaded by an earlier run (in .vscode-test/) needs no network. */
const cached = existsSync('.vscode-test') && readdirSync('.vscode-test').some((name) => name.startsWith('vscode-'));
if (!cached) {
  const reason = await probe();
  if (reason) {
    console.log(`integration tests SKIPPED: cannot download VS Code (${reason})`);
    process.exit(0);
  }
}

const tests = readdirSync('test/integration').filter((name) => name.endsWith('.test.ts'));
await esbuild.build({
  entryPoints: tests.map((name) => `test/integration/${name}`),
  outdir: 'dist/integration',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: true,
  logLevel: 'warning',
});
const build = spawnSync(process.execPath, ['esbuild.config.mjs', '--dev'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['vscode-test', '--label', 'integration', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
