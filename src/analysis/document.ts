import { splitSentences } from './sentences';
import type { Dateline, DocumentModel, Paragraph, Span, TextSpan } from './types';

// The document model: dateline, headline, paragraphs and sentences with offsets into the text.

/** ` date 2020-05-25 ` at the very start of a seed file. */
const ISO_DATELINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/;

/** "KHARTOUM, April 17 (Reuters) - " or "N'DJAMENA, Sept 10 (AFP) —": a wire dateline. */
const WIRE_DATELINE =
  /^\s*(\p{Lu}[\p{Lu}'’. -]{1,40}?\p{Lu})(?:, [\p{L} ]{2,30}?)?, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.? \d{1,2}(?:, \d{4})?) \(([\p{L} ]{2,30})\)\s*[-–—]+\s*/u;

/** Paragraph breaks: a blank line (any line ending, whitespace allowed on the blank line). */
const PARAGRAPH_BREAK = /(?:\r\n|\r|\n)[ \t\f\v\u00a0]*(?:\r\n|\r|\n)\s*/g;

/** @param sentencesOf splits one paragraph's text; an Analyser passes one that remembers paragraphs. */
export function parseDocument(text: string, sentencesOf: (paragraph: string) => Span[] = splitSentences): DocumentModel {
  const dateline = findDateline(text);
  const bodyStart = dateline ? dateline.span.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart, sentencesOf);
  return { text, dateline, bodyStart, headline: findHeadline(text, paragraphs), paragraphs };
}

export function findDateline(text: string): Dateline | null {
  const iso = ISO_DATELINE.exec(text);
  if (iso && isValidIsoDate(iso[1])) {
    const start = iso[0].indexOf(iso[1]);
    return {
      form: 'iso',
      span: { start: 0, end: iso[0].length },
      date: { text: iso[1], start, end: start + iso[1].length, value: iso[1] },
    };
  }
  const wire = WIRE_DATELINE.exec(text.slice(0, 200));
  if (wire) {
    const placeStart = wire[0].indexOf(wire[1]);
    const dateStart = wire[0].indexOf(wire[2], placeStart + wire[1].length);
    return {
      form: 'wire',
      span: { start: 0, end: wire[0].length },
      place: { text: wire[1], start: placeStart, end: placeStart + wire[1].length },
      date: { text: wire[2], start: dateStart, end: dateStart + wire[2].length },
    };
  }
  return null;
}

function isValidIsoDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

function splitParagraphs(text: string, from: number, sentencesOf: (paragraph: string) => Span[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (start: number, end: number) => {
    const span = trimSpan(text, start, end);
    if (span.end <= span.start) return;
    const sentences = sentencesOf(text.slice(span.start, span.end)).map((s) => ({
      start: s.start + span.start,
      end: s.end + span.start,
    }));
    paragraphs.push({ ...span, sentences });
  };
  PARAGRAPH_BREAK.lastIndex = from;
  let start = from;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, text.length);
  return paragraphs;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The Markdown heading if there is one, else the first sentence (a title line without a full stop is one). */
function findHeadline(text: string, paragraphs: Paragraph[]): TextSpan | null {
  const first = paragraphs[0];
  if (!first) return null;
  const firstLine = text.slice(first.start, first.end).split(/\r\n|\r|\n/)[0];
  // `(\S.*)` then trimEnd, not `(.*\S)`: after "#" and a long run of spaces the latter backtracks quadratically.
  const heading = /^#{1,6}\s+(\S.*)/.exec(firstLine);
  if (heading) {
    const title = heading[1].trimEnd();
    const start = first.start + heading[0].length - heading[1].length;
    return { text: title, start, end: start + title.length };
  }
  const sentence = first.sentences[0];
  return sentence ? { text: text.slice(sentence.start, sentence.end), ...sentence } : null;
}
