/**
 * Bad input to a partner workspace: each a finding with its code, naming the client and the file, shown by
 * `trustbook sync` and `trustbook check --workspace`; and sync all or nothing per client.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { policy, useWorkspace } from '../helpers/workspace.ts';

const workspace = useWorkspace('trustbook-bad-workspace-');
const { write, read, library, snapshot, sync } = workspace;

interface JsonCheck {
  diagnostics: { code: string; file: string; line?: number; severity: string }[];
  clients: { client: string; errors: number; diagnostics: { code: string; file: string; severity: string }[] }[];
}
async function checkJson(): Promise<JsonCheck> {
  return JSON.parse((await runCli(workspace.root, ['check', '--workspace', '--format', 'json'])).stdout) as JsonCheck;
}

describe('bad input to a workspace', () => {
  it('names a client folder that is not a program (TB020), changes nothing there and syncs the others', async () => {
    rmSync(join(workspace.root, 'clients/acme/content'), { recursive: true });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB020 the folder clients/acme of client "acme" is not a program (it has no content/program.yaml)',
    );
    expect(result.stdout).toContain('    at clients/acme\n');
    expect(existsSync(join(workspace.root, 'clients/acme/policies'))).toBe(false);
    expect(read('clients/globex/policies/access-control.mdx')).toBe(policy(1, 'Every system.'));

    // One finding for the client, not one per document it lacks.
    const acme = (await checkJson()).clients.find((client) => client.client === 'acme')!;
    expect(acme.diagnostics.map((d) => [d.code, d.file])).toEqual([['TB020', 'clients/acme']]);
    expect(acme.errors).toBe(1);
  });

  it('warns of a document the client took that the library no longer has (TB021) until sync records it', async () => {
    await sync();
    library(2, { 'policies/other.mdx': policy(1, 'Other.') });
    const before = (await checkJson()).clients.find((client) => client.client === 'acme')!;
    expect(before.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TB021', severity: 'warning', file: 'clients/acme/policies/access-control.mdx' }),
    );
    expect((await sync()).code).toBe(0);
    const after = (await checkJson()).clients.find((client) => client.client === 'acme')!;
    expect(after.diagnostics.map((d) => d.code)).not.toContain('TB021');
    expect(read('clients/acme/policies/access-control.mdx')).toBe(policy(1, 'Every system.'));
  });

  it('names an overlay that is not a library (TB022) at its line, and leaves that client alone', async () => {
    await sync();
    write(
      'trustbook.workspace.yaml',
      'library: library\nclients:\n  - name: acme\n    path: clients/acme\n    overlays:\n      - overlays/health\n  - name: globex\n    path: clients/globex\n',
    );
    library(2, { 'policies/access-control.mdx': policy(2, 'Every system.') });
    const acme = snapshot('clients/acme');
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB022 client "acme" takes the library layer overlays/health, which is not a library',
    );
    expect(result.stdout).toContain('at trustbook.workspace.yaml:6');
    expect(snapshot('clients/acme')).toEqual(acme);
    expect(read('clients/globex/policies/access-control.mdx')).toContain('version: 2');
  });

  it('names a variable the client has not answered (TB023) at its first use, and syncs once it is answered', async () => {
    library(1, {
      'policies/access-control.mdx': policy(1, 'Every system of {{organization}}.'),
      'policies/tools.mdx': policy(1, 'Tickets live in {{ticketing}}; code in {{code_host}}.'),
    });
    write(
      'library/library.yaml',
      'name: Baseline\nversion: 1\nquestions:\n  - { id: code_host, ask: Where is code kept?, default: GitHub }\n',
    );
    const result = await sync('acme', '--answer', 'organization=Acme, Inc.');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB023 library/policies/tools.mdx uses {{ticketing}}, and client "acme" has no answer for it',
    );
    expect(result.stdout).toContain('at library/policies/tools.mdx:11');
    expect(result.stdout).not.toContain('{{organization}}, and');
    expect(existsSync(join(workspace.root, 'clients/acme/policies'))).toBe(false);

    const answered = await sync('acme', '--answer', 'organization=Acme, Inc.', '--answer', 'ticketing=Linear');
    expect(answered.code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toContain('Every system of Acme, Inc.\n');
    expect(read('clients/acme/policies/tools.mdx')).toContain('Tickets live in Linear; code in GitHub.');
    expect(read('clients/acme/.trustbook-sync/sync.yaml')).toMatch(
      // The default taken is recorded with the answers given: the build renders `<Var>` from the record alone.
      /answers:\n {2}code_host: GitHub\n {2}organization: Acme, Inc\.\n {2}ticketing: Linear/,
    );
  });

  it('carries a changed answer into the client as a change to the lines that hold it, keeping its own edits', async () => {
    library(1, { 'policies/access-control.mdx': policy(1, 'Every system of {{organization}}.') });
    await sync('acme', '--answer', 'organization=Acme');
    const edited = policy(1, 'Every system of Acme.', 'The works council approves exceptions.');
    write('clients/acme/policies/access-control.mdx', edited);
    const renamed = await sync('acme', '--answer', 'organization=Acme Group');
    expect(renamed.code).toBe(0);
    expect(read('clients/acme/policies/access-control.mdx')).toBe(
      policy(1, 'Every system of Acme Group.', 'The works council approves exceptions.'),
    );
    expect((await sync('acme', '--answer', 'organization="Acme"')).stderr).toContain(
      '--answer organization: the answer',
    );
  });

  it('refuses an answer that a {{placeholder}} would write into the text as markup (TB032), changing nothing', async () => {
    library(1, { 'policies/access-control.mdx': policy(1, 'Every system of {{organization}}.') });
    await sync('acme', '--answer', 'organization=Acme');
    const acme = snapshot('clients/acme');
    const result = await sync('acme', '--answer', 'organization=<b>Acme</b>');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB032 the answer of client "acme" to organization holds one of { } < > or `, and library/policies/access-control.mdx writes it into the text as {{organization}}',
    );
    expect(snapshot('clients/acme')).toEqual(acme);
  });

  it("changes none of a client's files when one document conflicts (TB024), though another merges cleanly", async () => {
    library(1, {
      'policies/access-control.mdx': policy(1, 'Every system.'),
      'policies/other.mdx': policy(1, 'Other systems.'),
    });
    await sync();
    write('clients/acme/policies/access-control.mdx', policy(1, 'Every Acme system.'));
    library(2, {
      'policies/access-control.mdx': policy(2, 'Every production system.'),
      'policies/other.mdx': policy(2, 'Other systems.'),
      'policies/new.mdx': policy(1, 'New.'),
    });
    const acme = snapshot('clients/acme');
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB024 the library and client "acme" both changed section scope, so the client was not synced and none of its files changed',
    );
    // At the heading of the section both changed, in the client's file.
    expect(result.stdout).toContain('at clients/acme/policies/access-control.mdx:9\n');
    expect(snapshot('clients/acme')).toEqual(acme);
    expect(read('clients/globex/policies/other.mdx')).toContain('version: 2');

    // check --workspace says the next sync will stop there, as a warning: the client's files are fine as they are.
    const pending = (await checkJson()).clients.find((client) => client.client === 'acme')!;
    expect(pending.diagnostics).toContainEqual(expect.objectContaining({ code: 'TB024', severity: 'warning' }));
  });

  it('leaves both clients of one name alone (TB025) and syncs the rest', async () => {
    write(
      'trustbook.workspace.yaml',
      'library: library\nclients:\n  - name: acme\n    path: clients/acme\n  - name: acme\n    path: clients/globex\n  - name: initech\n    path: clients/initech\n',
    );
    write('clients/initech/content/program.yaml', 'organization: Initech\n');
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error TB025 two clients are named "acme" (the first on line 3)');
    expect(result.stdout).toContain('at trustbook.workspace.yaml:5');
    expect(existsSync(join(workspace.root, 'clients/acme/policies'))).toBe(false);
    expect(existsSync(join(workspace.root, 'clients/globex/policies'))).toBe(false);
    expect(existsSync(join(workspace.root, 'clients/initech/policies/access-control.mdx'))).toBe(true);

    const checked = await runCli(workspace.root, ['check', '--workspace', '--format', 'json']);
    expect(checked.code).toBe(1);
    expect((JSON.parse(checked.stdout) as JsonCheck).diagnostics).toEqual([
      expect.objectContaining({ code: 'TB025', file: 'trustbook.workspace.yaml', line: 5 }),
    ]);
  });

  it('changes nothing in a client whose kept library text was edited (TB026), and still syncs the others', async () => {
    await sync();
    write('clients/acme/.trustbook-sync/base/policies/access-control.mdx', policy(1, 'Tampered.'));
    library(2, { 'policies/access-control.mdx': policy(2, 'Every production system.') });
    const acme = snapshot('clients/acme');
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('acme: not synced, nothing changed');
    expect(result.stdout).toContain(
      'error TB026 the sync record of client "acme" gives policies/access-control.mdx a hash its kept library text does not match',
    );
    expect(result.stdout).toContain('at clients/acme/.trustbook-sync/base/policies/access-control.mdx');
    expect(snapshot('clients/acme')).toEqual(acme);
    expect(read('clients/globex/policies/access-control.mdx')).toContain('version: 2');
  });

  it('names a sync record that does not read (TB026) as one finding', async () => {
    await sync();
    write('clients/acme/.trustbook-sync/sync.yaml', 'layers: [\n');
    const result = await sync('acme');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error TB026 the sync record of client "acme" does not read \(\d+: /);
    expect(result.stdout).toContain('at clients/acme/.trustbook-sync/sync.yaml');
  });

  it('writes nothing when a document would land outside the client through a link', async () => {
    await sync();
    const elsewhere = mkdtempSync(join(tmpdir(), 'trustbook-elsewhere-'));
    rmSync(join(workspace.root, 'clients/acme/policies'), { recursive: true });
    symlinkSync(elsewhere, join(workspace.root, 'clients/acme/policies'));
    library(2, {
      'policies/access-control.mdx': policy(2, 'Every system.'),
      'policies/new.mdx': policy(1, 'New.'),
      'content/procedures/p.mdx': policy(1, 'P.'),
    });
    const result = await sync('acme');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("resolves outside the client's folder");
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(workspace.root, 'clients/acme/content/procedures/p.mdx'))).toBe(false);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});

describe('trustbook report --workspace with bad input', () => {
  it('reports the clients it can and names the others on standard error, exiting 1', async () => {
    rmSync(join(workspace.root, 'clients/acme/content'), { recursive: true });
    const result = await runCli(workspace.root, ['report', '--workspace', '--as-of', '2026-12-07']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error TB020 the folder clients/acme of client "acme" is not a program');
    expect(result.stdout).not.toContain('| acme |');
    expect(result.stdout).toContain('| globex |');
  });
});
