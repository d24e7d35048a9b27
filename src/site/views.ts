/**
 * What each site may see of the program. Pages get their data only from here, so a page cannot render a
 * document its audience may not see: the filtering happens before rendering, never in CSS or scripts.
 */
import {
  acknowledgementStatus,
  DEFAULT_ACKNOWLEDGE_DAYS,
  tracksAcknowledgements,
} from '../engine/acknowledgement-status.ts';
import { isCurrentStaff, isRemovedVendor, policyReviewDue, trainingDue, vendorReviewDue } from '../engine/deadlines.ts';
import { codes, type Diagnostic, type DiagnosticCode, type Subject } from '../engine/diagnostics.ts';
import { artifactPeriod, auditWindow } from '../engine/evidence-timeline.ts';
import { coverageByMonth, criterionState, describeShortfall, type CriterionCoverage } from '../engine/coverage.ts';
import { defaultTest, type ControlStatus } from '../engine/facts.ts';
import { findingGroups, GROUP_AT } from '../engine/finding-groups.ts';
import { periodUnitOf } from '../engine/periods.ts';
import { acknowledgeLink, policyTextHash } from '../engine/policy-text.ts';
import { personnelReview, staffCohort } from '../engine/personnel.ts';
import { attestationState, type AttestationState } from '../engine/attestations.ts';
import { grantState, ndaBlocks, ndaInEffect, type GrantState, type NdaBlock } from '../engine/grants.ts';
import { withFacts, type CheckResult } from '../engine/check.ts';
import { attestationName, frameworkNames } from '../engine/rules/trust.ts';
import { allDocuments, type Document } from '../engine/model.ts';
import { unfinishedProgramFields, withheldFromTrustCenter } from '../engine/placeholders.ts';
import { heldBackSections } from '../engine/trust-center-sections.ts';
import type {
  ChecklistData,
  ControlData,
  EvidenceData,
  PolicyData,
  Program,
  RoleData,
  StaffData,
  AnswerData,
  TrustDocumentData,
  VendorData,
} from '../schema/index.ts';
import type { ArtifactData } from '../schema/evidence.ts';
import type { ChecklistProgress } from '../engine/checklist-state.ts';
import { answersCsv, answersFor, citationNames } from '../export/answers.ts';
import { exporters } from '../export/index.ts';
import { requestRows } from '../export/requests.ts';
import { workpaper } from '../fieldwork/workpaper.ts';
import { readinessReport } from '../report/readiness.ts';
import { splitCitation } from '../engine/policy-sections.ts';
import { categoryLabels, criteria, type Category } from '../catalog/index.ts';
import { groupBySeries } from './criteria-groups.ts';
import { ownerLabel } from './format.ts';
import type { Revision } from './history.ts';
import { extensionOf } from './media-types.ts';
import { slug } from './paths.ts';
import { canSee, type Site } from './sites.ts';
import { publicUpdates, type TrustChange, type TrustUpdate } from '../trust-center/trust-updates.ts';

/** The people a site may name: every site names roles; only the private sites name staff. */
export interface SitePeople {
  roles: readonly RoleData[];
  staff: readonly StaffData[];
}

/** A control as the trust center shows it: its title, summary and the criteria it maps to. Never the narrative. */
export interface PublicPractice {
  title: string;
  summary: string;
  criteria: string[];
}

/** A document the trust center lists: a public one to download, an NDA one to request. */
export interface PublicTrustDocument {
  id: string;
  title: string;
  summary?: string | undefined;
  access: 'public' | 'nda';
  /** For a public document: where it is downloaded, relative to the trust center's root, or its URL. */
  href?: string | undefined;
  validUntil?: string | undefined;
}

/** A current attestation, as the trust center shows its badge. */
export interface PublicAttestation {
  id: string;
  name: string;
  framework: string;
  reportType?: 'I' | 'II' | undefined;
  period?: { start: string; end: string } | undefined;
  date?: string | undefined;
  auditor: string;
  issued: string;
  state: Extract<AttestationState, { state: 'current' }>;
  /** The report itself, as the trust center lists it. */
  document?: PublicTrustDocument | undefined;
}

