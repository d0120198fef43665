import { analyse } from '../analysis/analyse';
import { toDocumentJson, type DocumentJson } from '../analysis/report/json';
import { summarise, type Summary } from '../analysis/summary';
import type { Analysis, Entity } from '../analysis/types';
import { readArticle, type Target } from './files';

export type Command = 'analyse' | 'summarise';

/** What the output needs of one file, computed where the file is analysed (here or in a worker). */
export interface FileResult {
  file: string;
  /** Lines for stderr, printed in the order of the files. */
  warnings: string[];
  error?: string;
  /** `analyse`: the document as JSON. */
  json?: DocumentJson;
  /** `analyse` in a worker thread: the answer already rendered there, in place of `json`. */
  rendered?: string;
  /** `summarise`: the summary, and the entities the HTML report links to. */
  summary?: Summary;
  entities?: Entity[];
}

/** Reads and analyses one file; never throws. */
export function analyseTarget(target: Target, command: Command): FileResult {
  const file = target.path;
  const read = target.error ? { error: target.error } : readArticle(file);
  if ('error' in read) return { file, warnings: [`news-review: ${file}: ${read.error}`], error: read.error };
  const warnings = read.warning ? [`news-review: ${file}: ${read.warning}`] : [];
  let analysis: Analysis;
  try {
    analysis = analyse(read.text);
  } catch (error) {
    // A bug on one file must not cost the answers for the others.
    const message = `analysis failed: ${error instanceof Error ? error.message : String(error)}`;
    return { file, warnings: [...warnings, `news-review: ${file}: ${message}`], error: message };
  }
  if (command === 'analyse') return { file, warnings, json: toDocumentJson(file, analysis, read.warning) };
  return { file, warnings, summary: summarise(analysis), entities: analysis.entities };
}
