// Calendar arithmetic for resolving date mentions against the document date. Everything is done on
// UTC dates built from ISO strings, so the local time zone never shifts a day.

const DAY_MS = 86_400_000;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** `2020-05-25` -> {2020, 5, 25}, or null when the string is not a real calendar date. */
export function parseIsoDate(iso: string | null | undefined): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const ymd = { year: +m[1], month: +m[2], day: +m[3] };
  return isRealDate(ymd) ? ymd : null;
}

export function isRealDate({ year, month, day }: Ymd): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

function toTime({ year, month, day }: Ymd): number {
  return Date.UTC(year, month - 1, day);
}

function fromTime(time: number): Ymd {
  const d = new Date(time);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// Days since 1970-01-01 counted by hand (H. Hinnant's `days_from_civil` and `civil_from_days`): a
// Date per step costs five times as much, and most mentions resolve a day or a weekday. Date keeps the
// cases it reads its own way: years 0-99 (as 1900-1999), fractions of a day, and days out of its range.

/** The last day a Date can hold, counted from 1970-01-01 either way. */
const MAX_DAYS = 100_000_000;

function toDays(date: Ymd): number {
  if (!isCountableDate(date)) return toTime(date) / DAY_MS;
  const { year, month, day } = date;
  const y = month <= 2 ? year - 1 : year; // years start in March: the leap day ends them
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a whole number of days within Date's range. */
function fromDays(days: number): Ymd {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whole numbers, a month of the year, a day near it, in a year Date reads as itself and holds. */
function isCountableDate({ year, month, day }: Ymd): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && year >= 100 && year <= 200_000 && month >= 1 && month <= 12 && Math.abs(day) <= 1000;
}

function isCountable(days: number): boolean {
  return Number.isInteger(days) && Math.abs(days) <= MAX_DAYS;
}

export function addDays(date: Ymd, days: number): Ymd {
  const sum = toDays(date) + days;
  // A fraction of a day can round away in the sum (1000 - 2e-12 days): only whole days are counted.
  return Number.isInteger(days) && isCountable(sum) ? fromDays(sum) : fromTime(toTime(date) + days * DAY_MS);
}

/** Months are added on the first of the month, so only year and month of the result are meaningful. */
export function addMonths(date: Ymd, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: Ymd): number {
  const days = toDays(date);
  return isCountable(days) ? (((days + 4) % 7) + 7) % 7 : new Date(toTime(date)).getUTCDay(); // 1970-01-01 was a Thursday
}

/** ISO 8601 week, `2024-W05`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Ymd): string {
  const thursday = addDays(date, 3 - ((weekdayOf(date) + 6) % 7));
  const week = Math.floor((toTime(thursday) - Date.UTC(thursday.year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/**
 * The given weekday nearest the reference in one direction: `past` is on or before it (a report
 * written on a Monday about "Monday" means that day), `future` strictly after it, `strictPast` (for
 * "last Tuesday") strictly before it.
 */
export function nearestWeekday(reference: Ymd, weekday: number, direction: 'past' | 'strictPast' | 'future'): Ymd {
  const today = weekdayOf(reference);
  if (direction === 'future') return addDays(reference, ((weekday - today + 6) % 7) + 1);
  const back = (today - weekday + 7) % 7;
  return addDays(reference, direction === 'strictPast' && back === 0 ? -7 : -back);
}

/** The year of the given month nearest the reference: the latest not after it, or the next one for the future. */
export function nearestMonthYear(reference: Ymd, month: number, direction: 'past' | 'strictPast' | 'future' | 'same'): number {
  switch (direction) {
    case 'same':
      return reference.year;
    case 'future':
      return month > reference.month ? reference.year : reference.year + 1;
    case 'strictPast':
      return month < reference.month ? reference.year : reference.year - 1;
    default:
      return month <= reference.month ? reference.year : reference.year - 1;
  }
}
