/**
 * Periods at their edges: the first and last day of a month (28, 29, 30 or 31 days long, the leap day
 * 2028-02-29), of a quarter, a half, a year and an ISO week, and the windows that begin or end on one of them.
 * Each boundary is held on the day it moves and on the day beside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import {
  contains,
  parsePeriodLabel,
  periodContaining,
  periodsEndingWithin,
  periodUnitOf,
  resolvePeriod,
  type Period,
  type PeriodUnit,
} from '../../src/engine/periods.ts';

const UNITS: PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'half', 'year'];

/** Any date from 1990 to 2060. */
const anyDate = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);

const period = (label: string, start: string, end: string): Period => ({ label, start, end });

describe('the period holding a date', () => {
  it('starts on the first day and ends on the last day of its month, 28 to 31 days long', () => {
    expect(periodContaining('month', '2026-01-31')).toEqual(period('2026-01', '2026-01-01', '2026-01-31'));
    expect(periodContaining('month', '2026-02-01')).toEqual(period('2026-02', '2026-02-01', '2026-02-28'));
    expect(periodContaining('month', '2028-02-29')).toEqual(period('2028-02', '2028-02-01', '2028-02-29'));
    expect(periodContaining('month', '2028-03-01')).toEqual(period('2028-03', '2028-03-01', '2028-03-31'));
    expect(periodContaining('month', '2026-04-30')).toEqual(period('2026-04', '2026-04-01', '2026-04-30'));
    expect(periodContaining('month', '2026-12-31')).toEqual(period('2026-12', '2026-12-01', '2026-12-31'));
  });

  it('finds the quarter of every month, from its first day to its last', () => {
    const quarters = [
      period('2028-Q1', '2028-01-01', '2028-03-31'),
      period('2028-Q2', '2028-04-01', '2028-06-30'),
      period('2028-Q3', '2028-07-01', '2028-09-30'),
      period('2028-Q4', '2028-10-01', '2028-12-31'),
    ];
    for (let month = 1; month <= 12; month++) {
      const quarter = quarters[Math.floor((month - 1) / 3)]!;
      expect(periodContaining('quarter', `2028-${String(month).padStart(2, '0')}-15`)).toEqual(quarter);
    }
    expect(periodContaining('quarter', '2028-03-31')).toEqual(quarters[0]);
    expect(periodContaining('quarter', '2028-04-01')).toEqual(quarters[1]);
  });

  it('puts June 30th in the first half and July 1st in the second', () => {
    expect(periodContaining('half', '2026-06-30')).toEqual(period('2026-H1', '2026-01-01', '2026-06-30'));
    expect(periodContaining('half', '2026-07-01')).toEqual(period('2026-H2', '2026-07-01', '2026-12-31'));
    expect(periodContaining('half', '2026-01-01').label).toBe('2026-H1');
    expect(periodContaining('half', '2026-12-31').label).toBe('2026-H2');
  });

  it('is the calendar year for a year, and the day itself for a day', () => {
    expect(periodContaining('year', '2028-02-29')).toEqual(period('2028', '2028-01-01', '2028-12-31'));
    expect(periodContaining('day', '2028-02-29')).toEqual(period('2028-02-29', '2028-02-29', '2028-02-29'));
  });

  it('writes a year before 1000 with four digits', () => {
    expect(periodContaining('month', '0999-03-05')).toEqual(period('0999-03', '0999-03-01', '0999-03-31'));
    expect(periodContaining('quarter', '0999-03-05').label).toBe('0999-Q1');
    expect(periodContaining('half', '0999-03-05').label).toBe('0999-H1');
    expect(periodContaining('half', '0999-09-05').label).toBe('0999-H2');
    expect(periodContaining('year', '0999-03-05')).toEqual(period('0999', '0999-01-01', '0999-12-31'));
    expect(periodContaining('week', '0999-03-05').label).toMatch(/^0999-W\d\d$/);
  });

  it('holds the date, for any unit and date, and its neighbours begin the day after it ends', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), anyDate, (unit, date) => {
        const found = periodContaining(unit, date);
        expect(found.start <= date && date <= found.end).toBe(true);
        expect(periodContaining(unit, found.start)).toEqual(found);
        expect(periodContaining(unit, found.end)).toEqual(found);
        expect(periodContaining(unit, addDays(found.end, 1)).start).toBe(addDays(found.end, 1));
        expect(periodContaining(unit, addDays(found.start, -1)).end).toBe(addDays(found.start, -1));
        expect(parsePeriodLabel(found.label) ?? found).toEqual(found);
      }),
    );
  });
});