/** One area's controls as the trust center's status shows them: how many operate, of those in operation. */
export interface AreaStatus {
  area: string;
  /** The Trust Services Category its criteria belong to. */
  category: Category | undefined;
  operating: number;
  total: number;
}

/** A category in scope as the trust center's status shows it: its areas' controls added up. */
export interface CategoryStatus {
  category: Category;
  label: string;
  operating: number;
  total: number;
}

/** A public answer as the trust center shows it, with a link for each citation. */
export interface PublicAnswer {
  id: string;
  question: string;
  answer: string;
  short?: AnswerData['short'] | undefined;
  category: string;
  citations: { label: string; href: string }[];
}

/** A subprocessor as the trust center lists it. */
export interface PublicSubprocessor {
  name: string;
  purpose: string;
  data: string[];
  locations: string[];
  added: string;
  /** The day it starts processing customer data, when announced ahead (`effective`). */
  effective?: string | undefined;
}

/**
 * Every page of a site asks for the same view of the same check result; work it out once per result.
 * Keyed weakly, so a result the build no longer holds takes its views with it.
 */
function perResult<T extends object>(make: (result: CheckResult) => T): (result: CheckResult) => T {
  const cache = new WeakMap<CheckResult, T>();
  return (result) => {
    let value = cache.get(result);
    if (!value) cache.set(result, (value = make(result)));
    return value;
  };
}

function visible<T extends { audience: readonly Site[] }>(site: Site, documents: Document<T>[]): Document<T>[] {
  return documents.filter((document) => canSee(site, document.data.audience));
}

/**
 * The program as the trust center shows it: a field that still holds a template default (an example.com
 * contact or website) is left out, and with it what is built from it (security.txt, the sitemap, the feed).
 */
export type PublicProgram = Omit<Program, 'contact' | 'website' | 'trust_center_url'> & {
  contact?: string;
  website?: string;
  trust_center_url?: string | undefined;
};

function publicProgram(result: CheckResult): PublicProgram {
  const program: PublicProgram = { ...result.model.program!.data };
  for (const field of unfinishedProgramFields(result.model)) {
    if (field === 'contact' || field === 'website' || field === 'trust_center_url') delete program[field];
  }
  return program;
}

/** The trust center's address for absolute links (the sitemap, the feed): undefined while it is a default. */
export function publicBase(program: PublicProgram): string | undefined {
  const url = program.trust_center_url ?? program.website;
  return url?.replace(/\/?$/, '/');
}

const trustCenterView = perResult(function publicView(result: CheckResult) {
  const { model } = result;
  // A document still holding a placeholder is not published until it is done (the check says so: TB320/TB321).
  const withheld = withheldFromTrustCenter(model);
  const finished = <T>(documents: Document<T>[]) => documents.filter((document) => !withheld.has(document));
  const areas = model.program!.data.trust_center_status ? statusByArea(result) : undefined;
  const documents = trustCenterDocuments(result);
  const program = publicProgram(result);
  return {
    program,
    asOf: result.summary.asOf,
    /** Role titles only: the trust center names no staff member. */
    people: { roles: model.people?.data.roles ?? [], staff: [] },
    policies: finished(visible('public', model.policies)),
    procedures: finished(visible('public', model.procedures)),
    checklists: finished(visible('public', model.checklists)),
    checklistProgress: progressOf(result, finished(visible('public', model.checklists))),
    trustPages: finished(model.trustPages).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)),
    practices: finished(model.controls).filter(isPublished).map(toPractice),
    // A removed subprocessor is never listed again; its removal stays in the updates.
    subprocessors: model.vendors
      .filter((vendor) => vendor.data.public && !isRemovedVendor(vendor, result.summary.asOf))
      .map(toSubprocessor),
    /** Sections held back while the register they list is empty (TB560): no page, feed or line about them. */
    heldBack: new Set(heldBackSections(model).map((held) => held.section)),
    ...documents,
    /**
     * Whether the trust center has a request page: something is under NDA and there is a way to ask (a form
     * service, or the contact's address).
     */
    requestAccess:
      documents.trustDocuments.some((document) => document.access === 'nda') &&
      Boolean(program.request_access_url || program.contact),
    /** The answer library's public answers: the trust center's questionnaire answers. */
    answers: publicAnswers(result),
    /** The same answers in a questionnaire's layout (CSV), for a buyer to paste into their own. */
    answersCsv: once(() => answersCsv(result, 'public')),
    /** The NDA a request for documents accepts: the version in effect on the evaluation date. */
    nda: publicNda(result),
    /** Opt-in (`trust_center_status`): each area's share of controls operating, as the build finds it. */
    statusByArea: areas,
    /** The same, added up for each category in scope. */
    statusByCategory: areas && statusByCategory(result),
  };
});

