/**
 * Everything the engine reads from disk: the project's documents (and the files in document folders that are
 * not read), and the artifact files evidence names. MDX bodies are parsed here too, since which of them are
 * already known to parse is remembered on disk.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { bodyCacheVersion, bodyKey, readCleanBodies, writeCleanBodies } from './body-cache-fs.ts';
import { mdxSyntaxProblems } from './body-syntax.ts';
import { documentKindList, recordKindList, recordKindOfPath, type DocumentKindInfo } from './document-kinds.ts';
import {
  allDocuments,
  buildModel,
  PEOPLE_FILE,
  PROGRAM_FILE,
  PUBLIC_DIR,
  SYNC_RECORD_FILE,
  type ArtifactFileState,
  type PublicFileState,
  type ProgramModel,
  type SourceFile,
} from './model.ts';
import type { Diagnostic } from './diagnostics.ts';
import { finding } from './findings/finding.ts';
import { namedFiles } from './rules/integrity.ts';
import { inspectTrustFile } from './trust-files-fs.ts';

export const EVIDENCE_DIR = 'evidence-index';

/** Where artifact files kept in the repository live: any file there is evidence, never a document. */
const ARTIFACT_FILES_DIR = `${EVIDENCE_DIR}/files`;

/** True when `root` holds a Trustbook program. */
export function isProgramRoot(root: string): boolean {
  return existsSync(join(root, PROGRAM_FILE));
}

/** A Markdown file in a document folder that is not read: in a sub-folder, or with an ending not read. */
interface UnreadFile {
  path: string;
  info: DocumentKindInfo;
  /** Whether it sits in a sub-folder of the kind's folder (else its ending is the reason). */
  nested: boolean;
}

/** What the document folders hold: the files read, the folders that could not be listed, the files not read. */
interface ProgramFiles {
  paths: string[];
  unreadable: SourceFile[];
  unread: UnreadFile[];
}

/** Endings of Markdown, in any case: such a file in a document folder was meant to be read. */
const markdownLike = /\.(md|mdx|markdown|mdown)$/i;

const hidden = (name: string) => name.startsWith('.') || name.startsWith('_');

/** Lists the program's files once: those read as documents, and those that look like documents but are not. */
function scanProgram(root: string): ProgramFiles {
  const paths = [PROGRAM_FILE, PEOPLE_FILE, SYNC_RECORD_FILE].filter((path) => existsSync(join(root, path)));
  const unreadable: SourceFile[] = [];
  const unread: UnreadFile[] = [];
  const singles = documentKindList.filter((info) => info.single);
  for (const info of singles) if (existsSync(join(root, info.path))) paths.push(info.path);
  for (const info of documentKindList) {
    if (info.single) continue;
    const folder = join(root, info.path);
    if (!existsSync(folder)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: info.path, readError: errorCode(error) });
      continue;
    }
    for (const entry of entries) {
      if (hidden(entry.name)) continue;
      const path = `${info.path}/${entry.name}`;
      if (entry.isDirectory()) {
        // A sub-folder that is a kind's own folder (content/trust/documents), or a record kind's
        // (evidence-index/samples), is read as that kind.
        const ownFolder = [...documentKindList, ...recordKindList].some((other) => other.path === path);
        if (path !== ARTIFACT_FILES_DIR && !ownFolder) findNested(root, path, info, unread);
      } else if (info.extensions.some((extension) => entry.name.endsWith(extension))) {
        paths.push(path);
      } else if (markdownLike.test(entry.name)) {
        unread.push({ path, info, nested: false });
      }
    }
  }
  unread.push(...misnamedSingles(root, singles));
  for (const info of recordKindList) {
    const folder = join(root, info.path);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = `${info.path}/${name}`;
      if (!hidden(name) && recordKindOfPath(path)) paths.push(path);
    }
  }
  return { paths, unreadable, unread };
}

/** Markdown files anywhere below a sub-folder of a document folder: none of them is read. */
function findNested(root: string, folder: string, info: DocumentKindInfo, unread: UnreadFile[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return; // Nothing in it is read either way; the folder's own problem is not a document's.
  }
  for (const entry of entries) {
    if (hidden(entry.name)) continue;
    const path = `${folder}/${entry.name}`;
    // Links to folders are not followed, so a link back up cannot loop.
    if (entry.isDirectory()) findNested(root, path, info, unread);
    else if (markdownLike.test(entry.name)) unread.push({ path, info, nested: true });
  }
}

/** `content/system-description.md` and the like: a single document under a name close to its own. */
function misnamedSingles(root: string, singles: readonly DocumentKindInfo[]): UnreadFile[] {
  const found: UnreadFile[] = [];
  const folders = new Set(singles.map((info) => posix.dirname(info.path)));
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(join(root, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!markdownLike.test(name)) continue;
      const path = `${folder}/${name}`;
      const info = singles.find(
        (single) => single.path !== path && stem(single.path).toLowerCase() === stem(path).toLowerCase(),
      );
      if (info) found.push({ path, info, nested: false });
    }
  }
  return found;
}