describe('ISO weeks', () => {
  it('start on a Monday and last seven days', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const week = periodContaining('week', date);
        expect(new Date(`${week.start}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(daysBetween(week.start, week.end)).toBe(6);
      }),
    );
  });

  it('number week 1 as the week holding January 4th, whatever weekday it falls on', () => {
    // January 4th of 2021 to 2027 falls on each day of the week once.
    for (let year = 2021; year <= 2027; year++) {
      const week = periodContaining('week', `${year}-01-04`);
      expect(week.label).toBe(`${year}-W01`);
      expect(periodContaining('week', addDays(week.start, -1)).label).toMatch(new RegExp(`^${year - 1}-W5[23]$`));
    }
  });

  it('put the Monday that starts week 1 in the new year, and the Sunday before it in the old one', () => {
    expect(periodContaining('week', '2024-12-30')).toEqual(period('2025-W01', '2024-12-30', '2025-01-05'));
    expect(periodContaining('week', '2024-12-29')).toEqual(period('2024-W52', '2024-12-23', '2024-12-29'));
    expect(periodContaining('week', '2027-01-01')).toEqual(period('2026-W53', '2026-12-28', '2027-01-03'));
    expect(periodContaining('week', '2027-01-04')).toEqual(period('2027-W01', '2027-01-04', '2027-01-10'));
  });

  it('go to week 53 in a year whose December 28th falls in it, and to week 52 otherwise', () => {
    expect(parsePeriodLabel('2026-W53')).toEqual(period('2026-W53', '2026-12-28', '2027-01-03'));
    expect(parsePeriodLabel('2026-W52')).toEqual(period('2026-W52', '2026-12-21', '2026-12-27'));
    expect(parsePeriodLabel('2025-W53')).toBeUndefined();
    expect(parsePeriodLabel('2025-W52')).toEqual(period('2025-W52', '2025-12-22', '2025-12-28'));
    expect(parsePeriodLabel('2026-W01')).toEqual(period('2026-W01', '2025-12-29', '2026-01-04'));
    expect(parsePeriodLabel('2026-W00')).toBeUndefined();
    expect(parsePeriodLabel('2026-W54')).toBeUndefined();
  });

  it('reach the last day a date can name, where the last week is cut short', () => {
    expect(periodContaining('week', '9999-12-31')).toEqual(period('9999-W52', '9999-12-27', '9999-12-31'));
    expect(periodContaining('week', '9999-12-26')).toEqual(period('9999-W51', '9999-12-20', '9999-12-26'));
  });
});

describe('period labels', () => {
  it('read years, halves, quarters and months from their first to their last day', () => {
    expect(parsePeriodLabel('2028')).toEqual(period('2028', '2028-01-01', '2028-12-31'));
    expect(parsePeriodLabel('2028-H1')).toEqual(period('2028-H1', '2028-01-01', '2028-06-30'));
    expect(parsePeriodLabel('2028-H2')).toEqual(period('2028-H2', '2028-07-01', '2028-12-31'));
    expect(parsePeriodLabel('2028-Q1')).toEqual(period('2028-Q1', '2028-01-01', '2028-03-31'));
    expect(parsePeriodLabel('2028-Q2')).toEqual(period('2028-Q2', '2028-04-01', '2028-06-30'));
    expect(parsePeriodLabel('2028-Q4')).toEqual(period('2028-Q4', '2028-10-01', '2028-12-31'));
    expect(parsePeriodLabel('2028-02')).toEqual(period('2028-02', '2028-02-01', '2028-02-29'));
    expect(parsePeriodLabel('2027-02')).toEqual(period('2027-02', '2027-02-01', '2027-02-28'));
    expect(parsePeriodLabel('2028-01')).toEqual(period('2028-01', '2028-01-01', '2028-01-31'));
    expect(parsePeriodLabel('2028-09')).toEqual(period('2028-09', '2028-09-01', '2028-09-30'));
    expect(parsePeriodLabel('2028-10')).toEqual(period('2028-10', '2028-10-01', '2028-10-31'));
    expect(parsePeriodLabel('2028-12')).toEqual(period('2028-12', '2028-12-01', '2028-12-31'));
  });

  it('read the same label the same way every time', () => {
    expect(parsePeriodLabel('2029-Q3')).toEqual(period('2029-Q3', '2029-07-01', '2029-09-30'));
    expect(parsePeriodLabel('2029-Q3')).toEqual(period('2029-Q3', '2029-07-01', '2029-09-30'));
    expect(parsePeriodLabel('2029-Q5')).toBeUndefined();
    expect(parsePeriodLabel('2029-Q5')).toBeUndefined();
  });

  it('refuse what is not a period', () => {
    for (const label of [
      '',
      '202',
      '20261',
      'x2026',
      '2026-',
      '2026-H0',
      '2026-H3',
      '2026-H1x',
      '2026-Q0',
      '2026-Q5',
      '2026-Q1x',
      'x2026-Q1',
      'x2026-H1',
      '2026-00',
      '2026-13',
      '2026-1',
      '2026-011',
      'x2026-01',
      '2026-W1',
      '2026-W001',
      '2026-W011',
      'x2026-W01',
      '2026-Wxx',
      'abcd',
      'abcd-Q1',
      'abcd-01',
      'abcd-H1',
      'abcd-W01',
      '12026',
      '12026-H1',
      '12026-Q1',
      '12026-01',
      '12026-W01',
      '2026-W+1',
      '2026-W 1',
    ])
      expect(parsePeriodLabel(label), label).toBeUndefined();
  });

  it('take a range written out as it is', () => {
    expect(resolvePeriod({ start: '2026-01-15', end: '2026-02-14' })).toEqual(
      period('2026-01-15..2026-02-14', '2026-01-15', '2026-02-14'),
    );
    expect(resolvePeriod('2026-Q1')).toEqual(period('2026-Q1', '2026-01-01', '2026-03-31'));
    expect(resolvePeriod('2026-Q9')).toBeUndefined();
  });
});

describe('the unit a frequency is checked at', () => {
  it('is one per frequency, monthly for continuous controls, none for per-event ones', () => {
    expect(periodUnitOf('daily')).toBe('day');
    expect(periodUnitOf('weekly')).toBe('week');
    expect(periodUnitOf('monthly')).toBe('month');
    expect(periodUnitOf('continuous')).toBe('month');
    expect(periodUnitOf('quarterly')).toBe('quarter');
    expect(periodUnitOf('semiannual')).toBe('half');
    expect(periodUnitOf('annual')).toBe('year');
    expect(periodUnitOf('per-event')).toBeUndefined();
  });
});

describe('the periods ending within a window', () => {
  const labels = (unit: PeriodUnit, start: string, end: string) =>
    periodsEndingWithin(unit, start, end).map((p) => p.label);

  it("count a period ending on the window's first day, and not one ending the day before", () => {
    expect(labels('month', '2026-03-31', '2026-05-15')).toEqual(['2026-03', '2026-04']);
    expect(labels('month', '2026-04-01', '2026-05-15')).toEqual(['2026-04']);
    expect(labels('quarter', '2026-03-31', '2026-06-29')).toEqual(['2026-Q1']);
  });

  it("count a period ending on the window's last day, and not one ending the day after", () => {
    expect(labels('month', '2026-01-01', '2026-02-28')).toEqual(['2026-01', '2026-02']);
    expect(labels('month', '2026-01-01', '2026-02-27')).toEqual(['2026-01']);
    expect(labels('month', '2028-01-01', '2028-02-28')).toEqual(['2028-01']);
    expect(labels('month', '2028-01-01', '2028-02-29')).toEqual(['2028-01', '2028-02']);
    expect(labels('quarter', '2026-01-01', '2026-12-31')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(labels('quarter', '2026-01-01', '2026-12-30')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(labels('year', '2026-01-01', '2026-12-31')).toEqual(['2026']);
    expect(labels('year', '2026-01-01', '2026-12-30')).toEqual([]);
    expect(labels('day', '2026-01-30', '2026-02-01')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
  });

  it('are exactly the periods whose last day is in the window, one after the other, for any window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), anyDate, fc.integer({ min: 0, max: 800 }), (unit, start, length) => {
        const end = addDays(start, length);
        const found = periodsEndingWithin(unit, start, end);
        const expected: Period[] = [];
        for (let p = periodContaining(unit, start); p.end <= end; p = periodContaining(unit, addDays(p.end, 1)))
          if (p.end >= start) expected.push(p);
        expect(found).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('end at 9999-12-31, the last day a date can name', () => {
    expect(labels('month', '9999-11-01', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(labels('day', '9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(labels('year', '9999-01-01', '9999-12-31')).toEqual(['9999']);
  });
});

describe('a period containing another', () => {
  it('includes one that shares its first or last day, and not one a day longer', () => {
    const q1 = period('2026-Q1', '2026-01-01', '2026-03-31');
    expect(contains(q1, period('2026-01', '2026-01-01', '2026-01-31'))).toBe(true);
    expect(contains(q1, period('2026-03', '2026-03-01', '2026-03-31'))).toBe(true);
    expect(contains(q1, q1)).toBe(true);
    expect(contains(q1, period('x', '2025-12-31', '2026-01-31'))).toBe(false);
    expect(contains(q1, period('x', '2026-03-01', '2026-04-01'))).toBe(false);
    expect(contains(period('2026-01', '2026-01-01', '2026-01-31'), q1)).toBe(false);
  });
});
