import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The built gazetteer (dist/gazetteer.txt), built first when it is missing or older than its build script
 * or data (the build's own rule): tests run without a build must not read a file of an older format.
 */
export function ensureBuiltGazetteer(): string {
  const root = resolve(__dirname, '../..');
  const script = pathToFileURL(join(root, 'src/analysis/data/buildGazetteer.mjs')).href;
  execFileSync(process.execPath, ['--input-type=module', '-e', `await (await import(${JSON.stringify(script)})).ensureGazetteer();`], { cwd: root });
  return join(root, 'dist/gazetteer.txt');
}
