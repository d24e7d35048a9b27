import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { edit, validProgram, without, writeProgram } from '../helpers/program.ts';

let root: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-portfolio-'));
  writeFileSync(
    join(root, 'trustbook.workspace.yaml'),
    'library: library\nclients:\n  - name: acme\n    path: clients/acme\n  - name: globex\n    path: clients/globex\n  - name: initech\n    repository: https://git.example.com/initech\n',
  );
  mkdirSync(join(root, 'library/policies'), { recursive: true });
  writeFileSync(join(root, 'library/library.yaml'), 'name: Baseline\nversion: 1\n');
  const program = validProgram();
  writeFileSync(join(root, 'library/policies/acceptable-use.mdx'), program['policies/acceptable-use.mdx']!);
  writeProgram(join(root, 'clients/acme'), program);
  writeProgram(join(root, 'clients/globex'), without(program, 'policies/acceptable-use.mdx'));
  expect((await runCli(root, ['sync', '--as-of', '2026-07-15'])).code).toBe(0);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('trustbook check --workspace', () => {
  it('checks every client in one table and exits 0 when every client is clean', async () => {
    const result = await runCli(root, ['check', '--workspace']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^client\s+errors\s+warnings\s+coverage/m);
    expect(result.stdout).toMatch(/^acme\s+0\s+\d+\s+Security \(common criteria\) 33\/33/m);
    expect(result.stdout).toContain('2 clients checked, 0 with errors.');
  });

  it('names each finding under its client with a path from the workspace, and exits 1', async () => {
    writeProgram(
      join(root, 'clients/globex'),
      edit(validProgram(), 'content/controls/BASE-01.mdx', /^owner: .*$/m, 'owner: nobody-here'),
    );
    const result = await runCli(root, ['check', '--workspace']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('== globex (clients/globex) ==');
    expect(result.stdout).toContain('clients/globex/content/controls/BASE-01.mdx');
    expect(result.stdout).not.toContain('== acme');
  });

  it('shows a client behind the library', async () => {
    writeFileSync(join(root, 'library/library.yaml'), 'name: Baseline\nversion: 2\n');
    const result = await runCli(root, ['check', '--workspace', '--format', 'json']);
    const clients = JSON.parse(result.stdout).clients as {
      client: string;
      library: { took: string; behind: boolean };
    }[];
    expect(clients.map((client) => [client.client, client.library])).toEqual([
      ['acme', { took: 'Baseline 1', behind: true }],
      ['globex', { took: 'Baseline 1', behind: true }],
    ]);
  });

  it('annotates findings for a workflow with the client path', async () => {
    writeProgram(
      join(root, 'clients/acme'),
      edit(validProgram(), 'content/controls/BASE-01.mdx', /^owner: .*$/m, 'owner: nobody-here'),
    );
    const result = await runCli(root, ['check', '--workspace', '--format', 'github']);
    expect(result.stdout).toMatch(/^::error file=clients\/acme\/content\/controls\/BASE-01\.mdx,line=\d+/m);
  });
});
