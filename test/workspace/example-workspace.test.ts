/** The sample workspace in examples/: three clients from one library, as the docs walk through it. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { readAtom } from '../helpers/feeds.ts';

let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'trustbook-example-')), 'workspace');
  cpSync(join(import.meta.dirname, '../../examples/workspace'), root, { recursive: true });
});

afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('the sample workspace', () => {
  it('checks clean for every client, with birch a version behind and an override of alder to review', async () => {
    const result = await runCli(root, ['check', '--workspace', '--format', 'json']);
    expect(result.code).toBe(0);
    const clients = JSON.parse(result.stdout).clients as {
      client: string;
      errors: number;
      library: { took: string; behind: boolean };
      overridesToReview: number;
    }[];
    expect(
      clients.map(({ client, errors, library, overridesToReview }) => [client, errors, library, overridesToReview]),
    ).toEqual([
      ['alder', 0, { took: 'Northwind baseline 3', behind: false }, 1],
      ['birch', 0, { took: 'Northwind baseline 2', behind: true }, 0],
      ['cedar', 0, { took: 'Northwind baseline 3 + Northwind healthcare 1', behind: false }, 0],
    ]);
  });

  it('brings birch up to date with one sync and keeps it clean, while alder keeps its own exceptions', async () => {
    expect((await runCli(root, ['sync', '--check'])).code).toBe(1);
    const synced = await runCli(root, ['sync', 'birch', '--as-of', '2026-07-15']);
    expect(synced.stdout).toContain('birch: synced (library Northwind baseline 2 -> Northwind baseline 3)');
    expect(readFileSync(join(root, 'clients/birch/policies/acceptable-use.mdx'), 'utf8')).toContain('at most 90 days');
    expect(readFileSync(join(root, 'clients/alder/policies/acceptable-use.mdx'), 'utf8')).toContain('at most 30 days');
    expect((await runCli(root, ['check', '--workspace'])).code).toBe(0);
  });

  it('gives the healthcare overlay to cedar alone', () => {
    const retention = (client: string) =>
      readFileSync(join(root, `clients/${client}/policies/data-retention.mdx`), 'utf8');
    expect(retention('cedar')).toContain('## Health records');
    expect(retention('alder')).not.toContain('## Health records');
  });

  it('reports readiness per client and one worklist across clients, soonest first, also as an Atom digest', async () => {
    const markdown = await runCli(root, ['report', '--workspace', '--as-of', '2026-10-20']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| alder | Alder Analytics | 0 | 1 | Security (common criteria) 100% |');
    const rows = markdown.stdout.split('\n').filter((line) => line.startsWith('| 2026-'));
    expect(rows.map((row) => row.split(' | ').slice(0, 2))).toEqual([
      ['| 2026-11-02', 'alder'],
      ['| 2026-11-02', 'birch'],
      ['| 2026-11-02', 'cedar'],
    ]);
    expect(rows[0]).toContain('| security-lead | clients/alder/evidence-index/EV-BASE-01.mdx |');

    const atom = readAtom(
      (await runCli(root, ['report', '--workspace', '--as-of', '2026-10-20', '--format', 'atom'])).stdout,
    );
    expect(atom.title).toBe('Northwind Partners: what falls due across clients');
    expect(atom.entries.map((entry) => entry.title)).toEqual([
      'alder: the next quarterly artifact of EV-BASE-01 (last collected 2026-07-03), due 2026-11-02',
      'birch: the next quarterly artifact of EV-BASE-01 (last collected 2026-07-03), due 2026-11-02',
      'cedar: the next quarterly artifact of EV-BASE-01 (last collected 2026-07-03), due 2026-11-02',
    ]);
  });

  it('lets a client leave with its program, which then checks on its own', async () => {
    const detached = await runCli(root, ['client', 'detach', 'birch']);
    expect(detached.code).toBe(0);
    expect(detached.stdout).toContain('clients/birch is a complete program of its own');
    expect(existsSync(join(root, 'clients/birch/.trustbook-sync'))).toBe(false);
    const workspaceText = readFileSync(join(root, 'trustbook.workspace.yaml'), 'utf8');
    expect(workspaceText).not.toContain('birch');
    expect(workspaceText).toContain("# A partner's workspace");
    expect((await runCli(root, ['check', '--root', 'clients/birch'])).code).toBe(0);
    expect((await runCli(root, ['sync', '--check'])).stdout).not.toContain('birch');
    expect((await runCli(root, ['client', 'detach', 'birch'])).stderr).toContain('no client named "birch"');
  });
});
