/** `trustbook init --workspace` and `trustbook client add`: a partner's first steps, from nothing to a client. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../cli/run.ts';

let parent: string;
let root: string;
const env = { TRUSTBOOK_AS_OF: '2026-12-07' };
const read = (path: string) => readFileSync(join(root, path), 'utf8');

beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), 'trustbook-init-workspace-'));
  root = join(parent, 'northwind');
  const created = await runCli(parent, ['init', '--workspace', 'northwind', '--partner', 'Northwind Partners'], env);
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('trustbook init --workspace', () => {
  it('writes the workspace file, a library from the templates with its questions, a .gitignore and the workflow', () => {
    expect(read('trustbook.workspace.yaml')).toMatch(/partner: "Northwind Partners"\nlibrary: library\n/);
    expect(read('library/library.yaml')).toMatch(/name: "Northwind Partners baseline"\nversion: 1\n/);
    expect(read('library/library.yaml')).toContain('  - id: organization\n');
    // The client's values stay variables in the library; no approval is written: each client approves its own.
    expect(read('library/policies/acceptable-use.mdx')).toContain('everyone at <Var name="organization" /> follows');
    expect(read('library/policies/acceptable-use.mdx')).not.toMatch(/^approved:/m);
    expect(existsSync(join(root, 'library/content/program.yaml'))).toBe(false);
    expect(read('.gitignore')).toContain('dist/');
    expect(read('.github/workflows/workspace.yml')).toContain('npx trustbook ci matrix --shards');
    expect(read('.github/workflows/workspace.yml')).toContain('npx trustbook sync --check --pr-body');
    expect(JSON.parse(read('package.json')).scripts.check).toBe('trustbook check --workspace');
  });

  it('refuses a folder that already holds a workspace', async () => {
    const again = await runCli(parent, ['init', '--workspace', 'northwind'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a workspace');
  });
});

describe('trustbook client add', () => {
  it('creates a client program from the library with its answers, which checks without errors', async () => {
    const added = await runCli(
      root,
      ['client', 'add', 'acme', '--answer', 'organization=Acme, Inc.', '--answer', 'system=Acme Cloud'],
      env,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added acme \(Acme, Inc\.\) in clients\/acme: \d+ documents from the library/);
    // A body names the answer (bound when the sites are built); a placeholder before a full stop is filled in.
    expect(read('clients/acme/policies/acceptable-use.mdx')).toContain(
      'everyone at <Var name="organization" /> follows',
    );
    expect(read('clients/acme/policies/information-security.mdx')).toContain('published at https://example.com.');
    expect(read('clients/acme/content/program.yaml')).toMatch(/organization: "Acme, Inc\."\nsystem: "Acme Cloud"/);
    expect(read('clients/acme/.trustbook-sync/sync.yaml')).toMatch(
      /answers:\n {2}contact: security@example\.com\n {2}organization: Acme, Inc\.\n {2}system: Acme Cloud\n {2}website: https:\/\/example\.com\n/,
    );
    const workspaceText = read('trustbook.workspace.yaml');
    expect(workspaceText).toContain('clients:\n  - name: acme\n    path: clients/acme\n');
    expect(workspaceText).toContain('# The clients:');

    const checked = await runCli(root, ['check', '--workspace', '--format', 'json'], env);
    const [acme] = JSON.parse(checked.stdout).clients as { client: string; errors: number; library: unknown }[];
    expect(acme).toMatchObject({
      client: 'acme',
      errors: 0,
      library: { took: 'Northwind Partners baseline 1', behind: false },
    });
    expect((await runCli(root, ['sync', '--check'], env)).code).toBe(0);
  });

  it('asks the library questions in a terminal, again when an answer cannot be used, with defaults on Enter', async () => {
    const answers = ['Globex Corporation', 'not a url', 'https://globex.example', ''];
    const asked: string[] = [];
    const out: string[] = [];
    const code = await main(['client', 'add', 'globex', '--answer', 'system=Globex Cloud'], {
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
      env,
      cwd: root,
      isTTY: true,
      interactive: true,
      ask: async (question) => {
        asked.push(question);
        return answers.shift();
      },
    });
    expect(code).toBe(0);
    expect(asked[0]).toBe("The client's legal name (Acme, Inc.): ");
    expect(asked.filter((question) => question.startsWith("The client's public website"))).toHaveLength(2);
    expect(read('clients/globex/content/program.yaml')).toContain('website: https://globex.example');
    expect(read('clients/globex/content/program.yaml')).toContain('contact: security@example.com');
  });

  it('names the questions left without an answer and writes nothing', async () => {
    const result = await runCli(root, ['client', 'add', 'acme', '--answer', 'organization=Acme'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the library asks system, and no answer was given');
    expect(result.stderr).toContain('--answer system=VALUE');
    expect(existsSync(join(root, 'clients/acme'))).toBe(false);
    expect(read('trustbook.workspace.yaml')).not.toContain('acme');
  });

  it('adds nothing when a library text uses a variable no question asks (TB023)', async () => {
    writeFileSync(
      join(root, 'library/policies/tools.mdx'),
      '---\ntitle: Tools\nowner: cto\n---\nTickets live in {{ticketing}}.\n',
    );
    const result = await runCli(
      root,
      ['client', 'add', 'acme', '--answer', 'organization=Acme', '--answer', 'system=Acme Cloud'],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('acme: not added, nothing written');
    expect(result.stdout).toContain('error TB023 library/policies/tools.mdx uses {{ticketing}}');
    expect(existsSync(join(root, 'clients/acme'))).toBe(false);
    expect(read('trustbook.workspace.yaml')).not.toContain('acme');
  });

  it('refuses a name already taken and an answer its question does not allow', async () => {
    const args = ['client', 'add', 'acme', '--answer', 'organization=Acme', '--answer', 'system=Acme Cloud'];
    expect((await runCli(root, args, env)).code).toBe(0);
    expect((await runCli(root, args, env)).stderr).toContain(
      'a client named "acme" is already in trustbook.workspace.yaml',
    );
    const badUrl = await runCli(
      root,
      ['client', 'add', 'initech', ...args.slice(3), '--answer', 'website=ftp://x'],
      env,
    );
    expect(badUrl.stderr).toContain('--answer website: website expects a web address');
  });
});
