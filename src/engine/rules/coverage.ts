/**
 * Coverage: every criterion of every in-scope category has a control in operation, or an exclusion an
 * auditor would accept. Excluding is never a way around coverage: common criteria apply to every SOC 2
 * examination, a whole category cannot be excluded, and a reason has to say something.
 */
import { categoryLabels, type Category, type Criterion } from '../../catalog/index.ts';
import { computeCoverage, type CategoryCoverage } from '../coverage.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, PROGRAM_FILE, unvalidatedStrings, type ProgramModel } from '../model.ts';
import { describeSpan, type DateSpan } from '../spans.ts';
import type { Rule } from './context.ts';

export const coverageRule: Rule = (model, context) => {
  const program = model.program;
  if (!program) return [];
  // A control that failed its schema still names its criteria; its own finding fails the check already.
  const claimed = new Set(unvalidatedStrings(model, 'control', 'criteria'));
  const coverage = computeCoverage(model, context.asOf);
  const wholeCategories = new Set(
    coverage
      .filter(({ criteria }) => criteria.every((entry) => entry.exclusion !== undefined))
      .map(({ category }) => category),
  );
  const gaps = model.unparsed.has('control')
    ? []
    : coverage.flatMap(({ category, criteria }) =>
        criteria
          .filter((entry) => entry.controls.length === 0 && !entry.exclusion && !claimed.has(entry.criterion.id))
          .map(({ criterion }): Diagnostic => ({
            severity: 'error',
            code: 'TB301',
            file: PROGRAM_FILE,
            line: lineOf(program, 'scope'),
            subject: { kind: 'program', id: criterion.id },
            message: `${criterion.id} (${criterion.label}) has no implemented control, and ${categoryLabels[category].toLowerCase()} is in scope`,
            hint: `Add \`${criterion.id}\` to the \`criteria\` of an implemented control in content/controls/, or list it in \`excluded_criteria\` with the reason it does not apply.`,
          })),
      );
  const stretches = model.unparsed.has('control') ? [] : uncoveredStretches(model, coverage, claimed);
  return [...gaps, ...stretches, ...checkExclusions(model, coverage, wholeCategories)];
};

/**
 * Type II: the stretches of the window in which a criterion with controls had none in operation (TB314), or
 * none that operated effectively (TB315). A criterion without any control is TB301's alone. Criteria left
 * uncovered by the same cause over the same days (one control addressing thirty of them, implemented in
 * month nine) are one finding, naming them all: one gap, one fix.
 */
function uncoveredStretches(model: ProgramModel, coverage: CategoryCoverage[], claimed: Set<string>): Diagnostic[] {
  const program = model.program!;
  const line = lineOf(program, 'audit', 'period');
  const groups = new Map<
    string,
    { code: 'TB314' | 'TB315'; span: DateSpan; controls: string; criteria: Criterion[] }
  >();
  const add = (code: 'TB314' | 'TB315', span: DateSpan, controls: string, criterion: Criterion) => {
    const key = `${code} ${span.start} ${span.end} ${controls}`;
    const group = groups.get(key);
    if (group) group.criteria.push(criterion);
    else groups.set(key, { code, span, controls, criteria: [criterion] });
  };
  for (const { criteria } of coverage) {
    for (const entry of criteria) {
      if (entry.exclusion !== undefined || entry.controls.length === 0 || claimed.has(entry.criterion.id)) continue;
      const ids = (controls: readonly { id: string }[]) => controls.map((control) => control.id).join(', ');
      for (const gap of entry.gaps) add('TB314', gap, ids(entry.controls), entry.criterion);
      for (const stretch of entry.unmet) add('TB315', stretch, ids(entry.ineffective), entry.criterion);
    }
  }
  return [...groups.values()].map(({ code, span, controls, criteria }): Diagnostic => {
    const named =
      criteria.length === 1
        ? `${criteria[0]!.id} (${criteria[0]!.label})`
        : `${criteria.length} criteria (${criteria.map((criterion) => criterion.id).join(', ')})`;
    const subject = { kind: 'program' as const, id: criteria[0]!.id };
    return code === 'TB314'
      ? {
          severity: 'error',
          code,
          file: PROGRAM_FILE,
          line,
          subject,
          message: `${named} had no control in operation ${describeSpan(span)}; the report speaks for every day of the audit window`,
          hint: `The controls addressing ${criteria.length === 1 ? 'it' : 'them'} (${controls}) were not in operation then: if one was, correct its \`implemented\` or \`retired\` date; otherwise the auditor will report ${criteria.length === 1 ? 'the criterion' : 'them'} not met for part of the period. Address ${criteria.length === 1 ? 'it' : 'them'} with a control that operated then.`,
        }
      : {
          severity: 'error',
          code,
          file: PROGRAM_FILE,
          line,
          subject,
          message: `${named} ${criteria.length === 1 ? 'was' : 'were'} not met ${describeSpan(span)}: ${controls} did not operate effectively over the window`,
          hint: 'Disclosing a deviation makes it honest, not passing: more deviations than the sample tolerates (docs/sampling.md, "Tolerable deviations") mean the control did not operate effectively. Have another control that operated effectively address the criteria, or expect the auditor to report them not met.',
        };
  });
}

