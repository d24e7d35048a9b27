import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustbook-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-11-26' };

async function checkJson(root: string) {
  const result = await runCli(root, ['check', '--format', 'json'], env);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

describe('trustbook init', () => {
  it('writes a program that passes the check in readiness mode, with missing evidence and placeholders as warnings', async () => {
    const init = await runCli(dir, ['init', '--org', 'Test Co', '--dir', 'x'], env);
    expect(init.code).toBe(0);
    const { code, report } = await checkJson(join(dir, 'x'));
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ errors: 0, readiness: true });
    expect(report.summary.warnings).toBeGreaterThan(20);
    // Evidence still to collect, text still to write (the templates' <Todo>s), the example.com defaults, the
    // trust center's sections held back while no vendor and no practice is recorded, and policies nobody has
    // approved yet.
    expect(new Set(report.diagnostics.map((d: { code: string }) => d.code))).toEqual(
      new Set(['TB402', 'TB320', 'TB321', 'TB560', 'TB214']),
    );
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TB214', file: 'policies/information-security.mdx', severity: 'warning' }),
    );
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TB320', file: 'content/system-description.mdx', severity: 'warning' }),
    );
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TB321', file: 'content/program.yaml', severity: 'warning' }),
    );
    expect(readFileSync(join(dir, 'x/content/program.yaml'), 'utf8')).toContain('organization: "Test Co"');
  });

  it('scores a fresh program with no evidence as operating nothing, readiness mode or not', async () => {
    await runCli(dir, ['init', '--org', 'Test Co'], env);
    const report = JSON.parse((await runCli(dir, ['report', '--format', 'json'], env)).stdout);
    const security = report.categories.find((c: { category: string }) => c.category === 'security');
    expect(security).toMatchObject({ operating: 0, score: 50 });
    expect(security.controls).toBeGreaterThan(20);
  });

  it('fails the missing evidence once the readiness switch is removed', async () => {
    await runCli(dir, ['init', '--org', 'Test Co'], env);
    const programFile = join(dir, 'content/program.yaml');
    writeFileSync(programFile, readFileSync(programFile, 'utf8').replace(/^readiness: true\n/m, ''));
    const { code, report } = await checkJson(dir);
    expect(code).toBe(1);
    expect(report.summary.errors).toBeGreaterThan(20);
    // Missing evidence and unapproved policies were deferred by readiness mode, and only they.
    const errors = report.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(new Set(errors.map((d: { code: string }) => d.code))).toEqual(new Set(['TB402', 'TB214']));
  });

  it('covers every criterion of every category asked for', async () => {
    const scope = 'security,availability,confidentiality,processing-integrity,privacy';
    await runCli(dir, ['init', '--org', 'Acme', '--scope', scope], env);
    const { report } = await checkJson(dir);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.coverage.map((c: { covered: number; total: number }) => `${c.covered}/${c.total}`)).toEqual([
      '33/33',
      '3/3',
      '2/2',
      '5/5',
      '18/18',
    ]);
  });

  it('leaves out controls of categories not in scope', async () => {
    await runCli(dir, ['init', '--org', 'Acme'], env);
    expect(existsSync(join(dir, 'content/controls/PRV-01.mdx'))).toBe(false);
    expect(existsSync(join(dir, 'content/controls/AC-01.mdx'))).toBe(true);
  });

  it('refuses a folder that already holds a program, and names that would break the files', async () => {
    await runCli(dir, ['init', '--org', 'Acme'], env);
    expect(await runCli(dir, ['init', '--org', 'Acme'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('already holds'),
    });
    const other = join(dir, 'other');
    expect(await runCli(other, ['init', '--org', 'Evil <script>'], env)).toMatchObject({ code: 2 });
    expect(await runCli(other, ['init'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--org') });
    expect(await runCli(other, ['init', '--org', 'A', '--scope', 'securty'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('securty'),
    });
    expect(existsSync(other)).toBe(false);
  });
});

describe('trustbook new', () => {
  it('writes each kind of document where the check reads it, valid as written', async () => {
    await runCli(dir, ['init', '--org', 'Acme'], env);
    for (const args of [
      ['policy', 'privacy-notice'],
      ['control', 'AC-99'],
      ['evidence', 'EV-AC-99'],
      ['procedure', 'key-rotation'],
      ['risk', 'R-01'],
      ['vendor', 'cloudco'],
    ]) {
      expect(await runCli(dir, ['new', ...args], env)).toMatchObject({ code: 0 });
    }
    const { report } = await checkJson(dir);
    const others = report.diagnostics.filter(
      (d: { code: string }) => !['TB402', 'TB320', 'TB321', 'TB560', 'TB214'].includes(d.code),
    );
    expect(others).toEqual([]);
    // Each new document starts with the guidance still to replace, reported until it is written.
    const unwritten = new Set(
      report.diagnostics.filter((d: { code: string }) => d.code === 'TB320').map((d: { file: string }) => d.file),
    );
    for (const file of [
      'policies/privacy-notice.mdx',
      'content/controls/AC-99.mdx',
      'evidence-index/EV-AC-99.mdx',
      'content/procedures/key-rotation.mdx',
      'content/risks/R-01.mdx',
      'content/vendors/cloudco.yaml',
    ]) {
      expect(unwritten).toContain(file);
    }
    const evidence = readFileSync(join(dir, 'evidence-index/EV-AC-99.mdx'), 'utf8');
    expect(evidence).toContain('controls: ["AC-99"]');
    expect(evidence).toContain('frequency: "quarterly"');
  });

  it('never overwrites a document, and refuses unknown kinds, bad ids and unknown controls', async () => {
    await runCli(dir, ['init', '--org', 'Acme'], env);
    const before = readFileSync(join(dir, 'policies/backup.mdx'), 'utf8');
    expect(await runCli(dir, ['new', 'policy', 'backup'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exists'),
    });
    expect(readFileSync(join(dir, 'policies/backup.mdx'), 'utf8')).toBe(before);
    expect(await runCli(dir, ['new', 'spell', 'x'], env)).toMatchObject({ code: 2 });
    expect(await runCli(dir, ['new', 'policy', '../escape'], env)).toMatchObject({ code: 2 });
    expect(await runCli(dir, ['new', 'evidence', 'EV-NOPE'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('NOPE'),
    });
  });
});
