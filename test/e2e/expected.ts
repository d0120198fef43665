import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';

// What the workbench should show, from the CLI on the same files: the extension and the CLI share
// the analysis core, so the tree's counts, the highlights and the panel must agree with it.

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface ExpectedEntity {
  type: 'date' | 'place' | 'faction';
  text: string;
  start: number;
  end: number;
  value?: string;
  canonical?: string;
}
export interface ExpectedClaim {
  text: string;
  start: number;
  end: number;
  source: { text: string; start: number; end: number } | null;
}
export interface ExpectedArticle {
  name: string;
  date: string | null;
  headline: string | null;
  entities: ExpectedEntity[];
  claims: ExpectedClaim[];
}

/** The CLI's analysis of every seed in the workspace, keyed by file name. */
export function analyseSeeds(workspace: string): Map<string, ExpectedArticle> {
  return analyseFolder(join(workspace, 'seeds'));
}

/** The CLI's analysis of the articles in a folder, keyed by file name. */
export function analyseFolder(folder: string): Map<string, ExpectedArticle> {
  const json = execFileSync(process.execPath, [CLI, 'analyse', folder, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const files = JSON.parse(json) as (Omit<ExpectedArticle, 'name'> & { file: string })[];
  return new Map(files.map((f) => [basename(f.file), { ...f, name: basename(f.file) }]));
}

/** The tree's title for an article: its headline, else its file name. */
export function articleTitle(article: ExpectedArticle): string {
  return article.headline?.trim() || article.name;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month group an article sits in ("April 2023"), or "Undated". */
export function monthGroup(article: ExpectedArticle): string {
  if (!article.date) return 'Undated';
  const month = Number(article.date.slice(5, 7));
  return month ? `${MONTHS[month - 1]} ${article.date.slice(0, 4)}` : article.date.slice(0, 4);
}

export function countOf(article: ExpectedArticle, type: ExpectedEntity['type']): number {
  return article.entities.filter((e) => e.type === type).length;
}

/** 1-based line and column of an offset, as the status bar shows them. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
