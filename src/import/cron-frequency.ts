/**
 * comply schedules a procedure with a cron line (robfig/cron: an optional seconds field first). A schedule that
 * plainly is one of our frequencies is mapped; anything else (several times a day, every other week) is left
 * for a person, since a wrong frequency would change which periods the audit expects evidence for.
 */
import type { Frequency } from '../schema/index.ts';

const shorthands: Record<string, Frequency> = {
  '@daily': 'daily',
  '@midnight': 'daily',
  '@weekly': 'weekly',
  '@monthly': 'monthly',
  '@yearly': 'annual',
  '@annually': 'annual',
};

const isNumber = (field: string) => /^\d+$/.test(field);
const isAny = (field: string) => field === '*' || field === '?';

/** How many months of the year a month field names, or undefined when it is not a plain list or step. */
function monthsNamed(field: string): number | undefined {
  if (isAny(field)) return 12;
  const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
  if (step) return Math.ceil(12 / Number(step[1]));
  if (/^\d+(?:,\d+)*$/.test(field)) return new Set(field.split(',')).size;
  return undefined;
}

export function frequencyFromCron(cron: string): Frequency | undefined {
  const shorthand = shorthands[cron.trim().toLowerCase()];
  if (shorthand) return shorthand;
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 6) fields.shift();
  if (fields.length !== 5) return undefined;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  // More than once a day is not a frequency we can name without a person.
  if (!isNumber(minute) || !isNumber(hour)) return undefined;
  if (isAny(day) && isAny(month) && isAny(weekday)) return 'daily';
  if (isAny(day) && isAny(month) && isNumber(weekday)) return 'weekly';
  if (!isNumber(day) || !isAny(weekday)) return undefined;
  const months = monthsNamed(month);
  if (months === 12) return 'monthly';
  if (months === 4) return 'quarterly';
  if (months === 2) return 'semiannual';
  if (months === 1) return 'annual';
  return undefined;
}
