/**
 * The trust center's view: what the public may see of the program, already decided. A document still holding a
 * placeholder is withheld, badges come only from attestations current on the evaluation date, and each control
 * shows only its public summary.
 */
import type { CheckResult } from '../../engine/check.ts';
import { ndaBlocks, ndaInEffect, type NdaBlock } from '../../engine/grants.ts';
import { allDocuments, type Document } from '../../engine/model.ts';
import { unfinishedProgramFields, withheldFromTrustCenter } from '../../engine/placeholders.ts';
import { heldBackSections } from '../../engine/trust-center-sections.ts';
import { splitCitation } from '../../engine/policy-sections.ts';
import { attestationName, frameworkNames } from '../../engine/rules/trust.ts';
import { answersCsv, answersFor, citationNames } from '../../export/answers.ts';
import { categoryLabels, criteria, type Category } from '../../catalog/index.ts';
import type { AnswerData, ControlData, Program, TrustDocumentData, VendorData } from '../../schema/index.ts';
import { publicUpdates, type TrustChange, type TrustUpdate } from '../../trust-center/trust-updates.ts';
import { groupBySeries } from '../criteria-groups.ts';
import { extensionOf } from '../media-types.ts';
import { slug } from '../paths.ts';
import { once, perResult, progressOf, visible } from './select.ts';

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
  /** Current: `lapses` is the last day it is (a certificate's expiry date); `bridgedThrough` for a bridged report. */
  state: { state: 'current'; lapses: string; bridgedThrough?: string | undefined };
  /** An ISO/IEC 27001 certificate's own facts: its number, expiry date and scope statement. */
  certificate?: { number: string; expires: string; scope: string } | undefined;
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
      .filter((vendor) => vendor.data.public && !result.facts.isRemovedVendor(vendor))
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
    /** The same, added up for each category in scope: a control addressing two categories counts in both. */
    statusByCategory: areas && statusByCategory(result),
    /** Every control in operation counted once, and how many operate: the one overall figure. */
    operationOverall: areas && result.facts.controlOperation(),
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
    // An attestation that cannot be true is not news either, nor one of a framework nobody certifies.
    ...model.attestations
      .filter(
        (attestation) => !['impossible', 'no-certification'].includes(result.facts.attestationState(attestation).state),
      )
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
    const state = result.facts.attestationState(attestation);
    if (state.state !== 'current') return [];
    const { data } = attestation;
    const certified = 'certificate' in state;
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
        state: certified ? { state: 'current', lapses: state.expires } : state,
        certificate: certified
          ? { number: data.certificate ?? '', expires: state.expires, scope: data.scope ?? '' }
          : undefined,
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
  // No policy published yet (drafts and half-written ones are held back): no empty policies page or menu entry.
  if (view.policies.length === 0) withheld.add('public/policies.astro');
  // No public answers yet: no empty answers page, and no CSV of nothing.
  if (view.answers.length === 0) {
    withheld.add('public/answers.astro');
    withheld.add('public/answers.csv.ts');
  }
  return withheld;
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

export type PublicView = ReturnType<typeof publicView>;
