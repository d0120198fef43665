import type { ClaimSource, Entity, Span, TextSpan } from './types';

// Copies moved by an offset: what was found in a paragraph, a window or a unit, placed in the whole
// text (or back). Copies, because results are shared between versions of a text and never changed;
// only what was just made, and is no one else's, moves in place.

export function movedEntity(entity: Entity, by: number): Entity {
  const moved = { ...entity }; // a bare spread is V8's fast copy; `{ ...entity, start }` is not
  moved.start += by;
  moved.end += by;
  return moved;
}

export function movedText(span: TextSpan, by: number): TextSpan {
  return { text: span.text, start: span.start + by, end: span.end + by };
}

export function movedSource(source: ClaimSource, by: number): ClaimSource {
  const moved: ClaimSource = { text: source.text, start: source.start + by, end: source.end + by, kind: source.kind };
  if (source.antecedent) moved.antecedent = movedText(source.antecedent, by);
  return moved;
}

export function movedSpans(spans: readonly Span[], by: number): Span[] {
  return spans.map((span) => ({ start: span.start + by, end: span.end + by }));
}

/** `spans`, new and no one else's, moved by `by` in place: no copies for a one-off analysis. */
export function movedInPlace<T extends Span>(spans: T[], by: number): T[] {
  for (const span of spans) {
    span.start += by;
    span.end += by;
  }
  return spans;
}
