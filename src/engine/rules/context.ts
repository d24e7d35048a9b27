/** What every rule receives besides the model: the one evaluation date and the program's settings. */
import { daysBetween } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { EvaluationDateSource } from '../evaluation-date.ts';
import type { SecretState } from '../grants.ts';
import type { ProgramModel } from '../model.ts';

export interface RuleContext {
  /** The evaluation date, YYYY-MM-DD. */
  asOf: string;
  /** Items due within this many days are warnings. */
  warnWithinDays: number;
  /**
   * Readiness mode in effect: missing evidence is a warning. Only before the audit window opens (Type II)
   * or before the report date (Type I); `readiness: true` after that softens nothing.
   */
  readiness: boolean;
  /** Whether the build has a grant secret to encrypt documents under NDA with (never the secret itself). */
  grantSecret: SecretState;
  /** Where the evaluation date came from: anything but `today` pins it. */
  asOfSource: EvaluationDateSource;
  /** True for the build that is deployed (`TRUSTBOOK_DEPLOY`): what would only be a warning elsewhere may not pass. */
  deploy: boolean;
}

/** True once the evaluation date reaches the Type II window or the Type I report date. */
export function auditHasBegun(model: ProgramModel, asOf: string): boolean {
  const audit = model.program?.data.audit;
  const start = audit?.type === 'II' ? audit.period?.start : audit?.date;
  return start !== undefined && asOf >= start;
}

/** The severity of an evidence finding: an error, which readiness mode defers to a marked warning. */
export function evidenceSeverity(context: RuleContext): Pick<Diagnostic, 'severity' | 'deferred'> {
  return context.readiness ? { severity: 'warning', deferred: true } : { severity: 'error' };
}

export type Rule = (model: ProgramModel, context: RuleContext) => Diagnostic[];

export type DueState = { state: 'overdue'; days: number } | { state: 'soon'; days: number } | { state: 'ok' };

/** Whether something due on `due` is overdue, due soon (a warning), or fine, as of the evaluation date. */
export function dueState(due: string, context: RuleContext): DueState {
  const days = daysBetween(context.asOf, due);
  if (days < 0) return { state: 'overdue', days: -days };
  if (days <= context.warnWithinDays) return { state: 'soon', days };
  return { state: 'ok' };
}

export { plural } from '../words.ts';
