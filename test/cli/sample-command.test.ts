import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-sample-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-07-15' };
const recordPath = () => join(root, 'evidence-index/samples/2026-01-01_2026-06-30.yaml');

describe('trustbook sample', () => {
  it('records the seed, each population’s hash and the items, and the check then passes', async () => {
    const result = await runCli(root, ['sample', '--seed', '7'], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('EV-BASE-01: 2 of 2 periods') });
    const record = parse(readFileSync(recordPath(), 'utf8'));
    expect(record).toMatchObject({ seed: 7, window: { start: '2026-01-01', end: '2026-06-30' } });
    expect(record.samples[0]).toMatchObject({ series: 'EV-BASE-01', kind: 'periods', items: ['2026-Q1', '2026-Q2'] });
    expect((await runCli(root, ['check'], env)).code).toBe(0);
  });

  it('never replaces a recorded sample unless asked, and keeps its seed when one control is drawn again', async () => {
    await runCli(root, ['sample', '--seed', '7'], env);
    const before = readFileSync(recordPath(), 'utf8');
    expect(await runCli(root, ['sample'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exists already'),
    });
    expect(await runCli(root, ['sample', '--control', 'BASE-01', '--seed', '8'], env)).toMatchObject({ code: 2 });
    expect(readFileSync(recordPath(), 'utf8')).toBe(before);
    expect(await runCli(root, ['sample', '--control', 'BASE-01'], env)).toMatchObject({ code: 0 });
    expect(parse(readFileSync(recordPath(), 'utf8')).seed).toBe(7);
    expect(await runCli(root, ['sample', '--redraw', '--seed', '9'], env)).toMatchObject({ code: 0 });
    expect(parse(readFileSync(recordPath(), 'utf8')).seed).toBe(9);
  });

  it('refuses a Type I program, an unknown control and a seed that is not a number', async () => {
    expect(await runCli(root, ['sample', '--control', 'NOPE'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('NOPE'),
    });
    expect(await runCli(root, ['sample'], { TRUSTBOOK_AS_OF: '2025-12-15' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('nothing has happened yet'),
    });
    expect(await runCli(root, ['sample', '--seed', 'abc'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('whole number'),
    });
    writeProgram(
      root,
      edit(
        validProgram(),
        'content/program.yaml',
        '  type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
        '  type: I\n  date: 2026-03-01',
      ),
    );
    expect(await runCli(root, ['sample'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Type II') });
  });
});
