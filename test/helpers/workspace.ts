/**
 * A partner workspace in a temporary folder for the workspace command tests: two clients (acme, globex), a
 * library of one policy, and the file helpers those tests share. `useWorkspace` makes a fresh one before each
 * test and removes it after.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../cli/run.ts';

/** A library policy with a version and two sections, to change one section at a time. */
export const policy = (version: number, scope: string, exceptions = 'The security lead approves exceptions.') => `---
title: Access control
version: ${version}
owner: cto
criteria: [CC6.1]
---
Access follows least privilege.

## Scope

${scope}

## Exceptions

${exceptions}
`;

export interface TestWorkspace {
  /** The workspace's folder (a new one for each test). */
  readonly root: string;
  write(path: string, text: string): void;
  read(path: string): string;
  /** Replaces the library with these documents at this version. */
  library(version: number, documents: Record<string, string>): void;
  /** Every file under a folder, by path, with its text: to show that nothing in a client changed. */
  snapshot(folder: string): Record<string, string>;
  sync(...args: string[]): ReturnType<typeof runCli>;
}

export function useWorkspace(prefix: string): TestWorkspace {
  let root = '';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const library = (version: number, documents: Record<string, string>) => {
    rmSync(join(root, 'library'), { recursive: true, force: true });
    write('library/library.yaml', `name: Baseline\nversion: ${version}\n`);
    for (const [path, text] of Object.entries(documents)) write(`library/${path}`, text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), prefix));
    write(
      'trustbook.workspace.yaml',
      'library: library\nclients:\n  - name: acme\n    path: clients/acme\n  - name: globex\n    path: clients/globex\n',
    );
    for (const client of ['acme', 'globex']) write(`clients/${client}/content/program.yaml`, 'organization: Test\n');
    library(1, { 'policies/access-control.mdx': policy(1, 'Every system.') });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  return {
    get root() {
      return root;
    },
    write,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    library,
    snapshot(folder) {
      const base = join(root, folder);
      return Object.fromEntries(
        readdirSync(base, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const file = join(entry.parentPath, entry.name);
            return [relative(base, file), readFileSync(file, 'utf8')];
          }),
      );
    },
    sync: (...args) => runCli(root, ['sync', '--as-of', '2026-12-07', ...args]),
  };
}
