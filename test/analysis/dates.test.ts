import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import { findDates } from '../../src/analysis/dates';
import { completeDatelineDate } from '../../src/analysis/datesDateline';
import { parseDocument } from '../../src/analysis/document';
import type { Entity } from '../../src/analysis/types';
import { EntityScore, goldDocuments, goldSets } from './goldScore';

const find = (text: string, documentDate: string | null = '2024-01-17') => findDates(text, { documentDate, lexicon: {} });
/** The one date found in `text`, as [span, value]. */
const only = (text: string, documentDate?: string | null) => {
  const found = find(text, documentDate);
  expect(found, text).toHaveLength(1);
  return [found[0].text, found[0].value];
};

// 2024-01-17 is a Wednesday: the week is 2024-W03.
describe('calendar dates', () => {
  it.each([
    ['The talks opened on 2020-05-25 in Geneva.', '2020-05-25', '2020-05-25'],
    ['They met on 25 May 2020.', '25 May 2020', '2020-05-25'],
    ['They met on May 25, 2020, in Cairo.', 'May 25, 2020', '2020-05-25'],
    ['The deal was signed on the 3rd of March 2019.', '3rd of March 2019', '2019-03-03'],
    ['A letter dated 25/05/2020 was read out.', '25/05/2020', '2020-05-25'],
    ['A letter dated 04/03/2020 was read out.', '04/03/2020', '2020-03-04'],
    ['A letter dated 05/25/2020 was read out.', '05/25/2020', '2020-05-25'],
    ['A letter dated 25.05.2020 was read out.', '25.05.2020', '2020-05-25'],
    ['The offensive began in March 2019.', 'March 2019', '2019-03'],
    ['The offensive began in Sept. 2019.', 'Sept. 2019', '2019-09'],
    // A month's name ending a sentence leaves the full stop out, an abbreviation keeps its dot.
    ['The offensive began in June. It failed.', 'June', '2023-06'],
    ['The town fell on Jun. 5, 2019.', 'Jun. 5, 2019', '2019-06-05'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value]);
  });

  it('resolves a day and month without a year to the nearest such day', () => {
    expect(only('The town fell on May 25.', '2020-06-02')).toEqual(['May 25', '2020-05-25']);
    expect(only('Talks resumed on Sept 10 in Doha.', '2021-09-12')).toEqual(['Sept 10', '2021-09-10']);
    expect(only('The town fell on 28 December.', '2021-01-04')).toEqual(['28 December', '2020-12-28']);
    expect(only('Elections are due on 3 January.', '2021-12-20')).toEqual(['3 January', '2022-01-03']);
    expect(only('They have fled since Jan. 3.', '2024-10-16')).toEqual(['Jan. 3', '2024-01-03']);
  });

  it('rejects impossible calendar dates', () => {
    expect(find('It was 2021-02-30 in the files, or 31/31/2020, or 2021-13-01.')).toEqual([]);
  });

  it('keeps a weekday and its calendar date together, with the date deciding the value', () => {
    expect(only('On Tuesday, May 25, 2021, the army withdrew.')).toEqual(['Tuesday, May 25, 2021', '2021-05-25']);
  });
});

describe('weekdays', () => {
  it('resolves a weekday in a past-tense report to the day on or before the document date', () => {
    expect(only('Rebels attacked the town on Tuesday.')).toEqual(['Tuesday', '2024-01-16']);
    expect(only('Rebels attacked the town on Wednesday.')).toEqual(['Wednesday', '2024-01-17']);
    expect(only('Rebels attacked the town on Thursday.')).toEqual(['Thursday', '2024-01-11']);
    expect(only('The strike hit the market on Tuesday afternoon.')).toEqual(['Tuesday afternoon', '2024-01-16']);
  });

  it('looks forward when the clause speaks of the future', () => {
    expect(only('The ministers will meet on Friday.')).toEqual(['Friday', '2024-01-19']);
    expect(only('He said the talks would resume on Friday.')).toEqual(['Friday', '2024-01-19']);
    expect(only('Talks are set for Friday.')).toEqual(['Friday', '2024-01-19']);
    expect(only('The ministers meet next Wednesday.')).toEqual(['next Wednesday', '2024-01-24']);
    expect(only('They met last Wednesday.')).toEqual(['last Wednesday', '2024-01-10']);
    // The present tense of a schedule.
    expect(only('The mission’s mandate expires at the end of June.')).toEqual(['the end of June', '2024-06']);
    expect(only('The summit opens on Monday.')).toEqual(['Monday', '2024-01-22']);
    expect(only('The mandate ended at the end of June.')).toEqual(['the end of June', '2023-06']);
    // The month going on, ahead; "next" is a year on.
    expect(only('The rainy season begins in late January.')).toEqual(['late January', '2024-01']);
    expect(only('They meet again next January.')).toEqual(['next January', '2025-01']);
    // A report after the future's cue dates when it was said.
    expect(only('He said he would resign, police said Friday.')).toEqual(['Friday', '2024-01-12']);
  });

  it('keeps a time that comes with the day', () => {
    expect(only('Drones hit the depot at 3 a.m. on Sunday.', '2023-10-09')).toEqual(['3 a.m. on Sunday', '2023-10-08T03:00']);
    expect(only('Drones hit the depot on Sunday at 11:30 p.m.', '2023-10-09')).toEqual(['Sunday at 11:30 p.m.', '2023-10-08T23:30']);
  });

  it('leaves the value out when there is no document date', () => {
    expect(only('Rebels attacked the town on Tuesday.', null)).toEqual(['Tuesday', undefined]);
  });
});

