import { Analyser } from '../analysis/analyse';
import { renderHtmlReport } from '../analysis/report/html';
import { toDocumentJson, type DocumentJson } from '../analysis/report/json';
import { renderMarkdown } from '../analysis/report/markdown';
import { summarise } from '../analysis/summary';
import type { Analysis } from '../analysis/types';
import { expandPaths, readArticle } from './files';

const USAGE = `news-review — dates, places, factions and attributed claims in news articles

Usage:
  news-review analyse FILE|DIR... [--json]
  news-review summarise FILE|DIR... [--format md|json|html]

Directories are walked for .txt and .md files. A file that cannot be read gets an entry with an
"error" field (and a line on stderr); the exit code is non-zero only when no file could be read.`;

type Format = 'md' | 'json' | 'html';

interface Invocation {
  command: 'analyse' | 'summarise';
  paths: string[];
  json: boolean;
  format: Format;
}

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Invocation | 'help' {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return 'help';
  if (command !== 'analyse' && command !== 'analyze' && command !== 'summarise' && command !== 'summarize') {
    throw new UsageError(`unknown command "${command}"`);
  }
  const invocation: Invocation = { command: command.startsWith('analy') ? 'analyse' : 'summarise', paths: [], json: false, format: 'md' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') invocation.json = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'md' && value !== 'json' && value !== 'html') throw new UsageError(`--format takes md, json or html, not "${value ?? ''}"`);
      invocation.format = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else invocation.paths.push(arg);
  }
  if (invocation.paths.length === 0) throw new UsageError('name at least one file or directory');
  return invocation;
}

interface Outcome {
  output: string;
  errors: number;
  answered: number;
}

export function run(invocation: Invocation, warn: (line: string) => void): Outcome {
  const analyser = new Analyser();
  const documents: { file: string; analysis?: Analysis; warning?: string; error?: string }[] = [];
  for (const target of expandPaths(invocation.paths)) {
    const read = target.error ? { error: target.error } : readArticle(target.path);
    if ('error' in read) {
      warn(`news-review: ${target.path}: ${read.error}`);
      documents.push({ file: target.path, error: read.error });
      continue;
    }
    if (read.warning) warn(`news-review: ${target.path}: ${read.warning}`);
    try {
      documents.push({ file: target.path, analysis: analyser.analyse(read.text), warning: read.warning });
    } catch (error) {
      // A bug on one file must not cost the answers for the others.
      const message = `analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      warn(`news-review: ${target.path}: ${message}`);
      documents.push({ file: target.path, error: message });
    }
  }
  const answered = documents.filter((d) => d.analysis).length;
  const errors = documents.length - answered;

  if (invocation.command === 'analyse') {
    const json: DocumentJson[] = documents.map((d) =>
      d.analysis ? toDocumentJson(d.file, d.analysis, d.warning) : { file: d.file, date: null, error: d.error },
    );
    return { output: invocation.json ? JSON.stringify(json, null, 1) : json.map(describe).join('\n'), errors, answered };
  }

  const summaries = documents.map((d) => ({ file: d.file, error: d.error, summary: d.analysis && summarise(d.analysis) }));
  let output: string;
  if (invocation.format === 'json') output = JSON.stringify(summaries, null, 1);
  else if (invocation.format === 'html') {
    // One page for all the articles: several concatenated HTML documents would not be valid HTML.
    output = renderHtmlReport(summaries.flatMap((s, i) => (s.summary ? [{ summary: s.summary, file: s.file, context: { entities: documents[i].analysis?.entities } }] : [])));
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
  const outcome = run(invocation, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${outcome.output}\n`);
  if (outcome.answered === 0) process.exitCode = 1;
}
