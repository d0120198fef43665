import { analyseTarget, type Command } from './analyseFile';
import { expandPaths } from './files';
import { runJobs } from './jobs';
import { createOutput, type Outcome } from './output';

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

/**
 * Analyses the files one by one, writing the answers as soon as they are done, so memory stays flat
 * however many files there are (the text is the same as one JSON.stringify of the whole array). The
 * event loop gets a turn after each write: a pipe's stream holds on to every chunk written to it
 * until then, which for 10,000 files came to over half a gigabyte.
 */
export async function run(invocation: Invocation, warn: (line: string) => void, write: (chunk: string) => void): Promise<Outcome> {
  let wrote = false;
  const output = createOutput(invocation, warn, (chunk) => {
    write(chunk);
    wrote = true;
  });
  for (const target of expandPaths(invocation.paths)) {
    output.add(analyseTarget(target, invocation.command));
    if (wrote) {
      wrote = false;
      await new Promise(setImmediate);
    }
  }
  return output.end();
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
  // A reader that leaves early (`news-review analyse seeds | head`) ends the run: stop quietly, as
  // Unix tools do, rather than crash with a stack trace or go on analysing for no one.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const write = (chunk: string) => process.stdout.write(chunk);
  const finish = (outcome: Outcome) => {
    if (outcome.answered === 0) process.exitCode = 1;
  };
  if (invocation.jobs === 1) void run(invocation, warn, write).then(finish);
  else {
    const output = createOutput(invocation, warn, write);
    runJobs(expandPaths(invocation.paths), invocation, (result) => output.add(result)).then(() => finish(output.end()));
  }
}
