import { spacesAfter, spacesBefore } from './chars';
import { parseIsoDate } from './datesCalendar';
import { isCapitalised } from './datesText';
import { movedInPlace } from './moved';
import { splitSentences } from './sentences';
import type { Dateline, DocumentModel, Paragraph, Span, TextSpan } from './types';

// The document model: dateline, headline, paragraphs and sentences with offsets into the text.

/** ` date 2020-05-25 ` at the very start of a seed file. */
const ISO_DATELINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/;

/**
 * "KHARTOUM, April 17 (Reuters) - ", "N'DJAMENA, Sept 10 (AFP) —", with the country or region after the
 * city "MAIDUGURI, Nigeria, Feb 12 (Reuters) —", or without a date "KHARTOUM, Sudan (AP) —", "NEW YORK
 * (Reuters) -", "GOMA, Congo —", "JERUSALEM —", "ISLAMABAD:", two cities "LONDON/KYIV, June 3 (Reuters) -",
 * in title case "Beirut, Lebanon —", "Dar es Salaam, Oct. 2 (AP) -": a wire dateline ("BREAKING —" is none).
 * A hyphen is a dash only after a blank: "PORT-AU-PRINCE" is one name.
 */
const WIRE_DATELINE =
  /^\s*(\p{Lu}[\p{Lu}'’. /-]{1,40}?\p{Lu}|\p{Lu}\p{Ll}[\p{L}'’-]*(?: (?:(?:al|as|de|del|el|es|la|of|the)[ -])?\p{Lu}[\p{L}'’-]*){0,3})(?:, ([\p{L} ]{2,30}?))?(?:, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.? \d{1,2}(?:, \d{4})?))?(?: \((\p{Lu}[\p{L} ]{1,29})\))?(?:\s*[–—]+|\s+-+|:)\s*/u;

/** A city in capitals ("KHARTOUM", "PORT-AU-PRINCE"), not in title case ("Beirut"). */
const CAPITALS = /^[^\p{Ll}]*$/u;
/** What sets a city alone off as a dateline: a long dash, or a colon as South Asian papers write it. */
const CITY_ALONE_END = /(?:[–—]|:)\s*$/;
/** Words in capitals that open a story as a label, not a place. */
const KICKERS = new Set(['BREAKING', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'EDITORIAL', 'COMMENT', 'WATCH', 'LIVE', 'CORRECTION', 'URGENT', 'FLASH', 'ALERT', 'NEWS', 'REVIEW', 'FEATURE', 'INTERVIEW', 'VIDEO', 'PHOTOS', 'FACTBOX', 'EXPLAINER', 'FACT CHECK', 'BRIEFING', 'WARNING', 'NOTE', "EDITOR'S NOTE", 'CLARIFICATION', 'LISTEN', 'READ MORE', 'SPONSORED', 'ADVERTISEMENT', 'TRANSCRIPT', 'GRAPHIC', 'PHOTO']);

/** Capitalised words, "of", "the" and "and" between them: "Congo", "Democratic Republic of the Congo". */
const NAME = /^\p{Lu}\p{L}*(?: (?:of |the |and )*\p{Lu}\p{L}*)*$/u;

/**
 * @param sentencesOf splits one paragraph's text (found at `start`); an Analyser passes one that
 * remembers paragraphs.
 */
export function parseDocument(text: string, sentencesOf: SentenceSplitter = (paragraph, start) => movedInPlace(splitSentences(paragraph), start)): DocumentModel {
  const dateline = findDateline(text);
  const bodyStart = dateline ? dateline.span.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart, sentencesOf);
  return { text, dateline, bodyStart, headline: findHeadline(text, paragraphs), paragraphs };
}

export function findDateline(text: string): Dateline | null {
  const iso = ISO_DATELINE.exec(text);
  if (iso && parseIsoDate(iso[1])) {
    const start = iso[0].indexOf(iso[1]);
    // " date 2023-10-09 CARACAS — …": a wire dateline after the date gives the place; the date stays the ISO one.
    const wire = wireDateline(text, iso[0].length);
    return {
      form: 'iso',
      span: { start: 0, end: wire?.span.end ?? iso[0].length },
      date: { text: iso[1], start, end: start + iso[1].length, value: iso[1] },
      place: wire?.place,
      region: wire?.region,
    };
  }
  return wireDateline(text, 0);
}

/**
 * The end of a wire dateline in capitals opening a paragraph at `from` other than the text's first, as
 * after a headline and a byline ("GAZA CITY — Israeli strikes …"), or -1. A city alone there needs a
 * capital after its dash: "NATO — the alliance's chief said" is a sentence.
 */
export function paragraphDatelineEnd(text: string, from: number): number {
  if (!isAsciiCapital(text.charCodeAt(from)) || !isAsciiCapital(text.charCodeAt(from + 1))) return -1; // most paragraphs
  const wire = wireDateline(text, from);
  if (!wire?.place || !CAPITALS.test(wire.place.text)) return -1;
  const end = wire.span.end;
  const agency = text.lastIndexOf('(', end) > from;
  return wire.region || wire.date || agency || isCapitalised(text.charAt(end)) ? end : -1;
}

const isAsciiCapital = (code: number) => code >= 65 && code <= 90;

/** A wire dateline at `from`, with spans into `text`. */
function wireDateline(text: string, from: number): Dateline | null {
  const wire = WIRE_DATELINE.exec(text.slice(from, from + 200));
  // A city and a dash need a date, an agency or a country's name after the city to be one, or else a
  // long dash and a word in capitals that is no kicker ("JERUSALEM —", not "BREAKING —").
  const cityAlone = wire && wire[2] === undefined && CITY_ALONE_END.test(wire[0]) && !KICKERS.has(wire[1]);
  if (!wire || !(wire[3] || wire[4] || NAME.test(wire[2] ?? '') || cityAlone)) return null;
  // "Beirut, Lebanon —": a city in title case is a dateline's with a date, an agency, or its country and a long
  // dash; alone it may be a sentence's subject set off by a dash ("Hezbollah — the Iran-backed group — said").
  if (!CAPITALS.test(wire[1]) && !(wire[3] || wire[4] || (wire[2] !== undefined && CITY_ALONE_END.test(wire[0])))) return null;
  const [line, place, region, date] = wire;
  const placeStart = line.indexOf(place);
  const regionStart = region === undefined ? -1 : line.indexOf(region, placeStart + place.length);
  const dateStart = date === undefined ? -1 : line.indexOf(date, Math.max(placeStart + place.length, regionStart + (region?.length ?? 0)));
  const at = (text: string, start: number) => ({ text, start: from + start, end: from + start + text.length });
  return {
    form: 'wire',
    span: { start: from, end: from + line.length },
    place: at(place, placeStart),
    region: region === undefined ? undefined : at(region, regionStart),
    date: date === undefined ? undefined : at(date, dateStart),
  };
}

/**
 * The sentences of a paragraph's text found at `start`, as spans of the whole text: new ones, or
 * another version's that no one changes (an edit's unchanged paragraphs share them).
 */
export type SentenceSplitter = (paragraph: string, start: number) => Span[];

function splitParagraphs(text: string, from: number, sentencesOf: SentenceSplitter): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (start: number, end: number) => {
    start = spacesAfter(text, start, end);
    end = spacesBefore(text, end, start);
    if (end <= start) return;
    paragraphs.push({ start, end, sentences: sentencesOf(text.slice(start, end), start) });
  };
  const breaks = paragraphBreaks(text, from);
  let start = from;
  for (let k = 0; k < breaks.length; k += 2) {
    add(start, breaks[k]);
    start = breaks[k + 1];
  }
  add(start, text.length);
  return paragraphs;
}

/**
 * The paragraph breaks after `from`, as start and end offsets one after the other: a line ending,
 * blanks, a line ending (any of \n, \r\n, \r), and all the whitespace after. Line endings are found
 * with indexOf, which is much faster than a regex or a loop over char codes.
 */
function paragraphBreaks(text: string, from: number): number[] {
  const breaks: number[] = [];
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lf >= 0 || cr >= 0) {
    const lineEnd = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    let i = lineEnd + 1;
    if (lineEnd === cr && text.charCodeAt(i) === 10) i++; // "\r\n" is one line ending
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    let next = lineEnd + 1;
    if (isLineEnd(text.charCodeAt(i))) {
      next = spacesAfter(text, i + 1, text.length);
      breaks.push(lineEnd, next);
    }
    if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
    if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
  }
  return breaks;
}

/** White space on a blank line: what `[ \t\f\v\u00a0]` matches. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0;
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

/** The Markdown heading if there is one, else the first sentence (a title line without a full stop is one). */
function findHeadline(text: string, paragraphs: Paragraph[]): TextSpan | null {
  const first = paragraphs[0];
  if (!first) return null;
  let lineEnd = first.start;
  while (lineEnd < first.end && !isLineEnd(text.charCodeAt(lineEnd))) lineEnd++;
  const firstLine = text.slice(first.start, lineEnd);
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