/**
 * The trust center's view. `changes` are the program's public changes from git, handed over beside the check
 * result (`siteData().trustChanges`); `updates` holds those the trust center may list, newest first.
 */
export function publicView(result: CheckResult, changes: readonly TrustChange[] = []) {
  const view = trustCenterView(result);
  if (changes.length === 0) return { ...view, updates: [] };
  // The home page, the updates page and both feeds ask for the same changes: work them out once.
  let updates = updatesOf.get(changes);
  if (!updates || updates.result !== result) {
    updatesOf.set(changes, (updates = { result, list: trustCenterUpdates(result, view, changes) }));
  }
  return { ...view, updates: updates.list };
}

/** The trust center's updates, by the changes they come from (the build hands over one list per check). */
const updatesOf = new WeakMap<readonly TrustChange[], { result: CheckResult; list: TrustUpdate[] }>();

/** The changes about what the trust center shows today (or about documents since deleted), each with its page. */
function trustCenterUpdates(
  result: CheckResult,
  view: ReturnType<typeof trustCenterView>,
  changes: readonly TrustChange[],
): TrustUpdate[] {
  const { model } = result;
  const shown = new Map<string, string>([
    ...model.vendors.filter((vendor) => vendor.data.public).map((vendor) => [vendor.file, 'subprocessors/'] as const),
    ...view.policies.map((policy) => [policy.file, `policies/${slug(policy.id)}/`] as const),
    // An attestation that cannot be true is not news either.
    ...model.attestations
      .filter((attestation) => attestationState(attestation.data, result.summary.asOf).state !== 'impossible')
      .map((attestation) => [attestation.file, ''] as const),
    ...view.trustPages.map((page) => [page.file, page.id === 'overview' ? '' : `${slug(page.id)}/`] as const),
  ]);
  const files = new Set(allDocuments(model).map((document) => document.file));
  return publicUpdates(changes, { asOf: result.summary.asOf, shown, files });
}

/** The agreement's title, version (the SHA-256 a grant records) and text, as the request page shows them. */
function publicNda(result: CheckResult): { title: string; version: string; blocks: NdaBlock[] } | undefined {
  const found = ndaInEffect(result.model, result.summary.asOf);
  return found && { title: found.nda.data.title, version: found.version, blocks: ndaBlocks(found.nda) };
}

/** Public answers, grouped by category, each citation linked to the page of the trust center that shows it. */
function publicAnswers(result: CheckResult): PublicAnswer[] {
  const { model } = result;
  return answersFor(result, 'public').map((answer) => {
    const names = citationNames(result, answer);
    const { policies, controls, documents } = answer.data.cites;
    const hrefs = [
      ...policies.map((citation) => {
        const { id, section } = splitCitation(citation);
        return `policies/${slug(id)}/${section ? `#${section}` : ''}`;
      }),
      ...controls.map(() => 'practices/'),
      ...documents.map((id) => {
        const document = model.trustDocuments.find((candidate) => candidate.id === id);
        // A document under NDA has no link of its own: the home page's list says how to request it.
        return (document && documentHref(document)) ?? '#documents-heading';
      }),
    ];
    return {
      id: answer.id,
      question: answer.data.question,
      answer: answer.data.answer,
      short: answer.data.short,
      category: answer.data.category ?? 'General',
      citations: names.map((label, index) => ({ label, href: hrefs[index]! })),
    };
  });
}

