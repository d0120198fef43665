import type { Analysis } from '../types';

/** One document in the schema of `analyse --json` (shared/eval/SCHEMA.md). */
export interface DocumentJson {
  file: string;
  date: string | null;
  headline?: string | null;
  entities?: Analysis['entities'];
  claims?: Analysis['claims'];
  relations?: Analysis['relations'];
  parties?: Analysis['parties'];
  warning?: string;
  error?: string;
}

export function toDocumentJson(file: string, analysis: Analysis, warning?: string): DocumentJson {
  return {
    file,
    date: analysis.date,
    headline: analysis.document.headline?.text ?? null,
    entities: analysis.entities,
    claims: analysis.claims,
    relations: analysis.relations,
    parties: analysis.parties,
    ...(warning ? { warning } : {}),
  };
}
