import { findDates } from './dates';
import { formatDate, isRealDate, parseIsoDate } from './datesCalendar';
import { MONTHS } from './datesWords';
import type { DocumentModel, RecogniserContext } from './types';

// A wire dateline ("KHARTOUM, April 17 (Reuters) -") gives the day without the year. The year is
// taken from the latest full date in the body: the dateline is the first such day on or after it. The
// body's dates are those of its paragraphs, as `analyse` finds them; only a paragraph with four digits
// in a row can hold a full date, and the others (most) are not read for one.

const DATELINE_DATE = /^(\p{L}+)\.? (\d{1,2})(?:, (\d{4}))?$/u;

/** Fills `document.dateline.date.value` when the dateline's date can be completed; leaves it unset otherwise. */
export function completeDatelineDate(document: DocumentModel): void {
  const date = document.dateline?.date;
  if (!date || date.value) return;
  const m = DATELINE_DATE.exec(date.text);
  const month = m ? MONTHS.get(m[1].toLowerCase()) : undefined;
  if (!m || !month) return;
  const day = +m[2];
  if (m[3]) {
    const full = { year: +m[3], month, day };
    if (isRealDate(full)) date.value = formatDate(full);
    return;
  }
  const latest = latestFullDate(document);
  if (!latest) return;
  for (const year of [latest.year, latest.year + 1]) {
    const candidate = { year, month, day };
    if (isRealDate(candidate) && formatDate(candidate) >= formatDate(latest)) {
      date.value = formatDate(candidate);
      return;
    }
  }
}

const FOUR_DIGITS = /\d{4}/;
const NO_DOCUMENT_DATE: RecogniserContext = { documentDate: null, lexicon: {} };

/** A byline or a date line alone: "By staff writers — 14 February 2024", "Published: March 3, 2024", "*3 March 2024*". */
const BYLINE = /^[\s*_#>|-]*(?:(?:By|Published|Updated|Posted|Last updated|Dated?)\b|(?:\p{L}+,? )?(?:\d{1,2} \p{L}+\.? \d{4}|\p{L}+\.? \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})[\s*_]*$)/u;
/** How far down a byline is looked for, and how long it may be. */
const BYLINE_PARAGRAPHS = 3;
const MAX_BYLINE = 160;

/**
 * The article's date: its dateline's, completed (see `completeDatelineDate`), else its byline's. `analyse`
 * and `readHeader` both date an article by it, so that the Seeds view lists it as its analysis has it.
 */
export function articleDate(document: DocumentModel): string | null {
  completeDatelineDate(document);
  return document.dateline?.date?.value ?? bylineDate(document);
}

/** The full date of a byline among the first paragraphs: the date of an article that has no dateline. */
function bylineDate({ text, paragraphs }: DocumentModel): string | null {
  for (const { start, end } of paragraphs.slice(0, BYLINE_PARAGRAPHS)) {
    if (end - start > MAX_BYLINE) continue;
    const paragraph = text.slice(start, end);
    if (!BYLINE.test(paragraph)) continue;
    for (const entity of findDates(paragraph, NO_DOCUMENT_DATE)) if (entity.value?.length === 10) return entity.value;
  }
  return null;
}

function latestFullDate({ text, paragraphs }: DocumentModel) {
  let latest = '';
  for (const { start, end } of paragraphs) {
    const paragraph = text.slice(start, end);
    if (!FOUR_DIGITS.test(paragraph)) continue;
    for (const entity of findDates(paragraph, NO_DOCUMENT_DATE)) {
      const value = entity.value?.slice(0, 10) ?? '';
      if (value.length === 10 && value > latest) latest = value;
    }
  }
  return parseIsoDate(latest);
}