/**
 * For each area (the series of a control's first criterion, as the practices page groups them), how many of
 * its controls in operation the check finds operating with current evidence. A disclosed exception does not
 * count as operating.
 */
function statusByArea(result: CheckResult): AreaStatus[] {
  const inOperation = result.model.controls
    .map((control) => ({ control, status: result.facts.controlStatus(control) }))
    .filter(({ status }) => status !== 'not in operation')
    .map(({ control, status }) => ({ criteria: control.data.criteria, operating: status === 'operating' }));
  return groupBySeries(inOperation).map(({ series, label, items }) => ({
    area: label,
    category: criteria.find((criterion) => criterion.series === series)?.category,
    operating: items.filter((item) => item.operating).length,
    total: items.length,
  }));
}

/** The categories' count of controls operating: the same fact the auditor site's readiness page shows. */
function statusByCategory(result: CheckResult): CategoryStatus[] {
  return result.facts
    .operationByCategory()
    .map(({ category, operating, total }) => ({ category, label: categoryLabels[category], operating, total }));
}

/** Where a public trust document is read: the trust center's own copy of its file, or its URL; none under NDA. */
function documentHref(document: Document<TrustDocumentData>): string | undefined {
  if (document.data.access !== 'public') return undefined;
  return document.data.file !== undefined ? `documents/${servedName(document)}` : document.data.url;
}

/** The file name a public trust document is served under: its id and the file's own extension. */
export function servedName(document: Document<TrustDocumentData>): string {
  return `${document.id}${extensionOf(document.data.file ?? '')}`;
}

/**
 * The trust center's documents (those still valid) and its attestations: badges come only from attestations
 * that are current on the evaluation date, never from text someone wrote.
 */
function trustCenterDocuments(result: CheckResult): {
  trustDocuments: PublicTrustDocument[];
  servedDocuments: Document<TrustDocumentData>[];
  attestations: PublicAttestation[];
} {
  const { model } = result;
  const asOf = result.summary.asOf;
  const valid = model.trustDocuments.filter(
    (document) => document.data.valid_until === undefined || document.data.valid_until >= asOf,
  );
  const served = valid.filter((document) => document.data.access === 'public' && document.data.file !== undefined);
  const toPublic = (document: Document<TrustDocumentData>): PublicTrustDocument => ({
    id: document.id,
    title: document.data.title,
    summary: document.data.summary,
    access: document.data.access,
    href: documentHref(document),
    validUntil: document.data.valid_until,
  });
  const byId = new Map(valid.map((document) => [document.id, toPublic(document)]));
  const attestations = model.attestations.flatMap((attestation): PublicAttestation[] => {
    const state = attestationState(attestation.data, asOf);
    if (state.state !== 'current') return [];
    const { data } = attestation;
    return [
      {
        id: attestation.id,
        name: attestationName(data),
        framework: frameworkNames[data.framework],
        reportType: data.report_type,
        period: data.period,
        date: data.date,
        auditor: data.auditor,
        issued: data.issued,
        state,
        document: data.document === undefined ? undefined : byId.get(data.document),
      },
    ];
  });
  return {
    trustDocuments: [...byId.values()].sort((a, b) => a.title.localeCompare(b.title)),
    servedDocuments: served,
    attestations: attestations.sort((a, b) => b.issued.localeCompare(a.issued)),
  };
}

/**
 * The trust center's files that are not built: those made from a program field that still holds a default,
 * and the answers page while no answer is public. Route entry points, as `routes.ts` names them.
 */
