/**
 * White-label trust centers and variables bound at build time, built for real from the sample workspace: each
 * client's trust center carries its own name, colour and logo and none of another's, the partner's "managed by"
 * line only where the client asks for it, and a `<Var>` renders the client's answer as text. A changed answer
 * changes the sync record and no document, and the next build shows it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';

const repository = resolve(import.meta.dirname, '../..');
// Inside the repository, as the other build projects are: the clients import `trustbook` by the package's name.
const parent = join(repository, '.trustbook/test-builds');
mkdirSync(parent, { recursive: true });
const root = join(mkdtempSync(join(parent, 'white-label-')), 'workspace');
cpSync(join(repository, 'examples/workspace'), root, { recursive: true });

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const env = { ...process.env } as Record<string, string>;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every file of a client outside its sync record and build output, with its text: the client's own documents. */
function documents(client: string): Record<string, string> {
  const folder = join(root, 'clients', client);
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (['.trustbook-sync', 'dist', '.trustbook', 'node_modules'].includes(name)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

describe('white-label trust centers and variables bound at build time', () => {
  it('renders each answer as text, carries a changed one in the record alone, and brands each client as its own', async () => {
    // The library names the ticketing tool as a build-time variable: a new question and a new version.
    write(
      'library/library.yaml',
      read('library/library.yaml').replace('version: 3', 'version: 4') +
        'questions:\n  - id: ticketing\n    ask: Where incidents are tracked\n',
    );
    write(
      'library/policies/incident-response.mdx',
      read('library/policies/incident-response.mdx').replace(
        'writes a short review once it is closed.',
        'writes a short review once it is closed. Every incident is tracked in <Var name="ticketing" />.',
      ),
    );
    for (const client of ['alder', 'cedar']) {
      const synced = await runCli(root, ['sync', client, '--answer', 'ticketing=Linear'], env);
      expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    }
    expect(read('clients/cedar/policies/incident-response.mdx')).toContain('tracked in <Var name="ticketing" />.');

    // A changed answer, holding markup and braces: only the record changes.
    const before = documents('cedar');
    const hostile = '<script>alert(1)</script> {x}';
    const changed = await runCli(root, ['sync', 'cedar', '--answer', `ticketing=${hostile}`], env);
    expect(changed.code, changed.stdout + changed.stderr).toBe(0);
    expect(documents('cedar')).toEqual(before);
    expect(read('clients/cedar/.trustbook-sync/sync.yaml')).toContain('ticketing: <script>alert(1)</script> {x}');

    const built = await runCli(root, ['build', '--workspace', 'alder', 'cedar'], env);
    expect(built.code, built.stdout).toBe(0);

    const cedarPolicy = read('dist/cedar/employees/policies/incident-response/index.html');
    expect(cedarPolicy).toContain('Every incident is tracked in &lt;script&gt;alert(1)&lt;/script&gt; {x}.');
    expect(cedarPolicy).not.toContain('<script>alert(1)');
    expect(read('dist/alder/employees/policies/incident-response/index.html')).toContain(
      'Every incident is tracked in Linear.',
    );

    const alder = read('dist/alder/public/index.html');
    const cedar = read('dist/cedar/public/index.html');
    expect(alder).toContain('Alder Analytics');
    expect(alder).toContain('src="alder-logo.svg"');
    const footer = /<footer[\s\S]*<\/footer>/.exec(alder)?.[0] ?? '';
    expect(footer, footer).toMatch(/Managed by\s*<a href="https:\/\/northwind\.example"[^>]*>Northwind Partners<\/a>/);
    expect(read('dist/alder/public/accent.css')).toContain('--accent: #1b5e20;');
    expect(cedar).toContain('Cedar Health');
    expect(cedar).toContain('src="cedar-logo.svg"');
    expect(read('dist/cedar/public/accent.css')).toContain('--accent: #6a1b9a;');
    // Tenant isolation of the brand, and the managed-by line only where the client asks for it.
    for (const [page, other] of [
      [alder, ['Cedar Health', 'cedar-logo', '#6a1b9a']],
      [cedar, ['Alder Analytics', 'alder-logo', '#1b5e20', 'Managed by', 'Northwind']],
    ] as const) {
      for (const marker of other) expect(page).not.toContain(marker);
    }
    // The trust center only: the employee portal and the evidence index are the client's own working sites.
    expect(read('dist/alder/employees/index.html')).not.toContain('Managed by');
    expect(read('dist/alder/auditors/index.html')).not.toContain('Managed by');
  });
});

function write(path: string, text: string): void {
  writeFileSync(join(root, path), text);
}
