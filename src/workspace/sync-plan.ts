/**
 * What `trustbook sync` would do to one client, worked out in memory before a file is touched: each library
 * document merged into the client's copy against the text the client last took (kept beside its sync record),
 * the documents the library added, the ones it dropped, and the new record. A record whose kept texts do not
 * match their hashes was edited by hand: the plan then changes nothing, because a merge against the wrong base
 * would silently undo the client's work.
 */
import { createHash } from 'node:crypto';
import type { LibraryData, SyncRecord } from '../schema/workspace.ts';
import { documentOverrides, mergeDocument, type Conflict } from './merge-document.ts';
import { syntaxOf } from '../engine/body-tree.ts';

/** One library folder: the base library or an overlay. */
export interface LibraryLayer {
  data: LibraryData;
  /** Each document's text, by its path in a program (`policies/access-control.mdx`). */
  documents: ReadonlyMap<string, string>;
}

/** What a client takes: the base library with its overlays laid over it, in order. */
export interface LibraryState {
  layers: LibraryData[];
  /** Each document's text, from the last layer that holds it. */
  documents: ReadonlyMap<string, string>;
  /** The layer each document comes from. */
  origins: ReadonlyMap<string, LibraryData>;
}

export function layered(layers: readonly LibraryLayer[]): LibraryState {
  const documents = new Map<string, string>();
  const origins = new Map<string, LibraryData>();
  for (const layer of layers) {
    for (const [path, text] of layer.documents) {
      documents.set(path, text);
      origins.set(path, layer.data);
    }
  }
  return { layers: layers.map((layer) => layer.data), documents, origins };
}

/** `Baseline 7 + Healthcare 2`: the layers a client takes, with their versions. */
export function describeLayers(layers: readonly { name: string; version: string }[] | undefined): string {
  return layers?.map((layer) => `${layer.name} ${layer.version}`).join(' + ') ?? 'none';
}

export interface ClientState {
  name: string;
  /** The record of the last sync; undefined before the first. */
  record: SyncRecord | undefined;
  /** The library texts the client last took, by path, as kept beside the record. */
  bases: ReadonlyMap<string, string>;
  /** The client's current files at the paths the library or the record names; absent when deleted. */
  files: ReadonlyMap<string, string>;
}

export interface SyncProblem {
  /** The file the problem is in, relative to the client's folder. */
  file: string;
  message: string;
  hint: string;
}

export interface DocumentUpdate {
  path: string;
  /** True for a document the library added that the client did not have. */
  added: boolean;
  fields: string[];
  sections: string[];
}

export interface SyncPlan {
  client: string;
  /** Program files to write, by path. */
  writes: Map<string, string>;
  /** The record to write, and the base texts to keep beside it (every path of the record). */
  record: SyncRecord;
  bases: Map<string, string>;
  updates: DocumentUpdate[];
  /** Documents left as the client has them because both sides changed the same thing. */
  conflicts: { path: string; conflicts: Conflict[] }[];
  /** Library changes under the client's overrides not yet reviewed (new ones and ones still open). */
  reviews: Review[];
  /** Things a partner should know that need no action from the tool. */
  notices: { path: string; message: string }[];
  problems: SyncProblem[];
  /** Whether the client is behind the library: a version, a document or a record to write. */
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

export function planSync(
  library: LibraryState,
  client: ClientState,
  options: { today: string; markers?: boolean },
): SyncPlan {
  const plan: SyncPlan = {
    client: client.name,
    writes: new Map(),
    record: {
      layers: library.layers.map(({ name, version }) => ({ name, version })),
      synced: options.today,
      documents: {},
    },
    bases: new Map(),
    updates: [],
    conflicts: [],
    reviews: [],
    notices: [],
    problems: [],
    behind: false,
  };
  const recorded = client.record?.documents ?? {};
  plan.problems.push(...tamperedBases(recorded, client.bases));
  if (plan.problems.length > 0) return plan;

  const keep = (path: string, base: string) => {
    const origin = library.origins.get(path)!;
    plan.record.documents[path] = { layer: origin.name, version: origin.version, sha256: sha256Of(base) };
    plan.bases.set(path, base);
  };

  for (const [path, text] of library.documents) {
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
    const merged = mergeDocument(
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
    if (merged.conflicts.length > 0) plan.conflicts.push({ path, conflicts: merged.conflicts });
    if (merged.text === undefined) {
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

  for (const path of Object.keys(recorded)) {
    if (library.documents.has(path)) continue;
    plan.notices.push({
      path,
      message: client.files.has(path)
        ? 'the library no longer has this document; the client keeps its copy, which is now its own'
        : 'the library no longer has this document (the client had deleted it)',
    });
  }

  plan.behind =
    plan.writes.size > 0 ||
    describeLayers(client.record?.layers) !== describeLayers(library.layers) ||
    JSON.stringify(sortedKeys(plan.record.documents)) !== JSON.stringify(sortedKeys(recorded));
  return plan;
}

type RecordedReview = NonNullable<SyncRecord['documents'][string]['reviews']>[number];

/**
 * The reviews still open: one per overridden field or section (the earliest day it was found), until the
 * client approves the override again on or after that day, or drops the override.
 */
function openReviews(reviews: readonly RecordedReview[], clientText: string): RecordedReview[] {
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

function tamperedBases(recorded: SyncRecord['documents'], bases: ReadonlyMap<string, string>): SyncProblem[] {
  const problems: SyncProblem[] = [];
  for (const [path, entry] of Object.entries(recorded)) {
    const base = bases.get(path);
    const file = `${basesFolder}/${path}`;
    if (base === undefined) {
      problems.push({
        file,
        message: `the library text the client last took of ${path} is missing`,
        hint: 'restore .trustbook-sync/ from git (it is written by `trustbook sync` alone); nothing was changed',
      });
    } else if (sha256Of(base) !== entry.sha256) {
      problems.push({
        file,
        message: `the kept library text of ${path} does not match the hash in ${recordFile}: the record was edited by hand`,
        hint: 'restore .trustbook-sync/ from git (it is written by `trustbook sync` alone); nothing was changed',
      });
    }
  }
  return problems;
}

function sortedKeys(documents: SyncRecord['documents']): string[] {
  return Object.entries(documents)
    .map(([path, entry]) => JSON.stringify([path, entry.layer, entry.version, entry.sha256, entry.reviews ?? []]))
    .sort();
}
