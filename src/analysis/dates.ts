import {
  addDays,
  addMonths,
  formatDate,
  formatMonth,
  isoWeek,
  isRealDate,
  nearestMonthYear,
  nearestWeekday,
  parseIsoDate,
  type Ymd,
} from './datesCalendar';
import { dayNumber, decadeDigits, isCapitalised, isDecimal, isNumeral, isYear, isWordCharAt, wordAfter, wordBefore, wordEnd, type Word } from './datesText';
import { isRegexSpace, lowerCase } from './chars';
import { findTriggers, seenWordLower, type Triggers } from './datesTriggers';
import { NOT_SEEN, seenWord } from './paragraphWords';
import {
  AMBIGUOUS_MONTHS,
  MONTH_ABBREVIATIONS,
  SEASONS,
  COUNT_NOUNS,
  COUNT_WORDS,
  DATE_CUES,
  DURATION_MODIFIER_PAIRS,
  DURATION_MODIFIERS,
  FUTURE_CUE,
  MONTHS,
  PARTS_OF_DAY,
  PERIOD_OF_HEADS,
  PERIOD_PARTS,
  RATE_WORDS,
  SPAN_OPENERS,
  TENS_WORDS,
  UNITS,
  WEEKDAY_NAME_PREFIXES,
  WEEKDAYS,
  YEAR_NOUNS,
  YEAR_VERBS,
  type Unit,
} from './datesWords';
import type { Entity, RecogniserContext } from './types';

// Dates, times and durations, by hand-written rules around cheap triggers.
//
// Why not chrono-node: measured on our 10 seeds plus the shared one (89 required dates), chrono's
// en.GB parser found 68 (recall 0.76, precision 0.97, exact spans 0.53): it misses bare years
// ("since 2014"), decades, every duration ("over a year", "48 hours", "three decades") and gives
// points, not TIMEX3 values, for "the past two days" or "last week". It runs at 0.5 MB/s over whole
// text, and still at 3.4 MB/s when fed only 50-character windows around a trigger scan (57 µs a
// call): alone three times slower than the 10 MB/s budget for the whole analysis. These rules ran
// at 40-53 MB/s of CPU time on the same 1 MB of seeds on a shared 2-core machine under a load of
// ~16, where a bare /[A-Za-z]+/g scan of that text ran at 83 MB/s; 3 MB/s on the worst input
// found (a date every six characters: "a day a day ...").
//
// How: trigger words (digits, month and weekday names, time units, "yesterday"...) are found among
// the paragraph's words (datesTriggers.ts); each trigger is read with a few words of context on
// either side, never more, so the scan is linear. Spans never overlap: a span ends the scan's
// `floor`, and no look-back crosses it.

