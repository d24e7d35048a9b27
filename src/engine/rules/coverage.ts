/**
 * Coverage: every criterion of every in-scope category has a control in operation, or an exclusion an
 * auditor would accept. Excluding is never a way around coverage: common criteria apply to every SOC 2
 * examination, a whole category cannot be excluded, and a reason has to say something.
 */
import { categoryLabels, criteriaOf, type Category, type Criterion } from '../../catalog/index.ts';
import type { ControlData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, PROGRAM_FILE, unvalidatedStrings, type Document, type ProgramModel } from '../model.ts';
import type { Rule } from './context.ts';

export interface CriterionCoverage {
  criterion: Criterion;
  /** Controls in operation that address it. */
  controls: Document<ControlData>[];
  /** Set when the program excludes the criterion. */
  exclusion?: string;
}

export interface CategoryCoverage {
  category: Category;
  criteria: CriterionCoverage[];
  covered: number;
  total: number;
}

/**
 * Whether a control counts towards coverage on a date: implemented, and, when dated, already implemented
 * and not yet retired.
 */
export function isInOperation(control: Document<ControlData>, asOf: string | undefined): boolean {
  const { status, implemented, retired } = control.data;
  if (status !== 'implemented') return false;
  if (asOf === undefined) return true;
  return (implemented === undefined || implemented <= asOf) && (retired === undefined || retired >= asOf);
}

const coverageCache = new WeakMap<ProgramModel, Map<string, CategoryCoverage[]>>();

/**
 * Coverage of each in-scope category, criterion by criterion, on the evaluation date. Worked out once per
 * model and date: the rule, the summary, the report, the workpaper and the criteria page all ask for it.
 */
export function computeCoverage(model: ProgramModel, asOf?: string): CategoryCoverage[] {
  let byDate = coverageCache.get(model);
  if (!byDate) coverageCache.set(model, (byDate = new Map()));
  const key = asOf ?? '';
  let coverage = byDate.get(key);
  if (!coverage) byDate.set(key, (coverage = coverageOn(model, asOf)));
  return coverage;
}

function coverageOn(model: ProgramModel, asOf?: string): CategoryCoverage[] {
  const program = model.program?.data;
  if (!program) return [];
  const exclusions = new Map(program.excluded_criteria.map((entry) => [entry.id, entry.reason]));
  const operating = model.controls.filter((control) => isInOperation(control, asOf));
  return program.scope.map((category) => {
    const criteria = criteriaOf(category).map((criterion) => ({
      criterion,
      controls: operating.filter((control) => control.data.criteria.includes(criterion.id)),
      ...(exclusions.has(criterion.id) ? { exclusion: exclusions.get(criterion.id)! } : {}),
    }));
    // Excluding a whole category covers none of it (the coverage rule reports it).
    const wholeExcluded = criteria.every((entry) => entry.exclusion !== undefined);
    const covered = criteria.filter((entry) => entry.controls.length > 0 || (entry.exclusion && !wholeExcluded)).length;
    return { category, criteria, covered, total: criteria.length };
  });
}

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
  return [...gaps, ...checkExclusions(model, coverage, wholeCategories)];
};

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
