/**
 * What `trustbook sync` would do to one client, worked out in memory before a file is touched: each library
 * document merged into the client's copy against the text the client last took (kept beside its sync record),
 * the documents the library added, the ones it dropped, and the new record. A record whose kept texts do not
 * match their hashes was edited by hand: the plan then changes nothing, because a merge against the wrong base
 * would silently undo the client's work.
 */
import { createHash } from 'node:crypto';
import type { LibraryData, LibraryQuestion, SyncRecord } from '../schema/workspace.ts';
import type { Diagnostic } from '../engine/diagnostics.ts';
import { finding } from '../engine/findings/finding.ts';
import { documentOverrides, mergeDocument, type Conflict } from './merge-document.ts';
import { syntaxOf, type BodySyntax } from '../engine/body-tree.ts';
import { sectionsOf } from './sections.ts';
import { lineOfPath, parseFrontmatterDocument } from '../engine/frontmatter.ts';
import { fillVariables, unsafePlaceholders, unsetVariables, type Answers } from './variables.ts';
import { migrate, pendingMigrations, type LayerMigration } from './migrations.ts';

/** One library folder: the base library or an overlay. */
export interface LibraryLayer {
  data: LibraryData;
  /** The folder, relative to the workspace. */
  folder: string;
  /** Each document's text, by its path in a program (`policies/access-control.mdx`). */
  documents: ReadonlyMap<string, string>;
}

/** What a client takes: the base library with its overlays laid over it, in order. */
export interface LibraryState {
  layers: LibraryData[];
  /** Each document's text, from the last layer that holds it. */
  documents: ReadonlyMap<string, string>;
  /** The layer each document comes from. */
  origins: ReadonlyMap<string, LibraryOrigin>;
  /** The questions of every layer; a later layer's question replaces an earlier one of the same id. */
  questions: LibraryQuestion[];
  /** Every layer's migrations, layer by layer in order. */
  migrations: LayerMigration[];
}

export interface LibraryOrigin {
  name: string;
  version: string;
  /** The layer's folder, relative to the workspace. */
  folder: string;
}

export function layered(layers: readonly LibraryLayer[]): LibraryState {
  const documents = new Map<string, string>();
  const origins = new Map<string, LibraryOrigin>();
  const questions = new Map<string, LibraryQuestion>();
  for (const layer of layers) {
    for (const [path, text] of layer.documents) {
      documents.set(path, text);
      origins.set(path, { name: layer.data.name, version: layer.data.version, folder: layer.folder });
    }
    for (const question of layer.data.questions) questions.set(question.id, question);
  }
  return {
    layers: layers.map((layer) => layer.data),
    documents,
    origins,
    questions: [...questions.values()],
    migrations: layers.flatMap((layer) =>
      layer.data.migrations.map((migration) => ({ layer: layer.data.name, migration })),
    ),
  };
}

/** The answers in effect for a client: the library's defaults, then the answers it recorded, then new ones. */
export function answersFor(library: LibraryState, recorded: Answers | undefined, given: Answers = {}): Answers {
  const defaults = Object.fromEntries(
    library.questions.flatMap((question) => (question.default !== undefined ? [[question.id, question.default]] : [])),
  );
  return { ...defaults, ...recorded, ...given };
}

/** `Baseline 7 + Healthcare 2`: the layers a client takes, with their versions. */
export function describeLayers(layers: readonly { name: string; version: string }[] | undefined): string {
  return layers?.map((layer) => `${layer.name} ${layer.version}`).join(' + ') ?? 'none';
}

export interface ClientState {
  name: string;
  /** The client's folder, relative to the workspace: findings name files from the workspace folder. */
  path: string;
  /** The record of the last sync; undefined before the first. */
  record: SyncRecord | undefined;
  /** The library texts the client last took, by path, as kept beside the record. */
  bases: ReadonlyMap<string, string>;
  /** The client's current files at the paths the library or the record names; absent when deleted. */
  files: ReadonlyMap<string, string>;
}

export interface DocumentUpdate {
  path: string;
  /** True for a document the library added that the client did not have. */
  added: boolean;
  fields: string[];
  sections: string[];
}

