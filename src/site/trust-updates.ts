/**
 * Trust updates: the public changes of a program, worked out from the history of the files the trust center
 * publishes (read by src/integration/trust-history.ts). A subprocessor added or removed, a public policy's
 * version published, an attestation issued, a trust page added or edited. Only what was public at that
 * commit counts, and a change names only a title, name, version or date, never a body.
 */
import { z } from 'astro/zod';
import { kindOfPath, type DocumentKind } from '../engine/document-kinds.ts';
import { parseFrontmatterDocument, parseYaml } from '../engine/frontmatter.ts';
import { attestationName } from '../engine/rules/trust.ts';
import { attestationSchema, policySchema, trustPageSchema, vendorSchema } from '../schema/index.ts';

/** The kinds of document whose history makes trust updates. */
export const trustHistoryKinds: ReadonlySet<DocumentKind> = new Set(['vendor', 'policy', 'attestation', 'trust-page']);

/** One file as a commit left it. */
export interface TrustFileVersion {
  /** Project-relative path after the commit. */
  path: string;
  /** For a rename: the path before it. */
  from?: string;
  /** The commit deletes the file. */
  deleted?: boolean;
  /** The file's text after the commit; absent when deleted, or when git could not give it. */
  text?: string;
}

/** A commit that changed files the trust center publishes. */
export interface TrustRevision {
  commit: string;
  /** The commit's author date, YYYY-MM-DD. */
  date: string;
  /** Where a shallow clone's history starts: its files are the state before the first change, not changes. */
  baseline: boolean;
  files: TrustFileVersion[];
}

interface ChangeBase {
  /** Stable across builds, so a feed reader shows each change once: the commit and the file. */
  id: string;
  commit: string;
  /** The commit's author date, YYYY-MM-DD. */
  date: string;
  /** The file as the commit left it (for a removal, the file as it was). */
  path: string;
  /** Where that file is today, following renames; undefined once it has been deleted. */
  current?: string | undefined;
  /** A subprocessor's name, a policy's or page's title, an attestation's name. */
  subject: string;
}

export type TrustChange = ChangeBase &
  (
    | { kind: 'subprocessor-added'; /** Later than the commit: advance notice of the first day. */ effective?: string }
    | { kind: 'subprocessor-removed' }
    | { kind: 'policy-published'; version: string }
    | { kind: 'attestation-issued'; issued: string }
    | { kind: 'trust-page-changed'; /** A new page rather than an edited one. */ added: boolean }
  );

export type TrustChangeKind = TrustChange['kind'];

/** What a version of a file says that a trust update may repeat. */
type Published =
  | { kind: 'vendor'; name: string; public: boolean; effective: string | undefined }
  | { kind: 'policy'; title: string; version: string; public: boolean }
  | { kind: 'attestation'; name: string; issued: string }
  | { kind: 'trust-page'; title: string };

// Only the fields a trust update reads, with the document schemas' own rules and defaults (a policy's
// audience defaults to employees and auditors); other fields, perhaps renamed since, do not matter here.
const vendorFields = z.looseObject({
  name: vendorSchema.shape.name,
  public: vendorSchema.shape.public,
  effective: vendorSchema.shape.effective,
  removed: vendorSchema.shape.removed,
});
const policyFields = z.looseObject({
  title: policySchema.shape.title,
  version: policySchema.shape.version,
  audience: policySchema.shape.audience,
});
const attestationFields = z.looseObject(attestationSchema.shape);
const pageFields = z.looseObject({ title: trustPageSchema.shape.title });

/** What one version of a file publishes; undefined when it does not parse, as the check would refuse it. */
export function readPublished(path: string, text: string): Published | undefined {
  const kind = kindOfPath(path)?.kind;
  if (!kind || !trustHistoryKinds.has(kind)) return undefined;
  const parsed = /\.ya?ml$/.test(path) ? parseYaml(text.replace(/^\uFEFF/, '')) : parseFrontmatterDocument(text);
  if (parsed.problems.length > 0) return undefined;
  switch (kind) {
    case 'vendor': {
      const fields = vendorFields.safeParse(parsed.data);
      if (!fields.success) return undefined;
      const { name, effective, removed } = fields.data;
      // Recording `removed:` takes the vendor off the list: the version that records it is the removal.
      return { kind, name, public: fields.data.public && removed === undefined, effective };
    }
    case 'policy': {
      const fields = policyFields.safeParse(parsed.data);
      if (!fields.success) return undefined;
      const { title, version, audience } = fields.data;
      return { kind, title, version, public: audience.includes('public') };
    }
    case 'attestation': {
      const fields = attestationFields.safeParse(parsed.data);
      if (!fields.success || (!fields.data.period && !fields.data.date)) return undefined;
      return { kind, name: attestationName(fields.data), issued: fields.data.issued };
    }
    case 'trust-page': {
      const fields = pageFields.safeParse(parsed.data);
      return fields.success ? { kind, title: fields.data.title } : undefined;
    }
    default:
      return undefined;
  }
}

