/**
 * Coverage of the Trust Services Criteria, a fact computed once per model and date. For a Type II audit
 * whose window has opened, a criterion is judged on every day of the window up to the evaluation date: it is
 * met on a day when a control addressing it was in operation that day (between `implemented` and `retired`)
 * and operated effectively over the window. Before the window opens, and for a Type I audit, it is judged on
 * the evaluation date alone. The coverage rule turns the stretches nobody covered into findings; the
 * report, the control matrix, the workpaper and the criteria pages read the same fact.
 */
import { memo } from './memo.ts';
import { criteriaOf, type Category, type Criterion } from '../catalog/index.ts';
import type { ControlData } from '../schema/index.ts';
import { addDays, endOfMonth } from './dates.ts';
import { controlEffectiveness } from './effectiveness.ts';
import { auditWindow } from './evidence-timeline.ts';
import type { Document, ProgramModel } from './model.ts';
import { clip, describeSpan, union, uncovered, type DateSpan } from './spans.ts';

export interface CriterionCoverage {
  criterion: Criterion;
  /** Controls that address it and were in operation on the evaluation date, or at some time in the judged window. */
  controls: Document<ControlData>[];
  /** Set when the program excludes the criterion. */
  exclusion?: string;
  /** Type II: stretches of the judged window in which no control addressing it was in operation. */
  gaps: DateSpan[];
  /** Type II: stretches in which controls were in operation, but none of them operated effectively. */
  unmet: DateSpan[];
  /** Controls in operation that did not operate effectively over the window. */
  ineffective: Document<ControlData>[];
}

export interface CategoryCoverage {
  category: Category;
  criteria: CriterionCoverage[];
  /** Criteria met throughout what is judged (or excluded with a reason). */
  covered: number;
  total: number;
}

/**
 * - `met`: addressed by a control in operation throughout what is judged;
 * - `partly met`: met on some days of the window and not on others ("not met for part of the period");
 * - `not met`: no control in operation and effective on any day judged;
 * - `excluded`: excluded by the program, with its reason.
 */
export type CriterionState = 'met' | 'partly met' | 'not met' | 'excluded';

/** Whether a control is in operation on a date: implemented, and, when dated, already implemented and not yet retired. */
export function isInOperation(control: Document<ControlData>, asOf: string | undefined): boolean {
  const { status, implemented, retired } = control.data;
  if (status !== 'implemented') return false;
  if (asOf === undefined) return true;
  return (implemented === undefined || implemented <= asOf) && (retired === undefined || retired >= asOf);
}

/**
 * The days of the Type II window the check can judge on the evaluation date: from the window's start to its
 * end, or to the evaluation date while the window is still running. Undefined for a Type I audit and
 * before the window opens (coverage is then judged on the evaluation date).
 */
export function judgedWindow(model: ProgramModel, asOf: string): DateSpan | undefined {
  const window = auditWindow(model);
  if (!window || asOf < window.start) return undefined;
  return { start: window.start, end: window.end < asOf ? window.end : asOf };
}

/** The days of `span` on which a control was in operation: from `implemented` to `retired`, both included. */
export function operatingSpan(control: Document<ControlData>, span: DateSpan): DateSpan | undefined {
  const { status, implemented, retired } = control.data;
  if (status !== 'implemented') return undefined;
  return clip({ start: implemented ?? span.start, end: retired ?? span.end }, span);
}

/** The state of one criterion's coverage. */
export function criterionState(entry: CriterionCoverage): CriterionState {
  if (entry.exclusion !== undefined && entry.controls.length === 0) return 'excluded';
  const effective = entry.controls.length - entry.ineffective.length;
  if (effective === 0) return entry.exclusion !== undefined ? 'excluded' : 'not met';
  return entry.gaps.length > 0 || entry.unmet.length > 0 ? 'partly met' : 'met';
}

/**
 * Coverage of each in-scope category, criterion by criterion, as of the evaluation date. Worked out once per
 * model and date: the rule, the summary, the report, the workpaper and the criteria page all ask for it.
 */
export function computeCoverage(model: ProgramModel, asOf: string): CategoryCoverage[] {
  const byDate = memo(model, 'coverage', () => new Map<string, CategoryCoverage[]>());
  let coverage = byDate.get(asOf);
  if (!coverage) byDate.set(asOf, (coverage = coverageOn(model, asOf)));
  return coverage;
}

/** The controls in operation over the judged window (or on the evaluation date), their spans, and which are ineffective. */
export interface ControlsInOperation {
  judged: DateSpan | undefined;
  spans: ReadonlyMap<Document<ControlData>, DateSpan>;
  ineffective: ReadonlySet<Document<ControlData>>;
  operating: readonly Document<ControlData>[];
}

/**
 * Which controls operate over the part of the window judged so far, and over which days; which of those the
 * evidence shows not operating effectively. SOC 2 coverage and every added framework's coverage read this one
 * answer, worked out once per model and evaluation date.
 */
