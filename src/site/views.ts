/**
 * What each site may see of the program: the documents its audience may see, selected here, and turned into
 * the projections its pages receive in ./views/pages.ts. A page cannot render a document its audience may not
 * see: the filtering happens before rendering, never in CSS or scripts. The trust center's view is in
 * ./views/public.ts (re-exported here); the employee portal's and the auditor site's follow.
 */
import { DEFAULT_ACKNOWLEDGE_DAYS } from '../engine/acknowledgement-status.ts';
import { withFacts, type CheckResult } from '../engine/check.ts';
import { codes, type Diagnostic, type DiagnosticCode, type Subject } from '../engine/diagnostics.ts';
import { servedEvidenceFiles } from '../engine/evidence-files.ts';
import { findingGroups, GROUP_AT } from '../engine/finding-groups.ts';
import type { GrantState } from '../engine/grants.ts';
import type { Document } from '../engine/model.ts';
import { isApproved, policyApproval } from '../engine/policy-approval.ts';
import { acknowledgeLink, policyTextHash } from '../engine/policy-text.ts';
import type { ControlData, PolicyData } from '../schema/index.ts';
import { exporters } from '../export/index.ts';
import { requestRows } from '../export/requests.ts';
import { soaView } from './soa-view.ts';
import { workpaper } from '../fieldwork/workpaper.ts';
import { readinessReport } from '../report/readiness.ts';
import { ownerLabel } from './format.ts';
import type { Revision } from './history.ts';
import { canSee, type Site } from './sites.ts';
import { publicView, type PublicView } from './views/public.ts';
import { once, perResult, progressOf, visible } from './views/select.ts';

export type { SitePeople } from './views/select.ts';
export {
  publicBase,
  publicView,
  servedName,
  withheldRoutes,
  type AreaStatus,
  type CategoryStatus,
  type PublicAnswer,
  type PublicAttestation,
  type PublicPractice,
  type PublicProgram,
  type PublicSubprocessor,
  type PublicTrustDocument,
  type PublicView,
} from './views/public.ts';

/** The employee portal's view: the documents staff may read, and the record of the trust center's grants. */
export const employeeView = perResult(function employeeView(result: CheckResult) {
  const { model } = result;
  return {
    program: model.program!.data,
    asOf: result.summary.asOf,
    readiness: result.summary.readiness,
    roles: model.people?.data.roles ?? [],
    /** Who owns what: role titles and the names of staff who own documents. */
    people: { roles: model.people?.data.roles ?? [], staff: model.people?.data.staff ?? [] },
    // A draft is not a policy in force: staff read a policy once someone has approved it (TB214).
    policies: visible('employees', model.policies).filter(isApproved),
    procedures: visible('employees', model.procedures),
    checklists: visible('employees', model.checklists),
    checklistProgress: progressOf(result, visible('employees', model.checklists)),
    /**
     * Which organizations may read which documents under NDA, until when. Not who: a recipient's name and address
     * are for those who need them (the auditor site, and the grant files the trust center's owners keep).
     */
    grants: grantRecords(result).map(sharedGrant),
  };
});

/** A grant as the employee portal shows it: the organization, never the person the link was sent to. */
export type SharedGrant = Omit<GrantRecord, 'name' | 'email'>;

/** Fields picked one by one, so a field added to the record later does not reach staff unless chosen here. */
function sharedGrant(grant: GrantRecord): SharedGrant {
  const { id, organization, documents, ndaTitle, ndaVersion, granted, expires, state } = grant;
  return { id, organization, documents, ndaTitle, ndaVersion, granted, expires, state };
}

/** A grant as the auditor site shows it: the recipient, what they may read, the NDA version, and where it stands. */
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

export function grantRecords(result: CheckResult): GrantRecord[] {
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
      state: result.facts.grantState(grant).state,
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

/** The auditor site's view: the documents auditors may see, and the readiness report, exports and workpaper made from them. */
export const auditorView = perResult(function auditorView(result: CheckResult) {
  const { model, facts } = result;
  const asOf = result.summary.asOf;
  const description = model.systemDescription;
  const assertion = model.assertion;
  const staff = model.people?.data.staff ?? [];
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
    controls: visible('auditors', model.controls),
    evidence: visible('auditors', model.evidence),
    /** The evidence files kept in the repository that the check verified, each with where the site serves it. */
    evidenceFiles: servedEvidenceFiles(visible('auditors', model.evidence), model.artifactFiles),
    risks: visible('auditors', model.risks),
    vendors: model.vendors,
    systemDescription: description && canSee('auditors', description.data.audience) ? description : undefined,
    assertion: assertion && canSee('auditors', assertion.data.audience) ? assertion : undefined,
    /** Complementary user entity controls (DC6). */
    cuecs: model.program!.data.cuecs,
    /** The ISO/IEC 27001 Statement of Applicability, row by row; undefined without one. */
    statementOfApplicability: soaView(result),
    /** Controls implemented or retired inside the audit window (DC9). */
    significantChanges: significantChanges(result),
    /** Who may read which documents under NDA, until when: the record of the trust center's grants, recipients named. */
    grants: grantRecords(result),
    /** Whether the program tracks acknowledgements at all (an `acknowledge_url` or imported records). */
    tracksAcknowledgements: facts.tracksAcknowledgements(),
    /** The Type II audit window; undefined for a Type I audit. */
    auditWindow: facts.auditWindow(),
    /** The audit window's new hires and leavers (Type II), with their onboarding and offboarding facts. */
    personnel: facts.personnel(),
    /** The findings about one document or person, by the subject each finding names. */
    findingsAbout: (kind: Subject['kind'], id: string): Diagnostic[] => facts.findingsAbout(kind, id),
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
      /**
       * The file's text, written from what auditors see. Written anew when asked, not kept: the build asks once
       * per file, and the program's JSON alone is megabytes the heap would hold until the last page is done.
       */
      contents: () => exporter.write(filtered()),
    })),
    /** The mock audit's workpaper (the same as `trustbook audit`); worked out when first asked. */
    workpaper: once(() => workpaper(filtered())),
    /** The audit firm's requests with our status on each, in the firm's order. */
    requestRows: once(() => requestRows(result)),
    /** The firm's request lists that hold at least one request. */
    requestLists: model.requests.filter((list) => list.data.requests.length > 0),
  };
});

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
  /** Unset on a draft, which only the auditor site lists (marked not approved). */
  effective: string | undefined;
  criteria: readonly string[];
  internal?:
    | {
        owner: string;
        /** Who approved this version, when, and when it is due for review: all unset on a draft. */
        approvedBy: string | undefined;
        approved: string | undefined;
        reviewDue: string | undefined;
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
    const approval = policyApproval(policy);
    return {
      kind: 'policy',
      id: policy.id,
      file: policy.file,
      title: data.title,
      summary: data.summary,
      version: data.version,
      effective: approval?.effective,
      criteria: data.criteria,
      internal:
        site === 'public'
          ? undefined
          : {
              owner: ownerLabel(data.owner, roles, staff),
              approvedBy: approval && ownerLabel(approval.by, roles, staff),
              approved: approval?.on,
              reviewDue: result.facts.reviewDue(policy),
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
