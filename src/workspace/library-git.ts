/**
 * A library kept in a git repository of its own (`library: { git: URL, ref: v7 }`): fetched at that ref into the
 * workspace's scratch folder, `.trustbook/libraries/`, which every workspace's `.gitignore` leaves out, and read
 * from there like a library folder. A ref that is a full commit id is fetched once (it cannot move); a tag or a
 * branch is fetched on every command, so a moved tag is noticed. Nothing here runs a shell: git gets its
 * arguments as a list, and a URL or ref that git could read as an option is refused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../engine/errors.ts';
import type { GitLibrary } from '../schema/workspace.ts';

export const librariesFolder = '.trustbook/libraries';

const fullCommit = /^[0-9a-f]{40}$/;

/** The library's folder relative to the workspace, after fetching it at its ref. */
export function checkoutLibrary(root: string, library: GitLibrary, shown: string): string {
  const slug = createHash('sha256').update(`${library.git}\n${library.ref}`).digest('hex').slice(0, 16);
  const folder = `${librariesFolder}/${slug}`;
  const target = join(root, folder);
  const within = library.path ? `${folder}/${library.path}` : folder;
  if (fullCommit.test(library.ref) && checkedOut(target) === library.ref) return within;

  // Fetched into a fresh folder beside the old one and swapped in only when complete, so a failed fetch leaves
  // no half library behind.
  const staged = `${target}.fetching`;
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  const fail = (what: string, detail: string): never => {
    rmSync(staged, { recursive: true, force: true });
    throw new UsageError(
      `${shown}: could not ${what} the library ${library.git} at ${library.ref}${detail ? ` (${detail})` : ''}`,
      'Check the URL and that the ref (a tag, a branch or a full commit id) exists, and that git can reach the host from here; nothing was changed.',
    );
  };
  for (const args of [
    ['init', '--quiet'],
    // The ext:: transport runs a command named in the URL: never, whatever the machine's git configuration.
    ['-c', 'protocol.ext.allow=never', 'fetch', '--quiet', '--depth', '1', '--', library.git, library.ref],
    ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--detach', 'FETCH_HEAD'],
  ]) {
    const result = spawnSync('git', args, { cwd: staged, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.error) fail('fetch', 'git is not installed');
    if (result.status !== 0) fail(args.includes('checkout') ? 'check out' : 'fetch', firstLine(result.stderr));
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(staged, target);
  if (library.path && !existsSync(join(root, within))) {
    throw new UsageError(
      `${shown}: the library ${library.git} at ${library.ref} has no folder ${library.path}`,
      'Correct `path:` (the library folder inside that repository), or leave it out when the library is the whole repository.',
    );
  }
  return within;
}

/** The commit a fetched library folder has checked out, when it has one. */
function checkedOut(folder: string): string | undefined {
  try {
    return readFileSync(join(folder, '.git', 'HEAD'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^(fatal|error): /, '').trim())
    .find((line) => line !== '') ?? '';
