/**
 * The workspace's door to the disk: reads `trustbook.workspace.yaml`, the library and each client's files and
 * sync record, and writes a client's sync plan. Everything it reads is checked to be inside the workspace by
 * its real path, so a symbolic link cannot make sync read or write somewhere else.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { UsageError } from '../engine/errors.ts';
import { lineOfPath, parseYaml } from '../engine/frontmatter.ts';
import {
  librarySchema,
  syncRecordSchema,
  workspaceSchema,
  type LibraryData,
  type SyncRecord,
  type WorkspaceClient,
  type WorkspaceData,
} from '../schema/workspace.ts';
import {
  basesFolder,
  layered,
  recordFile,
  type ClientState,
  type LibraryLayer,
  type LibraryState,
  type SyncPlan,
  type SyncProblem,
} from './sync-plan.ts';

export const workspaceFile = 'trustbook.workspace.yaml';
export const libraryFile = 'library.yaml';

/** The document files a library holds and a sync carries: the same kinds a program keeps. */
const documentFile = /\.(mdx|md|ya?ml)$/;

/** Reads and validates a YAML file; a problem is a usage error naming file, line and fix. */
function readValidated<T extends z.ZodType>(file: string, shown: string, schema: T, hint: string): z.output<T> {
  const text = readFileSync(file, 'utf8');
  const parsed = parseYaml(text);
  const problem = parsed.problems[0];
  if (problem) throw new UsageError(`${shown}:${problem.line}: ${problem.message}`, hint);
  const result = schema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new UsageError(`${shown}:${lineOfPath(parsed.keyLines, issue.path)}: ${issue.message}${where}`, hint);
  }
  return result.data;
}

export interface Workspace {
  root: string;
  data: WorkspaceData;
}

export function readWorkspace(root: string): Workspace {
  const file = join(root, workspaceFile);
  if (!existsSync(file)) {
    throw new UsageError(
      `no ${workspaceFile} in ${root}`,
      'Run the command in the partner repository, or pass --root DIR; the file names the library and the clients.',
    );
  }
  const data = readValidated(file, workspaceFile, workspaceSchema, 'See docs/workspace.md for the fields.');
  const names = new Set<string>();
  for (const client of data.clients) {
    if (names.has(client.name)) {
      throw new UsageError(
        `${workspaceFile}: two clients are named "${client.name}"`,
        'Give each client a name of its own: commands and reports address clients by name.',
      );
    }
    names.add(client.name);
  }
  return { root, data };
}

/** The clients whose programs are folders of this workspace (the others live in repositories of their own). */
export function localClients(workspace: Workspace): Extract<WorkspaceClient, { path: string }>[] {
  return workspace.data.clients.flatMap((client) => ('path' in client ? [client] : []));
}

/** A folder of the workspace by its real path; refused when a link takes it outside. */
export function insideWorkspace(root: string, path: string, what: string): string {
  const real = realpathSync(resolve(root, path));
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) {
    throw new UsageError(
      `${what} ${path} is outside the workspace (it resolves to ${real})`,
      'Keep the library and the clients inside the partner repository; remove the symbolic link.',
    );
  }
  return real;
}

/** One library folder of the workspace (the base library or an overlay), with its `library.yaml`. */
export function readLayer(workspace: Workspace, path: string): LibraryLayer {
  if (!existsSync(join(workspace.root, path, libraryFile))) {
    throw new UsageError(
      `the library ${path} has no ${libraryFile}`,
      `Add ${path}/${libraryFile} with its name and version, or correct the path in ${workspaceFile}.`,
    );
  }
  const real = insideWorkspace(workspace.root, path, 'the library');
  const data: LibraryData = readValidated(
    join(real, libraryFile),
    `${path}/${libraryFile}`,
    librarySchema,
    'A library needs `name:` and `version:`.',
  );
  const documents = new Map<string, string>();
  for (const document of documentPaths(real)) documents.set(document, readFileSync(join(real, document), 'utf8'));
  return { data, documents };
}

/**
 * The library each client takes: the base library, then the client's overlays in order. Each folder is read
 * once however many clients take it.
 */
export function libraryReader(workspace: Workspace): (overlays: readonly string[]) => LibraryState {
  const layers = new Map<string, LibraryLayer>();
  const layer = (path: string) => layers.get(path) ?? layers.set(path, readLayer(workspace, path)).get(path)!;
  return (overlays) => layered([workspace.data.library, ...overlays].map(layer));
}

function documentPaths(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && documentFile.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== libraryFile && !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

export interface ClientRead {
  state: ClientState;
  /** The client's folder by its real path. */
  folder: string;
  problems: SyncProblem[];
}

export function readClient(workspace: Workspace, name: string, path: string, library: LibraryState): ClientRead {
  const empty: ClientState = { name, record: undefined, bases: new Map(), files: new Map() };
  if (!existsSync(join(workspace.root, path, 'content', 'program.yaml'))) {
    return {
      state: empty,
      folder: join(workspace.root, path),
      problems: [
        {
          file: path,
          message: `the folder of client "${name}" is not a program (it has no content/program.yaml)`,
          hint: `Start its program with \`trustbook init ${path}\`, or correct its path in ${workspaceFile}.`,
        },
      ],
    };
  }
  const folder = insideWorkspace(workspace.root, path, `the folder of client "${name}"`);
  let record: SyncRecord | undefined;
  try {
    record = existsSync(join(folder, recordFile))
      ? readValidated(
          join(folder, recordFile),
          recordFile,
          syncRecordSchema,
          'The record is written by `trustbook sync` alone: restore it from git.',
        )
      : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { state: empty, folder, problems: [{ file: recordFile, message: error.message, hint: error.hint }] };
  }
  const bases = new Map<string, string>();
  const files = new Map<string, string>();
  const paths = new Set([...library.documents.keys(), ...Object.keys(record?.documents ?? {})]);
  for (const document of paths) {
    const base = join(folder, basesFolder, document);
    if (record?.documents[document] && existsSync(base)) bases.set(document, readFileSync(base, 'utf8'));
    const file = join(folder, document);
    if (existsSync(file)) files.set(document, readFileSync(file, 'utf8'));
  }
  return { state: { name, record, bases, files }, folder, problems: [] };
}

/**
 * Writes a plan: every program file first, each through a temporary file and a rename, then the kept base
 * texts and last the record, so an interrupted sync leaves a record that still describes the old bases and the
 * next sync merges again instead of losing the client's work.
 */
export function applyPlan(folder: string, plan: SyncPlan): void {
  for (const [path, text] of plan.writes) writeAtomically(folder, path, text);
  const bases = join(folder, basesFolder);
  rmSync(bases, { recursive: true, force: true });
  for (const [path, text] of plan.bases) writeAtomically(folder, `${basesFolder}/${path}`, text);
  const header =
    '# Written by `trustbook sync`; do not edit. The library texts it names are kept in .trustbook-sync/base/.\n';
  writeAtomically(folder, recordFile, header + yaml.dump(plan.record, { lineWidth: -1, sortKeys: true }));
}

function writeAtomically(folder: string, path: string, text: string): void {
  const target = join(folder, path);
  mkdirSync(dirname(target), { recursive: true });
  const parent = realpathSync(dirname(target));
  if (parent !== folder && !parent.startsWith(folder + sep)) {
    throw new UsageError(
      `${path} resolves outside the client's folder (${parent})`,
      'Remove the symbolic link: sync writes only inside the client program.',
    );
  }
  const temporary = `${target}.trustbook-sync`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
}
