import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templatesRoot } from '../../src/scaffold/scaffold-fs.ts';
import { TEMPLATE_RECORD, templateChanges, type TemplateRecord } from '../../src/scaffold/template-record.ts';
import { runCli } from './run.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustbook-templates-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-11-26' };
const program = () => join(dir, 'acme-trust');
const read = (path: string) => readFileSync(join(program(), path), 'utf8');

describe('trustbook init into a new folder', () => {
  it('writes a repository of its own, named after the folder, depending on this version of trustbook', async () => {
    const result = await runCli(dir, ['init', 'acme-trust'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cd acme-trust && npm install && npm run build');
    const manifest = JSON.parse(read('package.json'));
    const own = JSON.parse(readFileSync(join(templatesRoot, '../package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'acme-trust',
      private: true,
      dependencies: { trustbook: `^${own.version}`, astro: own.peerDependencies.astro },
      optionalDependencies: own.optionalDependencies,
    });
    expect(read('content/program.yaml')).toContain('organization: "Acme Trust"');
    expect(read('astro.config.mjs')).toContain("import trustbook from 'trustbook';");
    expect(read('src/content.config.ts')).toContain("from 'trustbook/content'");
    expect(read('.gitignore')).toContain('node_modules/');
    expect(read('README.md')).toContain('# Acme Trust: SOC 2 program');
    expect(existsSync(join(program(), 'src/pages'))).toBe(false);
  });

  it('writes only the program into a folder that already has a package.json, and refuses --from there', async () => {
    writeFileSync(join(dir, 'package.json'), '{}\n');
    expect(await runCli(dir, ['init', '--org', 'Acme'], env)).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, 'astro.config.mjs'))).toBe(false);
    expect(existsSync(join(dir, 'content/program.yaml'))).toBe(true);
    const other = join(dir, 'other');
    expect(await runCli(dir, ['init', 'other', '--from', 'nowhere.tgz'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not exist'),
    });
    writeFileSync(join(dir, 'notes.txt'), 'not a package\n');
    expect(await runCli(dir, ['init', 'other', '--from', 'notes.txt'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a .tgz tarball'),
    });
    expect(existsSync(other)).toBe(false);
  });
});

describe('trustbook templates diff', () => {
  it('finds nothing changed right after init, and says why when there is no record', async () => {
    await runCli(dir, ['init', 'acme-trust'], env);
    const result = await runCli(program(), ['templates', 'diff'], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('No template has changed') });
    expect(await runCli(dir, ['templates', 'diff'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(TEMPLATE_RECORD),
    });
  });

  it('lists each document whose template changed, whether it was edited, and the change as a diff', async () => {
    await runCli(dir, ['init', 'acme-trust'], env);
    const record = JSON.parse(read(TEMPLATE_RECORD)) as TemplateRecord;
    expect(record.documents['policies/backup.mdx']).toMatchObject({ template: 'policies/backup.mdx' });
    // A newer package whose backup and encryption policy templates gained a sentence.
    const newer = (template: string) => {
      const text = readFileSync(join(templatesRoot, template), 'utf8');
      return template === 'policies/backup.mdx' || template === 'policies/encryption.mdx'
        ? `${text}\nBackups are tested by restoring them.\n`
        : text;
    };
    writeFileSync(join(program(), 'policies/encryption.mdx'), `${read('policies/encryption.mdx')}\nOur own note.\n`);
    const changes = templateChanges(record, newer, (path) => read(path), '9.9.9');
    expect(changes.map((change) => [change.path, change.document])).toEqual([
      ['policies/backup.mdx', 'as written'],
      ['policies/encryption.mdx', 'edited'],
    ]);
    expect(changes[0]!.patch).toContain('+Backups are tested by restoring them.');
    expect(changes[0]!.patch).not.toContain('Acme Trust}}');
    expect(changes[1]!.patch).toContain('-Our own note.');
  });
});
