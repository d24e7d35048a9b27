/** Everything the engine reads from disk: the project's documents, and the artifact files evidence names. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { documentKinds } from './document-kinds.ts';
import {
  buildModel,
  PEOPLE_FILE,
  PROGRAM_FILE,
  type ArtifactFileState,
  type ProgramModel,
  type SourceFile,
} from './model.ts';
import type { Diagnostic } from './diagnostics.ts';

export const EVIDENCE_DIR = 'evidence-index';

/** True when `root` holds a Trustbook program. */
export function isProgramRoot(root: string): boolean {
  return existsSync(join(root, PROGRAM_FILE));
}

/** Reads every document of the program under `root`, once. */
export function readSources(root: string): SourceFile[] {
  const paths = [PROGRAM_FILE, PEOPLE_FILE].filter((path) => existsSync(join(root, path)));
  const unreadable: SourceFile[] = [];
  for (const info of documentKinds) {
    if (info.single) {
      if (existsSync(join(root, info.path))) paths.push(info.path);
      continue;
    }
    const folder = join(root, info.path);
    if (!existsSync(folder)) continue;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: info.path, readError: errorCode(error) });
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      if (info.extensions.some((extension) => entry.name.endsWith(extension))) {
        paths.push(`${info.path}/${entry.name}`);
      }
    }
  }
  return [...paths.map((path) => readSource(root, path)), ...unreadable];
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
export function resolveArtifactFiles(root: string, model: ProgramModel): void {
  const evidenceRoot = resolve(root, EVIDENCE_DIR);
  for (const series of model.evidence) {
    for (const artifact of series.data.artifacts) {
      if (!artifact.file || model.artifactFiles.has(artifact.file)) continue;
      model.artifactFiles.set(artifact.file, inspectArtifactFile(evidenceRoot, artifact.file));
    }
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

function inspectArtifactFile(evidenceRoot: string, file: string): ArtifactFileState {
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) {
    return { status: 'outside', reason: 'an absolute path' };
  }
  const path = resolve(evidenceRoot, file);
  if (!isInside(evidenceRoot, path)) return { status: 'outside', reason: 'a path that leaves evidence-index/' };
  if (!existsSync(path)) return { status: 'missing' };
  const real = realpathSync(path);
  if (!isInside(realpathSync(evidenceRoot), real)) {
    return { status: 'outside', reason: 'a link to a file outside evidence-index/' };
  }
  if (!statSync(real).isFile()) return { status: 'missing' };
  return { status: 'present', sha256: createHash('sha256').update(readFileSync(real)).digest('hex') };
}

/** Reads and models the program under `root`. */
export function loadProject(root: string): { model: ProgramModel; diagnostics: Diagnostic[] } {
  const { model, diagnostics } = buildModel(readSources(root));
  resolveArtifactFiles(root, model);
  return { model, diagnostics };
}
