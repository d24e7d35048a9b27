/**
 * The facts of a checked program, exposed on the check result as `result.facts`: coverage, statuses, periods,
 * progress, deadlines, and each document's standing on the evaluation date. Rules work some of them out on the
 * way; the report, the exports, the fieldwork, the views and the commands read them here instead of working
 * them out again. Each member is worked out once per result and remembered in `#known`, the one place
 * "computed once" lives for a result; a view's filtered copy of a result gets facts of its own.
 */
import type {
  ArtifactData,
  AttestationData,
  ChecklistData,
  ControlData,
  EvidenceData,
  GrantData,
  PolicyData,
  StaffData,
  VendorData,
} from '../schema/index.ts';
import {
  acknowledgementStatus,
  tracksAcknowledgements,
  type AcknowledgementStatusRow,
} from './acknowledgement-status.ts';
import { attestationStanding, type AttestationStanding } from './attestations.ts';
import {
  frameworkCoverage,
  frameworksInScope,
  type AddedFramework,
  type RequirementCoverage,
} from './framework-coverage.ts';
import { checklistProgress, type ChecklistProgress } from './checklist-state.ts';
import { computeCoverage, judgedWindow, type CategoryCoverage } from './coverage.ts';
import {
  isCurrentStaff,
  isRemovedVendor,
  policyReviewDue,
  trainingDue,
  upcomingDeadlines,
  vendorReviewDue,
  type Deadline,
} from './deadlines.ts';
import type { Diagnostic, Subject } from './diagnostics.ts';
import { controlEffectiveness, type Effectiveness } from './effectiveness.ts';
import {
  auditWindow,
  evidenceOfControl,
  latestArtifact,
  seriesTimeline,
  type AuditWindow,
  type TimelineCell,
} from './evidence-timeline.ts';
import {
  controlStatus,
  findingsAboutPeriod,
  indexBySubject,
  type BaseFacts,
  type CheckedProgram,
  type ControlStatus,
} from './facts.ts';
import { grantState, type GrantState } from './grants.ts';
import {
  controlOperation,
  operationByCategory,
  type CategoryOperation,
  type ControlOperation,
} from './operation-by-category.ts';
import type { Document, ProgramModel } from './model.ts';
import { personnelReview, staffCohort, type PersonnelReview, type StaffCohort } from './personnel.ts';
import type { DateSpan } from './spans.ts';
import { todoList, type TodoStep } from './todo.ts';

export class ProgramFacts implements BaseFacts {
  readonly model: ProgramModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly asOf: string;

  /** Every fact worked out so far, by member, then by argument (`undefined` for a member without one). */
  readonly #known = new Map<string, Map<unknown, unknown>>();

  constructor(program: CheckedProgram) {
    this.model = program.model;
    this.diagnostics = program.diagnostics;
    this.asOf = program.asOf;
  }

