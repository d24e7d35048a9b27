/**
 * Periods an artifact covers and periods an audit window requires: years, halves, quarters, months,
 * ISO weeks and days, each as an inclusive range of calendar dates.
 */
import { memoText } from './memo.ts';
import type { Frequency } from '../schema/common.ts';
import type { PeriodInput } from '../schema/period.ts';
import { addDays, endOfMonth, fromDayNumber, toDayNumber } from './dates.ts';

export interface Period {
  /** How the period is written: `2026-Q1`, `2026-03`, `2026-W05`, `2026-H1`, `2026`, or `start..end`. */
  label: string;
  start: string;
  end: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
/** A year as four digits: `0999`, not `999`, which would neither parse back nor sort as text. */
const yyyy = (year: number) => String(year).padStart(4, '0');

function monthsPeriod(label: string, year: number, firstMonth: number, months: number): Period {
  return { label, start: `${yyyy(year)}-${pad(firstMonth)}-01`, end: endOfMonth(year, firstMonth + months - 1) };
}

/** Monday of ISO week 1 of `year`: the week holding January 4th. */
function isoWeekOneMonday(year: number): number {
  const january4 = toDayNumber(`${yyyy(year)}-01-04`);
  const weekday = (new Date(january4 * 86_400_000).getUTCDay() + 6) % 7; // Monday = 0
  return january4 - weekday;
}

function isoWeekPeriod(year: number, week: number): Period {
  const start = isoWeekOneMonday(year) + (week - 1) * 7;
  return { label: `${yyyy(year)}-W${pad(week)}`, start: fromDayNumber(start), end: fromDayNumber(start + 6) };
}

/** Number of ISO weeks in a year: 53 when December 28th falls in week 53. */
function isoWeeksIn(year: number): number {
  return (toDayNumber(`${yyyy(year)}-12-28`) - isoWeekOneMonday(year)) / 7 + 1;
}

/** The ISO week holding a date. */
function isoWeekOf(date: string): Period {
  const day = toDayNumber(date);
  const year = Number(date.slice(0, 4));
  // Its ISO year is the next one in the last days of December, the previous one in the first days of January.
  // No date of 9999 is in week 1 of year 10000, which `YYYY-MM-DD` cannot even write.
  const isoYear =
    year < 9999 && day >= isoWeekOneMonday(year + 1) ? year + 1 : day >= isoWeekOneMonday(year) ? year : year - 1;
  return isoWeekPeriod(isoYear, Math.floor((day - isoWeekOneMonday(isoYear)) / 7) + 1);
}

/** Parses a period label such as `2026-Q1`; undefined when it is not one (or names a week that does not exist). */
export function parsePeriodLabel(label: string): Period | undefined {
  // Tens of thousands of artifacts name a few dozen periods: each label is worked out once.
  return memoText('period-labels', label, () => parseLabel(label));
}

function parseLabel(label: string): Period | undefined {
  const year = Number(label.slice(0, 4));
  let match: RegExpExecArray | null;
  if (/^\d{4}$/.test(label)) return monthsPeriod(label, year, 1, 12);
  if ((match = /^\d{4}-H([12])$/.exec(label))) return monthsPeriod(label, year, match[1] === '1' ? 1 : 7, 6);
  if ((match = /^\d{4}-Q([1-4])$/.exec(label))) return monthsPeriod(label, year, (Number(match[1]) - 1) * 3 + 1, 3);
  if ((match = /^\d{4}-(0[1-9]|1[0-2])$/.exec(label))) return monthsPeriod(label, year, Number(match[1]), 1);
  if ((match = /^\d{4}-W(\d{2})$/.exec(label))) {
    const week = Number(match[1]);
    return week >= 1 && week <= isoWeeksIn(year) ? isoWeekPeriod(year, week) : undefined;
  }
  return undefined;
}

/** The range a period written in frontmatter covers. */
export function resolvePeriod(period: PeriodInput): Period | undefined {
  if (typeof period === 'string') return parsePeriodLabel(period);
  return { label: `${period.start}..${period.end}`, start: period.start, end: period.end };
}

/** The granularity at which a frequency is checked. Continuous controls are sampled monthly. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';

export function periodUnitOf(frequency: Frequency): PeriodUnit | undefined {
  switch (frequency) {
    case 'daily':
      return 'day';
    case 'weekly':
      return 'week';
    case 'monthly':
    case 'continuous':
      return 'month';
    case 'quarterly':
      return 'quarter';
    case 'semiannual':
      return 'half';
    case 'annual':
      return 'year';
    case 'per-event':
      return undefined;
  }
}

/** The period of a unit that holds a date. */
export function periodContaining(unit: PeriodUnit, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (unit) {
    case 'day':
      return { label: date, start: date, end: date };
    case 'week':
      return isoWeekOf(date);
    case 'month':
      return monthsPeriod(`${yyyy(year)}-${pad(month)}`, year, month, 1);
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return monthsPeriod(`${yyyy(year)}-Q${quarter}`, year, (quarter - 1) * 3 + 1, 3);
    }
    case 'half':
      return month <= 6 ? monthsPeriod(`${yyyy(year)}-H1`, year, 1, 6) : monthsPeriod(`${yyyy(year)}-H2`, year, 7, 6);
    case 'year':
      return monthsPeriod(yyyy(year), year, 1, 12);
  }
}

/** Every period of a unit whose last day falls inside `[start, end]`, in order. */
export function periodsEndingWithin(unit: PeriodUnit, start: string, end: string): Period[] {
  const periods: Period[] = [];
  let period = periodContaining(unit, start);
  const last = toDayNumber(end);
  while (toDayNumber(period.end) <= last) {
    if (period.end >= start) periods.push(period);
    // No later period ends inside the window; and past 9999-12-31 there is no date to go on from.
    if (period.end >= end) break;
    period = periodContaining(unit, addDays(period.end, 1));
  }
  return periods;
}

export function contains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && outer.end >= inner.end;
}
