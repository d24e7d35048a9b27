/**
 * A library kept in a repository of its own: `library: { git: URL, ref: TAG }` in the workspace file. Tested
 * against a repository on this disk (a file URL), since nothing outside is reachable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policy, useWorkspace } from '../helpers/workspace.ts';

const workspace = useWorkspace('trustbook-git-library-');
const { write, read, sync } = workspace;

let origin: string;
const git = (...args: string[]) => {
  const result = spawnSync('git', args, { cwd: origin, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
};
const commit = (version: number, scope: string, tag: string) => {
  write(`../${origin.split('/').pop()}/libs/baseline/library.yaml`, `name: Baseline\nversion: ${version}\n`);
  write(`../${origin.split('/').pop()}/libs/baseline/policies/access-control.mdx`, policy(version, scope));
  git('add', '-A');
  git('-c', 'user.name=Partner', '-c', 'user.email=partner@example.test', 'commit', '--quiet', '-m', `v${version}`);
  git('tag', tag);
};
const useLibrary = (ref: string, extra = '') =>
  write(
    'trustbook.workspace.yaml',
    `library:\n  git: file://${origin}\n  ref: ${ref}\n  path: libs/baseline\n${extra}clients:\n  - name: acme\n    path: clients/acme\n  - name: globex\n    path: clients/globex\n`,
  );

beforeEach(() => {
  origin = mkdtempSync(join(tmpdir(), 'trustbook-library-origin-'));
  git('init', '--quiet');
  commit(1, 'Every system.', 'v1');
});
afterEach(() => rmSync(origin, { recursive: true, force: true }));

describe('a library in a git repository of its own', () => {
  it('is fetched at its tag and synced like a folder, and moving the tag brings the new version', async () => {
    useLibrary('v1');
    expect((await sync()).code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(policy(1, 'Every system.'));

    commit(2, 'Every production system.', 'v2');
    expect((await sync('--check')).code).toBe(0); // still pinned to v1
    useLibrary('v2');
    const behind = await sync('--check');
    expect(behind.code).toBe(1);
    expect(behind.stdout).toContain('acme: behind (library Baseline 1 -> Baseline 2)');
    expect((await sync()).code).toBe(0);
    expect(read('clients/globex/policies/access-control.mdx')).toBe(policy(2, 'Every production system.'));
  });

  it('takes a full commit id once and reads it from the fetched copy afterwards', async () => {
    const id = git('rev-parse', 'HEAD');
    useLibrary(id);
    expect((await sync()).code).toBe(0);
    rmSync(origin, { recursive: true, force: true }); // gone: the fetched copy is enough for a commit that cannot move
    const again = await sync('--check');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    origin = mkdtempSync(join(tmpdir(), 'trustbook-library-origin-'));
  });

  it('says which ref could not be fetched, and changes nothing', async () => {
    useLibrary('v9');
    const result = await sync();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`trustbook.workspace.yaml:1: could not fetch the library file://${origin} at v9`);
    expect(result.stderr).toContain('fix: Check the URL and that the ref');
    expect(existsSync(join(workspace.root, 'clients/acme/policies'))).toBe(false);
  });

  it('never runs a command named in an ext:: URL', async () => {
    const marker = join(origin, 'ran');
    useLibrary('v1');
    write('trustbook.workspace.yaml', `library:\n  git: "ext::sh -c touch% ${marker}"\n  ref: v1\nclients: []\n`);
    const result = await sync();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not fetch the library ext::');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a URL git would read as an option', async () => {
    write('trustbook.workspace.yaml', 'library:\n  git: --upload-pack=touch /tmp/x\n  ref: v1\nclients: []\n');
    const result = await sync();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('trustbook.workspace.yaml:2: expected a git URL');
  });
});
