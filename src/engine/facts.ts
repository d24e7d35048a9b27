/**
 * Facts derived from the findings: the findings about each subject, and whether a control is operating. They
 * take a `CheckedProgram` (the model, its findings and the evaluation date), declared here, never a check
 * result, so the facts sit below `check.ts` and `check.ts` composes them. `ProgramFacts`
 * (program-facts.ts) works each out once per result; the report, the checklists, the exports and the pages
 * all read it there, so no status shown anywhere can disagree with what the check reports.
 */
import type { ControlData, EvidenceData } from '../schema/index.ts';
import type { CategoryCoverage } from './coverage.ts';
import type { Diagnostic, DiagnosticCode, Subject } from './diagnostics.ts';
import type { Document, ProgramModel } from './model.ts';
import { isInOperation } from './coverage.ts';
import { codesWhere } from './findings/derive.ts';

/** Findings that say a control's evidence does not show it operating: the codes whose entry `failsControl`. */
export const evidenceCodes: ReadonlySet<DiagnosticCode> = new Set(codesWhere((data) => data.failsControl));

/** An error, or an error that readiness mode reports as a warning: either way, not audit-ready. */
export function isBlocking(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' || diagnostic.deferred === true;
}

/** What every fact is worked out from: a checked program, narrower than the check result. */
export interface CheckedProgram {
  readonly model: ProgramModel;
  /** The check's findings, sorted, each naming its subject. */
  readonly diagnostics: readonly Diagnostic[];
  /** The evaluation date the findings were made on. */
  readonly asOf: string;
}

/** The facts that other facts are built from; `ProgramFacts` works each out once. */
export interface BaseFacts extends CheckedProgram {
  /** The findings about one subject (all periods of a series included). */
  findingsAbout(kind: Subject['kind'], id: string): Diagnostic[];
  /** The evidence series that name a control. */
  evidenceOf(controlId: string): Document<EvidenceData>[];
  /** Whether a control operates. */
  controlStatus(control: Document<ControlData>): ControlStatus;
  /** Coverage of each in-scope category, criterion by criterion, on the evaluation date. */
  coverage(): CategoryCoverage[];
}

const keyOf = (kind: Subject['kind'], id: string) => `${kind}\u0000${id}`;

/** Looks up the findings about a subject, from an index of the findings built once here. */
export function indexBySubject(
  diagnostics: readonly Diagnostic[],
): (kind: Subject['kind'], id: string) => Diagnostic[] {
  const map = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.subject) continue;
    const key = keyOf(diagnostic.subject.kind, diagnostic.subject.id);
    const list = map.get(key);
    if (list) list.push(diagnostic);
    else map.set(key, [diagnostic]);
  }
  return (kind, id) => map.get(keyOf(kind, id)) ?? [];
}

/** Findings about one period of a series. */
export function findingsAboutPeriod(
  facts: Pick<BaseFacts, 'findingsAbout'>,
  seriesId: string,
  period: string,
): Diagnostic[] {
  return facts.findingsAbout('evidence', seriesId).filter((diagnostic) => diagnostic.subject?.period === period);
}

/**
 * - `operating`: in operation, with evidence and no finding against it;
 * - `exception`: operating, with a deviation disclosed to the auditor (or more than its sample tolerates:
 *   TB609, it did not operate effectively throughout the period);
 * - `failing`: in operation, but its evidence is missing, stale, late, incomplete or altered;
 * - `not in operation`: planned, not applicable, retired, or not yet implemented on the evaluation date.
 */
export type ControlStatus = 'operating' | 'exception' | 'failing' | 'not in operation';

export function controlStatus(
  facts: Pick<BaseFacts, 'asOf' | 'findingsAbout' | 'evidenceOf'>,
  control: Document<ControlData>,
): ControlStatus {
  if (!isInOperation(control, facts.asOf)) return 'not in operation';
  const series = facts.evidenceOf(control.id);
  const findings = [
    ...facts.findingsAbout('control', control.id),
    ...series.flatMap((candidate) => facts.findingsAbout('evidence', candidate.id)),
  ];
  if (series.length === 0 || findings.some((d) => evidenceCodes.has(d.code) && isBlocking(d))) return 'failing';
  if (findings.some((d) => d.code === 'TB606' || d.code === 'TB609')) return 'exception';
  return 'operating';
}

/** The test an auditor applies when the control does not name one: re-performance for automated controls. */
export function defaultTest(control: ControlData): NonNullable<ControlData['test']> {
  return control.test ?? (control.automated ? 're-performance' : 'inspection');
}
