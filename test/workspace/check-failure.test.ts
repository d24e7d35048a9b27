/** A client whose check throws, checked in this process (`--jobs 1`): one clear row, the other clients still checked. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/run.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';

vi.mock('../../src/engine/index.ts', async (original) => {
  const engine = await original<typeof import('../../src/engine/index.ts')>();
  return {
    ...engine,
    checkProject: (
      root: string,
      ...rest: Parameters<typeof engine.checkProject> extends [string, ...infer R] ? R : never
    ) => {
      if (root.endsWith('globex')) throw new Error('simulated fault in a rule');
      return engine.checkProject(root, ...rest);
    },
  };
});

let root: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-failed-client-'));
  writeFileSync(
    join(root, 'trustbook.workspace.yaml'),
    'library: library\nclients:\n  - name: acme\n    path: clients/acme\n  - name: globex\n    path: clients/globex\n',
  );
  mkdirSync(join(root, 'library/policies'), { recursive: true });
  writeFileSync(join(root, 'library/library.yaml'), 'name: Baseline\nversion: 1\n');
  writeProgram(join(root, 'clients/acme'), validProgram());
  writeProgram(join(root, 'clients/globex'), validProgram());
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a client whose check throws', () => {
  it('becomes a row that says it was not checked and why, the others are checked, and the run exits 2', async () => {
    const result = await runCli(root, ['check', '--workspace', '--as-of', '2026-07-15', '--jobs', '1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^acme\s+0\s+0\s+Security \(common criteria\) 33\/33/m);
    expect(result.stdout).toMatch(/^globex\s+not checked\s+-/m);
    expect(result.stdout).toContain('== globex (clients/globex) ==');
    expect(result.stdout).toContain('error globex could not be checked: its check stopped: simulated fault in a rule');
    expect(result.stdout).toContain('trustbook check --root clients/globex');
    expect(result.stdout).toContain('2 clients checked, 0 with errors, 1 could not be checked.');
    expect(result.stdout).not.toMatch(/\n\s+at .*\.ts:\d+/);
  });

  it('is named in the JSON and as a workflow error on the client folder', async () => {
    const json = await runCli(root, [
      'check',
      '--workspace',
      '--as-of',
      '2026-07-15',
      '--jobs',
      '1',
      '--format',
      'json',
    ]);
    const clients = JSON.parse(json.stdout).clients as { client: string; failure?: string }[];
    expect(clients.map((client) => [client.client, client.failure])).toEqual([
      ['acme', undefined],
      ['globex', 'its check stopped: simulated fault in a rule'],
    ]);
    const github = await runCli(root, [
      'check',
      '--workspace',
      '--as-of',
      '2026-07-15',
      '--jobs',
      '1',
      '--format',
      'github',
    ]);
    expect(github.code).toBe(2);
    expect(github.stdout).toMatch(/^::error file=clients\/globex,title=internal error::globex could not be checked/m);
  });
});