describe('months, years and decades', () => {
  it.each([
    ['Talks stalled in January.', 'January', '2024-01'],
    ['Talks stalled in March.', 'March', '2023-03'],
    ['Talks stalled in late October.', 'late October', '2023-10'],
    ['The truce is expected to hold until March.', 'March', '2024-03'],
    ['The group has held the area since 2014.', '2014', '2014'],
    ['Troops retook it only in 2021.', '2021', '2021'],
    ['Fighters have been there since late 2021.', 'late 2021', '2021'],
    ['The mission runs to mid-2025.', 'mid-2025', '2025'],
    ['The rebels rejected the 2016 peace deal.', '2016', '2016'],
    ['The rebels rejected the 2015 Paris Agreement.', '2015', '2015'],
    ['Talks used the 1967 borders.', '1967', '1967'],
    ['Militias spread in the 1990s.', 'the 1990s', '199'],
    ['Militias spread in the early 1990s.', 'the early 1990s', '199'],
    ['The units must leave by the end of the year.', 'the end of the year', '2024'],
    ['Forty civilians were killed since the start of the year.', 'the start of the year', '2024'],
    ['The mission ends at the end of March.', 'the end of March', '2024-03'], // a schedule's present tense looks forward
    ['Aid arrived in the first week of March.', 'March', '2023-03'],
    ['The vote cited resolution 2334 of 2016.', '2016', '2016'],
    ['Fighting killed thousands; 2023 was worse.', '2023', '2023'],
    ['Exports fell in the first quarter of 2016.', '2016', '2016'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value]);
  });

  it.each([
    ['The fort was built in the 19th century.', 'the 19th century', '18'],
    ['The offensive stalled in summer 2022.', 'summer 2022', '2022-SU'],
    ['The offensive stalled in the summer of 2014.', 'the summer of 2014', '2014-SU'],
    ['The offensive stalled last summer.', 'last summer', '2023-SU'],
    ['The offensive stalled last winter.', 'last winter', '2022-WI'],
    ['Shelling continued over the weekend.', 'the weekend', '2024-W02-WE'],
    ['Prices rose late last year.', 'late last year', '2023'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value]);
  });

  it('keeps a period relative to an event without inventing its value', () => {
    expect(only('The army withdrew, and the following week the rebels returned.')).toEqual(['the following week', undefined]);
  });

  it('does not take a count after a month for its year', () => {
    expect(only('Since May 2000 people have fled.')).toEqual(['May', '2023-05']);
  });

  it('reads year ranges', () => {
    expect(find('The war lasted from 2014 to 2016.').map((e) => e.value)).toEqual(['2014', '2016']);
    expect(find('In the 2014-2016 war many fled.').map((e) => e.value)).toEqual(['2014', '2016']);
  });
});

