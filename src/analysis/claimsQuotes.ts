import type { Paragraph } from './types';

// Quotations in one linear pass over the quotation marks (a regex finds the next one: far faster
// than reading every character). Curly marks nest (a depth count, so 10,000 unclosed “ cost one
// step each); straight marks toggle. News style lets a quotation run over paragraphs: the first paragraph
// ends without a closing mark and the next one opens with a mark. A quotation still open at the end
// of a paragraph that is not continued so is dropped (unbalanced).

export interface Quote {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark. */
  close: number;
}

/** The closing mark for an opening one, or 0. */
function closerOf(c: number): number {
  switch (c) {
    case 0x201c: // “
    case 0x201e: // „
      return 0x201d;
    case 0x22: // "
      return 0x22;
    case 0xab: // «
      return 0xbb;
    default:
      return 0;
  }
}

/** Every mark that opens or closes a quotation. */
const MARKS = /["“”„«»]/g;

/** The index of the first quotation mark at or after `from`, or the text's length. */
function nextMark(text: string, from: number): number {
  MARKS.lastIndex = from;
  // `test` makes no match array; a mark is one character, so it is the one before where the match ends.
  return MARKS.test(text) ? MARKS.lastIndex - 1 : text.length;
}

/**
 * The quotations in `paragraphs`; `continued`, if given, hears of each paragraph (by index) that
 * continues a quotation left open by the one before it.
 */
export function findQuotes(text: string, paragraphs: readonly Paragraph[], continued?: (paragraph: number) => void): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let opener = 0;
  let closer = 0;
  let depth = 0;
  let mark = -1; // the first mark at or after the last place searched from
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p];
    let i = start;
    if (open >= 0) {
      // Continued from the previous paragraph only when this one opens with the same mark.
      if (text.charCodeAt(start) === opener) {
        i = start + 1;
        continued?.(p);
      } else open = -1;
    }
    if (mark < i) mark = nextMark(text, i);
    for (; mark < end; mark = nextMark(text, mark + 1)) {
      const c = text.charCodeAt(mark);
      if (open < 0) {
        const match = closerOf(c);
        if (match !== 0) {
          open = mark;
          opener = c;
          closer = match;
          depth = 1;
        }
      } else if (c === closer) {
        if (opener !== closer && depth > 1) depth--;
        else {
          quotes.push({ open, close: mark });
          open = -1;
        }
      } else if (c === opener) depth++;
    }
  }
  return quotes;
}

/** The quotation whose marks enclose `at`, by binary search over `quotes` (sorted, disjoint). */
export function quoteAt(quotes: readonly Quote[], at: number): Quote | undefined {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid];
    if (at <= q.open) hi = mid - 1;
    else if (at >= q.close) lo = mid + 1;
    else return q;
  }
  return undefined;
}
