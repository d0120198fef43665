import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

// The CLI as shipped: src/cli/main.ts bundled with the options of esbuild.config.mjs, into a temporary
// directory, so the tests never run a stale dist/cli.js and never race another build writing dist/.

let bundle: string | undefined;

export function cliBundle(): string {
  if (bundle) return bundle;
  const outfile = join(mkdtempSync(join(tmpdir(), 'news-review-cli-')), 'cli.js');
  buildSync({
    entryPoints: [join(__dirname, '../../src/cli/main.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  return (bundle = outfile);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into lines, empty lines dropped. */
  errors: string[];
}

export function runCli(args: string[], options: { timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: options.timeout ?? 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, errors: result.stderr.split('\n').filter(Boolean) };
}
