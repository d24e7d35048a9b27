/** Calendar arithmetic on `YYYY-MM-DD` strings. No time zones: a date is a day, not an instant. */

const DAY_MS = 86_400_000;

// Days since 1970-01-01 and back, by Howard Hinnant's civil calendar algorithms: plain arithmetic, because
// the check converts dates tens of thousands of times and Date objects dominate its profile otherwise.

export function toDayNumber(date: string): number {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Day number of 9999-12-31, the last day a `YYYY-MM-DD` date can name. */
const LAST_DAY = 2_932_896;

/**
 * The date of a day number. Days after 9999-12-31 are that day: `10000-01-01` is no `YYYY-MM-DD` date, and
 * dates are compared and sliced as text, where it would sort before `2026-01-01` and read as year 1000.
 */
export function fromDayNumber(dayNumber: number): string {
  const shifted = Math.min(dayNumber, LAST_DAY) + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months, clamping to the end of a shorter month (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Last day of the month of a date. */
export function endOfMonth(year: number, month: number): string {
  return fromDayNumber(Date.UTC(year, month, 0) / DAY_MS);
}
