/**
 * Library migrations: what a library version changes besides texts, carried into a client before the merge.
 * A document the library moved to another path keeps the client's edits and its sync history under the new
 * path (without a migration, sync would see one document dropped and another added, and the client would get a
 * fresh copy without its edits beside the old file). An id the library renamed is renamed in the client's own
 * documents too (an evidence index or a checklist the client wrote), where no merge would reach it.
 *
 * A migration belongs to the layer that declares it and runs once: when a client moves from a version of that
 * layer below the migration's to one at or above it. A first sync needs none (the client takes the library as
 * it is), and a client that later brings an old id back on purpose keeps it.
 */
import type { Diagnostic } from '../engine/diagnostics.ts';
import { finding } from '../engine/findings/finding.ts';
import type { LibraryMigration, SyncRecord } from '../schema/workspace.ts';

/** A migration with the layer that declares it. */
export interface LayerMigration {
  layer: string;
  migration: LibraryMigration;
}

/** Orders library versions as people write them: `2` before `10`, `1.2` before `1.10`. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The migrations a client has not yet been through: those of a layer it took before, above the version it
 * took and not above the version it takes now, in the order the layers and their lists give them.
 */
export function pendingMigrations(
  migrations: readonly LayerMigration[],
  taken: SyncRecord['layers'] | undefined,
  current: readonly { name: string; version: string }[],
): LayerMigration[] {
  return migrations.filter(({ layer, migration }) => {
    const from = taken?.find((entry) => entry.name === layer)?.version;
    const to = current.find((entry) => entry.name === layer)?.version;
    return (
      from !== undefined &&
      to !== undefined &&
      compareVersions(migration.version, from) > 0 &&
      compareVersions(migration.version, to) <= 0
    );
  });
}

export interface MigrationInput {
  client: string;
  /** The client's folder, relative to the workspace, for findings. */
  path: string;
  documents: SyncRecord['documents'];
  bases: ReadonlyMap<string, string>;
  /** The client's files: the library's documents and, when an id is renamed, every document of its program. */
  files: ReadonlyMap<string, string>;
}

export interface Migrated {
  documents: SyncRecord['documents'];
  bases: Map<string, string>;
  files: Map<string, string>;
  /** Files to write: a moved document at its new path, a document whose ids were renamed. */
  writes: Map<string, string>;
  /** Files to remove: a moved document's old path. */
  removals: Set<string>;
  notices: { path: string; message: string }[];
  /** A move onto a file the client already has (TB035); the client is then not synced. */
  findings: Diagnostic[];
}

export function migrate(input: MigrationInput, pending: readonly LayerMigration[]): Migrated {
  const out: Migrated = {
    documents: structuredClone(input.documents),
    bases: new Map(input.bases),
    files: new Map(input.files),
    writes: new Map(),
    removals: new Set(),
    notices: [],
    findings: [],
  };
  for (const { layer, migration } of pending) {
    const by = `${layer} ${migration.version}`;
    if (migration.note) out.notices.push({ path: `migration ${by}`, message: migration.note });
    for (const { from, to } of migration.moves) move(out, input, by, from, to);
    for (const { from, to } of migration.ids) renameId(out, from, to);
  }
  return out;
}

function move(out: Migrated, input: MigrationInput, by: string, from: string, to: string): void {
  const entry = out.documents[from];
  if (entry === undefined) return; // never taken: nothing of the client's to carry
  if (out.files.has(to) || out.documents[to] !== undefined) {
    out.findings.push(finding('TB035', { file: `${input.path}/${to}` }, input.client, from, to, by));
    return;
  }
  out.documents[to] = entry;
  delete out.documents[from];
  const base = out.bases.get(from);
  if (base !== undefined) out.bases.set(to, base);
  out.bases.delete(from);
  const text = out.files.get(from);
  out.files.delete(from);
  out.writes.delete(from);
  if (text === undefined) return; // deleted by the client: it stays deleted, under its new path
  out.files.set(to, text);
  out.writes.set(to, text);
  out.removals.add(from);
  out.notices.push({ path: to, message: `moved from ${from} by the library's migration ${by}` });
}

function renameId(out: Migrated, from: string, to: string): void {
  // The id as a whole word: AC-01 but not AC-010 or XAC-01.
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`, 'g');
  for (const [path, text] of out.files) {
    const renamed = text.replace(pattern, to);
    if (renamed === text) continue;
    out.files.set(path, renamed);
    out.writes.set(path, renamed);
  }
}