const RELATIVE_DAYS: ReadonlyMap<string, number | null> = new Map([
  ['yesterday', -1], ['today', 0], ['tomorrow', 1], ['tonight', 0], ['overnight', null],
]);

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?![\d-])/y;
const NUMERIC_DATE = /(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d)/y;
const TIME_12 = /(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\b\.?/iy;
const TIME_24 = /([01]?\d|2[0-3]):([0-5]\d)(?!\d)/y;

/** A report in the past after a future's cue: the date is when it was said. */
const REPORTED_AFTER = /\b(?:said|told|announced|reported|confirmed|added|stated)\b/;
/** Words after "a year" that make it a point in time, whatever precedes it ("two soldiers a year ago"). */
const RELATIVE_AFTER = new Set(['ago', 'later', 'earlier', 'after', 'before']);
/** A plural's "s" ("flights", "days"), not "-ss" or "-us". */
const PLURAL_ENDING = /[^su]s$/;

interface Match {
  start: number;
  end: number;
  value?: string;
}

type Direction = 'past' | 'strictPast' | 'future' | 'same';

/** Date and duration mentions in one paragraph (offsets relative to `text`). */
export function findDates(text: string, context: RecogniserContext): Entity[] {
  const triggers = findTriggers(text);
  if (triggers.count === 0) return [];
  if (context.documentDate !== lastReference.iso) lastReference = { iso: context.documentDate, date: parseIsoDate(context.documentDate) };
  return new DateScan(text, lastReference.date).run(triggers);
}

/** Every paragraph of a document has the same date: parse it once. */
let lastReference: { iso: string | null; date: Ymd | null } = { iso: null, date: null };

class DateScan {
  private readonly found: Entity[] = [];
  /** No span may start before the end of the previous one. */
  private floor = 0;
  /** The last full date among `found[0, lastDayScanned)`, for "the same day", "the previous day". */
  private lastDayFound: Ymd | null = null;
  private lastDayScanned = 0;
  /** The last word looked up on either side, and where: the rules often ask for the same neighbour twice. */
  private lastBefore: Word | null = null;
  private lastBeforePos = -1;
  private lastBeforeFloor = -1;
  private lastAfter: Word | null = null;
  private lastAfterPos = -1;

  constructor(
    private readonly text: string,
    private readonly reference: Ymd | null,
  ) {}

  run(triggers: Triggers): Entity[] {
    const { start: starts, word: words, count } = triggers;
    for (let t = 0; t < count; t++) {
      const start = starts[t];
      if (start < this.floor) continue;
      const match = this.at(words[t] === NOT_SEEN ? this.wordAt(start, wordEnd(this.text, start)) : seenWordAt(start, words[t]));
      if (match) this.add(match);
    }
    return this.found;
  }

  private wordAt(start: number, end: number): Word {
    const text = this.text.slice(start, end);
    return { text, lower: lowerCase(text), start, end, joined: false };
  }

  private add(match: Match): void {
    this.found.push({ type: 'date', text: this.text.slice(match.start, match.end), start: match.start, end: match.end, value: match.value });
    this.floor = match.end;
  }

  /** The last full date found so far, parsed only when a rule asks: most paragraphs never do. */
  private lastDay(): Ymd | null {
    for (; this.lastDayScanned < this.found.length; this.lastDayScanned++) {
      const value = this.found[this.lastDayScanned].value;
      if (value && value.length >= 10) this.lastDayFound = parseIsoDate(value) ?? this.lastDayFound;
    }
    return this.lastDayFound;
  }

  private at(word: Word): Match | null {
    if (isNumeral(word.text)) return this.numeric(word);
    if (MONTHS.has(word.lower)) return this.month(word);
    if (WEEKDAYS.has(word.lower)) return this.weekday(word);
    if (UNITS.has(word.lower)) return this.unit(word);
    if (RELATIVE_DAYS.has(word.lower)) return this.relativeDay(word);
    if (PARTS_OF_DAY.has(word.lower)) return this.partOfDay(word);
    if (SEASONS.has(word.lower)) return this.season(word);
    if (word.lower === 'weekend') return this.weekend(word);
    return null;
  }

  private before(pos: number): Word | null {
    if (this.lastBeforePos !== pos || this.lastBeforeFloor !== this.floor) {
      this.lastBeforePos = pos;
      this.lastBeforeFloor = this.floor;
      this.lastBefore = wordBefore(this.text, pos, this.floor);
    }
    return this.lastBefore;
  }

  private after(pos: number): Word | null {
    if (this.lastAfterPos !== pos) {
      this.lastAfterPos = pos;
      this.lastAfter = wordAfter(this.text, pos);
    }
    return this.lastAfter;
  }

  // ---- numbers: ISO and numeric dates, times, days of a month, years, decades

  private numeric(word: Word): Match | null {
    const following = this.text[word.end];
    if (following === '-' || following === '/' || word.text.includes('.')) {
      const calendar = this.numericDate(word.start);
      if (calendar) return calendar;
    }
    if (word.text.length <= 4 && mayStartClock(this.text, word.start)) {
      const time = this.timeOnDate(word.start);
      if (time) return time;
    }
    const next = this.after(word.end);
    if (next && UNITS.has(next.lower)) return null; // "48 hours": the unit is the trigger
    const day = dayNumber(word.text);
    if (day >= 0) return this.dayMonth(word, day);
    const decade = decadeDigits(word.text);
    if (decade) return { start: this.decadeStart(word.start), end: word.end, value: decade };
    if (isYear(word.text)) return this.year(word, next);
    return null;
  }

  /** `2020-05-25`; `25/05/2020` or `25.05.2020`, day first unless only month first makes a date. */
  private numericDate(start: number): Match | null {
    ISO_DATE.lastIndex = start;
    const iso = ISO_DATE.exec(this.text);
    if (iso) {
      const date = { year: +iso[1], month: +iso[2], day: +iso[3] };
      return isRealDate(date) ? { start, end: start + iso[0].length, value: formatDate(date) } : null;
    }
    NUMERIC_DATE.lastIndex = start;
    const numeric = NUMERIC_DATE.exec(this.text);
    if (!numeric) return null;
    const [a, b, year] = [+numeric[1], +numeric[3], +numeric[4]];
    const dayFirst = { year, month: b, day: a };
    const monthFirst = { year, month: a, day: b };
    const date = isRealDate(dayFirst) ? dayFirst : isRealDate(monthFirst) ? monthFirst : null;
    return date ? { start, end: start + numeric[0].length, value: formatDate(date) } : null;
  }

  /** `3 a.m.`, `15:30` at `start`: the hour and minute, or null. */
  private time(start: number): { end: number; clock: string } | null {
    TIME_12.lastIndex = start;
    const twelve = TIME_12.exec(this.text);
    if (twelve && +twelve[1] >= 1 && +twelve[1] <= 12) {
      const hour = (+twelve[1] % 12) + (twelve[3].toLowerCase() === 'p' ? 12 : 0);
      return { end: start + twelve[0].length, clock: clock(hour, +(twelve[2] ?? 0)) };
    }
    TIME_24.lastIndex = start;
    const day = TIME_24.exec(this.text);
    return day ? { end: start + day[0].length, clock: clock(+day[1], +day[2]) } : null;
  }

  /** "3 a.m. on Sunday": a time only counts with its day. */
  private timeOnDate(start: number): Match | null {
    const time = this.time(start);
    if (!time) return null;
    const on = this.after(time.end);
    const day = on?.lower === 'on' ? this.after(on.end) : null;
    const date = day && !isNumeral(day.text) ? this.at(day) : day ? this.numericDate(day.start) ?? this.dayMonthAt(day) : null;
    if (!date) return null;
    return { start, end: date.end, value: withClock(date.value, time.clock) };
  }

  private dayMonthAt(word: Word): Match | null {
    const day = dayNumber(word.text);
    return day >= 0 ? this.dayMonth(word, day) : null;
  }

  /** "25 May", "25th of May 2020". */
  private dayMonth(dayWord: Word, day: number): Match | null {
    let next = this.after(dayWord.end);
    if (next?.lower === 'of') next = this.after(next.end);
    const month = next && isCapitalised(next.text) ? MONTHS.get(next.lower) : undefined;
    if (!next || !month || day < 1 || day > 31) return null;
    return this.withYear(dayWord.start, this.skipDot(next), month, day);
  }

  /** After "25 May" or "May 25": an optional year (", 2020"); without one, the year is resolved against the document date. */
  private withYear(start: number, end: number, month: number, day: number): Match | null {
    const comma = this.text[end] === ',' ? end + 1 : end;
    const next = this.after(comma);
    if (next && isYear(next.text) && !isWordCharAt(this.text, next.end)) {
      const date = { year: +next.text, month, day };
      return isRealDate(date) ? { start, end: next.end, value: formatDate(date) } : null;
    }
    if (!isRealDate({ year: 2000, month, day })) return null;
    if (!this.reference) return { start, end };
    // Like a weekday: the latest such day on or before the document date, the next one in a future clause.
    const ref = this.reference;
    const future = this.tense(start) === 'future';
    const sameYear = compare({ year: ref.year, month, day }, ref);
    let year = future ? ref.year + (sameYear >= 0 ? 0 : 1) : ref.year - (sameYear <= 0 ? 0 : 1);
    while (!isRealDate({ year, month, day })) year += future ? 1 : -1; // 29 February
    return { start, end, value: formatDate({ year, month, day }) };
  }

  /** The end of a month's word with an abbreviation's dot ("Sept."): a name's dot ("June.") ends a sentence. */
  private skipDot(word: Word): number {
    return this.text[word.end] === '.' && MONTH_ABBREVIATIONS.has(word.lower) ? word.end + 1 : word.end;
  }

  /** "the 1990s", "the early 1990s", "mid-1990s". */
  private decadeStart(start: number): number {
    let first = start;
    const part = this.before(first);
    if (part && ['early', 'late', 'mid'].includes(part.lower)) first = part.start;
    const the = this.before(first);
    return the?.lower === 'the' ? the.start : first;
  }

  /** A bare four-digit number is a year only where a date is expected: "since 2014", "the 2016 peace deal", "late 2021". */
  private year(word: Word, next: Word | null): Match | null {
    const year = +word.text;
    if (year < 1000 || year > 2099) return null;
    if (/[$€£%]/.test(this.text[word.start - 1] ?? '') || this.text[word.end] === '%') return null;
    if (countsNoun(next)) return null; // "1500 fighters"
    const prev = this.before(word.start);
    // A cue stands apart ("in 2014"; "U-2014" is a name), but for "mid-2025".
    const cue = prev !== null && DATE_CUES.has(prev.lower) && (!prev.joined || prev.lower === 'mid');
    // "the summer of 2014", "resolution 2334 of 2016"; not "a force of 2000".
    const ofHead = prev?.lower === 'of' ? this.before(prev.start) : null;
    const ofPeriod = ofHead !== null && (PERIOD_OF_HEADS.has(ofHead.lower) || UNITS.has(ofHead.lower) || isNumeral(ofHead.text));
    const modern = year >= 1900;
    const accepted =
      (cue && (prev.lower !== 'of' || ofPeriod)) ||
      (modern && next !== null && (YEAR_NOUNS.has(next.lower) || YEAR_VERBS.has(next.lower) || this.namedEvent(next))) ||
      this.continuesYearRange(word.start, prev) ||
      (modern && next?.joined === true && isYear(next.text) && +next.text > year); // "the 2014-2016 war"
    if (!accepted) return null;
    return { start: this.periodStart(this.partStart(word.start)), end: word.end, value: word.text };
  }

  /** "the 2015 Paris Agreement": a capitalised name, then an event noun. */
  private namedEvent(next: Word): boolean {
    if (!isCapitalised(next.text)) return false;
    const head = this.after(next.end);
    return head !== null && isCapitalised(head.text) && YEAR_NOUNS.has(head.lower);
  }

  /** "from 2014 to 2016", "2014-2016", "between 2014 and 2016": the second year of a range. */
  private continuesYearRange(start: number, prev: Word | null): boolean {
    const last = this.found[this.found.length - 1];
    if (!last || !/^\d{3,4}$/.test(last.value ?? '')) return false;
    if (start - last.end === 1 && /[-–—]/.test(this.text[last.end])) return true;
    return prev !== null && ['to', 'and', 'or'].includes(prev.lower) && prev.start - last.end <= 2;
  }

  /** Include "early", "late", "mid" before a month or a year. */
  private partStart(start: number): number {
    const prev = this.before(start);
    return prev && ['early', 'late', 'mid'].includes(prev.lower) ? prev.start : start;
  }

  /** Include "the end of", "the start of" before a period. */
  private periodStart(start: number): number {
    const of = this.before(start);
    if (of?.lower !== 'of') return start;
    const part = this.before(of.start);
    if (!part || !PERIOD_PARTS.has(part.lower)) return start;
    const the = this.before(part.start);
    return the?.lower === 'the' ? the.start : part.start;
  }

  // ---- month names

  private month(word: Word): Match | null {
    if (!isCapitalised(word.text)) return null; // "a march", "may"
    const month = MONTHS.get(word.lower)!;
    const end = this.skipDot(word);
    const next = this.after(end);
    const prev = this.before(word.start);
    const day = next && !next.joined ? dayNumber(next.text) : -1;
    if (day >= 1 && day <= 31 && this.text[next!.end] !== ':') {
      // "the March 23 Movement" is a name, not a date.
      const after = this.after(next!.end);
      if (prev?.lower === 'the' && after && isCapitalised(after.text)) return null;
      const date = this.withYear(word.start, next!.end, month, day);
      return date && { ...date, start: this.periodStart(this.partStart(word.start)) };
    }
    const yearWord = next?.lower === 'of' ? this.after(next.end) : next;
    const yearNext = yearWord && isYear(yearWord.text) && !isWordCharAt(this.text, yearWord.end) ? this.after(yearWord.end) : null;
    if (yearWord && isYear(yearWord.text) && +yearWord.text >= 1000 && !isWordCharAt(this.text, yearWord.end) && !countsNoun(yearNext)) {
      return { start: this.periodStart(this.partStart(word.start)), end: yearWord.end, value: formatMonth(+yearWord.text, month) };
    }
    // A month alone: "in March", "late October", "last May". "May" and "March" need such a cue; a
    // capitalised word beside a name makes it a person's ("June Smith", "Mary April").
    const cued = prev !== null && (DATE_CUES.has(prev.lower) || (prev.lower === 'of' && this.isPeriodOf(prev)));
    const nameFollows = next !== null && !next.joined && isCapitalised(next.text);
    const namePrecedes = prev !== null && prev.lower !== 'the' && isCapitalised(prev.text);
    if (MONTH_ABBREVIATIONS.has(word.lower)) return null;
    if (AMBIGUOUS_MONTHS.has(word.lower) ? !cued || nameFollows : !cued && (nameFollows || namePrecedes)) return null;
    const start = this.periodStart(this.partStart(word.start));
    const relative = prev && ['last', 'next', 'this'].includes(prev.lower) ? prev : null;
    const direction: Direction = relative
      ? { last: 'strictPast', next: 'future', this: 'same' }[relative.lower] as Direction
      : this.tense(word.start);
    // "The rains begin in late June", written on 18 June: the month going on; "next June" is a year on.
    const ongoing = !relative && direction === 'future' && month === this.reference?.month;
    const value = this.reference ? formatMonth(ongoing ? this.reference.year : nearestMonthYear(this.reference, month, direction), month) : undefined;
    return { start: relative ? relative.start : start, end, value };
  }

  /** "the end of", "the summer of", "the first week of": a part of the period that follows. */
  private isPeriodOf(of: Word): boolean {
    const head = this.before(of.start)?.lower ?? '';
    return PERIOD_PARTS.has(head) || PERIOD_OF_HEADS.has(head) || UNITS.has(head);
  }

  /**
   * Future when the clause before the mention says so ("will meet on Tuesday"), past otherwise, and past
   * when a report follows the cue ("he would resign, police said Tuesday").
   */
  private tense(start: number): Direction {
    const clause = this.text.slice(this.clauseStart(start), start);
    const future = clause.search(FUTURE_CUE);
    return future >= 0 && !REPORTED_AFTER.test(clause.slice(future)) ? 'future' : 'past';
  }

  /** Where the clause before `start` begins: after the last ". " or "; " of the 60 characters before it. */
  private clauseStart(start: number): number {
    const from = Math.max(0, start - 60);
    for (let i = start - 2; i >= from; i--) {
      const code = this.text.charCodeAt(i);
      if ((code === 46 || code === 59) && this.text.charCodeAt(i + 1) === 32) return i + 1;
    }
    return from;
  }

  // ---- weekdays

  private weekday(word: Word): Match | null {
    if (!isCapitalised(word.text)) return null;
    const prev = this.before(word.start);
    if (prev && isCapitalised(prev.text) && WEEKDAY_NAME_PREFIXES.has(prev.lower)) return null; // "Good Friday"
    let start = word.start;
    let direction = this.tense(word.start);
    if (prev && ['last', 'next', 'this', 'early', 'late'].includes(prev.lower)) {
      start = prev.start;
      if (prev.lower === 'last') direction = 'strictPast';
      if (prev.lower === 'next') direction = 'future';
    }
    // "Tuesday, May 25" and "Tuesday 25 May": the calendar date decides the value.
    const comma = this.text[word.end] === ',' ? word.end + 1 : word.end;
    const next = this.after(comma);
    if (next && !next.joined) {
      const date = isNumeral(next.text) ? this.dayMonthAt(next) : MONTHS.has(next.lower) ? this.month(next) : null;
      if (date?.value && date.value.length === 10) return { start, end: date.end, value: date.value };
    }
    let end = word.end;
    if (next && PARTS_OF_DAY.has(next.lower) && !next.joined) end = next.end;
    const weekday = WEEKDAYS.get(word.lower)!;
    const day = this.reference ? nearestWeekday(this.reference, weekday, direction === 'same' ? 'past' : direction) : null;
    let value = day ? formatDate(day) : undefined;
    // "Sunday at 3 a.m."
    const at = this.after(end);
    const time = at?.lower === 'at' ? this.after(at.end) : null;
    const clockTime = time && isNumeral(time.text) ? this.time(time.start) : null;
    if (clockTime) {
      end = clockTime.end;
      value = withClock(value, clockTime.clock);
    }
    return { start, end, value };
  }

  // ---- units: durations ("over a year", "48 hours"), relative periods ("last week", "two days ago")

  private unit(word: Word): Match | null {
    if (isCapitalised(word.text)) return null; // "Independence Day", "the Six-Day War"
    const unit = UNITS.get(word.lower)!;
    const next = this.after(word.end);
    const prev = this.before(word.start);
    if (!prev || next?.lower === 'old') return null; // "a 20-year-old", "five years old": an age
    const century = unit.size === 100 && !unit.plural ? /^(\d{1,2})(?:st|nd|rd|th)$/.exec(prev.text) : null;
    if (century) return { start: this.decadeStart(prev.start), end: word.end, value: String(+century[1] - 1).padStart(2, '0') };
    const count = this.count(prev, unit, next);
    if (count) return this.counted(count, unit, word, next);
    if (unit.plural) return null; // bare "weeks", "the coming days": too vague to be useful
    return this.relativePeriod(prev, unit, word);
  }

  /** The count before a unit: "two", "48", "twenty-four", "a few", "a couple of", "several". */
  private count(prev: Word, unit: Unit, next: Word | null): { start: number; n: number | 'X' } | null {
    if (isDecimal(prev.text)) return { start: prev.start, n: +prev.text };
    if (prev.lower === 'some' && unit.plural) return { start: prev.start, n: 'X' };
    let word = prev;
    if (word.lower === 'of') {
      const couple = this.before(word.start);
      if (!couple || !['couple', 'dozen'].includes(couple.lower)) return null;
      word = couple;
    }
    const n = COUNT_WORDS.get(word.lower);
    if (n === undefined || n === 0) return null;
    if (unit.code === 'S' && !unit.plural) return null; // "a second attack"
    let start = word.start;
    let total = n;
    const before = this.before(start);
    if (typeof n === 'number' && n < 10 && before?.joined && TENS_WORDS.has(before.lower)) {
      start = before.start; // "twenty-four hours"
      total = TENS_WORDS.get(before.lower)! + n;
    } else if (['few', 'couple', 'dozen', 'hundred'].includes(word.lower) && ['a', 'an'].includes(before?.lower ?? '')) {
      start = before!.start;
    } else if (word.lower === 'a' || word.lower === 'an') {
      // "twice a day", "$1.2 billion a year", "30,000 people a year": a rate, not a duration.
      if (before && (RATE_WORDS.has(before.lower) || isNumeral(before.text) || (this.isCountedNoun(before) && !RELATIVE_AFTER.has(next?.lower ?? '')))) return null;
    }
    if (n === 1 && unit.plural && word.lower !== 'another') return null;
    return { start, n: total };
  }

  /** A plural noun after a count: "30,000 people", "two meals", "20 flights". */
  private isCountedNoun(noun: Word): boolean {
    if (!COUNT_NOUNS.has(noun.lower) && !(noun.lower.length > 3 && PLURAL_ENDING.test(noun.lower))) return false;
    const count = this.before(noun.start);
    const n = count && COUNT_WORDS.get(count.lower);
    return count !== null && (isNumeral(count.text) || (typeof n === 'number' && n > 1));
  }

  private counted(count: { start: number; n: number | 'X' }, unit: Unit, word: Word, next: Word | null): Match {
    // "two days ago": a point in time.
    if (next?.lower === 'ago') {
      return { start: count.start, end: next.end, value: this.ago(count.n, unit) };
    }
    // "two days later": relative to an event the text names, not to the document date.
    if (next && ['later', 'earlier'].includes(next.lower)) return { start: count.start, end: next.end };
    return { start: this.quantityStart(count.start), end: word.end, value: durationValue(count.n, unit) };
  }

  /** Include "over", "more than", "nearly" or "the past" before a count. */
  private quantityStart(start: number): number {
    const prev = this.before(start);
    if (!prev || prev.joined) return start;
    if (DURATION_MODIFIERS.has(prev.lower)) return prev.start;
    const pair = DURATION_MODIFIER_PAIRS.get(prev.lower);
    if (pair) {
      const first = this.before(prev.start);
      return first && pair.has(first.lower) ? first.start : start;
    }
    if (SPAN_OPENERS.has(prev.lower)) {
      const the = this.before(prev.start);
      return the?.lower === 'the' ? the.start : prev.lower === 'first' ? start : prev.start;
    }
    return start;
  }

  private ago(n: number | 'X', unit: Unit): string | undefined {
    const ref = this.reference;
    if (!ref || n === 'X') return undefined;
    const amount = n * unit.size;
    switch (unit.code) {
      case 'Y':
        return String(ref.year - amount);
      case 'M':
        return monthValue(addMonths(ref, -amount));
      case 'W':
        return isoWeek(addDays(ref, -7 * amount));
      case 'D':
        return formatDate(addDays(ref, -amount));
      case 'H':
        return formatDate(addDays(ref, -Math.floor(amount / 24)));
      default:
        return formatDate(ref);
    }
  }

  /** "last week", "this year", "earlier this month", "the past day", "the same day", "the end of the year". */
  private relativePeriod(prev: Word, unit: Unit, word: Word): Match | null {
    if (prev.joined) return null;
    const end = word.end;
    const ref = this.reference;
    const the = this.before(prev.start);
    if (the?.lower === 'the' && ['past', 'last'].includes(prev.lower)) return { start: the.start, end, value: durationValue(1, unit) };
    if (unit.size !== 1) return null;
    if (the?.lower === 'the') {
      const offset = { same: 0, previous: -1, following: 1, next: 1 }[prev.lower];
      if (offset === undefined) return null;
      // Relative to an event the text names: resolvable only for a day after a full date.
      const lastDay = unit.code === 'D' ? this.lastDay() : null;
      const day = lastDay ? formatDate(addDays(lastDay, offset)) : undefined;
      return { start: the.start, end, value: day };
    }
    if (prev.lower === 'the') {
      // "the start of the year": the current period's part.
      const of = this.before(prev.start);
      if (of?.lower !== 'of' || !this.isPeriodOf(of)) return null;
      return { start: this.periodStart(prev.start), end, value: ref ? periodValue(ref, unit, 0) : undefined };
    }
    const offset = { last: -1, this: 0, next: 1, current: 0 }[prev.lower];
    if (offset === undefined || !['Y', 'M', 'W'].includes(unit.code)) return null;
    const earlier = this.before(prev.start);
    const start = earlier && ['earlier', 'later', 'early', 'late'].includes(earlier.lower) ? earlier.start : prev.start;
    return { start, end, value: ref ? periodValue(ref, unit, offset) : undefined };
  }

  /** "summer 2022", "the summer of 2014", "last winter": TIMEX3 seasons (`2022-SU`). */
  private season(word: Word): Match | null {
    const season = SEASONS.get(word.lower)!;
    const next = this.after(word.end);
    const yearWord = next?.lower === 'of' ? this.after(next.end) : next;
    if (yearWord && isYear(yearWord.text) && !isWordCharAt(this.text, yearWord.end)) {
      return { start: this.decadeStart(word.start), end: yearWord.end, value: `${yearWord.text}-${season.code}` };
    }
    const prev = this.before(word.start);
    const offset = prev ? { last: -1, this: 0, next: 1 }[prev.lower] : undefined;
    if (!prev || offset === undefined) return null;
    const ref = this.reference;
    if (!ref) return { start: prev.start, end: word.end };
    // The latest such season already begun; "last summer" in January is that one, in July the one before.
    const begun = ref.month >= season.month ? ref.year : ref.year - 1;
    const inSeason = (ref.month - season.month + 12) % 12 < 3;
    const year = offset === -1 ? (inSeason ? begun - 1 : begun) : offset === 0 && inSeason ? begun : begun + 1;
    return { start: prev.start, end: word.end, value: `${year}-${season.code}` };
  }

  /** "the weekend", "last weekend": the ISO week's weekend (`2024-W02-WE`). */
  private weekend(word: Word): Match | null {
    const prev = this.before(word.start);
    if (!prev || !['the', 'this', 'last', 'next'].includes(prev.lower)) return null;
    const direction = prev.lower === 'next' ? 'future' : prev.lower === 'last' ? 'strictPast' : this.tense(word.start);
    const saturday = this.reference ? nearestWeekday(this.reference, 6, direction === 'same' ? 'past' : direction) : null;
    return { start: prev.start, end: word.end, value: saturday ? `${isoWeek(saturday)}-WE` : undefined };
  }

  // ---- "yesterday", "today", "this morning", "last night"

  private relativeDay(word: Word): Match | null {
    const prev = this.before(word.start);
    if (prev && isCapitalised(prev.text) && isCapitalised(word.text)) return null; // "USA Today"
    const offset = RELATIVE_DAYS.get(word.lower)!;
    let end = word.end;
    const next = this.after(end);
    if (offset !== null && next && PARTS_OF_DAY.has(next.lower) && !next.joined) end = next.end;
    const value = offset !== null && this.reference ? formatDate(addDays(this.reference, offset)) : undefined;
    return { start: word.start, end, value };
  }

  private partOfDay(word: Word): Match | null {
    const prev = this.before(word.start);
    const offset = prev?.lower === 'this' ? 0 : prev?.lower === 'last' && word.lower === 'night' ? -1 : null;
    if (!prev || offset === null) return null;
    return { start: prev.start, end: word.end, value: this.reference ? formatDate(addDays(this.reference, offset)) : undefined };
  }
}

/** The trigger word at `start` that is the word seen with `id`: no characters read, no string made. */
function seenWordAt(start: number, id: number): Word {
  const text = seenWord(id);
  return { text, lower: seenWordLower(id), start, end: start + text.length, joined: false };
}

function clock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * Whether a clock time can start at the digit at `start`: TIME_12 and TIME_24 both need ':', '.', an
 * "a"/"p", or a space and an "a"/"p", right after the hour's one or two digits. A cheap test that
 * spares most numbers the two regexes.
 */
function mayStartClock(text: string, start: number): boolean {
  const second = text.charCodeAt(start + 1);
  return followsHour(text, start + 1) || (second >= 48 && second <= 57 && followsHour(text, start + 2));
}

function followsHour(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 58 || code === 46) return true; // ':' or '.'
  return isMeridiem(code) || (isRegexSpace(code) && isMeridiem(text.charCodeAt(at + 1)));
}

