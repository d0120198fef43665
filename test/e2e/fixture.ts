import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The workspace the workbench opens: the project's sample seeds plus one hostile article whose
// headline and claims carry markup and script, to prove every surface shows them as text.

const ROOT = join(import.meta.dirname, '..', '..');
export const HOSTILE_FILE = 'hostile-article.txt';

/** Builds `<runDir>/workspace` and returns its path; the seeds sit in its `seeds/` folder. */
export function buildWorkspace(runDir: string): string {
  const workspace = join(runDir, 'workspace');
  const seeds = join(workspace, 'seeds');
  mkdirSync(seeds, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'seeds'))) {
    if (/\.(txt|md)$/.test(name)) copyFileSync(join(ROOT, 'seeds', name), join(seeds, name));
  }
  copyFileSync(join(import.meta.dirname, 'fixtures', HOSTILE_FILE), join(seeds, HOSTILE_FILE));
  return workspace;
}
