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
  errors: number;
  answered: number;
}

/**
 * Analyses the files one by one, writing each file's answer as soon as it is done, so memory stays
 * flat however many files there are (the text is the same as one JSON.stringify of the whole array).
 */
export function run(invocation: Invocation, warn: (line: string) => void, write: (chunk: string) => void): Outcome {
  const analyser = new Analyser();
  const output = createOutput(invocation, warn, write);
  for (const target of expandPaths(invocation.paths)) output.add(analyseTarget(target, invocation.command, analyser));
  return output.end();
}

/** Takes the files' results in file order; summaries are written at the end (the HTML report is one page). */
export function createOutput(invocation: Invocation, warn: (line: string) => void, write: (chunk: string) => void) {
  let errors = 0;
  let documents = 0;
  const summaries: FileResult[] = [];
  return {
    add(result: FileResult): void {
      result.warnings.forEach(warn);
      if (result.error !== undefined) errors++;
      if (invocation.command === 'summarise') {
        summaries.push(result);
        return;
      }
      const doc: DocumentJson = result.json ?? { file: result.file, date: null, error: result.error };
      const first = documents++ === 0;
      // An array element is its own JSON indented one level deeper (strings hold no raw line breaks).
      if (invocation.json) write(`${first ? '[\n ' : ',\n '}${JSON.stringify(doc, null, 1).replace(/\n/g, '\n ')}`);
      else write(`${first ? '' : '\n'}${describe(doc)}`);
    },
    end(): Outcome {
      if (invocation.command === 'summarise') write(formatSummaries(invocation, summaries));
      else if (invocation.json) write(documents === 0 ? '[]' : '\n]');
      write('\n');
      const total = invocation.command === 'summarise' ? summaries.length : documents;
      return { errors, answered: total - errors };
    },
  };
}

function formatSummaries(invocation: Invocation, results: readonly FileResult[]): string {
  if (invocation.format === 'json') return JSON.stringify(results.map((r) => ({ file: r.file, error: r.error, summary: r.summary })), null, 1);
  // One page for all the articles: several concatenated HTML documents would not be valid HTML.
  if (invocation.format === 'html') {
    return renderHtmlReport(results.flatMap((r) => (r.summary ? [{ summary: r.summary, file: r.file, context: { entities: r.entities } }] : [])));
  }
  return results.map((r) => (r.summary ? renderMarkdown(r.summary, r.file) : `# ${r.file}\n\nError: ${r.error}\n`)).join('\n---\n\n');
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
  const write = (chunk: string) => process.stdout.write(chunk);
  const finish = (outcome: Outcome) => {
    if (outcome.answered === 0) process.exitCode = 1;
  };
  if (invocation.jobs === 1) finish(run(invocation, warn, write));
  else {
    const targets = expandPaths(invocation.paths);
    runJobs(targets, invocation.command, invocation.jobs).then((results) => {
      const output = createOutput(invocation, warn, write);
      results.forEach((result) => output.add(result));
      finish(output.end());
    });
  }
}