export function withheldRoutes(result: CheckResult): Set<string> {
  const program = publicProgram(result);
  const withheld = new Set<string>();
  if (!program.contact) withheld.add('public/.well-known/security.txt.ts');
  if (!publicBase(program)) {
    withheld.add('public/sitemap.xml.ts');
    withheld.add('public/subprocessors.xml.ts');
    withheld.add('public/updates.xml.ts');
    withheld.add('public/updates.json.ts');
  }
  // Nothing under NDA to request, or no way to ask for it: no request page.
  const view = publicView(result);
  if (view.heldBack.has('subprocessors')) {
    for (const route of ['subprocessors.astro', 'subprocessors.json.ts', 'subprocessors.xml.ts'])
      withheld.add(`public/${route}`);
  }
  if (view.heldBack.has('practices')) withheld.add('public/practices.astro');
  if (!view.requestAccess) withheld.add('public/request-access.astro');
  // No public answers yet: no empty answers page, and no CSV of nothing.
  if (view.answers.length === 0) {
    withheld.add('public/answers.astro');
    withheld.add('public/answers.csv.ts');
  }
  return withheld;
}

/** Each checklist's progress, by id, as the engine works it out. */
function progressOf(
  result: CheckResult,
  checklists: readonly Document<ChecklistData>[],
): Map<string, ChecklistProgress> {
  return new Map(checklists.map((checklist) => [checklist.id, result.facts.checklistProgress(checklist)]));
}

function isPublished(control: Document<ControlData>): boolean {
  return control.data.status === 'implemented' && control.data.public_summary !== undefined;
}

function toPractice(control: Document<ControlData>): PublicPractice {
  return { title: control.data.title, summary: control.data.public_summary!, criteria: control.data.criteria };
}

function toSubprocessor(vendor: Document<VendorData>): PublicSubprocessor {
  const { name, purpose, data, locations, added, effective } = vendor.data;
  return { name, purpose, data, locations, added, effective };
}

export const employeeView = perResult(function employeeView(result: CheckResult) {
  const { model } = result;
  return {
    program: model.program!.data,
    asOf: result.summary.asOf,
    readiness: result.summary.readiness,
    roles: model.people?.data.roles ?? [],
    /** Who owns what: role titles and the names of staff who own documents. */
    people: { roles: model.people?.data.roles ?? [], staff: model.people?.data.staff ?? [] },
    policies: visible('employees', model.policies),
    procedures: visible('employees', model.procedures),
    checklists: visible('employees', model.checklists),
    checklistProgress: progressOf(result, visible('employees', model.checklists)),
    /** Who may read which documents under NDA, until when: the record of the trust center's grants. */
    grants: grantRecords(result),
  };
});

/** A grant as staff see it: the recipient, what they may read, the NDA version, and where it stands. */
export interface GrantRecord {
  id: string;
  name: string;
  email: string;
  organization: string;
  documents: string[];
  ndaTitle?: string | undefined;
  ndaVersion: string;
  granted: string;
  expires: string;
  state: GrantState['state'];
}

function grantRecords(result: CheckResult): GrantRecord[] {
  const { model } = result;
  const titleOf = (id: string) => model.trustDocuments.find((document) => document.id === id)?.data.title ?? id;
  return model.grants
    .map((grant) => ({
      id: grant.id,
      name: grant.data.name,
      email: grant.data.email,
      organization: grant.data.organization,
      documents: grant.data.documents.map(titleOf),
      ndaTitle: model.ndaVersions.get(grant.data.nda_version)?.data.title,
      ndaVersion: grant.data.nda_version,
      granted: grant.data.granted,
      expires: grant.data.expires,
      state: grantState(grant.data, result.summary.asOf).state,
    }))
    .sort((a, b) => b.granted.localeCompare(a.granted) || a.id.localeCompare(b.id));
}

