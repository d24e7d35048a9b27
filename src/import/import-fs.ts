/**
 * The import's door to the disk: reading the source folder, and writing a plan without ever replacing a file.
 * Every path written is checked by its real path to lie inside the output folder, so a symbolic link in the
 * target (say `policies/` pointing elsewhere) cannot carry the import out of it.
 *
 * There is deliberately no `--force`: replacing an approved policy with an unapproved import loses the approval
 * record, and a backup beside it would be loaded as a second document. Importing into an empty `--out` folder
 * and merging by hand is always available instead.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../engine/errors.ts';
import type { SourceText } from './comply.ts';
import type { PlannedFile } from './plan.ts';

/** Files above this size are no document anyone wrote by hand; reading them would only slow the import. */
const MAX_SOURCE_BYTES = 2_000_000;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readText(root: string, path: string): SourceText | undefined {
  const full = join(root, path);
  const stat = statSync(full);
  const relativePath = path.split(sep).join('/');
  if (!stat.isFile()) return undefined;
  if (stat.size > MAX_SOURCE_BYTES) {
    return { path: relativePath, text: '', unread: `${stat.size} bytes is more than a document written by hand` };
  }
  return { path: relativePath, text: readFileSync(full, 'utf8') };
}

function filesIn(root: string, folder: string, pattern: RegExp): string[] {
  if (!isFolder(join(root, folder))) return [];
  return readdirSync(join(root, folder))
    .filter((name) => pattern.test(name))
    .map((name) => join(folder, name));
}

/** The parts of a comply program the import reads: comply.yml, standards, policies, procedures, narratives. */
export function readComplySources(root: string): SourceText[] {
  if (!isFolder(root)) throw new UsageError(`${root} is not a folder`, 'Pass the folder of the comply program.');
  const folders = ['policies', 'procedures', 'narratives'];
  if (!folders.some((folder) => isFolder(join(root, folder)))) {
    throw new UsageError(
      `${root} holds no comply program (no policies/, procedures/ or narratives/ folder)`,
      'Pass the folder that holds comply.yml, or use `trustbook import markdown DIR --kind policy|procedure` for plain Markdown.',
    );
  }
  const paths = [
    ...(statSafe(join(root, 'comply.yml')) ? ['comply.yml'] : []),
    ...filesIn(root, 'standards', /\.ya?ml$/i),
    ...folders.flatMap((folder) => filesIn(root, folder, /\.md$/i)),
  ];
  return paths.map((path) => readText(root, path)).filter((source) => source !== undefined);
}

/** Every Markdown file under a folder, skipping hidden folders and node_modules. */
export function readMarkdownSources(root: string): SourceText[] {
  if (!isFolder(root)) throw new UsageError(`${root} is not a folder`, 'Pass the folder of Markdown files.');
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = folder === '' ? entry.name : join(folder, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) found.push(path);
    }
  };
  walk('', 0);
  return found.map((path) => readText(root, path)).filter((source) => source !== undefined);
}

function statSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of the deepest folder of `path` that exists already. */
function realAncestor(path: string): string {
  let current = dirname(path);
  while (!statSafe(current)) current = dirname(current);
  return realpathSync(current);
}

/**
 * Writes every file into `out`, or nothing: any file that exists already (in `out`, or in the program at
 * `program` when that is another folder), or a path that would leave `out`, stops the import before it writes.
 */
export function writePlanFiles(out: string, files: PlannedFile[], program: string): string[] {
  mkdirSync(out, { recursive: true });
  const realOut = realpathSync(out);
  const realProgram = isFolder(program) ? realpathSync(program) : undefined;
  const existing: string[] = [];
  const outside: string[] = [];
  for (const file of files) {
    const target = join(realOut, file.path);
    if (!inside(realOut, target) || !inside(realOut, realAncestor(target))) outside.push(file.path);
    // lstat, not exists: a dangling symbolic link is a file too, and writing through it would land elsewhere.
    else if (statSafe(target)) existing.push(file.path);
    else if (realProgram && realProgram !== realOut && statSafe(join(realProgram, file.path))) {
      existing.push(`${file.path} (in the program)`);
    }
  }
  if (outside.length > 0) {
    throw new UsageError(
      `the import would write outside ${out}: ${outside.join(', ')}`,
      'A folder on the way is a symbolic link out of the output folder; import into a plain folder with --out DIR.',
    );
  }
  if (existing.length > 0) {
    const shown = existing.slice(0, 20).join(', ') + (existing.length > 20 ? `, and ${existing.length - 20} more` : '');
    throw new UsageError(
      `the import would replace ${existing.length} existing file(s): ${shown}; nothing was written`,
      'Import into an empty folder with --out DIR and compare, or move those files aside first: the import never overwrites.',
    );
  }
  for (const file of files) {
    const target = join(realOut, file.path);
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: created here or not at all, so a file that appeared meanwhile is not replaced either.
    writeFileSync(target, file.text, { flag: 'wx' });
  }
  return files.map((file) => file.path);
}
