/**
 * Library migrations (`migrations:` in library.yaml): a moved document keeps the client's edits and history
 * under its new path, a renamed id reaches the client's own documents, and each runs once, on the sync that
 * crosses its version.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, pendingMigrations } from '../../src/workspace/migrations.ts';
import { policy, useWorkspace } from '../helpers/workspace.ts';

const workspace = useWorkspace('trustbook-migrations-');
const { write, read, library, snapshot, sync } = workspace;
const exists = (path: string) => existsSync(join(workspace.root, path));

/** The library at a version, with its migrations written as YAML lines under `migrations:`. */
function libraryWith(version: number, migrations: string, documents: Record<string, string>): void {
  library(version, documents);
  write('library/library.yaml', `name: Baseline\nversion: ${version}\nmigrations:\n${migrations}`);
}

const move =
  '  - version: 2\n    note: The access policy has a clearer name.\n    moves:\n      - { from: policies/access-control.mdx, to: policies/access.mdx }\n';

describe('library migrations', () => {
  it('moves a document with the client edits it holds, and its sync history with it', async () => {
    await sync();
    const edited = policy(1, 'Every system.', 'The works council approves exceptions.');
    write('clients/acme/policies/access-control.mdx', edited);
    libraryWith(2, move, { 'policies/access.mdx': policy(2, 'Every production system.') });

    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('note migration Baseline 2: The access policy has a clearer name.');
    // The client's edit and the library's change, merged at the new path; nothing left at the old one.
    expect(read('clients/acme/policies/access.mdx')).toBe(
      policy(2, 'Every production system.', 'The works council approves exceptions.'),
    );
    expect(exists('clients/acme/policies/access-control.mdx')).toBe(false);
    const record = read('clients/acme/.trustbook-sync/sync.yaml');
    expect(record).toContain('policies/access.mdx:');
    expect(record).not.toContain('policies/access-control.mdx');
    expect(exists('clients/acme/.trustbook-sync/base/policies/access.mdx')).toBe(true);
    expect(exists('clients/acme/.trustbook-sync/base/policies/access-control.mdx')).toBe(false);
    // The client that had not edited it gets the library's text at the new path, and no TB021 anywhere.
    expect(read('clients/globex/policies/access.mdx')).toBe(policy(2, 'Every production system.'));
    expect(result.stdout).not.toContain('TB021');
    expect((await sync('--check')).code).toBe(0);
  });

  it('keeps a document the client deleted deleted when the library moves it', async () => {
    await sync();
    rmSync(join(workspace.root, 'clients/acme/policies/access-control.mdx'));
    libraryWith(2, move, { 'policies/access.mdx': policy(2, 'Every production system.') });
    expect((await sync('acme')).code).toBe(0);
    expect(exists('clients/acme/policies/access.mdx')).toBe(false);
    expect(read('clients/acme/.trustbook-sync/sync.yaml')).toContain('policies/access.mdx:');
  });

  it('refuses to move a document onto a file the client keeps there (TB035), and changes nothing', async () => {
    await sync();
    write('clients/acme/policies/access.mdx', 'the client own text\n');
    const before = snapshot('clients/acme');
    libraryWith(2, move, { 'policies/access.mdx': policy(2, 'Every production system.') });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error TB035 the library\'s migration Baseline 2 moves policies/access-control.mdx to policies/access.mdx, but client "acme" already has a file there',
    );
    expect(result.stdout).toContain('at clients/acme/policies/access.mdx');
    expect(snapshot('clients/acme')).toEqual(before);
    // The other client still syncs.
    expect(read('clients/globex/policies/access.mdx')).toBe(policy(2, 'Every production system.'));
  });

  it('renames an id in the client documents the library does not hold, as a whole word only', async () => {
    const control = (id: string) =>
      `---\nid: ${id}\ntitle: Access reviews\nowner: cto\ncriteria: [CC6.2]\n---\nQuarterly.\n`;
    library(1, { 'content/controls/AC-01.mdx': control('AC-01') });
    await sync();
    const evidence =
      '---\nid: EV-AC\ntitle: Access review records\ncontrols: [AC-01, AC-010]\n---\nSee AC-01 and XAC-01.\n';
    write('clients/acme/evidence-index/EV-AC.mdx', evidence);
    write('clients/acme/evidence-index/files/export.yaml', 'control: AC-01\n');

    libraryWith(2, '  - version: 2\n    ids:\n      - { from: AC-01, to: IAM-01 }\n', {
      'content/controls/AC-01.mdx': control('IAM-01'),
    });
    expect((await sync()).code).toBe(0);
    expect(read('clients/acme/content/controls/AC-01.mdx')).toBe(control('IAM-01'));
    expect(read('clients/acme/evidence-index/EV-AC.mdx')).toBe(
      '---\nid: EV-AC\ntitle: Access review records\ncontrols: [IAM-01, AC-010]\n---\nSee IAM-01 and XAC-01.\n',
    );
    // Artifact files are evidence as collected: never rewritten.
    expect(read('clients/acme/evidence-index/files/export.yaml')).toBe('control: AC-01\n');

    // Once through: a client that brings the old id back on purpose keeps it at the next library version.
    write('clients/acme/evidence-index/EV-OLD.mdx', '---\nid: EV-OLD\ncontrols: [AC-01]\n---\n');
    libraryWith(3, '  - version: 2\n    ids:\n      - { from: AC-01, to: IAM-01 }\n', {
      'content/controls/AC-01.mdx': control('IAM-01'),
    });
    expect((await sync()).code).toBe(0);
    expect(read('clients/acme/evidence-index/EV-OLD.mdx')).toContain('controls: [AC-01]');
  });

  it('does not migrate on a first sync: the client takes the library as it is', async () => {
    libraryWith(2, move, { 'policies/access.mdx': policy(2, 'Every production system.') });
    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('migration');
    expect(read('clients/acme/policies/access.mdx')).toBe(policy(2, 'Every production system.'));
  });

  it('is pending for a client that skipped versions, and not past the version it now takes', () => {
    const migrations = ['2', '5', '10'].map((version) => ({
      layer: 'Baseline',
      migration: { version, moves: [], ids: [] },
    }));
    const versions = (from: string, to: string) =>
      pendingMigrations(migrations, [{ name: 'Baseline', version: from }], [{ name: 'Baseline', version: to }]).map(
        (pending) => pending.migration.version,
      );
    expect(versions('1', '9')).toEqual(['2', '5']);
    expect(versions('2', '10')).toEqual(['5', '10']);
    expect(versions('5', '5')).toEqual([]);
    expect(
      pendingMigrations(migrations, [{ name: 'Other', version: '1' }], [{ name: 'Baseline', version: '10' }]),
    ).toEqual([]);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
  });
});

describe('a library.yaml migration that does not read', () => {
  it('names the field and the line', async () => {
    write(
      'library/library.yaml',
      'name: Baseline\nversion: 2\nmigrations:\n  - version: 2\n    moves: [{ from: ../x.mdx, to: a.mdx }]\n',
    );
    const result = await sync();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("library/library.yaml:5: expected a document's path in a program");
    expect(readFileSync(join(workspace.root, 'library/library.yaml'), 'utf8')).toContain('../x.mdx');
  });
});