/** A control that started or stopped operating inside the audit window: a significant change (DC9). */
export interface SignificantChange {
  control: Document<ControlData>;
  change: 'implemented' | 'retired';
  date: string;
}

function significantChanges(result: CheckResult): SignificantChange[] {
  const audit = result.model.program?.data.audit;
  const window = audit?.type === 'II' ? audit.period : undefined;
  if (!window) return [];
  const inWindow = (date: string | undefined): date is string =>
    date !== undefined && date >= window.start && date <= window.end;
  return result.model.controls
    .filter((control) => control.data.status === 'implemented')
    .flatMap((control) => [
      ...(inWindow(control.data.implemented)
        ? [{ control, change: 'implemented' as const, date: control.data.implemented }]
        : []),
      ...(inWindow(control.data.retired) ? [{ control, change: 'retired' as const, date: control.data.retired }] : []),
    ])
    .sort((a, b) => a.date.localeCompare(b.date) || a.control.id.localeCompare(b.control.id));
}

/** What the auditor site shows of a staff member besides the record: employed today, and training next due. */
export interface StaffFacts {
  current: boolean;
  trainingDue: string;
}

export const auditorView = perResult(function auditorView(result: CheckResult) {
  const { model } = result;
  const asOf = result.summary.asOf;
  const description = model.systemDescription;
  const assertion = model.assertion;
  const period = auditWindow(model);
  const controls = visible('auditors', model.controls);
  const evidence = visible('auditors', model.evidence);
  const staff = model.people?.data.staff ?? [];
  const evidenceByControl = new Map<string, Document<EvidenceData>[]>();
  for (const series of evidence) {
    for (const id of series.data.controls) evidenceByControl.set(id, [...(evidenceByControl.get(id) ?? []), series]);
  }
  const filtered = once(() => auditorResult(result));
  const report = once(() => readinessReport(filtered()));
  return {
    program: model.program!.data,
    asOf,
    readiness: result.summary.readiness,
    /** The check's counts: errors, warnings, and criteria covered per category. */
    summary: result.summary,
    roles: model.people?.data.roles ?? [],
    staff,
    people: { roles: model.people?.data.roles ?? [], staff },
    policies: visible('auditors', model.policies),
    procedures: visible('auditors', model.procedures),
    checklists: visible('auditors', model.checklists),
    checklistProgress: progressOf(result, visible('auditors', model.checklists)),
    controls,
    evidence,
    risks: visible('auditors', model.risks),
    vendors: model.vendors,
    systemDescription: description && canSee('auditors', description.data.audience) ? description : undefined,
    assertion: assertion && canSee('auditors', assertion.data.audience) ? assertion : undefined,
    /** Carved-out subservice organizations and the controls relied on at each (DC7). */
    subservice: model.vendors.filter((vendor) => vendor.data.carve_out),
    /** Complementary user entity controls (DC6). */
    cuecs: model.program!.data.cuecs,
    /** Controls implemented or retired inside the audit window (DC9). */
    significantChanges: significantChanges(result),
    /** Each person's policy acknowledgements, for the policies auditors see. */
    acknowledgements: acknowledgementStatus(model, asOf, visible('auditors', model.policies)),
    /** Whether the program tracks acknowledgements at all (an `acknowledge_url` or imported records). */
    tracksAcknowledgements: tracksAcknowledgements(model),
    /** A person's cohort for the audit window: current staff, a new hire of the window, or a leaver. */
    cohortOf: (person: StaffData) => staffCohort(person, period, asOf),
    /** The Type II audit window; undefined for a Type I audit. */
    auditWindow: period,
    /** The audit window's new hires and leavers (Type II), with their onboarding and offboarding facts. */
    personnel: period && personnelReview(model, period, asOf),
    /** Coverage of each in-scope criterion: the controls in operation that address it, or its exclusion. */
    coverage: result.facts.coverage(),
    /**
     * One criterion over what is judged (for a Type II audit, every day of the window up to the evaluation
     * date): its state, what kept it from being met, and the window month by month.
     */
    criterionCoverage: (entry: CriterionCoverage) => ({
      state: criterionState(entry),
      shortfall: describeShortfall(entry),
      months: coverageByMonth(model, asOf, entry),
    }),
    /** Each control's status, from the check's findings (src/engine/facts.ts). */
    controlStatuses: new Map<string, ControlStatus>(
      controls.map((control) => [control.id, result.facts.controlStatus(control)]),
    ),
    /** The findings about one document or person, by the subject each finding names. */
    findingsAbout: (kind: Subject['kind'], id: string): Diagnostic[] => result.facts.findingsAbout(kind, id),
    /** The evidence series (that auditors see) naming each control. */
    evidenceOf: (controlId: string): Document<EvidenceData>[] => evidenceByControl.get(controlId) ?? [],
    /** A series' periods in the audit window; none for a Type I audit. */
    timelineOf: (series: Document<EvidenceData>) => result.facts.periods(series),
    /** When each vendor's next review is due. */
    vendorReviewDue: new Map(model.vendors.map((vendor) => [vendor.id, vendorReviewDue(vendor)])),
    /** Each staff member's standing on the evaluation date. */
    staffFacts: new Map<string, StaffFacts>(
      staff.map((person) => [person.id, { current: isCurrentStaff(person, asOf), trainingDue: trainingDue(person) }]),
    ),
    /** How the auditor is expected to test a control: its own `test`, else what its automation suggests. */
    controlTest: (control: Document<ControlData>) => control.data.test ?? defaultTest(control.data),
    /** The period an artifact evidences, as its series' frequency names it (`2026-Q1`). */
    artifactPeriodLabel: (series: Document<EvidenceData>, artifact: ArtifactData) =>
      artifactPeriod(artifact, periodUnitOf(series.data.frequency) ?? 'month')?.label ?? String(artifact.period),
    /** The days staff have to acknowledge a policy, as the acknowledgement rules count them. */
    acknowledgeWithinDays: model.program!.data.acknowledge_within_days ?? DEFAULT_ACKNOWLEDGE_DAYS,
    /** The readiness report of what auditors see (the same as `trustbook report`); worked out when first asked. */
    report,
    /** The steps of the SOC 2 checklist, each with what keeps it open (`trustbook todo`). */
    todo: once(() => filtered().facts.todo()),
    /** The check's errors and warnings, by code: a code with many findings is shown once, folded. */
    findingSections: once(() => {
      const { errors, warnings } = report();
      return [
        { title: `Errors (${errors.length})`, tone: 'bad' as const, groups: byCode(errors) },
        { title: `Warnings (${warnings.length})`, tone: 'warn' as const, groups: byCode(warnings) },
      ];
    }),
    /** The files offered for download, as `trustbook export` writes them, with what each holds. */
    exports: Object.values(exporters).map((exporter) => ({
      file: exporter.file,
      label: exporter.label(result),
      mediaType: exporter.mediaType,
      /** The file's text, written from what auditors see. */
      contents: once(() => exporter.write(filtered())),
    })),
    /** The mock audit's workpaper (the same as `trustbook audit`); worked out when first asked. */
    workpaper: once(() => workpaper(filtered())),
    /** The audit firm's requests with our status on each, in the firm's order. */
    requestRows: once(() => requestRows(result)),
    /** The firm's request lists that hold at least one request. */
    requestLists: model.requests.filter((list) => list.data.requests.length > 0),
  };
});

