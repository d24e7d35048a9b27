/**
 * Coverage: every criterion of every in-scope category has a control in operation, or an exclusion an
 * auditor would accept. Excluding is never a way around coverage: common criteria apply to every SOC 2
 * examination, a whole category cannot be excluded, and a reason has to say something.
 */
import { categoryLabels, type Category, type Criterion } from '../../catalog/index.ts';
import { computeCoverage, type CategoryCoverage } from '../coverage.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
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
          .map(({ criterion }) => {
            const where = {
              file: PROGRAM_FILE,
              line: lineOf(program, 'scope'),
              subject: { kind: 'program' as const, id: criterion.id },
            };
            return finding('TB301', where, criterion.id, criterion.label, categoryLabels[category]);
          }),
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
    const where = { file: PROGRAM_FILE, line, subject: { kind: 'program' as const, id: criteria[0]!.id } };
    const stretch = { criteria, span: describeSpan(span), controls };
    return code === 'TB314' ? finding('TB314', where, stretch) : finding('TB315', where, stretch);
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
    const where = {
      file: PROGRAM_FILE,
      line: lineOf(program, 'excluded_criteria'),
      subject: { kind: 'program' as const, id: category },
    };
    diagnostics.push(finding('TB312', where, categoryLabels[category], category));
  }
  program.data.excluded_criteria.forEach((exclusion, index) => {
    const entry = byId.get(exclusion.id);
    if (!entry) return; // unknown or out of scope: the identity rule reports it
    const line = lineOf(program, 'excluded_criteria', index);
    const subject = { kind: 'program' as const, id: exclusion.id };
    const whole = wholeCategories.has(entry.criterion.category);
    if (!isSubstantiveReason(exclusion.reason)) {
      const where = { file: PROGRAM_FILE, line: lineOf(program, 'excluded_criteria', index, 'reason'), subject };
      diagnostics.push(finding('TB311', where, exclusion.id, exclusion.reason));
    }
    if (entry.criterion.category === 'security' && !whole) {
      diagnostics.push(finding('TB310', { file: PROGRAM_FILE, line, subject }, exclusion.id));
    }
    if (entry.controls.length > 0) {
      const controls = entry.controls.map((control) => control.id);
      diagnostics.push(finding('TB313', { file: PROGRAM_FILE, line, subject }, exclusion.id, controls));
    }
  });
  return diagnostics;
}
