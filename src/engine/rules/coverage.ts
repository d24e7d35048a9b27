/** Coverage: every criterion of every in-scope category has an implemented control, or a reasoned exclusion. */
import { categoryLabels, criteriaOf, type Category, type Criterion } from '../../catalog/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, PROGRAM_FILE, unvalidatedStrings, type Document, type ProgramModel } from '../model.ts';
import type { ControlData } from '../../schema/index.ts';
import type { Rule } from './context.ts';

export interface CriterionCoverage {
  criterion: Criterion;
  /** Implemented controls that address it. */
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

/** Coverage of each in-scope category, criterion by criterion. */
export function computeCoverage(model: ProgramModel): CategoryCoverage[] {
  const program = model.program?.data;
  if (!program) return [];
  const exclusions = new Map(program.excluded_criteria.map((entry) => [entry.id, entry.reason]));
  const implemented = model.controls.filter((control) => control.data.status === 'implemented');
  return program.scope.map((category) => {
    const criteria = criteriaOf(category).map((criterion) => ({
      criterion,
      controls: implemented.filter((control) => control.data.criteria.includes(criterion.id)),
      ...(exclusions.has(criterion.id) ? { exclusion: exclusions.get(criterion.id)! } : {}),
    }));
    const covered = criteria.filter((entry) => entry.controls.length > 0 || entry.exclusion).length;
    return { category, criteria, covered, total: criteria.length };
  });
}

export const coverageRule: Rule = (model) => {
  const program = model.program;
  if (!program) return [];
  // A control that failed its schema still names its criteria; its own finding fails the check already.
  const claimed = new Set(unvalidatedStrings(model, 'control', 'criteria'));
  return computeCoverage(model).flatMap(({ category, criteria }) =>
    criteria
      .filter((entry) => entry.controls.length === 0 && !entry.exclusion && !claimed.has(entry.criterion.id))
      .map(({ criterion }): Diagnostic => ({
        severity: 'error',
        code: 'TB301',
        file: PROGRAM_FILE,
        line: lineOf(program, 'scope'),
        message: `${criterion.id} (${criterion.label}) has no implemented control, and ${categoryLabels[category].toLowerCase()} is in scope`,
        hint: `Add \`${criterion.id}\` to the \`criteria\` of an implemented control in content/controls/, or list it in \`excluded_criteria\` with the reason it does not apply.`,
      })),
  );
};
