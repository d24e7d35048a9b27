/**
 * The audit itself: a window an audit firm would report on, readiness mode only until the audit begins, and
 * management's assertion once there is something to assert.
 */
import { addDays, addMonths } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import type { AssertionMismatch } from '../findings/catalogue.ts';
import { lineOf, PROGRAM_FILE, type ProgramModel } from '../model.ts';
import type { Rule, RuleContext } from './context.ts';

/** The shortest and longest Type II windows a SOC 2 report covers. */
export const MIN_WINDOW_MONTHS = 3;
export const MAX_WINDOW_MONTHS = 12;

export const ASSERTION_FILE = 'content/assertion.mdx';

export const auditSetupRule: Rule = (model, context) => [
  ...checkReadinessMode(model, context),
  ...checkWindowLength(model),
  ...checkAssertion(model, context),
];

function checkReadinessMode(model: ProgramModel, context: RuleContext): Diagnostic[] {
  const program = model.program;
  if (!program?.data.readiness || context.readiness) return [];
  const audit = program.data.audit;
  const where = {
    file: PROGRAM_FILE,
    line: lineOf(program, 'readiness'),
    subject: { kind: 'program' as const, id: 'readiness' },
  };
  return [finding('TB801', where, audit.type, audit.type === 'II' ? audit.period?.start : audit.date)];
}

function checkWindowLength(model: ProgramModel): Diagnostic[] {
  const program = model.program;
  const period = program?.data.audit.type === 'II' ? program.data.audit.period : undefined;
  if (!program || !period) return [];
  const shortest = addDays(addMonths(period.start, MIN_WINDOW_MONTHS), -1);
  const longest = addDays(addMonths(period.start, MAX_WINDOW_MONTHS), -1);
  if (period.end >= shortest && period.end <= longest) return [];
  const where = {
    file: PROGRAM_FILE,
    line: lineOf(program, 'audit', 'period'),
    subject: { kind: 'program' as const, id: 'audit' },
  };
  const problem = period.end < shortest ? 'short' : 'long';
  const months = { min: MIN_WINDOW_MONTHS, max: MAX_WINDOW_MONTHS };
  return [finding('TB807', where, period.start, period.end, problem, months)];
}

/**
 * Management signs its assertion when the window has ended (Type II) or on the report date (Type I); from
 * then on it is required, and it must speak for the audit's own period.
 */
function checkAssertion(model: ProgramModel, context: RuleContext): Diagnostic[] {
  const program = model.program;
  if (!program) return [];
  const audit = program.data.audit;
  const due = audit.type === 'II' ? (audit.period ? addDays(audit.period.end, 1) : undefined) : audit.date;
  const assertion = model.assertion;
  if (!assertion) {
    if (due === undefined || context.asOf < due || model.knownIds.assertion.size > 0) return [];
    const where = { file: ASSERTION_FILE, subject: { kind: 'assertion' as const, id: 'assertion' } };
    return [finding('TB306', where, audit.type, audit.type === 'II' ? audit.period!.end : audit.date!)];
  }
  const diagnostics: Diagnostic[] = [];
  const mismatch = (path: string, what: AssertionMismatch) =>
    diagnostics.push(
      finding(
        'TB307',
        { file: assertion.file, line: lineOf(assertion, path), subject: { kind: 'assertion', id: assertion.id } },
        what,
      ),
    );
  const data = assertion.data;
  if (audit.type === 'II' && audit.period) {
    if (data.period?.start !== audit.period.start || data.period.end !== audit.period.end) {
      mismatch(data.period ? 'period' : 'date', { field: 'period', asserted: data.period, window: audit.period });
    }
    if (data.date < audit.period.end) {
      mismatch('date', { field: 'date', date: data.date, windowEnd: audit.period.end });
    }
  }
  if (audit.type === 'I' && audit.date && data.as_of !== audit.date) {
    mismatch(data.as_of ? 'as_of' : 'date', { field: 'as_of', asserted: data.as_of, reportDate: audit.date });
  }
  return diagnostics;
}
