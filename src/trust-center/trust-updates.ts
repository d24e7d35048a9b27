/**
 * Trust updates: the public changes of a program, worked out from the history of the files the trust center
 * publishes (read by src/integration/trust-history.ts). A subprocessor added or removed, a public policy's
 * version published, an attestation issued, a trust page added or edited. A change names only a title, name,
 * version or date, never a body.
 *
 * The history is replayed commit by commit with the trust center's own rules: what a commit published is what
 * its files, as they stood after it, put on the trust center (a vendor marked `public`, a policy whose audience
 * holds `public`, an attestation, a trust page), less what the trust center holds back (a document with a
 * `<Todo>`, a TODO value or an example.com default, as `src/engine/placeholders.ts` decides). A commit whose
 * check would fail published nothing: judged cheaply from these files alone, a commit fails when one of them
 * does not parse, breaks its schema (today's schema; a field it no longer knows is forgiven, since fields are
 * renamed over the years), has a body that is not valid MDX, or holds a placeholder the trust center would
 * have to publish (a subprocessor's). Its changes are announced by the next commit that passes.
 * The rest of the program (program.yaml, people, controls) is not replayed: a commit that passes here may
 * still have failed on another file, and is then announced a little early, never wrongly.
 */
import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { bodyTree, syntaxOf } from '../engine/body-tree.ts';
import { kindOfPath, type DocumentKind } from '../engine/document-kinds.ts';
import { parseFrontmatterDocument, parseYaml } from '../engine/frontmatter.ts';
import type { Document } from '../engine/model.ts';
import { bodyPlaceholders, trustCenterReach, valuePlaceholders } from '../engine/placeholders.ts';
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
  /**
   * Stable across builds, so a feed reader shows each change once: a hash of the change's kind, the
   * document's id and the commit. No file path: the program's layout is nobody's business.
   */
  id: string;
  commit: string;
  /** The commit's author date, YYYY-MM-DD. */
  date: string;
  /** The file as the commit left it (for a removal, the file as it was). Never published. */
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

/** What a version of a file puts on the trust center that a trust update may repeat. */
type Published =
  | { kind: 'vendor'; name: string; effective: string | undefined }
  | { kind: 'policy'; title: string; version: string }
  | { kind: 'attestation'; name: string; issued: string }
  | { kind: 'trust-page'; title: string };

// Only the fields a trust update reads, with the document schemas' own rules and defaults (a policy's
// audience defaults to employees and auditors); whether the whole file is valid is the full schema's say.
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

/** How the trust center took one version of a file. */
export interface FileVerdict {
  /** Whether the version passes: it parses, follows its schema, and publishes no placeholder. */
  ok: boolean;
  /** What it put on the trust center; undefined when nothing (private, held back, or failing). */
  published?: Published | undefined;
  /** Its title or name, shown or not: a past title of a document is forbidden text when it never went out. */
  subject?: string | undefined;
  /** The document's id (its `id`, else its file name), for the change ids. */
  id: string;
}

/** What one version of a file puts on the trust center, by the check's schema and hold-back rules. */
export function readPublished(path: string, text: string): FileVerdict {
  const info = kindOfPath(path);
  const fileId = path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const failed: FileVerdict = { ok: false, id: fileId };
  if (!info || !trustHistoryKinds.has(info.kind)) return failed;
  const isYaml = /\.ya?ml$/.test(path);
  const parsed = isYaml
    ? { ...parseYaml(text.replace(/^\uFEFF/, '')), body: '', bodyLine: 1 }
    : parseFrontmatterDocument(text);
  if (parsed.problems.length > 0) return failed;
  const data = parsed.data as Record<string, unknown>;
  const id = typeof data?.id === 'string' ? data.id : fileId;
  const subject = subjectOf(info.kind, data);
  // A field the schema no longer knows (renamed or dropped since) is no failure of that commit's check.
  const full = info.schema.safeParse(data);
  if (!full.success && full.error.issues.some((issue) => issue.code !== 'unrecognized_keys')) {
    return { ok: false, id, subject };
  }
  const valid = full.success ? full.data : data;
  if (!isYaml && parsed.body.trim() !== '' && !bodyTree(parsed.body, parsed.bodyLine, syntaxOf(path))) {
    return { ok: false, id, subject };
  }
  const document = { kind: info.kind, file: path, data: valid } as Document<unknown>;
  const placeholders = [
    ...valuePlaceholders(valid, parsed.keyLines),
    ...(isYaml ? [] : bodyPlaceholders(parsed.body, parsed.bodyLine, path)),
  ];
  const reach = placeholders.length > 0 ? trustCenterReach(document, placeholders) : 'private';
  if (reach === 'published') return { ok: false, id, subject };
  if (reach === 'withheld') return { ok: true, id, subject };
  return { ok: true, id, subject, published: shownOf(info.kind, data) };
}

