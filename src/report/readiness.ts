/**
 * The readiness and gap report: coverage per category and criterion, the points of focus the design addresses
 * and leaves open, what is missing or expired, what falls due next, checklist progress, and a readiness score
 * per category. Built from a check result; no disk.
 */
import { categoryLabels, pointsOfFocusOf, type Category, type PointOfFocus } from '../catalog/index.ts';
import type { CheckResult, Diagnostic } from '../engine/index.ts';
import { criterionState, describeShortfall, type CriterionCoverage } from '../engine/coverage.ts';
import { frameworkReadiness, type FrameworkReadiness } from './frameworks.ts';

/** Days ahead the report lists deadlines for. */
export const REPORT_HORIZON_DAYS = 90;

export const scoreMethod =
  'Each category scores 0 to 100: half for coverage (the share of its criteria that have a control in operation or a reasoned exclusion) and half for operation (the share of those controls whose evidence has no finding against it: present, current, every audit period covered on time, populations complete, files intact; a finding readiness mode reports as a warning counts against it too, and a disclosed exception does not count as operating). Policies, vendors, risks and people are program-wide and appear as findings, not in the score.';

export const pointsOfFocusMethod =
  'Points of focus are the characteristics an auditor looks for in the controls that meet a criterion. They are guidance, not requirements: a criterion can be met without every one of them, an open point is neither an error nor a warning, and none of them counts in the score. A point is addressed when a control in operation that addresses its criterion cites it. Only points that apply to this program are counted: those for every engagement, those of a category in scope, and those for a system (SOC 2 is examined at the system level); criteria the program excludes are left out.';

/** One point of focus as the design review lists it. */
export interface ReviewedPoint {
  id: string;
  label: string;
}

/** The points of focus of one criterion that apply to the program, as the design addresses them or not. */
export interface CriterionPointsOfFocus {
  id: string;
  label: string;
  /** How many of the criterion's points of focus apply to the program. */
  applicable: number;
  /** Points cited by a control in operation that addresses the criterion, with those controls' ids. */
  addressed: (ReviewedPoint & { controls: string[] })[];
  /** Applicable points no control in operation cites. */
  open: ReviewedPoint[];
}

/** The design review of one category: how many applicable points of focus its controls address. */
export interface CategoryPointsOfFocus {
  applicable: number;
  addressed: number;
  criteria: CriterionPointsOfFocus[];
}

export interface CategoryReadiness {
  category: Category;
  label: string;
  covered: number;
  total: number;
  controls: number;
  operating: number;
  score: number;
  criteria: {
    id: string;
    label: string;
    controls: string[];
    /**
     * `covered` throughout what is judged; `not met for part of the period` or `not met` (Type II: controls
     * in operation, but not on every day or not effectively); `excluded`; `gap` (no control at all).
     */
    status: 'covered' | 'not met for part of the period' | 'not met' | 'excluded' | 'gap';
    /** Type II: what kept it from being met on every day of the window. */
    shortfall?: string;
    exclusion?: string;
  }[];
  /** Guidance only: it does not enter the score. */
  pointsOfFocus: CategoryPointsOfFocus;
}

export interface ReadinessReport {
  organization: string;
  system: string;
  asOf: string;
  readinessMode: boolean;
  audit: { type: string; start?: string; end?: string; date?: string; auditor?: string };
  categories: CategoryReadiness[];
  /** Each framework besides SOC 2 in scope: requirements met of those in scope, the ones not met, SoA and HIPAA decisions. */
  frameworks: FrameworkReadiness[];
  scoreMethod: string;
  pointsOfFocusMethod: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** What falls due, by file: a deadline's line is worked out only for findings, which list it. */
  upcoming: { due: string; what: string; file: string; code: string }[];
  checklists: { id: string; title: string; done: number; total: number; percent: number }[];
}

