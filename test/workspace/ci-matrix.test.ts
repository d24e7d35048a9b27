import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientShards } from '../../src/workspace/shards.ts';
import { runCli } from '../cli/run.ts';

const names = (count: number) => Array.from({ length: count }, (_, index) => `c${index + 1}`);

describe('client shards', () => {
  it('splits the clients in order into shards whose sizes differ by at most one', () => {
    expect(clientShards(names(7), 3).include).toEqual([
      { shard: 1, clients: 'c1 c2 c3' },
      { shard: 2, clients: 'c4 c5' },
      { shard: 3, clients: 'c6 c7' },
    ]);
  });

  it('makes no empty shard when there are fewer clients than shards, and an empty matrix for no client', () => {
    expect(clientShards(names(2), 5).include).toEqual([
      { shard: 1, clients: 'c1' },
      { shard: 2, clients: 'c2' },
    ]);
    expect(clientShards([], 4)).toEqual({ include: [] });
  });

  it('keeps 1000 clients in 256 jobs, every client in exactly one', () => {
    const { include } = clientShards(names(1000), 256);
    expect(include).toHaveLength(256);
    const all = include.flatMap((entry) => entry.clients.split(' '));
    expect(all).toEqual(names(1000));
  });
});

describe('trustbook ci matrix', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-matrix-'));
    writeFileSync(
      join(root, 'trustbook.workspace.yaml'),
      'library: library\nclients:\n  - { name: a, path: clients/a }\n  - { name: b, path: clients/b }\n  - { name: c, path: clients/c }\n  - { name: d, repository: https://git.example.com/d }\n',
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prints the clients with a folder here as a GitHub Actions matrix', async () => {
    const result = await runCli(root, ['ci', 'matrix', '--shards', '2']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      include: [
        { shard: 1, clients: 'a b' },
        { shard: 2, clients: 'c' },
      ],
    });
  });

  it('refuses more shards than GitHub runs jobs from one matrix, and a shard count that is not a number', async () => {
    expect((await runCli(root, ['ci', 'matrix', '--shards', '256'])).code).toBe(0);
    const over = await runCli(root, ['ci', 'matrix', '--shards', '257']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('expected a whole number from 1 to 256');
    expect((await runCli(root, ['ci', 'matrix', '--shards', 'two'])).code).toBe(2);
    expect((await runCli(root, ['ci', 'matrix'])).code).toBe(2);
  });
});
