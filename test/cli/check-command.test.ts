import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';
import { progressLine } from '../../src/cli/commands/check.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-cli-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runCli(root, args, env);

describe('trustbook check', () => {
  it('exits 0 on a clean program and prints the summary', async () => {
    writeProgram(root, validProgram());
    const result = await run(['check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Security (common criteria) 33/33');
    expect(result.stdout).toMatch(/0 errors, 0 warnings in \d+ ms/);
  });

  it('exits 1 on findings and prints them grouped by file, with line and fix', async () => {
    writeProgram(
      root,
      edit(validProgram(), 'policies/acceptable-use.mdx', 'approved: 2026-03-01', 'approved: 2026-02-30'),
    );
    const result = await run(['check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('policies/acceptable-use.mdx\n  error TB103');
    expect(result.stdout).toContain('at policies/acceptable-use.mdx:7');
    expect(result.stdout).toContain('fix: Write a real date');
    // The fix names the code's entry in the diagnostics reference, by a path that opens from here.
    const see = /see: (\S+)#(tb103)\n/.exec(result.stdout);
    expect(see).not.toBeNull();
    expect(readFileSync(resolve(root, see![1]!), 'utf8')).toContain(`<a id="${see![2]}"></a>TB103 |`);
  });

  it('prints the documented JSON shape with paths relative to the root', async () => {
    writeProgram(
      root,
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'criteria: [CC1.1,', 'criteria: [CC9.9, CC1.1,'),
    );
    const result = await run(['check', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(result.code).toBe(1);
    expect(report.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'TB202',
        file: 'content/controls/BASE-01.mdx',
        line: 4,
        message: '`CC9.9` is not a Trust Services Criterion',
        hint: expect.any(String),
      },
    ]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, asOf: '2026-07-15', documents: 14 });
  });

  it('prints workflow annotations with --format github', async () => {
    writeProgram(root, edit(validProgram(), 'policies/incident-response.mdx', 'approved_by: ceo', 'approved_by: cfo'));
    const result = await run(['check', '--format', 'github']);
    expect(result.stdout).toMatch(/^::error file=policies\/incident-response\.mdx,line=6,title=TB206::/m);
  });

  it('takes --as-of over TRUSTBOOK_AS_OF over the program as_of', async () => {
    writeProgram(root, validProgram());
    const asOf = async (args: string[], env: Record<string, string> = {}) =>
      JSON.parse((await run(['check', '--format', 'json', ...args], env)).stdout).summary;
    expect(await asOf([])).toMatchObject({ asOf: '2026-07-15', asOfSource: 'program as_of' });
    expect(await asOf([], { TRUSTBOOK_AS_OF: '2026-08-01' })).toMatchObject({
      asOf: '2026-08-01',
      asOfSource: 'TRUSTBOOK_AS_OF',
    });
    expect(await asOf(['--as-of', '2026-09-01'], { TRUSTBOOK_AS_OF: '2026-08-01' })).toMatchObject({
      asOf: '2026-09-01',
    });
  });

  it('exits 2 with a message, not a stack trace, on bad arguments or a folder without a program', async () => {
    expect(await run(['check'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('holds no Trustbook program'),
    });
    writeProgram(root, validProgram());
    expect(await run(['check', '--as-of', '2026-02-30'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('YYYY-MM-DD'),
    });
    expect(await run(['check', '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pretty, json, github'),
    });
    expect(await run(['check', '--nope'])).toMatchObject({ code: 2 });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
  });
});

// Whole processes that check a program: give them room on a busy two-core machine (a limit, not a timing).
describe('the trustbook executable', { timeout: 60_000 }, () => {
  const bin = join(import.meta.dirname, '../../bin/trustbook.js');

  it('runs under the pinned Node and reports findings through its exit code', () => {
    writeProgram(root, validProgram());
    const result = spawnSync(process.execPath, [bin, 'check'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    writeProgram(root, { 'policies/acceptable-use.mdx': '---\ntitle: [unclosed\n' });
    const broken = spawnSync(process.execPath, [bin, 'check'], { cwd: root, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('TB00');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks the repository program with 0 errors', () => {
    const output = execFileSync(process.execPath, [bin, 'check', '--format', 'json'], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(output).summary.errors).toBe(0);
  });
});

describe('trustbook check, many findings of one code', () => {
  /** Six policies without an approver: one code, six findings. */
  const sixFindings = () => {
    let files = validProgram();
    for (const policy of [
      'information-security',
      'incident-response',
      'data-retention',
      'acceptable-use',
      'vendor-management',
      'business-continuity',
    ]) {
      files = edit(files, `policies/${policy}.mdx`, 'approved_by: ceo\n', 'approved_by: nobody-here\n');
    }
    return files;
  };

  it('groups them with their count, the first three and one fix, and lists every one with --all', async () => {
    writeProgram(root, sixFindings());
    const grouped = await run(['check']);
    const code = grouped.stdout.match(/^error (TB\d+) .*: 6 findings$/m)?.[1];
    expect(code).toBeDefined();
    expect(grouped.stdout).toContain('and 3 more (trustbook check --all lists every one)');
    expect(grouped.stdout.match(/\n {4}at policies\//g)).toHaveLength(3);
    const all = await run(['check', '--all']);
    expect(all.stdout.match(new RegExp(`error ${code}`, 'g'))).toHaveLength(6);
  });

  it('counts them by code in the JSON summary', async () => {
    writeProgram(root, sixFindings());
    const report = JSON.parse((await run(['check', '--format', 'json'])).stdout);
    expect(report.summary.byCode).toEqual([
      expect.objectContaining({ severity: 'error', count: 6, title: expect.any(String) }),
    ]);
    expect(report.diagnostics).toHaveLength(6);
  });
});

describe('trustbook check on a terminal', () => {
  const recorder = () => {
    const lines: string[] = [];
    return {
      lines,
      io: {
        stdout: () => {},
        stderr: () => {},
        env: {},
        cwd: '.',
        isTTY: true,
        progress: (text: string) => lines.push(text),
      },
    };
  };

  it('shows how far a long check has come on one line, at most ten times a second, and clears it at the end', () => {
    const { lines, io } = recorder();
    const line = progressLine(io, performance.now() - 5_000);
    for (let done = 0; done < 1_000; done++) line.update!('parsing MDX bodies', done, 1_000);
    line.clear();
    expect(lines[0]).toBe('checking: parsing MDX bodies 0 of 1000…');
    expect(lines.length).toBeLessThan(5);
    expect(lines.at(-1)).toBe('');
  });

  it('shows nothing for a check that is quick anyway, or where standard error is no terminal', () => {
    const { lines, io } = recorder();
    const quick = progressLine(io, performance.now());
    quick.update!('parsing MDX bodies', 1, 2);
    quick.clear();
    expect(lines).toEqual([]);
    expect(progressLine({ ...io, progress: undefined as never }, 0).update).toBeUndefined();
  });
});
