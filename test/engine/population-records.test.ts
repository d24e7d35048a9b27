import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../../src/engine/index.ts';
import { populationOf } from '../../src/engine/sampling.ts';
import { check, edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The test control made per-event, its series with one artifact (line 8) and these population entries (line 10 on). */
const perEvent = (
  population: string,
  artifact = '  - { collected: 2026-03-02, location: "https://docs.test.example/chg.pdf" }\n',
): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n${artifact}population:\n${population}`,
  );

/** A population entry for an export kept in evidence-index/files/. */
const entry = (file: string, csv: string, rows: number, period?: string, extra = '') =>
  `  - { ${period ? `period: ${period}, ` : ''}source: Tickets, exported: 2026-07-02, rows: ${rows}, file: files/${file}, sha256: ${sha(csv)}${extra} }\n`;

function onDisk(files: Files, exports: Record<string, string>): CheckResult {
  const root = mkdtempSync(join(tmpdir(), 'trustbook-population-'));
  try {
    const withFiles = { ...files };
    for (const [name, csv] of Object.entries(exports)) withFiles[`evidence-index/files/${name}`] = csv;
    writeProgram(root, withFiles);
    return checkProject(root, { today: '2026-07-15' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('a population that lists an event twice', () => {
  it('reports an id repeated in one export, with both lines', () => {
    const csv = 'id,date\nCHG-1,2026-01-05\nCHG-2,2026-02-05\nCHG-1,2026-03-05\n';
    const result = onDisk(perEvent(entry('changes.csv', csv, 3)), { 'changes.csv': csv });
    expect(findings(result, 'TB410')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 10,
        message:
          'the population of EV-BASE-01 lists an event more than once: CHG-1 (`evidence-index/files/changes.csv` line 2 and `evidence-index/files/changes.csv` line 4)',
      }),
    ]);
  });

  it('reports an id in two exports of adjacent quarters, and nothing when each event is listed once', () => {
    const q1 = 'id,date\nCHG-1,2026-01-05\nCHG-2,2026-03-31\n';
    const q2 = 'id,date\nCHG-2,2026-03-31\nCHG-3,2026-04-02\n';
    const twice = onDisk(perEvent(entry('q1.csv', q1, 2, '2026-Q1') + entry('q2.csv', q2, 2, '2026-Q2')), {
      'q1.csv': q1,
      'q2.csv': q2,
    });
    expect(findings(twice, 'TB410')).toEqual([expect.objectContaining({ message: expect.stringContaining('CHG-2') })]);
    expect(findings(twice, 'TB412')).toEqual([]);
    const q2once = 'id,date\nCHG-3,2026-04-02\n';
    const once = onDisk(perEvent(entry('q1.csv', q1, 2, '2026-Q1') + entry('q2.csv', q2once, 1, '2026-Q2')), {
      'q1.csv': q1,
      'q2.csv': q2once,
    });
    expect(findings(once, 'TB410')).toEqual([]);
  });
});

describe('a blank row', () => {
  const csv = 'id,date\nCHG-1,2026-01-05\n,2026-02-05\n,,\nCHG-2,2026-03-05\n';

  it('is an error naming its lines', () => {
    const result = onDisk(perEvent(entry('changes.csv', csv, 4)), { 'changes.csv': csv });
    expect(findings(result, 'TB411')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 10,
        message: expect.stringContaining('2 rows without an event id (first column): line 3, 4'),
      }),
    ]);
  });

  it('is never sampled', () => {
    const root = mkdtempSync(join(tmpdir(), 'trustbook-population-'));
    try {
      writeProgram(root, { ...perEvent(entry('changes.csv', csv, 4)), 'evidence-index/files/changes.csv': csv });
      const { model } = checkProject(root, { today: '2026-07-15' });
      expect(populationOf(model, model.evidence[0]!, WINDOW, '2026-07-15').items).toEqual(['CHG-1', 'CHG-2']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('overlapping exports', () => {
  const location = (period: string | undefined, rows: number, name: string) =>
    `  - { ${period ? `period: ${period}, ` : ''}source: Tickets, exported: 2026-07-02, rows: ${rows}, location: "https://docs.test.example/${name}.csv" }\n`;

  it('reports a quarter exported again inside a whole-window export, at the later entry', () => {
    const result = check(perEvent(location(undefined, 5, 'all') + location('2026-Q1', 2, 'q1')));
    expect(findings(result, 'TB412')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 11,
        message: expect.stringContaining('both cover 2026-01-01 to 2026-03-31 (entries 1 and 2)'),
      }),
    ]);
  });

  it('accepts exports that meet without overlapping, and reports them a day apart', () => {
    expect(findings(check(perEvent(location('2026-Q1', 2, 'q1') + location('2026-Q2', 2, 'q2'))), 'TB412')).toEqual([]);
    const oneDay = perEvent(location('{ start: 2026-01-01, end: 2026-04-01 }', 2, 'a') + location('2026-Q2', 2, 'b'));
    expect(findings(check(oneDay), 'TB412')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('both cover 2026-04-01 to 2026-04-01') }),
    ]);
  });
  it('reports the overlap once, not also each event the two exports share', () => {
    const all = 'id,date\nCHG-1,2026-01-05\nCHG-2,2026-04-02\n';
    const q1 = 'id,date\nCHG-1,2026-01-05\n';
    const result = onDisk(perEvent(entry('all.csv', all, 2) + entry('q1.csv', q1, 1, '2026-Q1')), {
      'all.csv': all,
      'q1.csv': q1,
    });
    expect(findings(result, 'TB412')).toHaveLength(1);
    expect(findings(result, 'TB410')).toEqual([]);
  });
});

describe('"no events" contradicted', () => {
  const none = (period: string) =>
    `  - { period: ${period}, source: Tickets, exported: 2026-07-02, rows: 0, note: "The change queue was empty." }\n`;
  const some =
    '  - { period: 2026-Q2, source: Tickets, exported: 2026-07-02, rows: 1, location: "https://docs.test.example/q2.csv" }\n';

  it('reports an artifact dated inside a period said to have no events, at rows', () => {
    const result = check(perEvent(none('2026-Q1') + some));
    expect(findings(result, 'TB413')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 10,
        message:
          'the population of EV-BASE-01 says no event occurred from 2026-01-01 to 2026-03-31 (`rows: 0`), but its artifacts record one: 2026-03-02',
      }),
    ]);
  });

  it('accepts an artifact dated the day after the empty period', () => {
    const files = perEvent(
      none('2026-Q1') + some,
      '  - { collected: 2026-04-01, location: "https://docs.test.example/chg.pdf" }\n',
    );
    expect(findings(check(files), 'TB413')).toEqual([]);
  });

  it('reports a deviation disclosed for a named event in a period said to have none', () => {
    const files = edit(
      perEvent(
        none('2026-Q1') + some,
        '  - { collected: 2026-04-01, location: "https://docs.test.example/chg.pdf" }\n',
      ),
      EVIDENCE,
      'population:',
      'exceptions:\n  - { period: 2026-02, sample: CHG-3, description: "Deployed without approval.", disclosed: 2026-03-01, response: "Approval made blocking." }\npopulation:',
    );
    expect(findings(check(files), 'TB413')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('CHG-3 (an exception)') }),
    ]);
  });

  it('reports a sampled event when every population says there was none', () => {
    const files = perEvent(
      none('{ start: 2026-01-01, end: 2026-06-30 }'),
      '  - { collected: 2026-07-05, sample: CHG-7, location: "https://docs.test.example/chg.pdf" }\n',
    );
    expect(findings(check(files), 'TB413')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('CHG-7 (2026-07-05)') }),
    ]);
  });
});

describe('months a dated export leaves empty', () => {
  const rows = (months: Record<string, number>) =>
    Object.entries(months)
      .flatMap(([month, count]) =>
        Array.from({ length: count }, (_, i) => `CHG-${month}-${i + 1},${month}-${String(i + 1).padStart(2, '0')}`),
      )
      .join('\n');

  it('asks about a quiet month in a busy export, at date_column', () => {
    const csv = `id,date\n${rows({ '2026-01': 4, '2026-02': 5, '2026-04': 3, '2026-05': 4, '2026-06': 4 })}\n`;
    const result = onDisk(perEvent(entry('changes.csv', csv, 20, undefined, ', date_column: date')), {
      'changes.csv': csv,
    });
    expect(findings(result, 'TB414')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 10,
        message: expect.stringContaining('lists no event in 2026-03, while its other months average 4.0 events'),
      }),
    ]);
    expect(result.summary.errors).toBe(0);
  });

  it('does not ask when the export is quiet throughout, a few events a year', () => {
    const csv = `id,date\n${rows({ '2026-01': 1, '2026-04': 2 })}\n`;
    const result = onDisk(perEvent(entry('changes.csv', csv, 3, undefined, ', date_column: date')), {
      'changes.csv': csv,
    });
    expect(findings(result, 'TB414')).toEqual([]);
  });
});
