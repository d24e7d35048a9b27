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
import type { Diagnostic } from '../engine/diagnostics.ts';
import { UsageError } from '../engine/errors.ts';
import { catalogue } from '../engine/findings/catalogue.ts';
import { finding } from '../engine/findings/finding.ts';
import { lineOfPath, parseYaml } from '../engine/frontmatter.ts';
import {
  librarySchema,
  syncRecordSchema,
  workspaceSchema,
  type SyncRecord,
  type WorkspaceClient,
  type WorkspaceData,
} from '../schema/workspace.ts';
import {
  basesFolder,
  layered,
  planSync,
  recordFile,
  syncFolder,
  type ClientState,
  type LibraryLayer,
  type LibraryState,
  type SyncOptions,
  type SyncPlan,
} from './sync-plan.ts';
import { libraryFile, workspaceFile } from './workspace-paths.ts';
import { checkoutLibrary } from './library-git.ts';

export { libraryFile, workspaceFile } from './workspace-paths.ts';

/** The document files a library holds and a sync carries: the same kinds a program keeps. */
const documentFile = /\.(mdx|md|ya?ml)$/;

/** Reads and validates a YAML file; a problem is a usage error naming file, line and fix. */
function readValidated<T extends z.ZodType>(
  file: string,
  shown: string,
  schema: T,
  hint: string,
): { data: z.output<T>; line: (path: readonly (string | number)[]) => number } {
  const text = readFileSync(file, 'utf8');
  const parsed = parseYaml(text);
  const problem = parsed.problems[0];
  if (problem) throw new UsageError(`${shown}:${problem.line}: ${catalogue.TB001.message(problem.syntax)}`, hint);
  const result = schema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new UsageError(`${shown}:${lineOfPath(parsed.keyLines, issue.path)}: ${issue.message}${where}`, hint);
  }
  return { data: result.data, line: (path) => lineOfPath(parsed.keyLines, [...path]) };
}

export interface Workspace {
  root: string;
  data: WorkspaceData;
  /** The base library's folder, relative to the workspace (for a library in git, where it was fetched). */
  library: string;
  /** Problems of the workspace file itself (two clients with one name), with paths from the workspace folder. */
  findings: Diagnostic[];
  /** The line of a value in trustbook.workspace.yaml, by its path (`['clients', 0, 'overlays', 1]`). */
  line: (path: readonly (string | number)[]) => number;
}

export function readWorkspace(root: string): Workspace {
  const file = join(root, workspaceFile);
  if (!existsSync(file)) {
    throw new UsageError(
      `no ${workspaceFile} in ${root}`,
      'Run the command in the partner repository, or pass --root DIR; the file names the library and the clients.',
    );
  }
  const { data, line } = readValidated(file, workspaceFile, workspaceSchema, 'See docs/workspace.md for the fields.');
  const findings: Diagnostic[] = [];
  const first = new Map<string, number>();
  data.clients.forEach((client, index) => {
    const seen = first.get(client.name);
    if (seen === undefined) first.set(client.name, index);
    else {
      const at = (entry: number) => line(['clients', entry, 'name']);
      findings.push(finding('TB025', { file: workspaceFile, line: at(index) }, client.name, at(seen)));
    }
  });
  const library =
    typeof data.library === 'string'
      ? data.library
      : checkoutLibrary(root, data.library, `${workspaceFile}:${line(['library'])}`);
  return { root, data, library, findings, line };
}

/** Names two or more clients share: the tool cannot tell which is meant, so it leaves all of them alone. */
function sharedNames(workspace: Workspace): Set<string> {
  const names = workspace.data.clients.map((client) => client.name);
  return new Set(names.filter((name, index) => names.indexOf(name) !== index));
}

/**
 * The clients whose programs are folders of this workspace (the others live in repositories of their own),
 * each with its place in the file; clients sharing a name are left out (TB025 names them).
 */
