import { lowerCase } from './chars';
import { sentenceStarts } from './sentenceBreaks';
import type { Span } from './types';

// The Unicode sentence rules, from sentenceBreaks.ts for text in Latin script and from
// Intl.Segmenter for anything else (the same boundaries; the first is several times faster). News
// text needs repairs on top: the rules break after abbreviations ("U.S. Army", "Gen. Smith",
// "Jan. 5"), and V8's segmenter slows down sharply on very long strings, so long paragraphs are
// fed to it in pieces.

/** Made on first use: only text outside the Latin rules needs one, and making one took ~10 ms of loading the extension. */
let segmenter: Intl.Segmenter | undefined;

function sentenceSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' }));
}

/** Abbreviations after which a full stop rarely ends a sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pte', 'pvt',
    'adm', 'cmdr', 'brig', 'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'st', 'mt', 'ft', 'no', 'nos', 'vs',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'inc', 'ltd', 'co', 'corp', 'dept', 'approx', 'est', 'fig', 'jr', 'sr', 'al', 'etc',
  ],
);

/** Pieces longer than this are cut at a whitespace before segmenting. */
const MAX_PIECE = 16_000;

/**
 * Sentence spans of `text` (offsets relative to it), leading and trailing whitespace trimmed.
 * Line breaks end sentences, so a headline without a full stop stays on its own.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (let start = 0, end = 0; start < text.length; start = end) {
    end = pieceEnd(text, start);
    const pieceText = text.slice(start, end);
    const starts = sentenceStarts(pieceText) ?? Array.from(sentenceSegmenter().segment(pieceText), (s) => s.index);
    for (let k = 0; k < starts.length; k++) {
      const span = trim(text, start + starts[k], start + (starts[k + 1] ?? pieceText.length));
      if (span.end <= span.start) continue;
      const previous = spans[spans.length - 1];
      if (previous && continues(text, previous, span)) previous.end = span.end;
      else spans.push(span);
    }
  }
  return spans;
}

/** Where the piece of `text` from `start` ends: the end of the text, or a cut before MAX_PIECE. */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= MAX_PIECE) return text.length;
  // Cut after the last sentence-final mark (or else whitespace) in the window, so no sentence is split.
  const window = text.slice(start, start + MAX_PIECE);
  let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  if (cut < MAX_PIECE / 2) cut = window.lastIndexOf(' ');
  const end = cut > 0 ? start + cut + 1 : start + MAX_PIECE;
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end; // never between the halves of an emoji
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

/** Whether the segmenter's break between `previous` and `next` fell after an abbreviation. */
function continues(text: string, previous: Span, next: Span): boolean {
  if (text.charCodeAt(previous.end - 1) !== 46 /* . */) return false;
  // A line break between them is a real boundary.
  for (let i = previous.end; i < next.start; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return false;
  const token = tokenBefore(text, Math.max(previous.start, previous.end - 12), previous.end - 1);
  if (token === null) return false;
  // Initialisms ("U.S.", "U.N.": the tokens with a stop): a new sentence only when the next word is a
  // common sentence opener.
  if (token.includes('.')) return !startsSentence(text, next.start);
  return ABBREVIATIONS.has(lowerCase(token));
}

/** A word, or letters each followed by a full stop ("U.S", "U.N."), before a final full stop. */
const TOKEN_BEFORE_STOP = /(?:^|[^\p{L}.])((?:\p{L}\.)+\p{L}?|\p{L}+)\.$/u;

/**
 * The word or initialism that ends at the full stop at `stop`, not starting before `from`, or null:
 * what TOKEN_BEFORE_STOP captures in `text.slice(from, stop + 1)`. Read from char codes when it is
 * ASCII (nearly always, and this runs at nearly every sentence end), by the regex otherwise.
 */
function tokenBefore(text: string, from: number, stop: number): string | null {
  let start = stop;
  let dots = false;
  for (; start > from; start--) {
    const code = text.charCodeAt(start - 1);
    if (code === 46) dots = true;
    else if (!isAsciiLetter(code)) break;
  }
  if (start > from && text.charCodeAt(start - 1) >= 128) return TOKEN_BEFORE_STOP.exec(text.slice(from, stop + 1))?.[1] ?? null;
  const token = text.slice(start, stop);
  if (!dots) return token.length > 0 ? token : null;
  return isAsciiInitialism(token) ? token : null;
}

/** Letter, stop, letter, stop... with an optional last letter: "U.S", "U.N.". */
function isAsciiInitialism(token: string): boolean {
  if (token.length < 2) return false;
  for (let k = 0; k < token.length; k++) if ((token.charCodeAt(k) === 46) !== (k % 2 === 1)) return false;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Words that open sentences in news text; after "U.S." they mean the full stop ended one. */
const OPENERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'On', 'But', 'And', 'This', 'That', 'There', 'His', 'Her', 'Their', 'Its', 'After', 'According', 'Meanwhile', 'However', 'Officials', 'When', 'While', 'As', 'At', 'For', 'If', 'Some', 'Many', 'Most']);

function startsSentence(text: string, at: number): boolean {
  const word = /^[\p{L}’']+/u.exec(text.slice(at, at + 20));
  return !!word && OPENERS.has(word[0]);
}
