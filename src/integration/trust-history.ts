/**
 * The history of what the trust center publishes, read from git: every commit of the main line (first
 * parents) that touched a subprocessor, a policy, an attestation or a trust page, oldest first, with the text
 * each file had after it. One `git log` lists the commits and the versions of the files, one
 * `git cat-file --batch` reads all those versions, so the cost does not grow with one process per file.
 * Without git, or outside a repository, there is no history.
 */
import { spawnSync } from 'node:child_process';
import { documentKindList, kindOfPath } from '../engine/document-kinds.ts';
import { trustHistoryKinds, type TrustFileVersion, type TrustRevision } from '../trust-center/trust-updates.ts';

/** The folders git is asked about; each file in them is kept only when it is a document of a kind that matters. */
const folders = documentKindList.filter((info) => trustHistoryKinds.has(info.kind)).map((info) => info.path);

const header = '\u001e';
const noBlob = /^0+$/;

/** One file in a commit, as `git log --raw` lists it: the version it now has, and the path it had before. */
interface RawChange {
  path: string;
  from?: string;
  /** The blob of the new version; undefined when the commit deletes the file. */
  blob?: string;
}

interface RawCommit {
  commit: string;
  date: string;
  parents: number;
  changes: RawChange[];
}

/** The commits that changed a public-relevant file, oldest first, with each file's text after the commit. */
export function readTrustHistory(root: string): TrustRevision[] {
  const log = git(root, [
    '-c',
    'log.showRoot=true',
    'log',
    '-z',
    '--reverse',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '--no-abbrev',
    '--no-show-signature',
    '-M',
    '--relative',
    `--format=${header}%H%x09%ad%x09%P`,
    '--date=short',
    '--',
    ...folders,
  ]);
  if (log === undefined) return [];
  const commits = parseRawLog(log.toString('utf8'));
  if (commits.length === 0) return [];
  const blobs = readBlobs(root, [...new Set(commits.flatMap((commit) => commit.changes.flatMap((c) => c.blob ?? [])))]);
  if (blobs === undefined) return [];
  // A shallow clone's oldest commit lists every file as new; it is where the history starts, not a change.
  const shallow = git(root, ['rev-parse', '--is-shallow-repository'])?.toString('utf8').trim() === 'true';
  return commits.map((commit) => ({
    commit: commit.commit,
    date: commit.date,
    baseline: shallow && commit.parents === 0,
    files: commit.changes.map(({ path, from, blob }): TrustFileVersion => {
      const text = blob === undefined ? undefined : blobs.get(blob);
      return {
        path,
        ...(from === undefined ? {} : { from }),
        ...(blob === undefined ? { deleted: true } : {}),
        ...(text === undefined ? {} : { text }),
      };
    }),
  }));
}

/**
 * Parses `git log -z --raw --format=<header>%H\t%ad\t%P`: a header, then for each file a `:modes blobs status`
 * field and its path (two paths for a rename or copy), every field ended by NUL. Only documents of the kinds
 * the trust updates follow are kept; a rename from elsewhere is an addition, a rename away a deletion.
 */
function parseRawLog(output: string): RawCommit[] {
  const commits: RawCommit[] = [];
  const fields = output.split('\0');
  let current: RawCommit | undefined;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!.replace(/^\n/, '');
    if (field.startsWith(header)) {
      const [commit = '', date = '', parents = ''] = field.slice(1).split('\t');
      current = { commit, date, parents: parents.split(' ').filter(Boolean).length, changes: [] };
      commits.push(current);
      continue;
    }
    if (!field.startsWith(':') || !current) continue;
    const [, mode = '', , blob = '', status = ''] = field.slice(1).split(' ');
    const renamed = status.startsWith('R') || status.startsWith('C');
    const first = fields[++index] ?? '';
    const path = renamed ? (fields[++index] ?? '') : first;
    // A submodule's "blob" is a commit of another repository.
    if (mode === '160000') continue;
    if (status.startsWith('R')) {
      if (isTracked(path)) current.changes.push({ path, ...(isTracked(first) ? { from: first } : {}), blob });
      else if (isTracked(first)) current.changes.push({ path: first });
    } else if (isTracked(path)) {
      // A copy is a new file; a deletion has no new version.
      current.changes.push(status === 'D' || noBlob.test(blob) ? { path } : { path, blob });
    }
  }
  return commits;
}

/** Whether a path holds a document of a kind whose history makes trust updates. */
function isTracked(path: string): boolean {
  const kind = kindOfPath(path)?.kind;
  return kind !== undefined && trustHistoryKinds.has(kind);
}

/** The text of each blob, read by one `git cat-file --batch`. */
function readBlobs(root: string, ids: readonly string[]): Map<string, string> | undefined {
  const blobs = new Map<string, string>();
  if (ids.length === 0) return blobs;
  const output = git(root, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  if (output === undefined) return undefined;
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end === -1) break;
    const [id = '', type = '', size = ''] = output.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    // `<id> missing`: an object a partial clone does not have; that version is simply unknown.
    if (type === 'missing' || size === '') continue;
    const length = Number(size);
    if (type === 'blob') blobs.set(id, output.subarray(at, at + length).toString('utf8'));
    at += length + 1;
  }
  return blobs;
}

/** Runs git in `root`; undefined when git is missing, `root` is not in a repository, or the command fails. */
function git(root: string, args: readonly string[], input?: string): Buffer | undefined {
  const result = spawnSync('git', args, {
    cwd: root,
    input,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout;
}
