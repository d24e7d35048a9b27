import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { policy, useWorkspace } from '../helpers/workspace.ts';

const workspace = useWorkspace('trustbook-workspace-');
const { write, read, library, sync } = workspace;

describe('trustbook sync', () => {
  it('gives every client the library documents on the first sync and records what they took', async () => {
    const result = await sync();
    expect(result.code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(policy(1, 'Every system.'));
    expect(read('clients/globex/.trustbook-sync/sync.yaml')).toMatch(/layers:\n {2}- name: Baseline\n {4}version: '1'/);
    expect(result.stdout).toContain('acme: synced (library none -> Baseline 1)');
    expect(result.stdout).toContain('added policies/access-control.mdx');
    expect((await sync('--check')).code).toBe(0);
  });

  it('carries a library change into a client that edited another section, and --check sees it first', async () => {
    await sync();
    write(
      'clients/acme/policies/access-control.mdx',
      policy(1, 'Every system.', 'The works council approves exceptions.'),
    );
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });

    const check = await sync('--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('acme: behind (library Baseline 1 -> Baseline 2)');
    expect(read('clients/acme/policies/access-control.mdx')).toContain('version: 1');

    const result = await sync('acme');
    expect(result.code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(
      policy(2, 'Every production system.', 'The works council approves exceptions.'),
    );
    expect(result.stdout).toContain('updated policies/access-control.mdx: fields version; sections scope');
    expect(read('clients/globex/policies/access-control.mdx')).toContain('version: 1');
  });

  it('leaves a conflicting document as the client has it and shows the three versions', async () => {
    await sync();
    const edited = policy(1, 'Every Acme system.');
    write('clients/acme/policies/access-control.mdx', edited);
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(edited);
    expect(result.stdout).toContain('acme: not synced, nothing changed (library Baseline 1 -> Baseline 2)');
    expect(result.stdout).toMatch(/error TB024 the library and client "acme" both changed section scope/);
    expect(result.stdout).toContain('conflict in policies/access-control.mdx, three versions:');
    expect(result.stdout).toMatch(
      /library then:[\s\S]*Every system\.[\s\S]*library now:[\s\S]*Every production system\.[\s\S]*client:[\s\S]*Every Acme system\./,
    );
    // The next sync still merges against the text the client last took, so nothing is lost.
    write('clients/acme/policies/access-control.mdx', policy(1, 'Every production system.'));
    expect((await sync()).code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(policy(2, 'Every production system.'));
  });

  it('writes conflict markers when asked', async () => {
    await sync();
    write('clients/acme/policies/access-control.mdx', policy(1, 'Every Acme system.'));
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });
    const result = await sync('--markers');
    expect(result.code).toBe(1);
    expect(read('clients/acme/policies/access-control.mdx')).toMatch(/<<<<<<< client\nEvery Acme system\./);
  });

  it('keeps a document the client deleted deleted', async () => {
    await sync();
    rmSync(join(workspace.root, 'clients/acme/policies/access-control.mdx'));
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });
    expect((await sync()).code).toBe(0);
    expect(existsSync(join(workspace.root, 'clients/acme/policies/access-control.mdx'))).toBe(false);
  });

  it('leaves the client copy of a document the library dropped, and says so', async () => {
    await sync();
    library(2, { 'policies/other.mdx': policy(1, 'Other.') });
    const result = await sync();
    expect(result.stdout).toContain(
      'warning TB021 client "acme" took policies/access-control.mdx from Baseline 1, and the library no longer has it',
    );
    expect(result.code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(policy(1, 'Every system.'));
    expect(read('clients/acme/policies/other.mdx')).toBe(policy(1, 'Other.'));
  });

  it('lays a client overlay over the library: its documents replace or add to the base', async () => {
    write(
      'trustbook.workspace.yaml',
      'library: library\nclients:\n  - name: acme\n    path: clients/acme\n    overlays: [overlays/health]\n  - name: globex\n    path: clients/globex\n',
    );
    write('overlays/health/library.yaml', 'name: Healthcare\nversion: 3\n');
    write('overlays/health/policies/access-control.mdx', policy(1, 'Every system with health data.'));
    write('overlays/health/policies/phi.mdx', policy(1, 'Protected health information.'));
    const result = await sync();
    expect(result.stdout).toContain('acme: synced (library none -> Baseline 1 + Healthcare 3)');
    expect(read('clients/acme/policies/access-control.mdx')).toContain('Every system with health data.');
    expect(read('clients/acme/policies/phi.mdx')).toContain('Protected health information.');
    expect(read('clients/acme/.trustbook-sync/sync.yaml')).toMatch(/policies\/phi\.mdx:\n {4}layer: Healthcare\n/);
    expect(existsSync(join(workspace.root, 'clients/globex/policies/phi.mdx'))).toBe(false);

    write('overlays/health/library.yaml', 'name: Healthcare\nversion: 4\n');
    expect((await sync('--check')).stdout).toContain(
      'acme: behind (library Baseline 1 + Healthcare 3 -> Baseline 1 + Healthcare 4)',
    );
  });

  it('keeps a library change under an override open for review until the override is approved again', async () => {
    await sync();
    const overridden = (approved: string) =>
      policy(1, 'Every system.', 'The works council approves exceptions.').replace(
        'criteria: [CC6.1]\n',
        `criteria: [CC6.1]\noverrides:\n  - section: exceptions\n    reason: works agreement\n    approved_by: ceo\n    approved: ${approved}\n`,
      );
    write('clients/acme/policies/access-control.mdx', overridden('2026-11-01'));
    library(2, { 'policies/access-control.mdx': policy(2, 'Every system.', 'The CISO approves exceptions.') });

    const first = await sync();
    expect(first.stdout).toContain(
      'warning TB027 the library changed section exceptions (found 2026-12-07), which client "acme" overrides',
    );
    expect(first.stdout).toContain('at clients/acme/policies/access-control.mdx:7\n');
    expect(read('clients/acme/policies/access-control.mdx')).toContain('The works council approves exceptions.');
    const later = await runCli(workspace.root, ['sync', '--as-of', '2026-12-20']);
    expect(later.stdout).toContain('(found 2026-12-07)');
    expect((await runCli(workspace.root, ['check', '--workspace', '--format', 'json'])).stdout).toMatch(
      /"overridesToReview": 1/,
    );

    write('clients/acme/policies/access-control.mdx', overridden('2026-12-08').replace('version: 1', 'version: 2'));
    const reviewed = await sync();
    expect(reviewed.stdout).not.toContain('TB027');
    expect(read('clients/acme/.trustbook-sync/sync.yaml')).not.toContain('reviews');
  });

  it('refuses a library reached through a link that leaves the workspace', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'trustbook-elsewhere-'));
    writeFileSync(join(elsewhere, 'library.yaml'), 'name: Other\nversion: 1\n');
    rmSync(join(workspace.root, 'library'), { recursive: true });
    symlinkSync(elsewhere, join(workspace.root, 'library'));
    const result = await sync();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is outside the workspace');
    rmSync(elsewhere, { recursive: true, force: true });
  });
});

