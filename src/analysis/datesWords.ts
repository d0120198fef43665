// The words the date recogniser knows, lower-cased. General English vocabulary only.

const words = (list: string) => new Set(list.split(' '));

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...'january february march april may june july august september october november december'
    .split(' ')
    .map((name, i) => [name, i + 1] as const),
  ...'jan feb mar apr jun jul aug sep oct nov dec'.split(' ').map((name) => [name, monthOfAbbreviation(name)] as const),
  ['sept', 9],
]);

function monthOfAbbreviation(abbreviation: string): number {
  return 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ').indexOf(abbreviation) + 1;
}

/** Month names that are also common words: alone, a date only after a cue ("in May", not "May God"). */
export const AMBIGUOUS_MONTHS = words('may march');
/** Abbreviations are dates only with a day or a year ("Sept 10", "Jan 2020"). */
export const MONTH_ABBREVIATIONS = words('jan feb mar apr jun jul aug sep sept oct nov dec');

/** TIMEX3 season codes and the month each season begins (northern hemisphere, as wire copy assumes). */
export const SEASONS: ReadonlyMap<string, { code: string; month: number }> = new Map([
  ['spring', { code: 'SP', month: 3 }], ['summer', { code: 'SU', month: 6 }],
  ['autumn', { code: 'FA', month: 9 }], ['winter', { code: 'WI', month: 12 }],
]);

/** 0 = Sunday, as Date#getUTCDay counts. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  'sunday monday tuesday wednesday thursday friday saturday'.split(' ').map((name, i) => [name, i] as const),
);

/** Named days built on a weekday ("Bloody Sunday", "Good Friday"): not a date of this week. */
export const WEEKDAY_NAME_PREFIXES = words('bloody black good holy palm easter super cyber ash maundy shrove blue');

export type UnitCode = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S';

export interface Unit {
  code: UnitCode;
  /** How many of `code` one of this unit is: a decade is 10 years. */
  size: number;
  plural: boolean;
}

const UNIT_LIST: [string, UnitCode, number][] = [
  ['year', 'Y', 1], ['decade', 'Y', 10], ['century', 'Y', 100], ['month', 'M', 1], ['week', 'W', 1],
  ['fortnight', 'W', 2], ['day', 'D', 1], ['hour', 'H', 1], ['minute', 'MIN', 1], ['second', 'S', 1],
];

export const UNITS: ReadonlyMap<string, Unit> = new Map(
  UNIT_LIST.flatMap(([name, code, size]): [string, Unit][] => [
    [name, { code, size, plural: false }],
    [name === 'century' ? 'centuries' : `${name}s`, { code, size, plural: true }],
  ]),
);

const SMALL_NUMBERS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** Counts written as words; `X` is TIMEX3's unspecified quantity ("several weeks" -> PXW). */
export const COUNT_WORDS: ReadonlyMap<string, number | 'X'> = new Map<string, number | 'X'>([
  ...SMALL_NUMBERS.map((w, i) => [w, i] as [string, number]),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as [string, number]),
  ['a', 1], ['an', 1], ['another', 1], ['hundred', 100], ['dozen', 12], ['couple', 2],
  ['several', 'X'], ['few', 'X'], ['many', 'X'],
]);

export const TENS_WORDS: ReadonlyMap<string, number> = new Map(TENS.map((w, i) => [w, (i + 2) * 10]));

/** Words qualifying a duration's size, kept in its span ("over a year", "nearly six decades"). */
export const DURATION_MODIFIERS = words('over nearly almost about around roughly approximately some under only just barely');
/** Two-word modifiers, keyed by their second word: "more than", "at least", "up to". */
export const DURATION_MODIFIER_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['than', words('more less fewer')],
  ['least', words('at')],
  ['most', words('at')],
  ['to', words('up')],
  ['over', words('well just')],
  ['under', words('well just')],
]);

/** "the past two days", "the last week": a duration reaching back to the document date. */
export const SPAN_OPENERS = words('past last previous coming next first');

/** "the start of the year", "the end of March": parts of a period, kept in the span. */
export const PERIOD_PARTS = words('start beginning end middle turn');

/** Words before a bare month or year that make it a date ("in March", "since 2014", "late 2021"). */
export const DATE_CUES = words(
  'in since by until till from before after during through throughout between early late mid last next this of around circa',
);

/** Nouns a bare year may qualify ("the 2016 peace deal", "the 1994 genocide"). */
export const YEAR_NOUNS = words(
  'election elections war wars coup uprising revolution genocide invasion offensive agreement agreements deal accord accords ceasefire truce peace constitution census budget referendum massacre attack attacks earthquake flood floods protests talks polls crisis famine independence law borders convention conventions protocol',
);

/** Verbs a year may be the subject of ("2024 was worse"); a count would be plural ("1500 were"). */
export const YEAR_VERBS = words('was saw marked brought proved became began ended');

/** Nouns after a number that make it a count, not a year ("1500 fighters", "2000 people"). */
export const COUNT_NOUNS = words('people men women children police personnel staff cattle livestock km kg');

/** Heads of "X of 2014" that are time periods ("the summer of 2014"), not counts ("a force of 2000"). */
export const PERIOD_OF_HEADS = words('start beginning end middle turn spring summer autumn fall winter half quarter part rest course');

/** Words before "a" that make "a year" a rate ("twice a day", "$1.2 billion a year"), not a duration. */
export const RATE_WORDS = words('once twice times per every thousand million billion trillion dollars euros pounds percent');

export const PARTS_OF_DAY = words('morning afternoon evening night');

/**
 * Cues before a weekday or month that point forward ("will meet on Tuesday", "next March"), and the
 * present tense of what a schedule holds ("the mandate expires in June", "the summit opens on Monday").
 */
export const FUTURE_CUE =
  /\b(?:will|would|shall|due|scheduled|planned|plans|expected|set (?:to|for)|upcoming|coming|expires|ends|begins|starts|opens|closes|resumes|takes effect)\b|['’]ll\b/i;