/** What an update touched, as the sync's report and its pull request say it: `fields a, b; sections c`. */
export function describeChange(update: DocumentUpdate): string {
  return [
    update.fields.length > 0 ? `fields ${update.fields.join(', ')}` : '',
    update.sections.length > 0 ? `sections ${update.sections.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface SyncPlan {
  client: string;
  /** Program files to write, by path. */
  writes: Map<string, string>;
  /** Program files to remove: the old paths of documents a migration moved. */
  removals: Set<string>;
  /** The record to write, and the base texts to keep beside it (every path of the record). */
  record: SyncRecord;
  bases: Map<string, string>;
  /**
   * The kept base texts that differ from the ones on disk: a text to write, or undefined for one to remove. A
   * sync rewrites only these, usually a few of a client's many documents.
   */
  baseChanges: Map<string, string | undefined>;
  updates: DocumentUpdate[];
  /** Documents left as the client has them because both sides changed the same thing. */
  conflicts: { path: string; conflicts: Conflict[] }[];
  /** Library changes under the client's overrides not yet reviewed (new ones and ones still open). */
  reviews: Review[];
  /** Things a partner should know that need no action from the tool. */
  notices: { path: string; message: string }[];
  /** What is wrong or needs a person (TB021-TB027), with paths from the workspace folder. */
  findings: Diagnostic[];
  /**
   * True when the sync cannot finish cleanly (an error among the findings): then it writes nothing at all in
   * the client, neither a document nor the record, so a client is never left half synced.
   */
  blocked: boolean;
  /** Whether the client is behind the library: a version, a document, an answer or a record to write. */
  behind: boolean;
}

export interface Review {
  path: string;
  kind: 'field' | 'section';
  name: string;
  /** The day sync found the library change. */
  since: string;
}

/**
 * Where a client keeps what it took from the library, committed with the program. Not under `.trustbook/`, which
 * is the build's scratch folder every program ignores.
 */
export const syncFolder = '.trustbook-sync';
export const recordFile = `${syncFolder}/sync.yaml`;
export const basesFolder = `${syncFolder}/base`;

export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface SyncOptions {
  today: string;
  /** Write conflicting sections with conflict markers instead of stopping. */
  markers?: boolean;
  /** Answers given now (`--answer`), over the ones the client recorded. */
  answers?: Answers;
  /**
   * Planning what the next sync would do (`check --workspace`) rather than syncing: a conflict is then a
   * warning, since the client's files are fine as they are.
   */
  pending?: boolean;
  /** The partner the workspace names, kept in the record for the trust center's "managed by" line. */
  partner?: SyncRecord['partner'];
}

export function planSync(library: LibraryState, client: ClientState, options: SyncOptions): SyncPlan {
  // Defaults included: the build renders `<Var>` from the record alone, without the library.
  const recordedAnswers = answersFor(library, client.record?.answers, options.answers);
  const plan: SyncPlan = {
    client: client.name,
    writes: new Map(),
    removals: new Set(),
    record: {
      layers: library.layers.map(({ name, version }) => ({ name, version })),
      synced: options.today,
      ...(Object.keys(recordedAnswers).length > 0 ? { answers: sortedObject(recordedAnswers) } : {}),
      ...(options.partner ? { partner: options.partner } : {}),
      documents: {},
    },
    bases: new Map(),
    baseChanges: new Map(),
    updates: [],
    conflicts: [],
    reviews: [],
    notices: [],
    findings: [],
    blocked: false,
    behind: false,
  };
  const inClient = (path: string) => `${client.path}/${path}`;
  plan.findings.push(...tamperedBases(client, client.record?.documents ?? {}));
  if (plan.findings.length > 0) {
    plan.blocked = true;
    return plan;
  }
  // Migrations first, so the merge below sees each document where the library now keeps it.
  const migrated = migrate(
    {
      client: client.name,
      path: client.path,
      documents: client.record?.documents ?? {},
      bases: client.bases,
      files: client.files,
    },
    pendingMigrations(library.migrations, client.record?.layers, library.layers),
  );
  const recorded = migrated.documents;
  // The kept texts on disk, before migrations moved any: what the new ones are compared with.
  const keptBases = client.bases;
  client = { ...client, bases: migrated.bases, files: migrated.files };
  plan.findings.push(...migrated.findings);
  plan.notices.push(...migrated.notices);
  for (const [path, text] of migrated.writes) plan.writes.set(path, text);
  plan.removals = migrated.removals;
  const answers = answersFor(library, client.record?.answers, options.answers);
  plan.findings.push(...unanswered(library, client, answers));

  let stuck = false;
  const keep = (path: string, base: string) => {
    const origin = library.origins.get(path)!;
    plan.record.documents[path] = { layer: origin.name, version: origin.version, sha256: sha256Of(base) };
    plan.bases.set(path, base);
  };

  for (const [path, raw] of library.documents) {
    const text = fillVariables(raw, answers);
    const entry = recorded[path];
    const current = client.files.get(path);
    if (entry === undefined) {
      if (current === undefined) {
        plan.writes.set(path, text);
        plan.updates.push({ path, added: true, fields: [], sections: [] });
        keep(path, text);
      } else if (current === text) {
        keep(path, text);
      } else {
        plan.notices.push({
          path,
          message:
            'the client has its own file where the library now has a document; it is left as it is and not linked to the library (rename one of them to take the library document)',
        });
      }
      continue;
    }
    const base = client.bases.get(path)!;
    if (current === undefined) {
      // Deleted by the client: it stays deleted, and the record remembers it so no later sync brings it back.
      plan.record.documents[path] = entry;
      plan.bases.set(path, base);
      continue;
    }
    // The library did not change the document (most documents of most syncs): the client's file stays as it
    // is, with nothing to merge.
    const merged =
      text === base
        ? { ...unchanged, text: current }
        : mergeDocument(
            { base, library: text, client: current, syntax: syntaxOf(path) },
            { markers: options.markers === true },
          );
    const reviews = openReviews(
      [
        ...(entry.reviews ?? []),
        ...merged.overridesToReview.map((item) => ({ kind: item.kind, name: item.name, since: options.today })),
      ],
      current,
    );
    plan.reviews.push(...reviews.map((review) => ({ path, ...review })));
    for (const review of reviews) {
      const line = overrideLine(current, review);
      plan.findings.push(
        finding(
          'TB027',
          { file: inClient(path), ...(line !== undefined ? { line } : {}) },
          client.name,
          `${review.kind} ${review.name}`,
          review.since,
        ),
      );
    }
    if (merged.conflicts.length > 0) {
      plan.conflicts.push({ path, conflicts: merged.conflicts });
      const names = merged.conflicts.map((conflict) => `${conflict.kind} ${conflict.name}`).join(', ');
      const line = conflictLine(current, merged.conflicts[0]!, syntaxOf(path));
      plan.findings.push(
        finding(
          'TB024',
          { file: inClient(path), severity: options.pending ? 'warning' : 'error', ...(line ? { line } : {}) },
          client.name,
          names,
          merged.text !== undefined,
        ),
      );
    }
    if (merged.text === undefined) {
      stuck = true;
      plan.record.documents[path] = { ...entry, ...(reviews.length > 0 ? { reviews } : {}) };
      if (reviews.length === 0) delete plan.record.documents[path]!.reviews;
      plan.bases.set(path, base);
      continue;
    }
    if (merged.changed) {
      plan.writes.set(path, merged.text);
      plan.updates.push({ path, added: false, fields: merged.fields, sections: merged.sections });
    }
    keep(path, text);
    if (reviews.length > 0) plan.record.documents[path]!.reviews = reviews;
  }

  for (const [path, entry] of Object.entries(recorded)) {
    if (library.documents.has(path)) continue;
    if (client.files.has(path)) {
      plan.findings.push(finding('TB021', { file: inClient(path) }, client.name, path, entry.layer, entry.version));
    } else {
      plan.notices.push({ path, message: 'the library no longer has this document (the client had deleted it)' });
    }
  }

  for (const [path, text] of plan.bases) if (keptBases.get(path) !== text) plan.baseChanges.set(path, text);
  for (const path of keptBases.keys()) if (!plan.bases.has(path)) plan.baseChanges.set(path, undefined);
  plan.behind =
    plan.writes.size > 0 ||
    plan.removals.size > 0 ||
    describeLayers(client.record?.layers) !== describeLayers(library.layers) ||
    JSON.stringify(sortedObject(client.record?.answers ?? {})) !== JSON.stringify(plan.record.answers ?? {}) ||
    JSON.stringify(client.record?.partner ?? {}) !== JSON.stringify(plan.record.partner ?? {}) ||
    JSON.stringify(sortedKeys(plan.record.documents)) !== JSON.stringify(sortedKeys(recorded));
  // With markers, a conflict in sections is written for an editor and the rest of the sync goes with it; a
  // conflict sync could not write, or any other error, stops the whole client.
  plan.blocked = stuck || plan.findings.some((found) => found.severity === 'error' && found.code !== 'TB024');
  if (plan.blocked) {
    plan.writes.clear();
    plan.removals.clear();
  }
  return plan;
}

/** Where the first conflict is in the client's file: the field's key, or the section's heading. */
function conflictLine(text: string, conflict: Conflict, syntax: BodySyntax): number | undefined {
  const parsed = parseFrontmatterDocument(text);
  if (conflict.kind === 'field') return lineOfPath(parsed.keyLines, [conflict.name]);
  let line = parsed.bodyLine;
  for (const section of sectionsOf(parsed.body, syntax)) {
    if (section.id === conflict.name) return line;
    line += section.lines.length;
  }
  return undefined;
}

/** The line of the client's `overrides:` entry for a field or section, where a person approves it again. */
function overrideLine(text: string, review: { kind: 'field' | 'section'; name: string }): number | undefined {
  const parsed = parseFrontmatterDocument(text);
  const entries = (parsed.data as { overrides?: unknown } | undefined)?.overrides;
  if (!Array.isArray(entries)) return undefined;
  const index = entries.findIndex(
    (entry) =>
      entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>)[review.kind] === review.name,
  );
  return index === -1 ? undefined : lineOfPath(parsed.keyLines, ['overrides', index, review.kind]);
}

/** The merge of a document the library did not change: the client's text, as it is. */
const unchanged = {
  changed: false,
  fields: [],
  sections: [],
  conflicts: [],
  overridesToReview: [],
};

/**
 * One finding per variable the library uses that the client has not answered, at its first use (placeholders
 * and `<Var>` alike), and one per answer a placeholder cannot hold.
 */
function unanswered(library: LibraryState, client: ClientState, answers: Answers): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  for (const [path, text] of library.documents) {
    const file = `${library.origins.get(path)!.folder}/${path}`;
    for (const { name, line } of unsetVariables(text, answers, path)) {
      if (found.has(name)) continue;
      found.set(name, finding('TB023', { file, line }, client.name, name, file));
    }
    for (const { name, line } of unsafePlaceholders(text, answers)) {
      if (found.has(`unsafe:${name}`)) continue;
      found.set(`unsafe:${name}`, finding('TB032', { file, line }, client.name, name, file));
    }
  }
  return [...found.values()];
}

function sortedObject(record: Answers): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

type RecordedReview = NonNullable<SyncRecord['documents'][string]['reviews']>[number];

/**
 * The reviews still open: one per overridden field or section (the earliest day it was found), until the
 * client approves the override again on or after that day, or drops the override.
 */
function openReviews(reviews: readonly RecordedReview[], clientText: string): RecordedReview[] {
  if (reviews.length === 0) return [];
  const overrides = documentOverrides(clientText);
  const open = new Map<string, RecordedReview>();
  for (const review of reviews) {
    const key = `${review.kind}:${review.name}`;
    const override = overrides.find((entry) => entry.kind === review.kind && entry.name === review.name);
    if (override === undefined || (override.approved !== undefined && override.approved >= review.since)) continue;
    if (!open.has(key)) open.set(key, review);
  }
  return [...open.values()];
}

function tamperedBases(client: ClientState, recorded: SyncRecord['documents']): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [path, entry] of Object.entries(recorded)) {
    const base = client.bases.get(path);
    const file = `${client.path}/${basesFolder}/${path}`;
    if (base === undefined) {
      problems.push(finding('TB026', { file }, client.name, `names ${path}, whose kept library text is missing`));
    } else if (sha256Of(base) !== entry.sha256) {
      problems.push(
        finding('TB026', { file }, client.name, `gives ${path} a hash its kept library text does not match`),
      );
    }
  }
  return problems;
}

function sortedKeys(documents: SyncRecord['documents']): string[] {
  return Object.entries(documents)
    .map(([path, entry]) => JSON.stringify([path, entry.layer, entry.version, entry.sha256, entry.reviews ?? []]))
    .sort();
}
