/** The partner the workspace names, as far as its clients' trust centers need it: kept in each sync record. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';

let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'trustbook-partner-')), 'workspace');
  cpSync(join(import.meta.dirname, '../../examples/workspace'), root, { recursive: true });
});

afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(root, path), text);

describe('the partner in the workspace file and the sync records', () => {
  it('refuses a partner link that is not https, naming the file and line', async () => {
    write(
      'trustbook.workspace.yaml',
      read('trustbook.workspace.yaml').replace('https://northwind', 'http://northwind'),
    );
    const result = await runCli(root, ['sync', '--check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('trustbook.workspace.yaml:3: expected an https:// address (partner_url)');
  });

  it('writes a renamed partner into each record, and no document of the client', async () => {
    const documents = read('clients/alder/policies/acceptable-use.mdx');
    write(
      'trustbook.workspace.yaml',
      read('trustbook.workspace.yaml').replace('partner: Northwind Partners', 'partner: Northwind Group'),
    );
    expect((await runCli(root, ['sync', '--check'])).stdout).toMatch(/alder/);
    expect((await runCli(root, ['sync', 'alder'])).code).toBe(0);
    expect(read('clients/alder/.trustbook-sync/sync.yaml')).toContain(
      'partner:\n  name: Northwind Group\n  url: https://northwind.example\n',
    );
    expect(read('clients/alder/policies/acceptable-use.mdx')).toBe(documents);
  });
});
