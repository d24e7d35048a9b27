import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templatesRoot } from '../../src/scaffold/scaffold-fs.ts';
import { basePath, TEMPLATE_RECORD, templateChanges, type TemplateRecord } from '../../src/scaffold/template-record.ts';
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

describe('trustbook templates apply', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const added = 'Restore tests are recorded with the time a restore took.';
  const lastLine = 'approves each new version.';

  /**
   * A program written from an older backup policy template: the document as written lacked the sentence the
   * installed template's Review section ends with, and the record says so.
   */
  async function programFromOlderTemplate() {
    await runCli(dir, ['init', 'acme-trust'], env);
    const now = read('policies/backup.mdx');
    expect(now).toContain(lastLine);
    const then = now.replace(lastLine, `${lastLine}\n${added}`);
    const record = JSON.parse(read(TEMPLATE_RECORD)) as TemplateRecord;
    record.documents['policies/backup.mdx'] = {
      ...record.documents['policies/backup.mdx']!,
      template_sha256: sha('the template as an older trustbook shipped it'),
      written_sha256: sha(then),
    };
    writeFileSync(join(program(), TEMPLATE_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    writeFileSync(join(program(), basePath('policies/backup.mdx')), then);
    return { then, now };
  }

  it('keeps each document as init wrote it beside the record', async () => {
    await runCli(dir, ['init', 'acme-trust'], env);
    expect(read(basePath('policies/backup.mdx'))).toBe(read('policies/backup.mdx'));
    expect(await runCli(program(), ['check'], env)).toMatchObject({
      stdout: expect.not.stringContaining('trustbook-templates'),
    });
  });

  it("shows Trustbook's change apart from the company's edits, and carries it in keeping them", async () => {
    const { then, now } = await programFromOlderTemplate();
    const edited = then.replace('Disabling backups', 'Turning off backups');
    writeFileSync(join(program(), 'policies/backup.mdx'), edited);

    const diff = await runCli(program(), ['templates', 'diff'], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain(
      'policies/backup.mdx (from policies/backup.mdx; edited since it was written; apply keeps your edits',
    );
    const [trustbookChange, ownEdits] = diff.stdout.split('your edits since it was written');
    expect(trustbookChange).toContain(`-${added}`);
    expect(trustbookChange).not.toContain('Turning off backups');
    expect(ownEdits).toContain('+Turning off backups');
    expect(ownEdits).not.toContain(added);

    const applied = await runCli(program(), ['templates', 'apply'], env);
    expect(applied).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('policies/backup.mdx (your edits kept)'),
    });
    expect(read('policies/backup.mdx')).toBe(now.replace('Disabling backups', 'Turning off backups'));
    // The record and the kept copy now name the installed template, so nothing is left to apply.
    expect(read(basePath('policies/backup.mdx'))).toBe(now);
    expect((await runCli(program(), ['templates', 'diff'], env)).stdout).toContain('No template has changed');
  });

  it('leaves a document untouched when the company changed the same lines, naming the section', async () => {
    const { then } = await programFromOlderTemplate();
    const edited = then.replace(added, 'Restore tests are written up in the ticket.');
    writeFileSync(join(program(), 'policies/backup.mdx'), edited);
    const applied = await runCli(program(), ['templates', 'apply', 'policies/backup.mdx'], env);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toMatch(/policies\/backup\.mdx: both changed section review: decide by hand/);
    expect(read('policies/backup.mdx')).toBe(edited);
    expect(read(basePath('policies/backup.mdx'))).toBe(then);
  });

  it('refuses a path whose template did not change', async () => {
    await programFromOlderTemplate();
    expect(await runCli(program(), ['templates', 'apply', 'policies/encryption.mdx'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no changed template behind policies/encryption.mdx'),
    });
  });

  it('finds the document as written in git history when the program kept no copy', async () => {
    const { then } = await programFromOlderTemplate();
    rmSync(join(program(), '.trustbook-templates'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: program(),
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'A',
          GIT_AUTHOR_EMAIL: 'a@example.com',
          GIT_COMMITTER_NAME: 'A',
          GIT_COMMITTER_EMAIL: 'a@example.com',
        },
      });
    writeFileSync(join(program(), 'policies/backup.mdx'), then);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'The program as written');
    writeFileSync(join(program(), 'policies/backup.mdx'), then.replace('Disabling backups', 'Turning off backups'));
    git('commit', '-qam', 'Our own wording');
    const diff = await runCli(program(), ['templates', 'diff'], env);
    expect(diff.stdout).toContain('apply keeps your edits and adds the change');
    rmSync(join(program(), '.git'), { recursive: true });
    expect((await runCli(program(), ['templates', 'diff'], env)).stdout).toContain(
      'its text as written is not known: compare by hand',
    );
  });
});
