import type { Analysis, Span, TextSpan } from '../../src/analysis/types';

// What every analysis must satisfy, whatever the input: spans that slice the source exactly, inside
// it, in order; no two spans of one entity type overlapping; a result that survives JSON.
// Returns the violations as readable lines (empty when all hold), so a failure says what broke.

export function invariantViolations(source: string, analysis: Analysis): string[] {
  const problems: string[] = [];
  const show = (s: unknown) => JSON.stringify(s)?.slice(0, 200);
  /** Whether offset `i` falls between the two halves of an astral character. */
  const splitsPair = (i: number) => {
    const before = source.charCodeAt(i - 1);
    const after = source.charCodeAt(i);
    return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  };

  const inBounds = (what: string, span: Span | undefined | null) => {
    if (!span) return false;
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= source.length;
    if (!ok) problems.push(`${what}: span out of bounds (${span.start}, ${span.end}) in a text of ${source.length}: ${show(span)}`);
    else if (splitsPair(span.start) || splitsPair(span.end)) problems.push(`${what}: span (${span.start}, ${span.end}) cuts a surrogate pair in two`);
    return ok;
  };
  const exact = (what: string, span: TextSpan | undefined | null) => {
    if (!inBounds(what, span) || !span) return;
    if (span.text !== source.slice(span.start, span.end)) {
      problems.push(`${what}: text ${show(span.text)} !== source.slice(${span.start}, ${span.end}) ${show(source.slice(span.start, span.end))}`);
    }
    if (span.start === span.end) problems.push(`${what}: empty span at ${span.start}`);
  };

  if (analysis.document.text !== source) problems.push('document.text is not the source');
  const { dateline, headline, paragraphs, bodyStart } = analysis.document;
  if (dateline) {
    inBounds('dateline', dateline.span);
    exact('dateline.date', dateline.date);
    exact('dateline.place', dateline.place);
  }
  exact('headline', headline);
  if (!(bodyStart >= 0 && bodyStart <= source.length)) problems.push(`bodyStart ${bodyStart} out of bounds`);
  let previousEnd = 0;
  for (const [i, paragraph] of paragraphs.entries()) {
    if (!inBounds(`paragraph ${i}`, paragraph)) continue;
    if (paragraph.start < previousEnd) problems.push(`paragraph ${i} starts at ${paragraph.start}, before the previous one ends (${previousEnd})`);
    previousEnd = paragraph.end;
    let sentenceEnd = paragraph.start;
    for (const [j, sentence] of paragraph.sentences.entries()) {
      if (!inBounds(`paragraph ${i} sentence ${j}`, sentence)) continue;
      if (sentence.start < sentenceEnd || sentence.end > paragraph.end) {
        problems.push(`paragraph ${i} sentence ${j} (${sentence.start}, ${sentence.end}) outside its paragraph (${paragraph.start}, ${paragraph.end}) or overlapping the previous sentence`);
      }
      sentenceEnd = sentence.end;
    }
  }

  const lastEnd = new Map<string, { start: number; end: number; text: string }>();
  let previousStart = 0;
  for (const [i, entity] of analysis.entities.entries()) {
    exact(`entity ${i} (${entity.type})`, entity);
    if (!['date', 'place', 'faction'].includes(entity.type)) problems.push(`entity ${i}: unknown type ${show(entity.type)}`);
    if (entity.start < previousStart) problems.push(`entity ${i} ${show(entity.text)} is out of order (starts at ${entity.start} after an entity at ${previousStart})`);
    previousStart = entity.start;
    const previous = lastEnd.get(entity.type);
    if (previous && entity.start < previous.end) {
      problems.push(`${entity.type} ${show(entity.text)} (${entity.start}, ${entity.end}) overlaps ${show(previous.text)} (${previous.start}, ${previous.end})`);
    }
    if (!previous || entity.end > previous.end) lastEnd.set(entity.type, entity);
  }

  for (const [i, claim] of analysis.claims.entries()) {
    exact(`claim ${i}`, claim);
    if (claim.source) {
      exact(`claim ${i} source`, claim.source);
      if (claim.source.antecedent) exact(`claim ${i} source antecedent`, claim.source.antecedent);
    }
    if (claim.channel) exact(`claim ${i} channel`, claim.channel);
    if (claim.cueSpan) inBounds(`claim ${i} cueSpan`, claim.cueSpan);
    if (typeof claim.hedged !== 'boolean') problems.push(`claim ${i}: hedged is not a boolean`);
  }

  try {
    JSON.stringify(analysis);
  } catch (error) {
    problems.push(`the analysis does not serialise to JSON: ${(error as Error).message}`);
  }
  return problems;
}

/** The analysis without the document model, for comparing two runs. */
export function fingerprint(analysis: Analysis): string {
  return JSON.stringify({ ...analysis, document: { ...analysis.document, text: analysis.document.text.length } });
}
