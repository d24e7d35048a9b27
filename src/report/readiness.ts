/**
 * The readiness and gap report: coverage per category and criterion, what is missing or expired, what falls
 * due next, checklist progress, and a readiness score per category. Built from a check result; no disk.
 */
import { categoryLabels, type Category } from '../catalog/index.ts';
import { checkBindings } from '../engine/checklist-bindings.ts';
import { isBindingDone } from '../engine/checklist-state.ts';
import { upcomingDeadlines } from '../engine/deadlines.ts';
import { controlStatus } from '../engine/facts.ts';
import type { CheckResult, Diagnostic } from '../engine/index.ts';
import { computeCoverage } from '../engine/rules/coverage.ts';

/** Days ahead the report lists deadlines for. */
export const REPORT_HORIZON_DAYS = 90;

export const scoreMethod =
  'Each category scores 0 to 100: half for coverage (the share of its criteria that have a control in operation or a reasoned exclusion) and half for operation (the share of those controls whose evidence has no finding against it: present, current, every audit period covered on time, populations complete, files intact; a finding readiness mode reports as a warning counts against it too, and a disclosed exception does not count as operating). Policies, vendors, risks and people are program-wide and appear as findings, not in the score.';

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
    status: 'covered' | 'excluded' | 'gap';
    exclusion?: string;
  }[];
}

export interface ReadinessReport {
  organization: string;
  system: string;
  asOf: string;
  readinessMode: boolean;
  audit: { type: string; start?: string; end?: string; date?: string; auditor?: string };
  categories: CategoryReadiness[];
  scoreMethod: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** What falls due, by file: a deadline's line is worked out only for findings, which list it. */
  upcoming: { due: string; what: string; file: string; code: string }[];
  checklists: { id: string; title: string; done: number; total: number; percent: number }[];
}

export function readinessReport(result: CheckResult): ReadinessReport {
  const { model, diagnostics, summary } = result;
  const program = model.program?.data;
  const categories = computeCoverage(model, summary.asOf).map((coverage): CategoryReadiness => {
    const controls = new Map(coverage.criteria.flatMap((entry) => entry.controls.map((c) => [c.id, c] as const)));
    const operating = [...controls.values()].filter((control) => controlStatus(result, control) === 'operating').length;
    const coverageShare = coverage.total === 0 ? 1 : coverage.covered / coverage.total;
    const operatingShare = controls.size === 0 ? 0 : operating / controls.size;
    return {
      category: coverage.category,
      label: categoryLabels[coverage.category],
      covered: coverage.covered,
      total: coverage.total,
      controls: controls.size,
      operating,
      score: Math.round(50 * coverageShare + 50 * operatingShare),
      criteria: coverage.criteria.map((entry) => ({
        id: entry.criterion.id,
        label: entry.criterion.label,
        controls: entry.controls.map((control) => control.id),
        status: entry.controls.length > 0 ? 'covered' : entry.exclusion ? 'excluded' : 'gap',
        ...(entry.exclusion ? { exclusion: entry.exclusion } : {}),
      })),
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
    scoreMethod,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    upcoming: upcomingDeadlines(model, summary.asOf, REPORT_HORIZON_DAYS).map((deadline) => ({
      due: deadline.due,
      what: deadline.what,
      file: deadline.file,
      code: deadline.code,
    })),
    checklists: model.checklists.map((checklist) => {
      const bindings = checkBindings(checklist.body, checklist.bodyLine);
      const manual = [...checklist.body.matchAll(/^\s*[-*] \[([ xX])\] /gm)];
      const done =
        bindings.filter((binding) => isBindingDone(result, binding)).length +
        manual.filter((match) => match[1] !== ' ').length;
      const total = bindings.length + manual.length;
      return {
        id: checklist.id,
        title: checklist.data.title,
        done,
        total,
        percent: total === 0 ? 100 : Math.round((done / total) * 100),
      };
    }),
  };
}
