// Hand-built analyses, so the extension's tests do not depend on the recognisers' current recall.
import { parseDocument } from '../../src/analysis/document';
import type { Analysis, Claim, Entity, EntityType, Party, Relation } from '../../src/analysis/types';

/** An entity for the first occurrence of `text` at or after `from` in `source`. */
export function entity(source: string, type: EntityType, text: string, extra: Partial<Entity> = {}, from = 0): Entity {
  const start = source.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" not in the test text`);
  return { type, text, start, end: start + text.length, ...extra };
}

/** Every occurrence of `text` as an entity. */
export function entities(source: string, type: EntityType, text: string, extra: Partial<Entity> = {}): Entity[] {
  const found: Entity[] = [];
  for (let at = source.indexOf(text); at >= 0; at = source.indexOf(text, at + text.length)) {
    found.push({ type, text, start: at, end: at + text.length, ...extra });
  }
  return found;
}

export function claim(source: string, text: string, extra: Partial<Claim> = {}): Claim {
  const start = source.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in the test text`);
  return { text, start, end: start + text.length, cue: 'said', hedged: false, hedges: [], source: null, stance: 'asserts', quote: false, ...extra };
}

export function analysisOf(
  text: string,
  found: Entity[] = [],
  more: { claims?: Claim[]; parties?: Party[]; relations?: Relation[] } = {},
): Analysis {
  const document = parseDocument(text);
  return {
    document,
    date: document.dateline?.date?.value ?? null,
    entities: [...found].sort((a, b) => a.start - b.start || b.end - a.end),
    claims: more.claims ?? [],
    parties: more.parties ?? [],
    relations: more.relations ?? [],
  };
}

/** Stands in for src/analysis/analyse.ts (vi.mock): the document model only, and a count of analyses. */
export const fakeAnalyser = {
  calls: 0,
  lexicons: [] as unknown[],
  /** What each call was given: its text and reference date. */
  inputs: [] as { text: string; referenceDate?: string }[],
  /** Words reported as places wherever they occur. */
  places: [] as string[],
  module: () => {
    const analyse = (text: string, options: { lexicon?: unknown; referenceDate?: string } = {}) => {
      fakeAnalyser.calls++;
      fakeAnalyser.lexicons.push(options.lexicon);
      fakeAnalyser.inputs.push({ text, referenceDate: options.referenceDate });
      return analysisOf(text, fakeAnalyser.places.flatMap((place) => entities(text, 'place', place)));
    };
    return { analyse, Analyser: class { analyse = analyse } };
  },
};