function subjectOf(kind: DocumentKind, data: Record<string, unknown> | undefined): string | undefined {
  const value = kind === 'vendor' ? data?.name : kind === 'attestation' ? undefined : data?.title;
  return typeof value === 'string' ? value : undefined;
}

/** What a valid, finished version shows on the trust center, if anything. */
function shownOf(kind: DocumentKind, data: unknown): Published | undefined {
  switch (kind) {
    case 'vendor': {
      const fields = vendorFields.safeParse(data);
      // Recording `removed:` takes the vendor off the list: the version that records it is the removal.
      if (!fields.success || !fields.data.public || fields.data.removed !== undefined) return undefined;
      return { kind, name: fields.data.name, effective: fields.data.effective };
    }
    case 'policy': {
      const fields = policyFields.safeParse(data);
      if (!fields.success || !fields.data.audience.includes('public')) return undefined;
      return { kind, title: fields.data.title, version: fields.data.version };
    }
    case 'attestation': {
      const fields = attestationFields.safeParse(data);
      if (!fields.success || (!fields.data.period && !fields.data.date)) return undefined;
      return { kind, name: attestationName(fields.data), issued: fields.data.issued };
    }
    case 'trust-page': {
      const fields = pageFields.safeParse(data);
      return fields.success ? { kind, title: fields.data.title } : undefined;
    }
    default:
      return undefined;
  }
}

/** A document followed through the history, across renames. */
interface Followed {
  /** Where its file is; undefined once deleted. */
  path: string | undefined;
  /** Where its file was last. */
  file: string;
  kind: DocumentKind | undefined;
  /** How the trust center took its file as it stands; undefined when git could not give the text. */
  verdict: FileVerdict | undefined;
  /** What it had on the trust center after the last commit that passed. */
  shown: Published | undefined;
  /** Changed since the last commit that passed. */
  dirty: boolean;
  /** Deleted while the trust center did not show it: nothing it ever was is announced. */
  buried: boolean;
  /** Every title or name it had, and whether each reached the trust center. */
  subjects: Map<string, boolean>;
  changes: { change: TrustChange; order: number }[];
}

/** A title or name a document had in the history, for the leak scan. */
export interface HistoricalSubject {
  subject: string;
  /** Whether the trust center ever showed it. */
  published: boolean;
  /** A vendor's name (looked for whatever its length), rather than a title. */
  name: boolean;
  /** Where the document is today (following renames); undefined when deleted. */
  current: string | undefined;
  /** For a deleted document: whether the trust center showed it when its file was deleted. */
  shownAtEnd: boolean;
}