/** A document followed through the history: its last version that parsed, and where its file is. */
interface Subject {
  published: Published | undefined;
  file: { path: string | undefined };
}

/**
 * The public changes in a history given oldest first, newest first. A version that does not parse is skipped:
 * the next one is compared with the last that did. A rename keeps a document's history.
 */
export function trustChanges(history: readonly TrustRevision[]): TrustChange[] {
  const subjects = new Map<string, Subject>();
  const found: { change: TrustChange; file: Subject['file']; order: number }[] = [];
  history.forEach((revision, order) => {
    for (const version of revision.files) {
      const subject = subjects.get(version.from ?? version.path) ?? {
        published: undefined,
        file: { path: version.path },
      };
      if (version.from !== undefined) subjects.delete(version.from);
      const before = subject.published;
      const base = {
        id: `${revision.commit.slice(0, 12)}/${version.path}`,
        commit: revision.commit,
        date: revision.date,
        path: version.path,
      };
      let change: ChangeOf<TrustChange> | undefined;
      if (version.deleted) {
        subject.file.path = undefined;
        subjects.delete(version.path);
        if (before?.kind === 'vendor' && before.public) change = { kind: 'subprocessor-removed', subject: before.name };
      } else {
        subject.file.path = version.path;
        subjects.set(version.path, subject);
        const after = version.text === undefined ? undefined : readPublished(version.path, version.text);
        if (after) {
          subject.published = after;
          change = changeBetween(before, after, revision.date);
        }
      }
      if (change && !revision.baseline) found.push({ change: { ...base, ...change }, file: subject.file, order });
    }
  });
  return found
    .sort((a, b) => b.change.date.localeCompare(a.change.date) || b.order - a.order)
    .map(({ change, file }) => ({ ...change, current: file.path }));
}

type ChangeOf<T> = T extends unknown ? Omit<T, keyof ChangeBase> & { subject: string } : never;

/** What a new version of a document publishes that the last one did not. */
function changeBetween(
  before: Published | undefined,
  after: Published,
  date: string,
): ChangeOf<TrustChange> | undefined {
  switch (after.kind) {
    case 'vendor': {
      const was = before?.kind === 'vendor' ? before : undefined;
      if (after.public && !was?.public) {
        const notice = after.effective !== undefined && after.effective > date ? { effective: after.effective } : {};
        return { kind: 'subprocessor-added', subject: after.name, ...notice };
      }
      if (!after.public && was?.public) return { kind: 'subprocessor-removed', subject: was.name };
      return undefined;
    }
    case 'policy': {
      const was = before?.kind === 'policy' && before.public ? before : undefined;
      if (!after.public || was?.version === after.version) return undefined;
      return { kind: 'policy-published', subject: after.title, version: after.version };
    }
    case 'attestation': {
      if (before?.kind === 'attestation' && before.issued === after.issued) return undefined;
      return { kind: 'attestation-issued', subject: after.name, issued: after.issued };
    }
    case 'trust-page':
      return { kind: 'trust-page-changed', subject: after.title, added: before === undefined };
  }
}

/** A trust update as the trust center shows it. */
export interface TrustUpdate {
  /** Stable: the commit and the file. The updates page's anchor for it, and its feeds' entry id. */
  id: string;
  date: string;
  kind: TrustChangeKind;
  /** The kind as a reader says it: "Subprocessor added". */
  label: string;
  /** The subprocessor, policy, attestation or page. */
  subject: string;
  /** What else a reader needs: a policy's version, the day an attestation was issued. */
  detail?: string | undefined;
  /** The whole change in a line: "Policy published: Encryption Policy, version 2.1". */
  title: string;
  /** One sentence on the change, for the feeds. */
  summary: string;
  /** For a subprocessor announced ahead: the day it starts processing customer data. */
  effective?: string | undefined;
  /** The trust center's page about it, inside the site (`subprocessors/`; empty for the home page). */
  href: string;
}