/** The file name without its folder and ending. */
const stem = (path: string) => posix.basename(path).replace(/\.[^.]*$/, '');

/** Reads every document of the program under `root`, once. */
export function readSources(root: string): SourceFile[] {
  return readScanned(root, scanProgram(root));
}

function readScanned(root: string, files: ProgramFiles): SourceFile[] {
  return [...files.paths.map((path) => readSource(root, path)), ...files.unreadable];
}

/**
 * Files in document folders that look like documents but are never read, each an error: a control in
 * `content/controls/access/` or named `AC-09.MDX` is neither checked nor published, though its author thinks
 * it is. Artifact files under `evidence-index/files/` and names starting with `.` or `_` are not documents.
 */
export function unreadDocuments(root: string): Diagnostic[] {
  return scanProgram(root).unread.map((file) => unreadDiagnostic(root, file));
}

function unreadDiagnostic(root: string, file: UnreadFile): Diagnostic {
  const { info } = file;
  const ending = /\.[^.]*$/.exec(file.path)![0];
  const wanted = ending.toLowerCase() === '.mdx' ? '.mdx' : '.md';
  const target = info.single ? info.path : `${info.path}/${stem(file.path)}${wanted}`;
  const taken = target !== file.path && existsSync(join(root, target));
  const unread = {
    noun: info.noun,
    path: info.path,
    single: Boolean(info.single),
    nested: file.nested,
    ending,
    endings: endings(info),
    target,
    taken,
  };
  return finding('TB008', { file: file.path }, unread);
}

