/**
 * Where the command itself meets bad input: missing program, bad arguments, bad dates. Each case runs
 * `main()` in-process and asserts exit code 2, a message on stderr, and no stack trace anywhere.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validProgram, without, writeProgram } from '../helpers/program.ts';
import { PROGRAM } from './corpus.ts';
import { runCli, stackLine, timedAsync } from './harness.ts';

interface CliCase {
  name: string;
  /** What the folder holds: a valid program (default), a program without program.yaml, or nothing. */
  folder?: 'program' | 'no program.yaml' | 'empty';
  args: (root: string) => string[];
  env?: Record<string, string>;
  /** Part of what stderr must say. */
  stderr: RegExp;
}

const cliCases: CliCase[] = [
  { name: 'no command at all', args: () => [], stderr: /Usage: trustbook/ },
  { name: 'an unknown command', args: () => ['chek'], stderr: /unknown command "chek"/ },
  { name: 'an unknown option', args: () => ['check', '--formt', 'json'], stderr: /--formt/ },
  { name: 'an unknown output format', args: () => ['check', '--format', 'xml'], stderr: /unknown format "xml"/ },
  { name: 'an option without its value', args: () => ['check', '--root'], stderr: /--root/ },
  { name: 'an unexpected positional argument', args: () => ['check', 'now'], stderr: /unexpected argument "now"/ },
  { name: 'an impossible --as-of date', args: () => ['check', '--as-of', '2026-02-30'], stderr: /--as-of.*2026-02-30/ },
  {
    name: 'an --as-of that is not a date',
    args: () => ['check', '--as-of', 'yesterday'],
    stderr: /--as-of.*yesterday/,
  },
  { name: 'an --as-of given as an empty string', args: () => ['check', '--as-of', ''], stderr: /--as-of/ },
  {
    name: 'an impossible TRUSTBOOK_AS_OF',
    args: () => ['check'],
    env: { TRUSTBOOK_AS_OF: '2026-13-01' },
    stderr: /TRUSTBOOK_AS_OF.*2026-13-01/,
  },
  {
    name: 'a folder without content/program.yaml',
    folder: 'no program.yaml',
    args: () => ['check'],
    stderr: /content\/program\.yaml not found/,
  },
  { name: 'an empty folder', folder: 'empty', args: () => ['check'], stderr: /holds no Trustbook program/ },
  {
    name: '--root naming a folder that does not exist',
    args: (root) => ['check', '--root', join(root, 'nowhere')],
    stderr: /holds no Trustbook program/,
  },
  {
    name: '--root naming a file',
    args: (root) => ['check', '--root', join(root, PROGRAM)],
    stderr: /holds no Trustbook program/,
  },
  { name: 'new without a kind', args: () => ['new'], stderr: /new needs a kind/ },
  { name: 'new with an unknown kind', args: () => ['new', 'widget', 'w-1'], stderr: /cannot create a "widget"/ },
  { name: 'init without an organization', folder: 'empty', args: () => ['init'], stderr: /organization/ },
];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-hardening-cli-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function prepare(folder: CliCase['folder']): void {
  if (folder === 'empty') return;
  writeProgram(root, folder === 'no program.yaml' ? without(validProgram(), PROGRAM) : validProgram());
}

describe('the command on bad input', () => {
  for (const cliCase of cliCases) {
    it(`exits 2 with a message and no stack trace: ${cliCase.name}`, async () => {
      prepare(cliCase.folder);
      const run = await timedAsync(() => runCli(root, cliCase.args(root), cliCase.env));
      expect(run.error, 'no exception escapes').toBeUndefined();
      const { code, stdout, stderr } = run.value!;
      expect(code).toBe(2);
      expect(stderr).toMatch(cliCase.stderr);
      expect(stderr).not.toMatch(stackLine);
      expect(stdout).not.toMatch(stackLine);
    });
  }

  it('reports a program.yaml that is a folder as an unreadable file, exit 1, not a crash', async () => {
    writeProgram(root, without(validProgram(), PROGRAM));
    mkdirSync(join(root, PROGRAM));
    const { code, stdout, stderr } = await runCli(root, ['check', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TB006', file: PROGRAM, line: null }),
    );
  });

  it('prints usage on stdout and exits 0 when asked for help', async () => {
    const { code, stdout, stderr } = await runCli(root, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: trustbook/);
    expect(stderr).toBe('');
  });
});