export function localClients(workspace: Workspace): (Extract<WorkspaceClient, { path: string }> & { index: number })[] {
  const shared = sharedNames(workspace);
  return workspace.data.clients.flatMap((client, index) =>
    'path' in client && !shared.has(client.name) ? [{ ...client, index }] : [],
  );
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
  if (!isLibrary(workspace, path)) {
    throw new UsageError(
      `the library ${path} has no ${libraryFile}`,
      `Add ${path}/${libraryFile} with its name and version, or correct the path in ${workspaceFile}.`,
    );
  }
  const real = insideWorkspace(workspace.root, path, 'the library');
  const { data } = readValidated(
    join(real, libraryFile),
    `${path}/${libraryFile}`,
    librarySchema,
    'A library needs `name:` and `version:`; docs/workspace.md lists its fields.',
  );
  const documents = new Map<string, string>();
  for (const document of documentPaths(real)) documents.set(document, readFileSync(join(real, document), 'utf8'));
  return { data, folder: path, documents };
}

const isLibrary = (workspace: Workspace, path: string) => existsSync(join(workspace.root, path, libraryFile));

/** What a client takes from the library, or why it cannot take it (an overlay that is not a library: TB022). */
export type ClientLibrary = { library: LibraryState; findings: [] } | { library: undefined; findings: Diagnostic[] };

/**
 * The library each client takes: the base library, then the client's overlays in order. Each folder is read
 * once however many clients take it. The base library is the whole workspace's: without it, a usage error.
 */
export function libraryReader(
  workspace: Workspace,
): (client: { name: string; overlays: readonly string[]; index: number }) => ClientLibrary {
  const layers = new Map<string, LibraryLayer>();
  const layer = (path: string) => layers.get(path) ?? layers.set(path, readLayer(workspace, path)).get(path)!;
  layer(workspace.library);
  return (client) => {
    const findings = client.overlays.flatMap((overlay, position) =>
      isLibrary(workspace, overlay)
        ? []
        : [
            finding(
              'TB022',
              { file: workspaceFile, line: workspace.line(['clients', client.index, 'overlays', position]) },
              client.name,
              overlay,
            ),
          ],
    );
    if (findings.length > 0) return { library: undefined, findings };
    return { library: layered([workspace.library, ...client.overlays].map(layer)), findings: [] };
  };
}