/** The "a" or "p" of "a.m." and "p.m.", in either case. */
function isMeridiem(code: number): boolean {
  return (code | 32) === 97 || (code | 32) === 112;
}

/** A date with a time of day: `2023-10-08T03:00`; a bare time when the date is unknown. */
function withClock(value: string | undefined, time: string): string | undefined {
  return value && value.length === 10 ? `${value}T${time}` : value;
}

/** A number before this word is a count ("1500 fighters", "2000 people"), not a year. */
function countsNoun(next: Word | null): boolean {
  if (!next || next.joined) return false;
  return COUNT_NOUNS.has(next.lower) || (next.text.length > 3 && /^[a-z]+s$/.test(next.text) && !YEAR_NOUNS.has(next.lower));
}

function compare(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function monthValue(date: Ymd): string {
  return formatMonth(date.year, date.month);
}

/** The period `offset` units from the reference: the year, the month or the ISO week. */
function periodValue(ref: Ymd, unit: Unit, offset: number): string | undefined {
  switch (unit.code) {
    case 'Y':
      return String(ref.year + offset);
    case 'M':
      return monthValue(addMonths(ref, offset));
    case 'W':
      return isoWeek(addDays(ref, 7 * offset));
    case 'D':
      return formatDate(addDays(ref, offset));
    default:
      return undefined;
  }
}

/** TIMEX3 durations: `P2D`, `P30Y` for three decades, `PT48H`; `X` for "several". */
function durationValue(n: number | 'X', unit: Unit): string {
  const time = unit.code === 'H' || unit.code === 'MIN' || unit.code === 'S';
  const designator = unit.code === 'MIN' ? 'M' : unit.code;
  if (n === 'X') {
    const vague = unit.size === 10 ? 'DE' : unit.size === 100 ? 'CE' : designator;
    return `P${time ? 'T' : ''}X${vague}`;
  }
  return `P${time ? 'T' : ''}${n * unit.size}${designator}`;
}
