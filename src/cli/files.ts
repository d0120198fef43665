import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeArticle } from '../analysis/decode';

const ARTICLE = /\.(?:txt|md)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface Target {
  path: string;
  /** Set when the path cannot be turned into articles at all. */
  error?: string;
}

/** The files named, with directories walked (sorted) for `.txt` and `.md` articles. */
export function expandPaths(paths: readonly string[]): Target[] {
  const targets: Target[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // A missing path is reported when read, as an entry of its own.
    }
    if (!isDirectory) targets.push({ path });
    else if (walk(path, targets) === 0) targets.push({ path, error: 'directory holds no .txt or .md articles' });
  }
  return targets;
}

/** Adds the articles under `dir` to `targets`; returns how many entries it added. */
function walk(dir: string, targets: Target[]): number {
  const before = targets.length;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    targets.push({ path: dir, error: `cannot read directory: ${(error as Error).message}` });
    return 1;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path, targets);
    else if (entry.isFile() && ARTICLE.test(entry.name)) targets.push({ path });
  }
  return targets.length - before;
}

export type ReadResult = { text: string; warning?: string } | { error: string };

/** Reads and decodes one article; never throws. */
export function readArticle(path: string): ReadResult {
  try {
    // A device or a pipe (/dev/zero, /dev/stdin) could be read forever.
    const stat = statSync(path);
    if (!stat.isFile()) return { error: stat.isDirectory() ? 'is a directory' : 'not a regular file' };
    return decodeArticle(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'permission denied' };
    if (code === 'EISDIR') return { error: 'is a directory' };
    return { error: `cannot read: ${(error as Error).message}` };
  }
}
