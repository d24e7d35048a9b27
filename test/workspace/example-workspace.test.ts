/** The sample workspace in examples/: three clients from one library, as the docs walk through it. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';

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
});
