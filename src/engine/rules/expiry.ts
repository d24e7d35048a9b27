/**
 * Expiry: everything past its date is an error, everything due within `warn_within_days` a warning.
 * Dates are evaluated here on every run, never in a schema, because cached documents skip validation.
 */
import { deadlines, type Deadline } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { dueState, evidenceSeverity, type Rule, type RuleContext } from './context.ts';

/** The finding for one deadline: an error once past it, a warning when it is close, else nothing. */
export function deadlineFinding(deadline: Deadline, context: RuleContext): Diagnostic | undefined {
  const state = dueState(deadline.due, context);
  if (state.state === 'ok' || (state.state === 'soon' && !deadline.warnAhead)) return undefined;
  const overdue = state.state === 'overdue';
  const severity = !overdue
    ? { severity: 'warning' as const }
    : deadline.softInReadiness
      ? evidenceSeverity(context)
      : { severity: 'error' as const };
  const where = { ...severity, file: deadline.file, line: deadline.line, subject: deadline.subject };
  const { what, due, hint } = deadline;
  return finding(deadline.code, where, { what, due, days: state.days, overdue, hint });
}

export const expiryRule: Rule = (model, context) =>
  deadlines(model, context.asOf).flatMap((deadline) => deadlineFinding(deadline, context) ?? []);