  #once<T>(member: string, key: unknown, make: () => T): T {
    let known = this.#known.get(member);
    if (!known) this.#known.set(member, (known = new Map()));
    if (!known.has(key)) known.set(key, make());
    return known.get(key) as T;
  }

  /** Coverage of each in-scope category, criterion by criterion, on the evaluation date. */
  coverage(): CategoryCoverage[] {
    return this.#once('coverage', undefined, () => computeCoverage(this.model, this.asOf));
  }

  /** The frameworks besides SOC 2 the program has in scope, in catalog order. */
  frameworksInScope(): AddedFramework[] {
    return frameworksInScope(this.model.program?.data);
  }

  /** Coverage of an added framework's in-scope requirements (empty when it is not in scope). */
  frameworkCoverage(framework: AddedFramework): RequirementCoverage[] {
    return frameworkCoverage(this.model, this.asOf, framework);
  }

  /** The findings about one subject: a document, a person, the program (all periods of a series included). */
  findingsAbout(kind: Subject['kind'], id: string): Diagnostic[] {
    return this.#once('findingsAbout', undefined, () => indexBySubject(this.diagnostics))(kind, id);
  }

  /** The findings about one period of a series. */
  findingsAboutPeriod(seriesId: string, period: string): Diagnostic[] {
    return findingsAboutPeriod(this, seriesId, period);
  }

  /** The evidence series that name a control. */
  evidenceOf(controlId: string): Document<EvidenceData>[] {
    return evidenceOfControl(this.model, controlId);
  }

  /** Whether a control operates: `operating`, `exception`, `failing` or `not in operation`. */
  controlStatus(control: Document<ControlData>): ControlStatus {
    return this.#once('controlStatus', control, () => controlStatus(this, control));
  }

  /** Whether a control operated effectively over the audit window; undefined without a Type II window. */
  effectiveness(control: Document<ControlData>): Effectiveness | undefined {
    return this.#once('effectiveness', control, () => controlEffectiveness(this.model, control, this.asOf));
  }

  /** The Type II audit window; undefined for a Type I audit. */
  auditWindow(): AuditWindow | undefined {
    return auditWindow(this.model);
  }

  /** The days of the window that can be judged on the evaluation date; undefined before it opens and for Type I. */
  judgedWindow(): DateSpan | undefined {
    return judgedWindow(this.model, this.asOf);
  }

  /** Each period of a series in the Type II window, with its status; none for a Type I audit. */
  periods(series: Document<EvidenceData>): TimelineCell[] {
    return this.#once('periods', series, () => {
      const window = auditWindow(this.model);
      return window ? seriesTimeline(this.model, series, window, this.asOf) : [];
    });
  }

  /** The artifact of a series collected last (the first of those collected that day); undefined when none. */
  latestArtifact(series: { data: Pick<EvidenceData, 'artifacts'> }): ArtifactData | undefined {
    return latestArtifact(series);
  }

  /** How far a checklist is. */
  checklistProgress(checklist: Document<ChecklistData>): ChecklistProgress {
    return this.#once('checklistProgress', checklist, () => checklistProgress(this, checklist));
  }

  /** For each category in scope, how many controls in operation address it, and how many of them operate. */
  operationByCategory(): CategoryOperation[] {
    return this.#once('operationByCategory', undefined, () =>
      operationByCategory(this.model, (control) => this.controlStatus(control)),
    );
  }

  /** The controls in operation, each counted once, and how many of them operate: the overall count. */
  controlOperation(): ControlOperation {
    return this.#once('controlOperation', undefined, () =>
      controlOperation(this.model, (control) => this.controlStatus(control)),
    );
  }

  /** What falls due within `days` of the evaluation date. */
  upcoming(days: number): Deadline[] {
    return this.#once('upcoming', days, () => upcomingDeadlines(this.model, this.asOf, days));
  }

  /** The next steps, in the order of the SOC 2 checklist. */
  todo(): TodoStep[] {
    return this.#once('todo', undefined, () => todoList(this));
  }

  /** When a policy's next review is due: `review_months` after its approval; none while it is a draft. */
  reviewDue(policy: {
    data: Pick<PolicyData, 'approved' | 'approved_by' | 'effective' | 'review_months'>;
  }): string | undefined {
    return policyReviewDue(policy);
  }

  /** Whether the program tracks acknowledgements at all (an `acknowledge_url` or imported records). */
  tracksAcknowledgements(): boolean {
    return tracksAcknowledgements(this.model);
  }

  /**
   * Each person on record (leavers included) against each policy that applies to them, in the order of the
   * staff register and then of the policies. A site keeps the rows of the policies it may show.
   */
  acknowledgements(): AcknowledgementStatusRow[] {
    return this.#once('acknowledgements', undefined, () => acknowledgementStatus(this.model, this.asOf));
  }

  /** The audit window's new hires and leavers with their onboarding and offboarding facts; undefined for Type I. */
  personnel(): PersonnelReview | undefined {
    return this.#once('personnel', undefined, () => {
      const window = auditWindow(this.model);
      return window && personnelReview(this.model, window, this.asOf);
    });
  }

  /** A person's cohort for the audit window: current staff, a new hire of the window, a leaver, or former. */
  cohortOf(person: StaffData): StaffCohort {
    return staffCohort(person, auditWindow(this.model), this.asOf);
  }

  /** Whether a person is on staff on the evaluation date. */
  isCurrentStaff(person: Pick<StaffData, 'hired' | 'left'>): boolean {
    return isCurrentStaff(person, this.asOf);
  }

  /** When a person's next security training is due: 30 days after hire, then a year after the last one. */
  trainingDue(person: Pick<StaffData, 'hired' | 'trainings'>): string {
    return trainingDue(person);
  }

  /** When a vendor's next review is due: `review_months` after the last one. */
  vendorReviewDue(vendor: { data: Pick<VendorData, 'reviewed' | 'review_months'> }): string {
    return vendorReviewDue(vendor);
  }

  /** Whether the company had stopped using a vendor by the evaluation date (its `removed` day or before). */
  isRemovedVendor(vendor: { data: Pick<VendorData, 'removed'> }): boolean {
    return isRemovedVendor(vendor, this.asOf);
  }

  /**
   * Whether an attestation is current, needs a bridge letter, has lapsed, is not issued yet, or cannot be true; for an
   * ISO/IEC 27001 certificate, whether it has expired or its surveillance audit is overdue; HIPAA is never certified.
   */
  attestationState(attestation: Document<AttestationData>): AttestationStanding {
    return this.#once('attestationState', attestation, () => attestationStanding(attestation.data, this.asOf));
  }

  /** Whether a grant opens its documents on the evaluation date: current, not yet, expired or revoked. */
  grantState(grant: Document<GrantData>): GrantState {
    return this.#once('grantState', grant, () => grantState(grant.data, this.asOf));
  }
}
