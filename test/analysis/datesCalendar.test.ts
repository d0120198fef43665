import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeek, weekdayOf, type Ymd } from '../../src/analysis/datesCalendar';

// The calendar counts days by hand rather than with a Date per step: it must give what Date gives,
// for every date a mention can produce (years 0-99, which Date reads as 1900-1999, fractions of a day,
// far past and future included).

const DAY_MS = 86_400_000;
const byDate = {
  addDays: (date: Ymd, days: number): Ymd => {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  },
  weekdayOf: (date: Ymd): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(),
};

const dates = fc.record({
  year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: 0, max: 120 })),
  month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: -20, max: 20 })),
  day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -2000, max: 2000 })),
});
const offsets = fc.oneof(
  fc.integer({ min: -800, max: 800 }),
  fc.integer({ min: -120_000_000, max: 120_000_000 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.constantFrom(NaN, Infinity, 1e20),
);

describe('calendar arithmetic', () => {
  it('adds a fraction of a day that rounds away in a sum of days as Date does', () => {
    const date = { year: 2012, month: 0, day: 77 }; // a month out of range: counted through Date's time
    expect(addDays(date, 999.9999999999982)).toEqual(byDate.addDays(date, 999.9999999999982));
    expect(addDays({ year: 2012, month: 3, day: 17 }, 999.9999999999982)).toEqual(byDate.addDays({ year: 2012, month: 3, day: 17 }, 999.9999999999982));
  });

  it('adds days as Date does', () => {
    fc.assert(
      fc.property(dates, offsets, (date, days) => {
        expect(addDays(date, days)).toEqual(byDate.addDays(date, days));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the weekday as Date does', () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(weekdayOf(date)).toBe(byDate.weekdayOf(date));
      }),
      { numRuns: 5000 },
    );
  });

  it('numbers ISO weeks', () => {
    expect(isoWeek({ year: 2024, month: 1, day: 1 })).toBe('2024-W01');
    expect(isoWeek({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
    expect(isoWeek({ year: 2026, month: 12, day: 31 })).toBe('2026-W53');
  });
});
