/**
 * The facts derived from a checked program, one function each, exposed on the check result as `result.facts`:
 * rules work them out on the way (coverage, periods, deadlines), and the report, the exports, the views and
 * scripts read them here instead of working them out again. Each is computed once per result (or model) and
 * remembered by the function behind it.
 */
import type { ChecklistData, ControlData, EvidenceData } from '../schema/index.ts';
import type { CheckResult } from './check.ts';
import { checklistProgress, type ChecklistProgress } from './checklist-state.ts';
import { upcomingDeadlines, type Deadline } from './deadlines.ts';
import type { Diagnostic, Subject } from './diagnostics.ts';
import { auditWindow, seriesTimeline, type TimelineCell } from './evidence-timeline.ts';
import { controlStatus, evidenceOfControl, findingsAbout, type ControlStatus } from './facts.ts';
import type { Document } from './model.ts';
import { programPlaceholders, type ProgramPlaceholders } from './placeholders.ts';
import { computeCoverage, type CategoryCoverage } from './coverage.ts';
import { todoList, type TodoStep } from './todo.ts';

export interface ProgramFacts {
  /** Coverage of each in-scope category, criterion by criterion, on the evaluation date. */
  coverage(): CategoryCoverage[];
  /** The findings about one subject: a document, a person, the program. */
  findingsAbout(kind: Subject['kind'], id: string): Diagnostic[];
  /** The evidence series that name a control. */
  evidenceOf(controlId: string): Document<EvidenceData>[];
  /** Whether a control operates: `operating`, `exception`, `failing` or `not in operation`. */
  controlStatus(control: Document<ControlData>): ControlStatus;
  /** Each period of a series in the Type II window, with its status; none for a Type I audit. */
  periods(series: Document<EvidenceData>): TimelineCell[];
  /** How far a checklist is. */
  checklistProgress(checklist: Document<ChecklistData>): ChecklistProgress;
  /** What falls due within `days` of the evaluation date. */
  upcoming(days: number): Deadline[];
  /** The next steps, in the order of the SOC 2 checklist. */
  todo(): TodoStep[];
  /** The placeholders still in the program. */
  placeholders(): ProgramPlaceholders;
}

/** The facts of a result; a view's filtered copy of a result gets facts of its own (`withFacts`). */
export function programFacts(whole: CheckResult): ProgramFacts {
  const { model } = whole;
  const asOf = whole.summary.asOf;
  let steps: TodoStep[] | undefined;
  return {
    coverage: () => computeCoverage(model, asOf),
    findingsAbout: (kind, id) => findingsAbout(whole, kind, id),
    evidenceOf: (controlId) => evidenceOfControl(whole, controlId),
    controlStatus: (control) => controlStatus(whole, control),
    periods: (series) => {
      const window = auditWindow(model);
      return window ? seriesTimeline(model, series, window, asOf) : [];
    },
    checklistProgress: (checklist) => checklistProgress(whole, checklist),
    upcoming: (days) => upcomingDeadlines(model, asOf, days),
    todo: () => (steps ??= todoList(whole)),
    placeholders: () => programPlaceholders(model),
  };
}