/** The public changes in a history given oldest first (newest first), and every title or name it saw. */
export function replayTrustHistory(history: readonly TrustRevision[]): {
  changes: TrustChange[];
  subjects: HistoricalSubject[];
} {
  const byPath = new Map<string, Followed>();
  const all: Followed[] = [];
  let failing = 0;
  const verdicts = new Map<string, FileVerdict>();
  const judge = (path: string, text: string) => {
    const key = `${path}\u0000${text}`;
    let verdict = verdicts.get(key);
    if (!verdict) verdicts.set(key, (verdict = readPublished(path, text)));
    return verdict;
  };
  const setVerdict = (followed: Followed, verdict: FileVerdict | undefined) => {
    if (followed.verdict && !followed.verdict.ok) failing--;
    if (verdict && !verdict.ok) failing++;
    followed.verdict = verdict;
    if (verdict?.subject !== undefined && !followed.subjects.has(verdict.subject)) {
      followed.subjects.set(verdict.subject, false);
    }
  };
  history.forEach((revision, order) => {
    for (const version of revision.files) {
      let followed = byPath.get(version.from ?? version.path);
      if (version.from !== undefined) byPath.delete(version.from);
      if (!followed) {
        if (version.deleted) continue;
        followed = {
          path: version.path,
          file: version.path,
          kind: kindOfPath(version.path)?.kind,
          verdict: undefined,
          shown: undefined,
          dirty: false,
          buried: false,
          subjects: new Map(),
          changes: [],
        };
        all.push(followed);
      }
      followed.dirty = true;
      if (version.deleted) {
        byPath.delete(version.path);
        followed.path = undefined;
        setVerdict(followed, undefined);
      } else {
        followed.path = version.path;
        followed.file = version.path;
        byPath.set(version.path, followed);
        // A version git could not give is unknown: the document keeps what it had.
        if (version.text !== undefined) setVerdict(followed, judge(version.path, version.text));
      }
    }
    // A commit whose check fails publishes nothing; a shallow clone's first commit is the state it starts from.
    if (failing > 0 && !revision.baseline) return;
    for (const followed of all) {
      if (!followed.dirty) continue;
      followed.dirty = false;
      const after =
        followed.path === undefined ? undefined : followed.verdict ? followed.verdict.published : followed.shown;
      const change = revision.baseline ? undefined : changeBetween(followed.shown, after, revision.date);
      if (followed.path === undefined) followed.buried = followed.shown === undefined;
      followed.shown = after;
      if (after)
        followed.subjects.set(after.kind === 'vendor' || after.kind === 'attestation' ? after.name : after.title, true);
      if (change) {
        const id = hash(`${change.kind}\u0000${followed.verdict?.id ?? ''}\u0000${revision.commit}`);
        const path = followed.file;
        followed.changes.push({ change: { ...change, id, commit: revision.commit, date: revision.date, path }, order });
      }
    }
  });
  // A deletion no passing commit published: whatever the trust center showed last stays as it was.
  for (const followed of all) if (followed.dirty && followed.path === undefined) followed.buried = !followed.shown;
  const changes = all
    .filter((followed) => !followed.buried)
    .flatMap((followed) => followed.changes.map((found) => ({ ...found, current: followed.path })))
    .sort((a, b) => b.change.date.localeCompare(a.change.date) || b.order - a.order)
    .map(({ change, current }) => ({ ...change, current }));
  const subjects = all.flatMap((followed) =>
    [...followed.subjects].map(([subject, published]) => ({
      subject,
      published,
      name: followed.kind === 'vendor',
      current: followed.path,
      shownAtEnd: !followed.buried,
    })),
  );
  return { changes, subjects };
}

/** The public changes in a history given oldest first, newest first. */
export function trustChanges(history: readonly TrustRevision[]): TrustChange[] {
  return replayTrustHistory(history).changes;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

type ChangeOf<T> = T extends unknown ? Omit<T, keyof ChangeBase> & { subject: string } : never;

/** What the trust center shows after a commit that it did not show before. */
function changeBetween(
  before: Published | undefined,
  after: Published | undefined,
  date: string,
): ChangeOf<TrustChange> | undefined {
  if (!after) {
    return before?.kind === 'vendor' ? { kind: 'subprocessor-removed', subject: before.name } : undefined;
  }
  switch (after.kind) {
    case 'vendor': {
      if (before?.kind === 'vendor') return undefined;
      const notice = after.effective !== undefined && after.effective > date ? { effective: after.effective } : {};
      return { kind: 'subprocessor-added', subject: after.name, ...notice };
    }
    case 'policy': {
      if (before?.kind === 'policy' && before.version === after.version) return undefined;
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
  /** Stable, and without a file path (see `ChangeBase.id`). The updates page's anchor, and its feeds' entry id. */
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

/** A change's id as an HTML id and URL fragment. */
export function anchorOf(update: Pick<TrustUpdate, 'id'>): string {
  return `change-${encodeURIComponent(update.id)}`;
}