/** A value worked out the first time it is asked for, then kept: pages that never ask pay nothing. */
function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/** One code's findings, folded into a single line with its count when there are many. */
export interface CodeFindings {
  code: DiagnosticCode;
  title: string;
  folded: boolean;
  findings: Diagnostic[];
}

function byCode(list: readonly Diagnostic[]): CodeFindings[] {
  return findingGroups(list).map((group) => ({
    code: group.code,
    title: codes[group.code],
    folded: group.count >= GROUP_AT,
    findings: list.filter((d) => d.code === group.code),
  }));
}

export type PublicView = ReturnType<typeof publicView>;
export type EmployeeView = ReturnType<typeof employeeView>;
export type AuditorView = ReturnType<typeof auditorView>;

/** The check result with only the documents auditors may see, for the files the auditor site offers. */
export const auditorResult = perResult(function auditorResult(result: CheckResult): CheckResult {
  const { policies, procedures, checklists, controls, evidence, risks, systemDescription } = auditorView(result);
  const model = { ...result.model, policies, procedures, checklists, controls, evidence, risks, trustPages: [] };
  if (!systemDescription) delete model.systemDescription;
  // The filtered copy gets facts of its own, worked out from what auditors see.
  return withFacts({ model, diagnostics: result.diagnostics, summary: result.summary, context: result.context });
});

