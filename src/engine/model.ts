/**
 * The program model: every document parsed and validated once, by kind, with its lines remembered.
 * Built from file contents only; reading the disk is `load-fs.ts`'s job.
 */
import { createHash } from 'node:crypto';
import { peopleSchema, programSchema, type NdaData, type PeopleData, type Program } from '../schema/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { finding } from './findings/finding.ts';
import {
  documentKindList,
  documentKinds,
  kindOfPath,
  recordKindOfPath,
  recordKinds,
  type DataOf,
  type DocumentKind,
  type DocumentKindInfo,
  type RecordDataOf,
  type RecordKind,
  type SingleKind,
} from './document-kinds.ts';
import { lineOfPath, parseFrontmatterDocument, parseYaml, type KeyLines, type ParsedDocument } from './frontmatter.ts';
import { validate } from './validate.ts';
import { syncRecordSchema, type SyncRecord } from '../schema/workspace.ts';

export const PROGRAM_FILE = 'content/program.yaml';
export const PEOPLE_FILE = 'content/people.yaml';
/**
 * A workspace client's sync record, written by `trustbook sync` alone: the build reads the client's answers
 * from it, which `<Var name="…" />` in bodies render (src/engine/variables.ts).
 */
export const SYNC_RECORD_FILE = '.trustbook-sync/sync.yaml';
/** The program's static files (logo, favicon), which every site serves as they are. */
export const PUBLIC_DIR = 'public';
/** Where `trustbook sample` records the samples it draws, one YAML file per audit window. */
export const SAMPLES_DIR = recordKinds.samples.path;
/** Where policy acknowledgements are recorded, one YAML file per import or period. */
export const ACKNOWLEDGEMENTS_DIR = recordKinds.acknowledgements.path;
/** Where `trustbook requests import` writes the audit firm's request lists, one YAML file per list. */
export const REQUESTS_DIR = recordKinds.requests.path;

/** A file's path relative to the project root, and its text (or why it could not be read as text). */
export interface SourceFile {
  path: string;
  text?: string;
  /** Set when the file is not valid UTF-8: the line of the first bad byte. */
  invalidUtf8Line?: number;
  /** Set when the file could not be read at all (a broken link, a folder, no permission): the error code. */
  readError?: string;
}

export interface Document<T> {
  kind: DocumentKind;
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: T;
  /** The Markdown/MDX body after the frontmatter (empty for YAML documents). */
  body: string;
  bodyLine: number;
  keyLines: KeyLines;
}

export interface YamlFile<T> {
  file: string;
  data: T;
  keyLines: KeyLines;
}

/** What is known about an artifact file, looked up on disk after the model is built. */
export type ArtifactFileState =
  | {
      status: 'present';
      sha256: string;
      /** For a `.csv` population: how many records it holds after its header line. */
      csvRecords?: number;
      /** For a `.csv` population: the first field of each record after the header, the events' ids. */
      csvIds?: string[];
      /** For a `.csv` population: its header line's fields, trimmed. */
      csvHeader?: string[];
      /** For a `.csv` population: each record after the header, its fields trimmed. */
      csvRows?: string[][];
      /** For a `.csv` population: the line of the file each record after the header ends on. */
      csvLines?: number[];
    }
  | { status: 'missing' }
  | { status: 'outside'; reason: string };

/** Where the trust center's document files live: a trust document's `file:` names a file in this folder. */
export const TRUST_FILES_DIR = 'content/trust/files';

/**
 * What is known of a trust document's file: a file in content/trust/files/, missing, or refused because it is
 * not what its path says (a link, a path out of the folder or through a dot-folder, a `.pdf` that is no PDF).
 */
export type TrustFileState = { status: 'present' } | { status: 'missing' } | { status: 'refused'; reason: string };

/** What is known of a file the program names in `public/`: `outside` for a path or link that leaves the folder. */
export type PublicFileState = 'present' | 'missing' | 'outside';

/** The model's property holding a kind's documents (`policies` for `policy`), from the registry. */
type SlotOf<K extends DocumentKind> = (typeof documentKinds)[K]['model'];

/**
 * The documents of every kind, each kind under its registry slot: a list, or for a single kind (the system
 * description) the document if there is one.
 */
export type DocumentSlots = {
  [K in Exclude<DocumentKind, SingleKind> as SlotOf<K>]: Document<DataOf<K>>[];
} & { [K in SingleKind as SlotOf<K>]?: Document<DataOf<K>> };

/** The YAML records of every record kind, each kind under its registry slot. */
export type RecordSlots = { [K in RecordKind as (typeof recordKinds)[K]['model']]: YamlFile<RecordDataOf<K>>[] };

