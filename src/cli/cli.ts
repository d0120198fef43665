import { Analyser } from '../analysis/analyse';
import { renderHtmlReport } from '../analysis/report/html';
import type { DocumentJson } from '../analysis/report/json';
import { renderMarkdown } from '../analysis/report/markdown';
import { analyseTarget, type Command, type FileResult } from './analyseFile';
import { expandPaths } from './files';
import { runJobs } from './jobs';

const USAGE = `news-review — dates, places, factions and attributed claims in news articles

Usage:
  news-review analyse FILE|DIR... [--json]
  news-review summarise FILE|DIR... [--format md|json|html]

Options:
  --jobs N   analyse the files in N worker threads (same output, in the same order)

Directories are walked for .txt and .md files. A file that cannot be read gets an entry with an
"error" field (and a line on stderr); the exit code is non-zero only when no file could be read.`;

type Format = 'md' | 'json' | 'html';

export interface Invocation {
  command: Command;
  paths: string[];
  json: boolean;
  format: Format;
  /** Worker threads; 1 analyses in this thread. */
  jobs: number;
}

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Invocation | 'help' {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return 'help';
  if (command !== 'analyse' && command !== 'analyze' && command !== 'summarise' && command !== 'summarize') {
    throw new UsageError(`unknown command "${command}"`);
  }
  const invocation: Invocation = { command: command.startsWith('analy') ? 'analyse' : 'summarise', paths: [], json: false, format: 'md', jobs: 1 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') invocation.json = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'md' && value !== 'json' && value !== 'html') throw new UsageError(`--format takes md, json or html, not "${value ?? ''}"`);
      invocation.format = value;
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = arg === '--jobs' ? rest[++i] : arg.slice('--jobs='.length);
      const jobs = Number(value);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, not "${value ?? ''}"`);
      invocation.jobs = jobs;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else invocation.paths.push(arg);
  }
  if (invocation.paths.length === 0) throw new UsageError('name at least one file or directory');
  return invocation;
}

export interface Outcome {
  output: string;
  errors: number;
  answered: number;
}

export function run(invocation: Invocation, warn: (line: string) => void): Outcome {
  const analyser = new Analyser();
  const results = expandPaths(invocation.paths).map((target) => analyseTarget(target, invocation.command, analyser));
  return formatResults(invocation, results, warn);
}

export function formatResults(invocation: Invocation, results: readonly FileResult[], warn: (line: string) => void): Outcome {
  for (const result of results) result.warnings.forEach(warn);
  const errors = results.filter((r) => r.error !== undefined).length;
  const answered = results.length - errors;

  if (invocation.command === 'analyse') {
    const json: DocumentJson[] = results.map((r) => r.json ?? { file: r.file, date: null, error: r.error });
    return { output: invocation.json ? JSON.stringify(json, null, 1) : json.map(describe).join('\n'), errors, answered };
  }

  const summaries = results.map((r) => ({ file: r.file, error: r.error, summary: r.summary }));
  let output: string;
  if (invocation.format === 'json') output = JSON.stringify(summaries, null, 1);
  else if (invocation.format === 'html') {
    // One page for all the articles: several concatenated HTML documents would not be valid HTML.
    output = renderHtmlReport(results.flatMap((r) => (r.summary ? [{ summary: r.summary, file: r.file, context: { entities: r.entities } }] : [])));
  }
  else output = summaries.map((s) => (s.summary ? renderMarkdown(s.summary, s.file) : `# ${s.file}\n\nError: ${s.error}\n`)).join('\n---\n\n');
  return { output, errors, answered };
}

/** A few readable lines per document, for `analyse` without `--json`. */
function describe(doc: DocumentJson): string {
  if (doc.error) return `${doc.file}\n  error: ${doc.error}\n`;
  const count = (type: string) => doc.entities?.filter((e) => e.type === type).length ?? 0;
  return [
    doc.file,
    `  date: ${doc.date ?? '(no dateline)'}`,
    `  headline: ${doc.headline ?? ''}`,
    `  ${count('date')} dates, ${count('place')} places, ${count('faction')} factions, ${doc.claims?.length ?? 0} claims`,
    '',
  ].join('\n');
}

export function main(): void {
  let invocation;
  try {
    invocation = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`news-review: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (invocation === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const finish = (outcome: Outcome) => {
    process.stdout.write(`${outcome.output}\n`);
    if (outcome.answered === 0) process.exitCode = 1;
  };
  if (invocation.jobs === 1) finish(run(invocation, warn));
  else {
    const targets = expandPaths(invocation.paths);
    runJobs(targets, invocation.command, invocation.jobs).then((results) => finish(formatResults(invocation, results, warn)));
  }
}
