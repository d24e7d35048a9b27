/**
 * `trustbook build --workspace` on the sample workspace with one client broken: the other client's three sites
 * land in dist/<client>/, the broken one fails without stopping it, and the summary and exit code name it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';

const repository = resolve(import.meta.dirname, '../..');
// Inside the repository, as the other build projects are: the clients import `trustbook` by the package's name.
const parent = join(repository, '.trustbook/test-builds');
mkdirSync(parent, { recursive: true });
const root = join(mkdtempSync(join(parent, 'workspace-')), 'workspace');
cpSync(join(repository, 'examples/workspace'), root, { recursive: true });

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('trustbook build --workspace', () => {
  it('builds each client into dist/<client>/, and a failed client stops neither the others nor the summary', async () => {
    const control = join(root, 'clients/birch/content/controls/BASE-01.mdx');
    writeFileSync(control, readFileSync(control, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-here'));

    const result = await runCli(root, ['build', '--workspace', 'birch', 'alder'], { ...process.env } as Record<
      string,
      string
    >);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^birch: FAILED, dist\/birch\/ left as it was; the build said:/m);
    expect(result.stdout).toContain('nobody-here');
    expect(result.stdout).toMatch(/^alder: built into dist\/alder\/ \(\d+\.\d s\)$/m);
    expect(result.stdout).toContain('1 of 2 clients built; failed: birch.');
    for (const site of ['public', 'employees', 'auditors']) {
      expect(existsSync(join(root, 'dist/alder', site, 'index.html')), site).toBe(true);
    }
    expect(readFileSync(join(root, 'dist/alder/public/index.html'), 'utf8')).toContain('Alder Analytics');
    expect(existsSync(join(root, 'dist/birch'))).toBe(false);
    expect(existsSync(join(root, 'clients/alder/dist'))).toBe(false);
    // Named clients are a shard of the whole: the portfolio, which covers every client, waits for --portfolio.
    expect(result.stdout).toContain('portfolio: not written for named clients;');
    expect(existsSync(join(root, 'dist/portfolio'))).toBe(false);
  });
});