describe('relative expressions', () => {
  it.each([
    ['The governor spoke yesterday.', 'yesterday', '2024-01-16'],
    ['The governor speaks today.', 'today', '2024-01-17'],
    ['Shelling continued yesterday morning.', 'yesterday morning', '2024-01-16'],
    ['The strikes resumed last week.', 'last week', '2024-W02'],
    ['The strikes resumed this week.', 'this week', '2024-W03'],
    ['The strikes resumed last month.', 'last month', '2023-12'],
    ['Clashes broke out earlier this month.', 'earlier this month', '2024-01'],
    ['Prices rose this year.', 'this year', '2024'],
    ['Prices rose last year.', 'last year', '2023'],
    ['A drone was shot down two days ago.', 'two days ago', '2024-01-15'],
    ['The town fell three weeks ago.', 'three weeks ago', '2023-W52'],
    ['Two soldiers a year ago were hurt.', 'a year ago', '2023'],
    ['Clashes spread over the past two days.', 'the past two days', 'P2D'],
    ['Fourteen attacks were repelled in the past day.', 'the past day', 'P1D'],
    ['The region suffered in the last decade.', 'the last decade', 'P10Y'],
    ['The town was shelled this morning.', 'this morning', '2024-01-17'],
    ['The town was shelled last night.', 'last night', '2024-01-16'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value]);
  });

  it('resolves "the same day" and "the previous day" against the last full date', () => {
    const found = find('The Houthis claimed on Thursday that a drone was downed on the same day and a boat the previous day.');
    expect(found.map((e) => [e.text, e.value])).toEqual([
      ['Thursday', '2024-01-11'],
      ['the same day', '2024-01-11'],
      ['the previous day', '2024-01-10'],
    ]);
  });

  it('marks overnight without inventing a value', () => {
    expect(only('Militants attacked positions overnight.')).toEqual(['overnight', undefined]);
  });
});

describe('durations', () => {
  it.each([
    ['They aimed to take the capital for over a year.', 'over a year', 'P1Y'],
    ['The country has been at war for nine years.', 'nine years', 'P9Y'],
    ['The region has been violent for three decades.', 'three decades', 'P30Y'],
    ['The conflict has lasted for nearly six decades.', 'nearly six decades', 'P60Y'],
    ['A ceasefire of 48 hours was announced.', '48 hours', 'PT48H'],
    ['A 48-hour ceasefire was announced.', '48-hour', 'PT48H'],
    ['The road has been cut for more than two months.', 'more than two months', 'P2M'],
    ['The town was besieged for a decade.', 'a decade', 'P10Y'],
    ['The town was besieged for several weeks.', 'several weeks', 'PXW'],
    ['The town was besieged for a few days.', 'a few days', 'PXD'],
    ['Talks lasted twenty-four hours.', 'twenty-four hours', 'PT24H'],
    ['If this lasts another week we will starve.', 'another week', 'P1W'],
    ['Fighting lasted at least 90 minutes.', 'at least 90 minutes', 'PT90M'],
    ['The mission has lasted 1.5 years.', '1.5 years', 'P1.5Y'],
    ['Aid was cut for a couple of weeks.', 'a couple of weeks', 'P2W'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value]);
  });

  it('keeps a duration without a count out ("for weeks") as too vague', () => {
    expect(find('They have had no power for weeks, and hours of gunfire followed.')).toEqual([]);
  });
});

