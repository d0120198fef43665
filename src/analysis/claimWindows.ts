import { findClaims } from './claims';
import type { Claim, DocumentModel, Entity, Paragraph, Span } from './types';

// Claims are a document-level pass (quotations run across sentences, pronouns look back), and its
// cost grows faster than the text. An article is far below WINDOW and is read whole, as before; a
// dump of many articles, or one endless paragraph, is read window by window — whole paragraphs, or
// runs of whole sentences when one paragraph is too long — so the time stays linear.

/** Characters of text per window. */
const WINDOW = 50_000;

export function findClaimsInWindows(document: DocumentModel, entities: readonly Entity[]): Claim[] {
  if (document.text.length <= WINDOW) return findClaims(document, entities);
  const claims: Claim[] = [];
  let next = 0; // entities are sorted by start: each window takes the next ones
  for (const [i, paragraphs] of windows(document.paragraphs).entries()) {
    // The first window starts at 0, so the dateline and headline keep their offsets.
    const start = i === 0 ? 0 : paragraphs[0].start;
    const end = paragraphs[paragraphs.length - 1].end;
    const inside: Entity[] = [];
    while (next < entities.length && entities[next].start < end) {
      const e = entities[next++];
      if (e.start >= start && e.end <= end) inside.push(e);
    }
    const part: DocumentModel = {
      text: document.text.slice(start, end),
      dateline: i === 0 ? document.dateline : null,
      bodyStart: i === 0 ? document.bodyStart : 0,
      headline: i === 0 ? document.headline : null,
      // Only the offsets: the finder reads nothing else of a paragraph or a sentence.
      paragraphs: paragraphs.map((p) => ({ start: p.start - start, end: p.end - start, sentences: p.sentences.map((s) => ({ start: s.start - start, end: s.end - start })) })),
    };
    claims.push(...findClaims(part, inside, start));
  }
  return claims;
}

/** Consecutive paragraphs (or pieces of one) of about WINDOW characters together. */
function windows(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const result: Paragraph[][] = [];
  let current: Paragraph[] = [];
  const add = (p: Paragraph) => {
    if (current.length && p.end - current[0].start > WINDOW) {
      result.push(current);
      current = [];
    }
    current.push(p);
  };
  for (const paragraph of paragraphs) {
    if (paragraph.end - paragraph.start <= WINDOW || paragraph.sentences.length < 2) add(paragraph);
    else for (const piece of sentenceRuns(paragraph)) add(piece);
  }
  if (current.length) result.push(current);
  return result;
}

/** A long paragraph as paragraphs of whole sentences, each at most WINDOW long (or one sentence). */
function sentenceRuns(paragraph: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  let sentences: Span[] = [];
  for (const sentence of paragraph.sentences) {
    if (sentences.length && sentence.end - sentences[0].start > WINDOW) {
      pieces.push({ start: sentences[0].start, end: sentences[sentences.length - 1].end, sentences });
      sentences = [];
    }
    sentences.push(sentence);
  }
  if (sentences.length) pieces.push({ start: sentences[0].start, end: sentences[sentences.length - 1].end, sentences });
  return pieces;
}