/** What the trust center shows today, to decide which changes it may list. */
export interface TrustCenterToday {
  /** The evaluation date: later changes are not listed yet. */
  asOf: string;
  /** The files of the documents the trust center shows, each with the page that shows it. */
  shown: ReadonlyMap<string, string>;
  /** The files of every document of the program today, shown or not. */
  files: ReadonlySet<string>;
}

const labels: Record<TrustChangeKind, string> = {
  'subprocessor-added': 'Subprocessor added',
  'subprocessor-removed': 'Subprocessor removed',
  'policy-published': 'Policy published',
  'attestation-issued': 'Attestation issued',
  'trust-page-changed': 'Page updated',
};

/** Where a change about a document the trust center no longer has is read about. */
const listPages: Record<TrustChangeKind, string> = {
  'subprocessor-added': 'subprocessors/',
  'subprocessor-removed': 'subprocessors/',
  'policy-published': 'policies/',
  'attestation-issued': '',
  'trust-page-changed': '',
};

/**
 * The changes the trust center may list today, each with its page. What the program keeps private today keeps
 * its past private too: a change about a document that exists but is not on the trust center (a vendor no
 * longer public, a policy taken off it, a page withheld until finished) is left out, since its name or title
 * is now private text. A deleted document's changes stay: what they name was public and is nobody's secret.
 */
export function publicUpdates(changes: readonly TrustChange[], today: TrustCenterToday): TrustUpdate[] {
  const hidden = (file: string | undefined) => file !== undefined && today.files.has(file) && !today.shown.has(file);
  return changes
    .filter((change) => change.date <= today.asOf && !hidden(change.path) && !hidden(change.current))
    .map((change) => {
      const label = change.kind === 'trust-page-changed' && change.added ? 'Page added' : labels[change.kind];
      const detail =
        change.kind === 'policy-published'
          ? `version ${change.version}`
          : change.kind === 'attestation-issued'
            ? `issued ${change.issued}`
            : undefined;
      const effective = change.kind === 'subprocessor-added' ? change.effective : undefined;
      return {
        id: change.id,
        date: change.date,
        kind: change.kind,
        label,
        subject: change.subject,
        detail,
        title: `${label}: ${change.subject}${detail ? `, ${detail}` : ''}`,
        summary: summaryOf(change),
        effective,
        href: today.shown.get(change.current ?? change.path) ?? listPages[change.kind],
      };
    });
}

function summaryOf(change: TrustChange): string {
  switch (change.kind) {
    case 'subprocessor-added':
      return change.effective
        ? `${change.subject} is added to the subprocessors; it starts processing customer data on ${change.effective}.`
        : `${change.subject} is added to the subprocessors.`;
    case 'subprocessor-removed':
      return `${change.subject} is no longer a subprocessor.`;
    case 'policy-published':
      return `Version ${change.version} of ${change.subject} is published.`;
    case 'attestation-issued':
      return `The ${change.subject} is issued (${change.issued}).`;
    case 'trust-page-changed':
      return change.added ? `The page ${change.subject} is published.` : `The page ${change.subject} is updated.`;
  }
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Updates given newest first, in months ("November 2026"), newest first. */
export function updatesByMonth(
  updates: readonly TrustUpdate[],
): { month: string; label: string; updates: TrustUpdate[] }[] {
  const months: { month: string; label: string; updates: TrustUpdate[] }[] = [];
  for (const update of updates) {
    const month = update.date.slice(0, 7);
    if (months.at(-1)?.month !== month) {
      months.push({ month, label: `${monthNames[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`, updates: [] });
    }
    months.at(-1)!.updates.push(update);
  }
  return months;
}

/** A change's id as an HTML id and URL fragment: its path segments encoded, so any file name is safe. */
export function anchorOf(update: Pick<TrustUpdate, 'id'>): string {
  return `change-${update.id.split('/').map(encodeURIComponent).join('/')}`;
}
