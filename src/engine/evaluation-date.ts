/** The one date every rule is evaluated against: --as-of, then TRUSTBOOK_AS_OF, then `as_of`, then today (UTC). */
import { isCalendarDate } from '../schema/common.ts';
import { todayUtc } from './dates.ts';
import { UsageError } from './errors.ts';

export type EvaluationDateSource = '--as-of' | 'TRUSTBOOK_AS_OF' | 'program as_of' | 'today';

export interface EvaluationDate {
  date: string;
  source: EvaluationDateSource;
}

export function resolveEvaluationDate(inputs: {
  cli?: string | undefined;
  env?: string | undefined;
  program?: string | undefined;
  today?: string | undefined;
}): EvaluationDate {
  if (inputs.cli !== undefined) return { date: checked(inputs.cli, '--as-of'), source: '--as-of' };
  if (inputs.env) return { date: checked(inputs.env, 'TRUSTBOOK_AS_OF'), source: 'TRUSTBOOK_AS_OF' };
  if (inputs.program) return { date: inputs.program, source: 'program as_of' };
  return { date: inputs.today ?? todayUtc(), source: 'today' };
}

function checked(value: string, name: string): string {
  if (isCalendarDate(value)) return value;
  throw new UsageError(
    `${name} must be a calendar date written YYYY-MM-DD, not "${value}"`,
    'For example: --as-of 2026-11-30',
  );
}
