import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import { parsePeriodLabel, periodContaining, periodsEndingWithin } from '../../src/engine/periods.ts';

describe('calendar arithmetic', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30');
  });

  it('converts every day of four centuries to and from day numbers exactly as Date does', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2300-12-31'); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day)
        expect({ day, got: fromDayNumber(day) }).toEqual({ day, got: iso });
    }
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe('periods', () => {
  it('reads every period label', () => {
    expect(parsePeriodLabel('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriodLabel('2026-H2')).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriodLabel('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriodLabel('2028-02')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('follows ISO weeks: week 1 holds January 4th and starts on a Monday', () => {
    expect(parsePeriodLabel('2026-W01')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parsePeriodLabel('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(parsePeriodLabel('2025-W53')).toBeUndefined();
    expect(periodContaining('week', '2027-01-01').label).toBe('2026-W53');
    expect(periodContaining('week', '2024-12-30').label).toBe('2025-W01');
  });

  it('finds the period holding a date', () => {
    expect(periodContaining('quarter', '2026-05-17').label).toBe('2026-Q2');
    expect(periodContaining('half', '2026-07-01').label).toBe('2026-H2');
    expect(periodContaining('month', '2026-12-31').label).toBe('2026-12');
  });

  it('lists the periods whose last day falls in a window', () => {
    const labels = (unit: Parameters<typeof periodsEndingWithin>[0]) =>
      periodsEndingWithin(unit, '2025-12-01', '2026-11-30').map((period) => period.label);
    expect(labels('quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(labels('month')).toHaveLength(12);
    expect(labels('month')[0]).toBe('2025-12');
    expect(labels('month').at(-1)).toBe('2026-11');
    expect(labels('half')).toEqual(['2025-H2', '2026-H1']);
    expect(labels('week')).toHaveLength(52);
  });
});
