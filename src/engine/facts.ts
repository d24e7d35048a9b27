/**
 * Facts derived from the findings, computed once per check result: the findings about each subject, and
 * whether a control is operating. The report, the checklists, the exports and the pages all read these, so
 * no status shown anywhere can disagree with what the check reports.
 */
import type { ControlData, EvidenceData } from '../schema/index.ts';
import type { CheckResult } from './check.ts';
import type { Diagnostic, DiagnosticCode, Subject } from './diagnostics.ts';
import type { Document } from './model.ts';
import { evidenceOfControl as seriesOfControl } from './evidence-timeline.ts';
import { isInOperation } from './coverage.ts';
import { codesWhere } from './findings/derive.ts';

/** Findings that say a control's evidence does not show it operating: the codes whose entry `failsControl`. */
export const evidenceCodes: ReadonlySet<DiagnosticCode> = new Set(codesWhere((data) => data.failsControl));

/** An error, or an error that readiness mode reports as a warning: either way, not audit-ready. */
export function isBlocking(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' || diagnostic.deferred === true;
}

const index = new WeakMap<CheckResult, Map<string, Diagnostic[]>>();

const keyOf = (kind: Subject['kind'], id: string) => `${kind}\u0000${id}`;

/** Every finding about one subject (all periods of a series included). */
export function findingsAbout(result: CheckResult, kind: Subject['kind'], id: string): Diagnostic[] {
  let map = index.get(result);
  if (!map) {
    map = new Map();
    for (const diagnostic of result.diagnostics) {
      if (!diagnostic.subject) continue;
      const key = keyOf(diagnostic.subject.kind, diagnostic.subject.id);
      const list = map.get(key);
      if (list) list.push(diagnostic);
      else map.set(key, [diagnostic]);
    }
    index.set(result, map);
  }
  return map.get(keyOf(kind, id)) ?? [];
}

/** Findings about one period of a series. */
export function findingsAboutPeriod(result: CheckResult, seriesId: string, period: string): Diagnostic[] {
  return findingsAbout(result, 'evidence', seriesId).filter((diagnostic) => diagnostic.subject?.period === period);
}

/** The evidence series that name a control. */
export function evidenceOfControl(result: CheckResult, controlId: string): Document<EvidenceData>[] {
  return seriesOfControl(result.model, controlId);
}

/**
 * - `operating`: in operation, with evidence and no finding against it;
 * - `exception`: operating, with a deviation disclosed to the auditor (or more than its sample tolerates:
 *   TB609, it did not operate effectively throughout the period);
 * - `failing`: in operation, but its evidence is missing, stale, late, incomplete or altered;
 * - `not in operation`: planned, not applicable, retired, or not yet implemented on the evaluation date.
 */
export type ControlStatus = 'operating' | 'exception' | 'failing' | 'not in operation';

export function controlStatus(result: CheckResult, control: Document<ControlData>): ControlStatus {
  if (!isInOperation(control, result.summary.asOf)) return 'not in operation';
  const series = evidenceOfControl(result, control.id);
  const findings = [
    ...findingsAbout(result, 'control', control.id),
    ...series.flatMap((candidate) => findingsAbout(result, 'evidence', candidate.id)),
  ];
  if (series.length === 0 || findings.some((d) => evidenceCodes.has(d.code) && isBlocking(d))) return 'failing';
  if (findings.some((d) => d.code === 'TB606' || d.code === 'TB609')) return 'exception';
  return 'operating';
}

/** The test an auditor applies when the control does not name one: re-performance for automated controls. */
export function defaultTest(control: ControlData): NonNullable<ControlData['test']> {
  return control.test ?? (control.automated ? 're-performance' : 'inspection');
}
