/** A client leaving the workspace keeps what its sync record gave its sites: the answers and no partner's line. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';

let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'trustbook-detach-')), 'workspace');
  cpSync(join(import.meta.dirname, '../../examples/workspace'), root, { recursive: true });
});

afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(root, path), text);

describe('client detach with variables bound at build time', () => {
  it('writes each answered <Var> out as escaped text and drops the managed-by line, so the program checks alone', async () => {
    const policy = 'clients/alder/policies/incident-response.mdx';
    write(
      policy,
      read(policy).replace('## Lessons learned', 'Tracked in <Var name="ticketing" />.\n\n## Lessons learned'),
    );
    const record = 'clients/alder/.trustbook-sync/sync.yaml';
    write(record, read(record).replace('layers:', 'answers:\n  ticketing: "<Jira> {cloud}"\nlayers:'));
    expect((await runCli(root, ['check', '--root', 'clients/alder'])).code).toBe(0);

    expect((await runCli(root, ['client', 'detach', 'alder'])).code).toBe(0);
    expect(read(policy)).toContain('Tracked in \\<Jira\\> \\{cloud\\}.');
    const program = read('clients/alder/content/program.yaml');
    expect(program).not.toContain('managed_by');
    expect(program).toContain('accent: "#1b5e20"');
    const alone = await runCli(root, ['check', '--root', 'clients/alder']);
    expect(alone.code, alone.stdout).toBe(0);
  });
});
