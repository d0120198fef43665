import { articleDate } from './datesDateline';
import { parseDocument } from './document';
import { movedInPlace } from './moved';
import { splitSentences } from './sentences';
import type { Analysis } from './types';

// What a list of articles shows of each: the dateline's (or byline's) date and the headline, read without analysing
// the article, and the same as its analysis has them. Only the first paragraph's sentences are split
// (the headline is its first sentence when it is not a Markdown heading) and no recogniser runs.

export interface ArticleHeader {
  /** The dateline's or the byline's ISO date, as `Analysis.date`. */
  date: string | null;
  /** As `Analysis.document.headline.text`. */
  headline: string | undefined;
}

export function readHeader(text: string): ArticleHeader {
  let first = true;
  const document = parseDocument(text, (paragraph, start) => {
    if (!first) return [];
    first = false;
    return movedInPlace(splitSentences(paragraph), start);
  });
  return { date: articleDate(document), headline: document.headline?.text };
}

export function headerOf(analysis: Analysis): ArticleHeader {
  return { date: analysis.date, headline: analysis.document.headline?.text };
}