/** Words that state no reason at all. */
const nonReasons = /^(n\/?a|none|nil|not applicable|not relevant|does not apply|tbd|todo|to do|-+|\.+|x|no|yes)$/i;

/** A reason an auditor can weigh: a sentence of a few words, not a placeholder. */
export function isSubstantiveReason(reason: string): boolean {
  const text = reason.trim().replace(/[.!]+$/, '');
  return !nonReasons.test(text) && text.split(/\s+/).length >= 4 && text.length >= 20;
}

function checkExclusions(
  model: ProgramModel,
  coverage: CategoryCoverage[],
  wholeCategories: Set<Category>,
): Diagnostic[] {
  const program = model.program!;
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(coverage.flatMap(({ criteria }) => criteria.map((entry) => [entry.criterion.id, entry])));
  for (const category of wholeCategories) {
    diagnostics.push({
      severity: 'error',
      code: 'TB312',
      file: PROGRAM_FILE,
      line: lineOf(program, 'excluded_criteria'),
      subject: { kind: 'program', id: category },
      message: `every criterion of ${categoryLabels[category].toLowerCase()} is excluded, yet the category is in scope`,
      hint:
        category === 'security'
          ? 'Security is always in scope: address its criteria with controls instead of excluding them.'
          : `Remove \`${category}\` from \`scope\` if the report is not to cover it; otherwise address its criteria with controls.`,
    });
  }
  program.data.excluded_criteria.forEach((exclusion, index) => {
    const entry = byId.get(exclusion.id);
    if (!entry) return; // unknown or out of scope: the identity rule reports it
    const line = lineOf(program, 'excluded_criteria', index);
    const subject = { kind: 'program' as const, id: exclusion.id };
    const whole = wholeCategories.has(entry.criterion.category);
    if (!isSubstantiveReason(exclusion.reason)) {
      diagnostics.push({
        severity: 'error',
        code: 'TB311',
        file: PROGRAM_FILE,
        line: lineOf(program, 'excluded_criteria', index, 'reason'),
        subject,
        message: `the exclusion of ${exclusion.id} gives no reason an auditor can weigh ("${exclusion.reason.trim()}")`,
        hint: 'Say in a sentence why the criterion does not apply to this system (what the system does not do or hold), as the system description (DC8) will.',
      });
    }
    if (entry.criterion.category === 'security' && !whole) {
      diagnostics.push({
        severity: 'warning',
        code: 'TB310',
        file: PROGRAM_FILE,
        line,
        subject,
        message: `${exclusion.id} is a common criterion, and common criteria apply to every SOC 2 examination`,
        hint: 'Expect the auditor to challenge this exclusion; most systems address every common criterion with a control.',
      });
    }
    if (entry.controls.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'TB313',
        file: PROGRAM_FILE,
        line,
        subject,
        message: `${exclusion.id} is excluded, yet ${entry.controls.map((control) => control.id).join(', ')} address${entry.controls.length === 1 ? 'es' : ''} it`,
        hint: 'Either the criterion applies (remove the exclusion) or the controls do not address it (remove it from their `criteria`).',
      });
    }
  });
  return diagnostics;
}