export function readinessReport(result: CheckResult): ReadinessReport {
  const { model, diagnostics, summary } = result;
  const program = model.program?.data;
  const scope = program?.scope ?? [];
  const categories = result.facts.coverage().map((coverage): CategoryReadiness => {
    // The same count the trust center shows: the controls in operation that address the category.
    const operation = result.facts.operationByCategory().find((entry) => entry.category === coverage.category) ?? {
      operating: 0,
      total: 0,
    };
    const operating = operation.operating;
    const coverageShare = coverage.total === 0 ? 1 : coverage.covered / coverage.total;
    const operatingShare = operation.total === 0 ? 0 : operating / operation.total;
    return {
      category: coverage.category,
      label: categoryLabels[coverage.category],
      covered: coverage.covered,
      total: coverage.total,
      controls: operation.total,
      operating,
      score: Math.round(50 * coverageShare + 50 * operatingShare),
      criteria: coverage.criteria.map((entry) => ({
        id: entry.criterion.id,
        label: entry.criterion.label,
        controls: entry.controls.map((control) => control.id),
        status: criterionStatus(entry),
        ...(entry.exclusion ? { exclusion: entry.exclusion } : {}),
        ...(describeShortfall(entry) ? { shortfall: describeShortfall(entry)! } : {}),
      })),
      pointsOfFocus: reviewPointsOfFocus(coverage.criteria, scope),
    };
  });
  return {
    organization: program?.organization ?? '',
    system: program?.system ?? '',
    asOf: summary.asOf,
    readinessMode: summary.readiness,
    audit: {
      type: program?.audit.type ?? '',
      ...(program?.audit.period ? { start: program.audit.period.start, end: program.audit.period.end } : {}),
      ...(program?.audit.date ? { date: program.audit.date } : {}),
      ...(program?.audit.auditor ? { auditor: program.audit.auditor } : {}),
    },
    categories,
    frameworks: frameworkReadiness(result),
    scoreMethod,
    pointsOfFocusMethod,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    upcoming: result.facts.upcoming(REPORT_HORIZON_DAYS).map((deadline) => ({
      due: deadline.due,
      what: deadline.what,
      file: deadline.file,
      code: deadline.code,
    })),
    checklists: model.checklists.map((checklist) => {
      const { done, total, percent } = result.facts.checklistProgress(checklist);
      return { id: checklist.id, title: checklist.data.title, done, total, percent };
    }),
  };
}

/**
 * Whether a point of focus applies to a program with this scope. SOC 2 examines a system, so system-level
 * points apply; the catalog does not know whether the system produces goods, so those points follow
 * processing integrity.
 */
export function appliesToProgram(point: PointOfFocus, scope: readonly Category[]): boolean {
  switch (point.applies) {
    case 'all':
    case 'system-level':
      return true;
    case 'processing-integrity-goods':
      return scope.includes('processing-integrity');
    default:
      return scope.includes(point.applies);
  }
}

function reviewPointsOfFocus(criteria: CriterionCoverage[], scope: readonly Category[]): CategoryPointsOfFocus {
  const reviewed = criteria
    .filter((entry) => entry.exclusion === undefined)
    .map(({ criterion, controls }): CriterionPointsOfFocus => {
      const points = pointsOfFocusOf(criterion.id).filter((point) => appliesToProgram(point, scope));
      const citing = (point: PointOfFocus) =>
        controls.filter((control) => control.data.points_of_focus.includes(point.id)).map((control) => control.id);
      const addressed = points
        .map((point) => ({ id: point.id, label: point.label, controls: citing(point) }))
        .filter((point) => point.controls.length > 0);
      const cited = new Set(addressed.map((point) => point.id));
      return {
        id: criterion.id,
        label: criterion.label,
        applicable: points.length,
        addressed,
        open: points.filter((point) => !cited.has(point.id)).map((point) => ({ id: point.id, label: point.label })),
      };
    });
  return {
    applicable: reviewed.reduce((sum, entry) => sum + entry.applicable, 0),
    addressed: reviewed.reduce((sum, entry) => sum + entry.addressed.length, 0),
    criteria: reviewed,
  };
}

function criterionStatus(entry: CriterionCoverage): CategoryReadiness['criteria'][number]['status'] {
  switch (criterionState(entry)) {
    case 'met':
      return 'covered';
    case 'partly met':
      return 'not met for part of the period';
    case 'excluded':
      return 'excluded';
    case 'not met':
      return entry.controls.length > 0 ? 'not met' : 'gap';
  }
}
