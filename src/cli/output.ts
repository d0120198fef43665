import { renderHtmlReport } from '../analysis/report/html';
import type { DocumentJson } from '../analysis/report/json';
import { renderMarkdown } from '../analysis/report/markdown';
import type { FileResult } from './analyseFile';
import type { Invocation } from './cli';

// What the CLI prints: each file's answer in file order, written as soon as it is known.

export interface Outcome {
  errors: number;
  answered: number;
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
      const first = documents++ === 0;
      const rendered = result.rendered ?? renderDocument(result, invocation.json);
      if (invocation.json) write(`${first ? '[\n ' : ',\n '}${rendered}`);
      else write(`${first ? '' : '\n'}${rendered}`);
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

/** One file's `analyse` answer: with `json`, an element of the output array, indented one level. */
export function renderDocument(result: FileResult, json: boolean): string {
  const doc: DocumentJson = result.json ?? { file: result.file, date: null, error: result.error };
  // Stringified inside an array, then cut out of it: the element comes indented one level deeper, as
  // in one JSON.stringify of the whole output, without a second pass to indent it.
  return json ? JSON.stringify([doc], null, 1).slice(3, -2) : describe(doc);
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
