import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/cli/commands/check-workspace.ts';
import { checkInWorkers, checkWorkerUrl } from '../../src/workspace/check-pool.ts';
import { runCli } from '../cli/run.ts';
import { edit, validProgram, without, writeProgram } from '../helpers/program.ts';

let root: string;

/** A workspace of four clients: one clean, two with a check error, one not a program. */
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-pool-'));
  const names = ['acme', 'globex', 'initech', 'umbrella'];
  writeFileSync(
    join(root, 'trustbook.workspace.yaml'),
    `library: library\nclients:\n${names.map((name) => `  - name: ${name}\n    path: clients/${name}\n`).join('')}`,
  );
  mkdirSync(join(root, 'library/policies'), { recursive: true });
  writeFileSync(join(root, 'library/library.yaml'), 'name: Baseline\nversion: 1\n');
  const program = validProgram();
  writeFileSync(join(root, 'library/policies/acceptable-use.mdx'), program['policies/acceptable-use.mdx']!);
  writeProgram(join(root, 'clients/acme'), program);
  writeProgram(join(root, 'clients/globex'), program);
  writeProgram(join(root, 'clients/initech'), without(program, 'policies/acceptable-use.mdx'));
  mkdirSync(join(root, 'clients/umbrella'), { recursive: true });
  expect((await runCli(root, ['sync', '--as-of', '2026-07-15'])).code).toBe(1);
  for (const name of ['globex', 'initech']) {
    writeProgram(
      join(root, 'clients', name),
      edit(program, 'content/controls/BASE-01.mdx', /^owner: .*$/m, `owner: nobody-at-${name}`),
    );
  }
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

// The only text that differs from run to run is how long each client's check took.
const withoutDurations = (text: string) => text.replace(/ in \d+ ms$/gm, ' in N ms').replace(/, \d+ ms$/gm, ', N ms');

describe('check --workspace over worker threads', () => {
  it('gives byte-identical JSON with one job in process and with two workers', async () => {
    const one = await runCli(root, [
      'check',
      '--workspace',
      '--as-of',
      '2026-07-15',
      '--format',
      'json',
      '--jobs',
      '1',
    ]);
    const two = await runCli(root, [
      'check',
      '--workspace',
      '--as-of',
      '2026-07-15',
      '--format',
      'json',
      '--jobs',
      '2',
    ]);
    expect(one.code).toBe(1);
    expect(two.stderr).toBe('');
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const clients = JSON.parse(two.stdout).clients as { client: string; errors: number }[];
    expect(clients.map((client) => client.client)).toEqual(['acme', 'globex', 'initech', 'umbrella']);
    expect(clients.find((client) => client.client === 'globex')!.errors).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same pretty and GitHub output with one job and with three workers, in the clients order', async () => {
    for (const format of ['pretty', 'github']) {
      const args = ['check', '--workspace', '--as-of', '2026-07-15', '--format', format];
      const one = await runCli(root, [...args, '--jobs', '1']);
      const three = await runCli(root, [...args, '--jobs', '3']);
      expect(withoutDurations(three.stdout)).toBe(withoutDurations(one.stdout));
      expect(three.code).toBe(one.code);
      if (format === 'pretty') {
        expect(three.stdout).toContain('clients/globex/content/controls/BASE-01.mdx');
        expect(three.stdout.indexOf('== globex')).toBeLessThan(three.stdout.indexOf('== initech'));
        expect(three.stdout.indexOf('== initech')).toBeLessThan(three.stdout.indexOf('== umbrella'));
      }
    }
  }, 60_000);

  it('refuses a --jobs that is not a whole number of at least one, and --jobs without --workspace', async () => {
    for (const jobs of ['0', '-2', '1.5', 'many']) {
      const result = await runCli(root, ['check', '--workspace', `--jobs=${jobs}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--jobs takes a number of clients checked at once, not "${jobs}"`);
    }
    const single = await runCli(join(root, 'clients/acme'), ['check', '--jobs', '2']);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('--jobs is for --workspace');
  });
});

describe('how many workers check a workspace without --jobs', () => {
  it('starts none for fewer than 100 clients, then one per 50 clients up to one per core', () => {
    expect([1, 50, 99].map((clients) => defaultJobs(clients, 4))).toEqual([1, 1, 1]);
    expect([100, 149, 150, 200, 1000].map((clients) => defaultJobs(clients, 4))).toEqual([2, 2, 3, 4, 4]);
    expect(defaultJobs(1000, 2)).toBe(2);
    expect(defaultJobs(1000, 1)).toBe(1);
  });
});

describe('the check pool', () => {
  const clients = ['first', 'exits', 'middle', 'throws', 'last'].map((name, index) => ({
    name,
    path: `clients/${name}`,
    index,
    overlays: [],
  }));
  const workerUrl = new URL('./fixtures/dying-worker.ts', import.meta.url);
  const data = { root: '/nowhere', options: { check: {}, today: '2026-07-15' } };

  it('turns a worker that exits or throws on a client into that client’s failed row and checks the rest', async () => {
    const results = await checkInWorkers(clients, data, { jobs: 2, workerUrl });
    expect(results.map((result) => [result.row.client, result.failure])).toEqual([
      ['first', undefined],
      ['exits', 'the worker checking it exited with code 3'],
      ['middle', undefined],
      ['throws', 'the worker checking it stopped: simulated crash'],
      ['last', undefined],
    ]);
    expect(results.find((result) => result.failure)!.row.errors).toBe(0);
  });

  it('checks every client with a single worker too, replacing it each time it dies', async () => {
    const results = await checkInWorkers(clients, data, { jobs: 1, workerUrl });
    expect(results.map((result) => result.row.client)).toEqual(['first', 'exits', 'middle', 'throws', 'last']);
    expect(results.filter((result) => result.failure !== undefined)).toHaveLength(2);
  });

  it('answers at once for no clients', async () => {
    expect(await checkInWorkers([], data, { jobs: 4, workerUrl })).toEqual([]);
  });

  it('starts the worker module with its own extension, so the compiled package finds lib/workspace/check-worker.js', () => {
    expect(checkWorkerUrl('file:///pkg/lib/workspace/check-pool.js').href).toBe(
      'file:///pkg/lib/workspace/check-worker.js',
    );
    expect(checkWorkerUrl('file:///repo/src/workspace/check-pool.ts').href).toBe(
      'file:///repo/src/workspace/check-worker.ts',
    );
  });
});