/** The documents are in `DocumentSlots` and the records in `RecordSlots`, both derived from the registry. */
export interface ProgramModel extends DocumentSlots, RecordSlots {
  program?: YamlFile<Program>;
  people?: YamlFile<PeopleData>;
  /** The sync record of a workspace client (absent outside a workspace, or once the client left it). */
  syncRecord?: YamlFile<SyncRecord>;
  /**
   * Set when the sync record is there but does not read: its own finding fails the check, so the rules that
   * need its answers or partner stay quiet rather than report each use.
   */
  syncRecordUnread?: true;
  /** Each NDA text's version, the SHA-256 of its file, and the text it names. */
  ndaVersions: Map<string, Document<NdaData>>;
  /**
   * Ids of every document of a kind, including those whose frontmatter failed its schema, so that
   * one broken file does not also make every reference to it an error.
   */
  knownIds: Record<DocumentKind, Set<string>>;
  /**
   * The fields of documents that failed their schema, as written. Rules read them only to avoid follow-on
   * findings (a control whose evidence file has a typo is not also "without evidence"); the broken file's
   * own finding already fails the check.
   */
  unvalidated: { kind: DocumentKind; file: string; data: Record<string, unknown> }[];
  /**
   * Kinds with a file whose frontmatter could not be parsed at all: what it held is unknown, so rules that
   * would report something missing of that kind stay quiet (the file's own finding fails the check).
   */
  unparsed: Set<DocumentKind>;
  /**
   * Whether each trust document's `file` is present, by its path as written (relative to the root); looked up on
   * disk after the model is built, and empty for a model built from memory.
   */
  trustFiles: Map<string, TrustFileState>;
  /**
   * The files `brand` names in the program's `public/` folder (logo, favicon), by path as written (relative to
   * `public/`): present, missing, or outside `public/`. Looked up on disk; empty for a model built from memory.
   */
  publicFiles: Map<string, PublicFileState>;
  /** Artifact files by their path as written (relative to evidence-index/). */
  artifactFiles: Map<string, ArtifactFileState>;
  /** Number of files read. */
  documentsRead: number;
}

export function lineOf(document: { keyLines: KeyLines }, ...path: PropertyKey[]): number {
  return lineOfPath(document.keyLines, path, 1);
}

export function emptyModel(): ProgramModel {
  // Each list kind's slot starts empty; a single kind's slot stays absent until its file is read.
  const documents = Object.fromEntries(
    documentKindList.filter((info) => !info.single).map((info) => [info.model, []]),
  ) as unknown as DocumentSlots;
  const records = Object.fromEntries(
    Object.values(recordKinds).map((info) => [info.model, []]),
  ) as unknown as RecordSlots;
  return {
    ...documents,
    ndaVersions: new Map(),
    knownIds: Object.fromEntries(documentKindList.map((info) => [info.kind, new Set<string>()])) as Record<
      DocumentKind,
      Set<string>
    >,
    unvalidated: [],
    unparsed: new Set(),
    ...records,
    artifactFiles: new Map(),
    trustFiles: new Map(),
    publicFiles: new Map(),
    documentsRead: 0,
  };
}