export function controlsInOperation(model: ProgramModel, asOf: string): ControlsInOperation {
  const byDate = memo(model, 'controls-in-operation', () => new Map<string, ControlsInOperation>());
  let found = byDate.get(asOf);
  if (!found) byDate.set(asOf, (found = controlsInOperationOn(model, asOf)));
  return found;
}

function controlsInOperationOn(model: ProgramModel, asOf: string): ControlsInOperation {
  const judged = judgedWindow(model, asOf);
  const spans = new Map<Document<ControlData>, DateSpan>();
  const ineffective = new Set<Document<ControlData>>();
  for (const control of model.controls) {
    if (judged) {
      const span = operatingSpan(control, judged);
      if (!span) continue;
      spans.set(control, span);
      if (controlEffectiveness(model, control, asOf)?.effective === false) ineffective.add(control);
    } else if (isInOperation(control, asOf)) {
      spans.set(control, { start: asOf, end: asOf });
    }
  }
  return { judged, spans, ineffective, operating: [...spans.keys()] };
}

function coverageOn(model: ProgramModel, asOf: string): CategoryCoverage[] {
  const program = model.program?.data;
  if (!program) return [];
  const exclusions = new Map(program.excluded_criteria.map((entry) => [entry.id, entry.reason]));
  const { judged, spans, ineffective, operating } = controlsInOperation(model, asOf);
  return program.scope.map((category) => {
    const criteria = criteriaOf(category).map((criterion): CriterionCoverage => {
      const controls = operating.filter((control) => control.data.criteria.includes(criterion.id));
      const inOperation = controls.map((control) => spans.get(control)!);
      const effective = controls.filter((control) => !ineffective.has(control)).map((control) => spans.get(control)!);
      const gaps = judged && controls.length > 0 ? uncovered(judged, inOperation) : [];
      const unmet =
        judged && controls.length > 0
          ? uncovered(judged, effective).flatMap((stretch) =>
              union(inOperation).flatMap((span) => clip(span, stretch) ?? []),
            )
          : [];
      return {
        criterion,
        controls,
        ...(exclusions.has(criterion.id) ? { exclusion: exclusions.get(criterion.id)! } : {}),
        gaps,
        unmet,
        ineffective: controls.filter((control) => ineffective.has(control)),
      };
    });
    // Excluding a whole category covers none of it (the coverage rule reports it).
    const wholeExcluded = criteria.every((entry) => entry.exclusion !== undefined);
    const covered = criteria.filter((entry) => {
      const state = criterionState(entry);
      return state === 'met' || (state === 'excluded' && !wholeExcluded);
    }).length;
    return { category, criteria, covered, total: criteria.length };
  });
}

export type MonthState = 'met' | 'partly met' | 'not met' | 'not yet';

export interface CoverageMonth {
  /** `2026-03` */
  month: string;
  state: MonthState;
}

/**
 * A criterion month by month across the window (the auditor site's criterion × month view): met when no day
 * of the month is in a gap or unmet, not met when none is met, not yet when the month starts after the
 * evaluation date. Empty without a judged window.
 */
export function coverageByMonth(model: ProgramModel, asOf: string, entry: CriterionCoverage): CoverageMonth[] {
  const window = auditWindow(model);
  const judged = judgedWindow(model, asOf);
  if (!window || !judged) return [];
  const missing = union([...entry.gaps, ...entry.unmet]);
  const none = entry.controls.length === entry.ineffective.length && entry.exclusion === undefined;
  const months: CoverageMonth[] = [];
  let start = `${window.start.slice(0, 7)}-01`;
  while (start <= window.end) {
    const year = Number(start.slice(0, 4));
    const month = Number(start.slice(5, 7));
    const days = clip({ start, end: endOfMonth(year, month) }, judged);
    let state: MonthState;
    if (!days) state = 'not yet';
    else if (none) state = 'not met';
    else {
      const open = missing.flatMap((span) => clip(span, days) ?? []);
      state =
        open.length === 0
          ? 'met'
          : uncovered(days, open).length === 0 && entry.exclusion === undefined
            ? 'not met'
            : 'partly met';
    }
    months.push({ month: start.slice(0, 7), state });
    start = addDays(endOfMonth(year, month), 1);
  }
  return months;
}

/**
 * What kept a criterion from being met throughout the judged window, in words for the report, the control
 * matrix and the workpaper ("no control in operation from 2026-01-01 to 2026-03-31; …"); undefined when
 * nothing did.
 */
export function describeShortfall(
  entry: Pick<CriterionCoverage, 'gaps' | 'unmet' | 'ineffective'>,
): string | undefined {
  const parts = [
    ...entry.gaps.map((gap) => `no control in operation ${describeSpan(gap)}`),
    ...entry.unmet.map(
      (stretch) =>
        `${entry.ineffective.map((control) => control.id).join(', ')} did not operate effectively ${describeSpan(stretch)}`,
    ),
  ];
  return parts.length > 0 ? parts.join('; ') : undefined;
}
