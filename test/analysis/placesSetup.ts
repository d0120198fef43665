import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built gazetteer (dist/gazetteer.txt), built first when the tests run before any build. */
export function ensureBuiltGazetteer(): string {
  const root = resolve(__dirname, '../..');
  const file = join(root, 'dist/gazetteer.txt');
  if (!existsSync(file)) execFileSync(process.execPath, [join(root, 'src/analysis/data/buildGazetteer.mjs')], { cwd: root });
  return file;
}
