/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, held against the platform's own calendar (`Date` in UTC) over the
 * edges that move: month ends of 28, 29, 30 and 31 days, leap days (2028-02-29; 1900 and 2100 have none, 2000
 * has one), the turn of a year, years before 1000 and the last day a date can name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  endOfMonth,
  fromDayNumber,
  toDayNumber,
  todayUtc,
} from '../../src/engine/dates.ts';

const DAY_MS = 86_400_000;

/** The date of a day number as `Date` writes it, for years 0000 to 9999. */
const isoOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** Day numbers of 0000-01-01 and 9999-12-31, the first and last day a `YYYY-MM-DD` date can name. */
const FIRST = -719_528;
const LAST = 2_932_896;

describe('day numbers', () => {
  it('count from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('0000-01-01')).toBe(FIRST);
    expect(toDayNumber('9999-12-31')).toBe(LAST);
  });

  it('agree with Date on every day of the years where the leap rules turn', () => {
    // Divisible by 4, 100 and 400 or not, the first and last years a date can name, and the era's first year.
    const years = [0, 1, 399, 400, 999, 1600, 1899, 1900, 1969, 1970, 2000, 2026, 2027, 2028, 2100, 2400, 9999];
    for (const year of years) {
      const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
      for (let day = Math.max(first - 1, FIRST); day <= Math.min(first + 366, LAST); day++) {
        const iso = isoOf(day);
        if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day)
          expect({ day, date: fromDayNumber(day), back: toDayNumber(iso) }).toEqual({ day, date: iso, back: day });
      }
    }
  });

  it('agree with Date on any day from 0000-01-01 to 9999-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (day) => {
        expect(fromDayNumber(day)).toBe(isoOf(day));
        expect(toDayNumber(isoOf(day))).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('write years before 1000 with four digits', () => {
    expect(fromDayNumber(toDayNumber('0999-12-31'))).toBe('0999-12-31');
    expect(fromDayNumber(FIRST)).toBe('0000-01-01');
    expect(fromDayNumber(toDayNumber('0400-02-29'))).toBe('0400-02-29');
  });

  it('stop at 9999-12-31: a later day is that day, never a five-digit year', () => {
    expect(fromDayNumber(LAST)).toBe('9999-12-31');
    expect(fromDayNumber(LAST + 1)).toBe('9999-12-31');
    expect(fromDayNumber(LAST + 400)).toBe('9999-12-31');
    expect(addDays('9999-12-31', 1)).toBe('9999-12-31');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });
});

describe('addDays and daysBetween', () => {
  it('step over month ends and the leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('count whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('are inverse: adding the days between two dates leads from one to the other', () => {
    const date = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, date, (from, to) => {
        expect(addDays(from, daysBetween(from, to))).toBe(to);
        expect(daysBetween(to, from) + daysBetween(from, to)).toBe(0);
      }),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30');
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });

  it('clamps to the last day of a shorter month: 28, 29 or 30 days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
  });

  it('lands in the month asked for, on the same day or the last day of that month', () => {
    const date = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: -36, max: 36 }), (from, months) => {
        const to = addMonths(from, months);
        const [year, month, day] = from.split('-').map(Number) as [number, number, number];
        const index = year * 12 + month - 1 + months;
        const last = endOfMonth(Math.floor(index / 12), (index % 12) + 1);
        expect(to.slice(0, 7)).toBe(last.slice(0, 7));
        expect(Number(to.slice(8))).toBe(Math.min(day, Number(last.slice(8))));
      }),
    );
  });
});

describe('endOfMonth', () => {
  it('is the 28th, 29th, 30th or 31st', () => {
    expect(endOfMonth(2026, 1)).toBe('2026-01-31');
    expect(endOfMonth(2026, 2)).toBe('2026-02-28');
    expect(endOfMonth(2028, 2)).toBe('2028-02-29');
    expect(endOfMonth(2100, 2)).toBe('2100-02-28');
    expect(endOfMonth(2000, 2)).toBe('2000-02-29');
    expect(endOfMonth(2026, 4)).toBe('2026-04-30');
    expect(endOfMonth(2026, 12)).toBe('2026-12-31');
  });

  it('is the day before the first of the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
        expect(endOfMonth(year, month)).toBe(addDays(next, -1));
      }),
    );
  });
});

describe('todayUtc', () => {
  it('is the UTC date of the instant, whatever its hour', () => {
    expect(todayUtc(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(todayUtc(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(todayUtc(new Date('2026-02-28T23:30:00-02:00'))).toBe('2026-03-01');
  });
});
