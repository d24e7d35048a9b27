import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { populationHash } from '../../src/engine/sampling.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-audit-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-07-15' };

describe('trustbook audit', () => {
  it('writes the workpaper as HTML and CSV into --out, prints the counts and exits 0', async () => {
    expect((await runCli(root, ['sample', '--seed', '7'], env)).code).toBe(0);
    const result = await runCli(root, ['audit', '--out', 'paper'], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Controls tested: 1 of 1') });
    expect(result.stdout).toContain('Items tested: 2');
    expect(readdirSync(join(root, 'paper')).sort()).toEqual(['workpaper.csv', 'workpaper.html']);
    expect(readFileSync(join(root, 'paper/workpaper.html'), 'utf8')).toContain('Mock audit workpaper');
    const [, ...rows] = parseCsv(readFileSync(join(root, 'paper/workpaper.csv'), 'utf8'));
    expect(rows.map((row) => [row[5], row[7]])).toEqual([
      ['2026-Q1', 'no exception'],
      ['2026-Q2', 'no exception'],
    ]);
  });

  it('writes into audit/ of the program by default, and still exits 0 when items are not tested', async () => {
    const result = await runCli(root, ['audit'], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('no sample recorded') });
    expect(existsSync(join(root, 'audit/workpaper.html'))).toBe(true);
    const [, ...rows] = parseCsv(readFileSync(join(root, 'audit/workpaper.csv'), 'utf8'));
    expect(rows).toEqual([expect.objectContaining({ 5: '', 7: 'not tested' })]);
  });

  it('reports a sampled event whose evidence file was altered as evidence missing (TB702), and only that one', async () => {
    const files = edit(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: per-event'),
      'evidence-index/EV-BASE-01.mdx',
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts:\n  - { collected: 2026-02-02, sample: "row 1", file: files/row-1.txt, sha256: "${'0'.repeat(64)}" }\n  - { collected: 2026-02-03, sample: "row 2", location: "https://docs.test.example/2.pdf" }\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, location: "https://docs.test.example/p.csv" }\n`,
    );
    // Recorded by hand: `trustbook sample` does not sample a series while one of its files has a finding.
    const record = `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-02
method: systematic
samples:
  - { series: EV-BASE-01, controls: [BASE-01], kind: events, population: { size: 2, sha256: ${populationHash(['row 1', 'row 2'])} }, size: 2, items: ["row 1", "row 2"] }
`;
    writeProgram(root, {
      ...files,
      'evidence-index/files/row-1.txt': 'changed after collection\n',
      'evidence-index/samples/2026-01-01_2026-06-30.yaml': record,
    });
    expect((await runCli(root, ['audit', '--out', 'paper'], env)).code).toBe(0);
    const [, ...rows] = parseCsv(readFileSync(join(root, 'paper/workpaper.csv'), 'utf8'));
    expect(rows).toEqual([
      expect.objectContaining({ 5: 'row 1', 6: 'evidence-index/files/row-1.txt', 7: 'evidence missing' }),
      expect.objectContaining({ 5: 'row 2', 7: 'no exception' }),
    ]);
    expect(rows[0]![8]).toContain('does not match its sha256');
  });

  it('refuses a Type I program and an unknown option with exit 2, writing nothing', async () => {
    expect(await runCli(root, ['audit', '--bogus'], env)).toMatchObject({ code: 2 });
    writeProgram(
      root,
      edit(
        validProgram(),
        'content/program.yaml',
        '  type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
        '  type: I\n  date: 2026-03-01',
      ),
    );
    expect(await runCli(root, ['audit', '--out', 'paper'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Type I audit tests the design'),
    });
    expect(existsSync(join(root, 'paper'))).toBe(false);
  });
});
