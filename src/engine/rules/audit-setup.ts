/**
 * The audit itself: a window an audit firm would report on, readiness mode only until the audit begins, and
 * management's assertion once there is something to assert.
 */
import { addDays, addMonths } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
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
  const began =
    audit.type === 'II' ? `the audit window opened ${audit.period?.start}` : `the report date ${audit.date} has passed`;
  return [
    {
      severity: 'warning',
      code: 'TB801',
      file: PROGRAM_FILE,
      line: lineOf(program, 'readiness'),
      subject: { kind: 'program', id: 'readiness' },
      message: `readiness mode no longer applies: ${began}, so missing and stale evidence are errors`,
      hint: 'Remove `readiness: true` from content/program.yaml: from the start of the audit, every finding counts.',
    },
  ];
}

function checkWindowLength(model: ProgramModel): Diagnostic[] {
  const program = model.program;
  const period = program?.data.audit.type === 'II' ? program.data.audit.period : undefined;
  if (!program || !period) return [];
  const shortest = addDays(addMonths(period.start, MIN_WINDOW_MONTHS), -1);
  const longest = addDays(addMonths(period.start, MAX_WINDOW_MONTHS), -1);
  if (period.end >= shortest && period.end <= longest) return [];
  return [
    {
      severity: 'error',
      code: 'TB807',
      file: PROGRAM_FILE,
      line: lineOf(program, 'audit', 'period'),
      subject: { kind: 'program', id: 'audit' },
      message: `the Type II window ${period.start} to ${period.end} is ${period.end < shortest ? `shorter than ${MIN_WINDOW_MONTHS} months` : `longer than ${MAX_WINDOW_MONTHS} months`}`,
      hint: `A SOC 2 Type II report covers a window of ${MIN_WINDOW_MONTHS} to ${MAX_WINDOW_MONTHS} months: set \`audit.period\` to the window agreed with the audit firm (for a point in time, use \`type: I\` with \`date:\`).`,
    },
  ];
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
    return [
      {
        severity: 'error',
        code: 'TB306',
        file: ASSERTION_FILE,
        subject: { kind: 'assertion', id: 'assertion' },
        message: `management's assertion is missing, and the ${audit.type === 'II' ? 'audit window ended' : 'report date was'} ${audit.type === 'II' ? audit.period!.end : audit.date}`,
        hint: "Write content/assertion.mdx: management's statement that the description is fair and the controls were suitably designed (and operated), with `date`, `signed_by` and the `period` (or `as_of`).",
      },
    ];
  }
  const diagnostics: Diagnostic[] = [];
  const mismatch = (message: string, path: string, hint: string) =>
    diagnostics.push({
      severity: 'error',
      code: 'TB307',
      file: assertion.file,
      line: lineOf(assertion, path),
      subject: { kind: 'assertion', id: assertion.id },
      message,
      hint,
    });
  const data = assertion.data;
  if (audit.type === 'II' && audit.period) {
    if (data.period?.start !== audit.period.start || data.period.end !== audit.period.end) {
      mismatch(
        `the assertion speaks for ${data.period ? `${data.period.start} to ${data.period.end}` : 'no period'}, but the audit window is ${audit.period.start} to ${audit.period.end}`,
        data.period ? 'period' : 'date',
        'Set `period: { start, end }` to the audit window in content/program.yaml.',
      );
    }
    if (data.date < audit.period.end) {
      mismatch(
        `the assertion is dated ${data.date}, before the audit window ends (${audit.period.end})`,
        'date',
        'Management asserts on a period once it is over: date the assertion on or after the last day of the window.',
      );
    }
  }
  if (audit.type === 'I' && audit.date && data.as_of !== audit.date) {
    mismatch(
      `the assertion speaks for ${data.as_of ?? 'no date'}, but the Type I report date is ${audit.date}`,
      data.as_of ? 'as_of' : 'date',
      'Set `as_of:` to `audit.date` in content/program.yaml.',
    );
  }
  return diagnostics;
}