describe('false positives', () => {
  it.each([
    'Officials said the talks may resume soon.',
    'May God protect them, the mayor said.',
    'Thousands joined a march through the capital.',
    'March organisers said the route was blocked.',
    'Fighters of the March 23 Movement advanced on the town.',
    'The offensive involved 2,000 people and 1500 fighters.',
    'A force of 2000 troops was sent.',
    'The 1500 fighters crossed the river.',
    'The 2000 Syrian refugees crossed the river.',
    'Veterans of the Second World War and the Six-Day War gathered.',
    'The convoy left at 3 a.m. and arrived at 10:30.',
    'He takes the pills twice a day.',
    'The operation cost $1.2 billion a year, or $300 a day per soldier.',
    'The violence kills 30,000 people a year and grounds 20 flights a day.',
    'Crowds gathered on Independence Day.',
    'Marchers gathered on Good Friday.',
    'The company was founded by Augustine Mayfield.',
    'Each tonne cost $2014, up 2019% on the year before.',
    'COVID-19 spread through the M23 camps.',
    'The report was written by Jan Egeland and April Smith.',
    'The envoy met Mary April in Geneva.',
    'Officials in Aug said nothing.',
    'The fall of the city was a blow.',
    'A 20-year-old man and his wife, five years old when the war began, were hurt.',
  ])('%s', (text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('robustness', () => {
  const wordsOfDates = [
    ' ', ', ', '. ', '-', 'the', 'past', 'two', 'days', 'ago', 'May', '25', '2020', 'on', 'Tuesday', 'in', 'March',
    'since', '1990s', 'over', 'a', 'year', 'last', 'week', '3', 'a.m.', '/', '05', 'of', 'end', 'twenty', 'four',
  ];
  it('never throws, returns exact, ordered, non-overlapping spans', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...wordsOfDates), { maxLength: 40 }), fc.option(fc.constant('2024-02-29')), (parts, date) => {
        const text = parts.join(parts.length % 2 ? ' ' : '');
        const found = find(text, date);
        let end = 0;
        for (const e of found) {
          expect(e.start).toBeGreaterThanOrEqual(end);
          expect(e.end).toBeGreaterThan(e.start);
          expect(text.slice(e.start, e.end)).toBe(e.text);
          end = e.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        for (const e of find(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 300 },
    );
  });

  it('reads pathological runs to the end (their linearity is measured by test/bench/linearity.mjs)', () => {
    for (const unit of ['1 ', 'May ', 'a day ', '2014-', '-'.repeat(7), 'the past two days '.toUpperCase()]) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      for (const e of find(text)) expect(text.slice(e.start, e.end), unit).toBe(e.text);
    }
  });
});

describe('wire dateline', () => {
  const dateOf = (text: string) => {
    const document = parseDocument(text);
    completeDatelineDate(document);
    return document.dateline?.date?.value;
  };

  it('takes the year from the latest full date in the body', () => {
    expect(dateOf('KHARTOUM, April 17 (Reuters) - Fighting erupted on April 15, 2023 and spread.')).toBe('2023-04-17');
    expect(dateOf('GOMA, Jan 2 (AFP) - The offensive began on 28 December 2022 and later in 2019 talks failed.')).toBe('2023-01-02');
  });

  it('keeps a year the dateline gives and leaves the value out when the body has no full date', () => {
    expect(dateOf('KHARTOUM, April 17, 2023 (Reuters) - Fighting spread.')).toBe('2023-04-17');
    expect(dateOf('KHARTOUM, April 17 (Reuters) - Fighting has raged since 2019.')).toBeUndefined();
  });
});

describe('byline date', () => {
  it('dates an article without a dateline by its byline or a date line alone at the top', () => {
    const weekday = (text: string) => analyse(text).entities.find((e) => e.text === 'Friday')?.value;
    const byline = 'Talks stall\n\n*By staff writers — 14 February 2024*\n\nThe envoy said on Friday that talks had stalled.';
    expect(analyse(byline).date).toBe('2024-02-14');
    expect(weekday(byline)).toBe('2024-02-09');
    expect(analyse('Talks stall\n\nPublished: March 3, 2024\n\nThe envoy said on Friday that talks had stalled.').date).toBe('2024-03-03');
    expect(analyse('Talks stall\n\n3 March 2024\n\nThe envoy said on Friday that talks had stalled.').date).toBe('2024-03-03');
  });

  it('takes no date from a paragraph of the story, nor a byline’s month alone', () => {
    expect(analyse('The envoy said on 3 March 2024 that talks had stalled.\n\nThey met on Friday.').date).toBeNull();
    expect(analyse('Talks stall\n\nBy staff writers, March 2024\n\nThey met on Friday.').date).toBeNull();
    // A dateline's date comes first.
    expect(analyse(' date 2023-05-01 Talks stalled.\n\nPublished: March 3, 2024').date).toBe('2023-05-01');
  });
});

// The gold annotations: the recogniser must find their dates and their values.
describe('gold annotations', () => {
  it.each(goldSets)('recall, precision and values on $name', (set) => {
    const score = new EntityScore('date');
    for (const document of goldDocuments(set)) score.add(document, datesOfFile(document.text));
    const valued = score.matched.filter(([gold]) => gold.value);
    expect(score.recall, score.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(score.precision, score.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(valued.filter(([gold, found]) => found.value === gold.value).length / valued.length).toBeGreaterThanOrEqual(0.9);
  });
});

/** What `analyse` does for dates: the dateline's date, then each paragraph against the document date. */
function datesOfFile(text: string): Entity[] {
  const document = parseDocument(text);
  completeDatelineDate(document);
  const date = document.dateline?.date;
  const found: Entity[] = date ? [{ type: 'date', ...date }] : [];
  for (const paragraph of document.paragraphs) {
    for (const e of findDates(text.slice(paragraph.start, paragraph.end), { documentDate: date?.value ?? null, lexicon: {} })) {
      found.push({ ...e, start: e.start + paragraph.start, end: e.end + paragraph.start });
    }
  }
  return found;
}