export function buildModel(sources: readonly SourceFile[]): { model: ProgramModel; diagnostics: Diagnostic[] } {
  const model = emptyModel();
  const diagnostics: Diagnostic[] = [];
  // Ties broken by code unit: canonically equal names (`é` composed and decomposed) are two files to the
  // disk but equal to localeCompare, and would otherwise keep whatever order they were listed in.
  const ordered = [...sources].sort(
    (a, b) => a.path.localeCompare(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  for (const source of ordered) {
    model.documentsRead++;
    if (source.readError !== undefined) {
      diagnostics.push(finding('TB006', { file: source.path }, source.readError));
      continue;
    }
    if (source.text === undefined) {
      diagnostics.push(finding('TB003', { file: source.path, line: source.invalidUtf8Line ?? 1 }));
      continue;
    }
    if (source.path === PROGRAM_FILE) {
      const program = readYamlFile(source, programSchema, 'program file', diagnostics);
      if (program) model.program = program;
    } else if (source.path === PEOPLE_FILE) {
      const people = readYamlFile(source, peopleSchema, 'people file', diagnostics);
      if (people) model.people = people;
    } else if (source.path === SYNC_RECORD_FILE) {
      const record = readYamlFile(source, syncRecordSchema, 'sync record', diagnostics);
      if (record) model.syncRecord = record;
      else model.syncRecordUnread = true;
    } else {
      const record = recordKindOfPath(source.path);
      if (record) addRecord(model, record.kind, source, diagnostics);
      else addDocument(model, source, diagnostics);
    }
  }
  return { model, diagnostics };
}

function addRecord<K extends RecordKind>(
  model: ProgramModel,
  kind: K,
  source: SourceFile,
  diagnostics: Diagnostic[],
): void {
  const info = recordKinds[kind];
  const schema = info.schema as unknown as import('astro/zod').z.ZodType<RecordDataOf<K>>;
  const record = readYamlFile(source, schema, info.noun, diagnostics);
  if (record) recordsOf(model, kind).push(record);
}

/** The records of one kind, from the slot the registry gives it. */
export function recordsOf<K extends RecordKind>(model: ProgramModel, kind: K): YamlFile<RecordDataOf<K>>[] {
  return (model as unknown as Record<string, YamlFile<RecordDataOf<K>>[]>)[recordKinds[kind].model]!;
}

function readYamlFile<T>(
  source: SourceFile,
  schema: import('astro/zod').z.ZodType<T>,
  noun: string,
  diagnostics: Diagnostic[],
): YamlFile<T> | undefined {
  const parsed = parseYaml((source.text ?? '').replace(/^\uFEFF/, ''));
  if (reportParseProblems(source.path, parsed.problems, diagnostics)) return undefined;
  const result = validate(schema, parsed.data ?? {}, {
    file: source.path,
    keyLines: parsed.keyLines,
    noun,
    fallbackLine: 1,
  });
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
    return undefined;
  }
  return { file: source.path, data: result.data, keyLines: parsed.keyLines };
}

function reportParseProblems(file: string, problems: ParsedDocument['problems'], diagnostics: Diagnostic[]): boolean {
  for (const problem of problems) {
    const where = { file, line: problem.line };
    diagnostics.push(
      problem.code === 'TB001'
        ? finding('TB001', where, problem.syntax)
        : problem.code === 'TB002'
          ? finding('TB002', where)
          : finding('TB004', where, problem.empty),
    );
  }
  return problems.length > 0;
}

function addDocument(model: ProgramModel, source: SourceFile, diagnostics: Diagnostic[]): void {
  const info = kindOfPath(source.path);
  if (!info) return;
  const isYaml = /\.ya?ml$/.test(source.path);
  const parsed: ParsedDocument = isYaml
    ? { ...parseYaml((source.text ?? '').replace(/^\uFEFF/, '')), body: '', bodyLine: 1 }
    : parseFrontmatterDocument(source.text ?? '');
  if (reportParseProblems(source.path, parsed.problems, diagnostics)) {
    // A file that does not parse still claims its id (its file name), and leaves what it held unknown: its
    // own finding fails the check, and nothing else is reported because of it.
    model.knownIds[info.kind].add(fileIdOf(source.path));
    model.unparsed.add(info.kind);
    return;
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    const where = { file: source.path, line: isYaml ? 1 : 2 };
    diagnostics.push(finding('TB104', where, { what: 'not-mapping', noun: info.noun }));
    return;
  }
  const fileName = fileIdOf(source.path);
  const rawId = (parsed.data as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : fileName;
  model.knownIds[info.kind].add(id);

  const result = validate(info.schema, parsed.data, {
    file: source.path,
    keyLines: parsed.keyLines,
    noun: info.noun,
    fallbackLine: 1,
  });
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
    model.unvalidated.push({ kind: info.kind, file: source.path, data: parsed.data as Record<string, unknown> });
    return;
  }
  const document: Document<unknown> = {
    kind: info.kind,
    id,
    file: source.path,
    data: result.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    keyLines: parsed.keyLines,
  };
  store(model, info, document);
  if (info.kind === 'nda') {
    model.ndaVersions.set(
      createHash('sha256')
        .update(source.text ?? '')
        .digest('hex'),
      document as Document<NdaData>,
    );
  }
}

/** The id a document gets from its file name: `policies/backup.mdx` is `backup`. */
function fileIdOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
}

/** Puts a document in its kind's slot: a list kind's list, or a single kind's place. */
function store(model: ProgramModel, info: DocumentKindInfo, document: Document<unknown>): void {
  const slots = model as unknown as Record<string, Document<unknown>[] | Document<unknown> | undefined>;
  if (info.single) slots[info.model] = document;
  else (slots[info.model] as Document<unknown>[]).push(document);
}

/** The documents of one kind, from the slot the registry gives it (none or one for a single kind). */
export function documentsOf<K extends DocumentKind>(model: ProgramModel, kind: K): Document<DataOf<K>>[] {
  const info = documentKinds[kind];
  const held = (model as unknown as Record<string, Document<DataOf<K>>[] | Document<DataOf<K>> | undefined>)[
    info.model
  ];
  if ('single' in info && info.single) return held ? [held as Document<DataOf<K>>] : [];
  return held as Document<DataOf<K>>[];
}

/** Every document in the model, whatever its kind, kind by kind in registry order. */
export function allDocuments(model: ProgramModel): Document<unknown>[] {
  return documentKindList.flatMap((info) => documentsOf(model, info.kind) as Document<unknown>[]);
}

/** A list-of-strings field of the documents of a kind that failed their schema, as far as it can be read. */
export function unvalidatedStrings(model: ProgramModel, kind: DocumentKind, field: string): string[] {
  return model.unvalidated
    .filter((document) => document.kind === kind)
    .flatMap((document) => {
      const value = document.data[field];
      const list = Array.isArray(value) ? value : [value];
      return list.filter((item): item is string => typeof item === 'string');
    });
}
