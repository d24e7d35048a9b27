/**
 * Expiry: everything past its date is an error, everything due within `warn_within_days` a warning.
 * Dates are evaluated here on every run, never in a schema, because cached documents skip validation.
 */
import { deadlines, type Deadline } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { dueState, evidenceSeverity, plural, type Rule, type RuleContext } from './context.ts';

/** The finding for one deadline: an error once past it, a warning when it is close, else nothing. */
export function deadlineFinding(deadline: Deadline, context: RuleContext): Diagnostic | undefined {
  const state = dueState(deadline.due, context);
  if (state.state === 'ok' || (state.state === 'soon' && !deadline.warnAhead)) return undefined;
  const base = {
    code: deadline.code,
    file: deadline.file,
    line: deadline.line,
    hint: deadline.hint,
    subject: deadline.subject,
  };
  if (state.state === 'overdue') {
    return {
      ...base,
      ...(deadline.softInReadiness ? evidenceSeverity(context) : { severity: 'error' as const }),
      message: `${deadline.what} was due ${deadline.due}, ${plural(state.days, 'day')} ago`,
    };
  }
  return {
    ...base,
    severity: 'warning',
    message: `${deadline.what} is due ${deadline.due}, in ${plural(state.days, 'day')}`,
  };
}

export const expiryRule: Rule = (model, context) =>
  deadlines(model, context.asOf).flatMap((deadline) => deadlineFinding(deadline, context) ?? []);