/** `.mdx or .md`, `.mdx, .md, .yaml or .yml` */
function endings(info: DocumentKindInfo): string {
  const list = [...info.extensions];
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} or ${list.at(-1)!}`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function readSource(root: string, path: string): SourceFile {
  let bytes: Buffer;
  try {
    // Only regular files: reading a folder fails, and reading a named pipe would wait forever.
    if (!statSync(join(root, path)).isFile()) return { path, readError: 'not a regular file' };
    bytes = readFileSync(join(root, path));
  } catch (error) {
    return { path, readError: errorCode(error) };
  }
  try {
    return { path, text: decoder.decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const firstBad = lenient.indexOf('\uFFFD');
    return { path, invalidUtf8Line: lenient.slice(0, Math.max(firstBad, 0)).split('\n').length };
  }
}

/** Looks up every artifact `file` on disk: inside evidence-index/, present, and its SHA-256. */
/** Looks up every file the evidence names (artifacts, populations, bridge letters): inside evidence-index/, present, its SHA-256. */
export function resolveArtifactFiles(root: string, model: ProgramModel): void {
  const evidenceRoot = resolve(root, EVIDENCE_DIR);
  for (const named of namedFiles(model)) {
    if (model.artifactFiles.has(named.path)) continue;
    model.artifactFiles.set(named.path, inspectArtifactFile(evidenceRoot, named.path, named.rows !== undefined));
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/**
 * Where a file the evidence names really is: its real path when it is a regular file inside evidence-index/
 * (links followed), else why not. The check and the auditor site's copy of the file both go through here.
 */
function locateEvidenceFile(
  evidenceRoot: string,
  file: string,
): { status: 'found'; real: string } | Exclude<ArtifactFileState, { status: 'present' }> {
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) {
    return { status: 'outside', reason: 'an absolute path' };
  }
  const path = resolve(evidenceRoot, file);
  if (!isInside(evidenceRoot, path)) return { status: 'outside', reason: 'a path that leaves evidence-index/' };
  // `.git/`, `.env` and the like hold the repository's machinery and secrets, never evidence.
  if (file.split(/[\\/]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..')) {
    return { status: 'outside', reason: 'a path through a dot-file or dot-folder' };
  }
  if (!existsSync(path)) return { status: 'missing' };
  const real = realpathSync(path);
  if (!isInside(realpathSync(evidenceRoot), real)) {
    return { status: 'outside', reason: 'a link to a file outside evidence-index/' };
  }
  if (!statSync(real).isFile()) return { status: 'missing' };
  return { status: 'found', real };
}

/**
 * The bytes of a file the evidence names, when it is where the check requires (see `locateEvidenceFile`) and
 * its SHA-256 is `sha256`; undefined otherwise. What is returned is what was hashed: a file changed since the
 * check is not returned.
 */
export function readVerifiedEvidenceFile(root: string, file: string, sha256: string): Buffer | undefined {
  const located = locateEvidenceFile(resolve(root, EVIDENCE_DIR), file);
  if (located.status !== 'found') return undefined;
  const bytes = readFileSync(located.real);
  return createHash('sha256').update(bytes).digest('hex') === sha256.toLowerCase() ? bytes : undefined;
}

function inspectArtifactFile(evidenceRoot: string, file: string, countRecords = false): ArtifactFileState {
  const located = locateEvidenceFile(evidenceRoot, file);
  if (located.status !== 'found') return located;
  const bytes = readFileSync(located.real);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const table = countRecords && /\.csv$/i.test(file) ? csvTable(bytes) : undefined;
  return table === undefined
    ? { status: 'present', sha256 }
    : {
        status: 'present',
        sha256,
        csvRecords: table.rows.length,
        csvIds: table.rows.map((row) => row[0] ?? ''),
        csvHeader: table.header,
        csvRows: table.rows,
        csvLines: table.lines,
      };
}

type ParseCsv = (typeof import('csv-parse/sync'))['parse'];
let parseCsv: ParseCsv | undefined;

/**
 * A CSV export's header and records, fields trimmed, with the line each record ends on; undefined when it is
 * not CSV. Empty lines are not records; a line of empty fields (`,,`) is, and the population rule reports it.
 */
function csvTable(bytes: Buffer): { header: string[]; rows: string[][]; lines: number[] } | undefined {
  // Loaded on first use: most programs keep no population export in the repository.
  parseCsv ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: ParseCsv }).parse;
  try {
    const parsed = parseCsv(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: unknown[]; info: { lines: number } }[];
    const [header, ...records] = parsed;
    return {
      header: header ? header.record.map((field) => String(field).trim()) : [],
      rows: records.map((entry) => entry.record.map((field) => String(field).trim())),
      lines: records.map((entry) => entry.info.lines),
    };
  } catch {
    return undefined;
  }
}

export interface LoadOptions {
  /**
   * Remember the MDX bodies that parse in `.trustbook/cache/` and skip parsing them again while unchanged.
   * Default true.
   */
  bodyCache?: boolean;
  /** Told how far the slow part (parsing bodies not known to be clean) has come; for a progress line. */
  progress?: Progress | undefined;
}

/** How far a long step has come: `done` of `total` items of `step`. */
export type Progress = (step: string, done: number, total: number) => void;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether each trust document's file is a file in content/trust/files/ and what its path says. */
function resolveTrustFiles(root: string, model: ProgramModel): void {
  for (const document of model.trustDocuments) {
    const file = document.data.file;
    if (file === undefined || model.trustFiles.has(file)) continue;
    model.trustFiles.set(file, inspectTrustFile(root, file));
  }
}

/** Whether each file `brand` names is a file inside `public/`, following links as a web server would. */
function resolvePublicFiles(root: string, model: ProgramModel): void {
  const brand = model.program?.data.brand;
  const folder = resolve(root, PUBLIC_DIR);
  for (const file of [brand?.logo, brand?.favicon]) {
    if (file === undefined || model.publicFiles.has(file)) continue;
    model.publicFiles.set(file, inspectPublicFile(folder, file));
  }
}

function inspectPublicFile(folder: string, file: string): PublicFileState {
  const path = resolve(folder, file);
  if (isAbsolute(file) || file.includes('\\') || !isInside(folder, path)) return 'outside';
  if (!isFile(path)) return 'missing';
  return isInside(realpathSync(folder), realpathSync(path)) ? 'present' : 'outside';
}

/** Reads and models the program under `root`. */
export function loadProject(
  root: string,
  options: LoadOptions = {},
): { model: ProgramModel; diagnostics: Diagnostic[] } {
  const files = scanProgram(root);
  const { model, diagnostics } = buildModel(readScanned(root, files));
  resolveArtifactFiles(root, model);
  resolveTrustFiles(root, model);
  resolvePublicFiles(root, model);
  for (const diagnostic of checkBodies(root, model, options.bodyCache ?? true, options.progress)) {
    diagnostics.push(diagnostic);
  }
  // A Markdown file that evidence names as an artifact is read, as evidence, wherever it is.
  const artifacts = new Set([...model.artifactFiles.keys()].map((file) => posix.join(EVIDENCE_DIR, file)));
  for (const file of files.unread) {
    if (!artifacts.has(file.path)) diagnostics.push(unreadDiagnostic(root, file));
  }
  return { model, diagnostics };
}

/**
 * Parses every MDX body of the model as the build will, and reports the first syntax error of each broken
 * file (TB007). Bodies remembered as clean are not parsed again. Bodies of documents whose fields failed
 * their schema are not in the model, and are parsed once that finding is fixed.
 */
function checkBodies(root: string, model: ProgramModel, useCache: boolean, progress?: Progress): Diagnostic[] {
  const documents = allDocuments(model).filter((document) => document.file.endsWith('.mdx'));
  if (documents.length === 0) return [];
  const version = useCache ? bodyCacheVersion() : undefined;
  const known = version === undefined ? new Set<string>() : readCleanBodies(root, version);
  const clean = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const [index, document] of documents.entries()) {
    progress?.('parsing MDX bodies', index, documents.length);
    const key = bodyKey(document.body);
    if (known.has(key)) {
      clean.add(key);
      continue;
    }
    const [problem] = mdxSyntaxProblems(document.body, document.bodyLine);
    if (!problem) {
      clean.add(key);
      continue;
    }
    diagnostics.push(finding('TB007', { file: document.file, line: problem.line }, problem));
  }
  // Only the bodies of this run are kept, so the cache does not grow with every edit; an unchanged program
  // leaves the file untouched.
  if (version !== undefined && (clean.size !== known.size || [...clean].some((key) => !known.has(key)))) {
    writeCleanBodies(root, version, clean);
  }
  return diagnostics;
}