describe('trustbook sync --pr-body', () => {
  it("writes one pull request's account per client behind, saying what the sync changes, and no other file", async () => {
    await sync();
    write(
      'clients/acme/policies/access-control.mdx',
      policy(1, 'Every system.', 'The works council approves exceptions.'),
    );
    library(2, {
      'policies/access-control.mdx': policy(2, 'Every production system.'),
      'policies/logging.mdx': policy(1, 'Every log.').replace('Access control', 'Logging'),
    });
    const before = workspace.snapshot('clients');

    const result = await sync('--check', '--pr-body', 'pull-requests');
    expect(result.code).toBe(1);
    expect(workspace.snapshot('clients')).toEqual(before);
    expect(read('pull-requests/acme.md')).toBe(
      [
        'Sync of **acme** with the library: `Baseline 1` to `Baseline 2`.',
        '',
        '### Documents',
        '',
        '- added `policies/logging.mdx`',
        '- updated `policies/access-control.mdx`: fields version; sections scope',
        '',
        "The client's own edits and its overrides were kept; a document both sides changed would have stopped this sync, so none is in it. Merge when the workspace's check passes on this pull request.",
        '',
      ].join('\n'),
    );
    expect(read('pull-requests/globex.md')).toContain('`Baseline 1` to `Baseline 2`');

    // The sync itself writes the same account, and a client already up to date gets none.
    expect((await sync('acme', '--pr-body', 'after')).code).toBe(0);
    expect(read('after/acme.md')).toBe(read('pull-requests/acme.md'));
    expect((await sync('acme', '--pr-body', 'again')).code).toBe(0);
    expect(existsSync(join(workspace.root, 'again/acme.md'))).toBe(false);
  });

  it('writes no account for a client whose sync stops on a conflict', async () => {
    await sync();
    write('clients/acme/policies/access-control.mdx', policy(1, 'Every Acme system.'));
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });
    const result = await sync('--pr-body', 'pull-requests');
    expect(result.code).toBe(1);
    expect(existsSync(join(workspace.root, 'pull-requests/acme.md'))).toBe(false);
    expect(read('pull-requests/globex.md')).toContain('- updated `policies/access-control.mdx`');
  });
});