function documentPaths(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && documentFile.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== libraryFile && !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** The folders of a program that hold its documents. */
const programFolders = ['content', 'policies', 'evidence-index'];

/** Every document of a client's program; not the artifact files kept in `evidence-index/files/`, which are evidence. */
function programDocumentPaths(folder: string): string[] {
  return programFolders
    .flatMap((name) =>
      existsSync(join(folder, name)) ? documentPaths(join(folder, name)).map((path) => `${name}/${path}`) : [],
    )
    .filter((path) => !path.startsWith('evidence-index/files/'));
}

export interface ClientRead {
  state: ClientState;
  /** The client's folder by its real path. */
  folder: string;
  /** Why the client cannot be read (TB020, TB026), with paths from the workspace folder. */
  findings: Diagnostic[];
}

/** A client's files at the paths the library or its record names, its record and the base texts kept beside it. */
export function readClient(
  workspace: Workspace,
  client: { name: string; path: string },
  documents: Iterable<string>,
): ClientRead {
  const { name, path } = client;
  const empty: ClientState = { name, path, record: undefined, bases: new Map(), files: new Map() };
  if (!isProgram(workspace, path)) {
    return {
      state: empty,
      folder: join(workspace.root, path),
      findings: [finding('TB020', { file: path }, name, path)],
    };
  }
  const folder = insideWorkspace(workspace.root, path, `the folder of client "${name}"`);
  let record: SyncRecord | undefined;
  try {
    record = existsSync(join(folder, recordFile))
      ? readValidated(join(folder, recordFile), recordFile, syncRecordSchema, '').data
      : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const problem = `does not read (${error.message.slice(recordFile.length + 1)})`;
    return { state: empty, folder, findings: [finding('TB026', { file: `${path}/${recordFile}` }, name, problem)] };
  }
  const bases = new Map<string, string>();
  const files = new Map<string, string>();
  const paths = new Set([...documents, ...Object.keys(record?.documents ?? {})]);
  for (const document of paths) {
    const base = record?.documents[document] ? readIfThere(join(folder, basesFolder, document)) : undefined;
    if (base !== undefined) bases.set(document, base);
    const file = readIfThere(join(folder, document));
    if (file !== undefined) files.set(document, file);
  }
  return { state: { name, path, record, bases, files }, folder, findings: [] };
}

/** A file's text, or undefined when there is none (one call rather than a look and a read, for many clients). */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether a client's folder holds a program. */
export const isProgram = (workspace: Workspace, path: string) =>
  existsSync(join(workspace.root, path, 'content', 'program.yaml'));

/**
 * Writes a plan as nearly all at once as a file system allows: every target is checked to stay inside the
 * client before anything is written; every text then goes to a temporary file in the sync folder; only when
 * all of them are written are they renamed into place, program files first, then the kept base texts that
 * changed, and the record last, so an interrupted sync leaves a record that still describes the old bases and
 * the next sync merges again instead of losing the client's work. A failure before the renames removes the
 * temporary files and leaves the client as it was.
 */
export function applyPlan(folder: string, plan: SyncPlan): void {
  const header =
    '# Written by `trustbook sync`; do not edit. The library texts it names are kept in .trustbook-sync/base/.\n';
  const staged = join(folder, syncFolder, '.staged');
  const bases = [...plan.baseChanges].flatMap(([path, text]): [string, string][] =>
    text === undefined ? [] : [[`${basesFolder}/${path}`, text]],
  );
  const files: [string, string][] = [
    ...plan.writes,
    ...bases,
    [recordFile, header + yaml.dump(plan.record, { lineWidth: -1, sortKeys: true })],
  ];
  for (const path of [...plan.writes.keys(), ...plan.removals]) insideClient(folder, path);
  rmSync(staged, { recursive: true, force: true });
  try {
    mkdirSync(staged, { recursive: true });
    files.forEach(([, text], index) => writeFileSync(join(staged, String(index)), text));
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    throw error;
  }
  const writes = plan.writes.size;
  files.forEach(([path], index) => {
    if (index === writes) {
      // Between the program files and the bases: the old paths of moved documents (their texts are in place
      // at the new ones by now), and the kept texts the record no longer names.
      for (const removal of plan.removals) rmSync(join(folder, removal), { force: true });
      for (const [base, text] of plan.baseChanges) {
        if (text === undefined) rmSync(join(folder, basesFolder, base), { force: true });
      }
    }
    moveInto(folder, join(staged, String(index)), path);
  });
  rmSync(staged, { recursive: true, force: true });
}

/** A path of the client's, refused when a symbolic link on the way takes it out of the client's folder. */
function insideClient(folder: string, path: string): void {
  let parent = dirname(join(folder, path));
  while (!existsSync(parent)) parent = dirname(parent);
  const real = realpathSync(parent);
  if (real !== folder && !real.startsWith(folder + sep)) {
    throw new UsageError(
      `${path} resolves outside the client's folder (${real}); nothing was written`,
      'Remove the symbolic link: sync writes only inside the client program.',
    );
  }
}

function moveInto(folder: string, from: string, path: string): void {
  const target = join(folder, path);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(from, target);
}

/** One client of the workspace, read and planned: its findings, and the plan when it could be read. */
export interface ClientPlan {
  read: ClientRead | undefined;
  plan: SyncPlan | undefined;
  /** Every finding about the client: why it could not be read or planned, or what its plan found. */
  findings: Diagnostic[];
}

export function planClient(
  workspace: Workspace,
  libraryFor: ReturnType<typeof libraryReader>,
  client: ReturnType<typeof localClients>[number],
  options: SyncOptions,
): ClientPlan {
  const taken = libraryFor(client);
  if (taken.library === undefined) {
    const notProgram = isProgram(workspace, client.path)
      ? []
      : [finding('TB020', { file: client.path }, client.name, client.path)];
    return { read: undefined, plan: undefined, findings: notProgram.length > 0 ? notProgram : taken.findings };
  }
  // A renamed id reaches the client's own documents too, so then sync reads every document of the program.
  const renamesIds = taken.library.migrations.some(({ migration }) => migration.ids.length > 0);
  const programDocuments = renamesIds ? programDocumentPaths(join(workspace.root, client.path)) : [];
  const read = readClient(workspace, client, [...taken.library.documents.keys(), ...programDocuments]);
  if (read.findings.length > 0) return { read, plan: undefined, findings: read.findings };
  // Every record names the partner, so a client that shows the "managed by" line has it at build time.
  const partner = {
    name: workspace.data.partner,
    ...(workspace.data.partner_url ? { url: workspace.data.partner_url } : {}),
  };
  const plan = planSync(taken.library, read.state, { partner, ...options });
  return { read, plan, findings: plan.findings };
}