/** The view of one site: what a route shared by several sites (policy, procedure, checklist) renders from. */
export function viewOf(site: Site, result: CheckResult): PublicView | EmployeeView | AuditorView {
  switch (site) {
    case 'public':
      return publicView(result);
    case 'employees':
      return employeeView(result);
    case 'auditors':
      return auditorView(result);
  }
}

/**
 * A policy as one site shows it. Every site shows the text and its version; `internal` (owner, approval, next
 * review, revisions) is there on the employee portal and the auditor site only, so the trust center's pages
 * have nothing private to leave out.
 */
export interface SitePolicy {
  kind: 'policy';
  id: string;
  /** The policy's file, project-relative: what its body is rendered from. */
  file: string;
  title: string;
  summary?: string | undefined;
  version: string;
  effective: string;
  criteria: readonly string[];
  internal?:
    | {
        owner: string;
        approvedBy: string;
        approved: string;
        reviewDue: string;
        /** Newest first; empty when the program was built outside git. */
        revisions: readonly Revision[];
      }
    | undefined;
  /** On the employee portal, with an `acknowledge_url`: the form's link for this very text. */
  acknowledgeHref?: string | undefined;
}

const sitePoliciesOf = new WeakMap<CheckResult, Map<Site, { history: unknown; list: SitePolicy[] }>>();

/** The policies one site shows, each as that site may show it. `history` is git's, by file (SiteData.history). */
export function sitePolicies(
  site: Site,
  result: CheckResult,
  history: ReadonlyMap<string, readonly Revision[]> = new Map(),
): SitePolicy[] {
  const bySite = sitePoliciesOf.get(result) ?? new Map<Site, { history: unknown; list: SitePolicy[] }>();
  sitePoliciesOf.set(result, bySite);
  const kept = bySite.get(site);
  if (kept && kept.history === history) return kept.list;
  const view = viewOf(site, result);
  const { roles, staff } = view.people;
  // Only the employee portal asks staff to acknowledge: the link carries the text's hash, so the form records
  // exactly what was read.
  const acknowledgeUrl = site === 'employees' ? view.program.acknowledge_url : undefined;
  const list = view.policies.map((policy: Document<PolicyData>): SitePolicy => {
    const { data } = policy;
    return {
      kind: 'policy',
      id: policy.id,
      file: policy.file,
      title: data.title,
      summary: data.summary,
      version: data.version,
      effective: data.effective,
      criteria: data.criteria,
      internal:
        site === 'public'
          ? undefined
          : {
              owner: ownerLabel(data.owner, roles, staff),
              approvedBy: ownerLabel(data.approved_by, roles, staff),
              approved: data.approved,
              // Computed here until the engine's facts offer a policy's review date; then read it there.
              reviewDue: policyReviewDue(policy),
              revisions: history.get(policy.file) ?? [],
            },
      acknowledgeHref:
        acknowledgeUrl &&
        acknowledgeLink(acknowledgeUrl, { id: policy.id, version: data.version, sha256: policyTextHash(policy.body) }),
    };
  });
  bySite.set(site, { history, list });
  return list;
}
