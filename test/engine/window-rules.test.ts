/**
 * Throughout the period: coverage judged on every day of the Type II window (TB314, TB315), operating
 * effectiveness weighed against the sample (TB609, TB610), exceptions that concern something real (TB611,
 * TB612), and required policies in force from the window's first day (TB316). validProgram(): window
 * 2026-01-01..2026-06-30, evaluated 2026-07-15, one quarterly control BASE-01 for every security criterion.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaOf } from '../../src/catalog/index.ts';
import { checkProject } from '../../src/engine/index.ts';
import { computeCoverage, coverageByMonth, criterionState } from '../../src/engine/coverage.ts';
import { tolerableDeviations } from '../../src/engine/effectiveness.ts';
import { uncovered, union } from '../../src/engine/spans.ts';
import { check, edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const POLICY = 'policies/incident-response.mdx';
const SECURITY = criteriaOf('security').length;

const withControlDates = (dates: string, files: Files = validProgram()) =>
  edit(files, CONTROL, 'frequency: quarterly', `frequency: quarterly\n${dates}`);

/** A second control for every security criterion, with its own quarterly evidence. */
const secondControl = (dates: string, files: Files = validProgram()): Files => ({
  ...files,
  'content/controls/BASE-02.mdx': files[CONTROL]!.replace('id: BASE-01', 'id: BASE-02').replace(
    'frequency: quarterly',
    `frequency: quarterly\n${dates}`,
  ),
  'evidence-index/EV-BASE-02.mdx': files[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-BASE-02').replace(
    'controls: [BASE-01]',
    'controls: [BASE-02]',
  ),
});

const exception = (period: string, disclosed = '2026-07-05', extra = '') =>
  `  - { period: ${period}, description: "The review did not run.", disclosed: ${disclosed}, response: "Run it now.", remediated: 2026-07-10${extra} }\n`;

const withExceptions = (entries: string, files: Files = validProgram()) =>
  edit(files, EVIDENCE, '---\n\nExported', `exceptions:\n${entries}---\n\nExported`);

const messages = (files: Files, code: string, asOf?: string) =>
  findings(check(files, asOf ? { asOf } : {}), code).map((d) => d.message);

describe('spans of days', () => {
  it('merge touching stretches and leave the days between others uncovered', () => {
    expect(
      union([
        { start: '2026-03-01', end: '2026-03-31' },
        { start: '2026-01-01', end: '2026-02-28' },
      ]),
    ).toEqual([{ start: '2026-01-01', end: '2026-03-31' }]);
    expect(
      uncovered({ start: '2026-01-01', end: '2026-06-30' }, [
        { start: '2025-06-01', end: '2026-01-31' },
        { start: '2026-03-01', end: '2026-03-01' },
        { start: '2026-06-30', end: '2027-01-01' },
      ]),
    ).toEqual([
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-02', end: '2026-06-29' },
    ]);
  });
});

describe('coverage across the window', () => {
  it('reports the criteria uncovered before their only control was implemented as one finding, naming them all', () => {
    const found = findings(check(withControlDates('implemented: 2026-04-01')), 'TB314');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'content/program.yaml', line: 8 });
    const ids = criteriaOf('security').map((c) => c.id);
    expect(found[0]!.message).toBe(
      `${SECURITY} criteria (${ids.join(', ')}) had no control in operation from 2026-01-01 to 2026-03-31; the report speaks for every day of the audit window`,
    );
  });

  it('reports a criterion left uncovered on other days than the rest on its own', () => {
    const files = withControlDates('implemented: 2026-04-01', secondControl('implemented: 2026-02-01'));
    const only = edit(files, 'content/controls/BASE-02.mdx', /criteria: \[.*\]/, 'criteria: [CC6.1]');
    const messages = findings(check(only), 'TB314').map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages).toContainEqual(
      expect.stringMatching(/^CC6\.1 \(.*\) had no control in operation from 2026-01-01 to 2026-01-31;/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^32 criteria \(.*\) had no control in operation from 2026-01-01 to 2026-03-31;/),
    );
  });

  it('holds the edges: implemented on the first day covers it, a day later leaves that day uncovered', () => {
    expect(messages(withControlDates('implemented: 2026-01-01'), 'TB314')).toEqual([]);
    expect(messages(withControlDates('implemented: 2026-01-02'), 'TB314')[0]).toMatch(
      /had no control in operation on 2026-01-01;/,
    );
    expect(messages(withControlDates('implemented: 2025-12-31'), 'TB314')).toEqual([]);
  });

  it('counts a control retired on the last day of the window, or after it, as covering it', () => {
    expect(messages(withControlDates('retired: 2026-06-30'), 'TB314')).toEqual([]);
    // Retired after the window ended but before the evaluation date: it covered every day of the window.
    const afterEnd = check(withControlDates('retired: 2026-07-01'));
    expect(findings(afterEnd, 'TB314')).toEqual([]);
    expect(findings(afterEnd, 'TB301')).toEqual([]);
    expect(messages(withControlDates('retired: 2026-06-29'), 'TB314')[0]).toMatch(/on 2026-06-30;/);
  });

  it('lets one control take over from another without a gap, and finds the day between them', () => {
    const handOver = (from: string) => withControlDates('retired: 2026-03-31', secondControl(`implemented: ${from}`));
    expect(messages(handOver('2026-04-01'), 'TB314')).toEqual([]);
    expect(messages(handOver('2026-04-02'), 'TB314')[0]).toMatch(/on 2026-04-01;/);
  });

  it('judges a running window only up to the evaluation date', () => {
    const files = withControlDates('implemented: 2026-02-01');
    expect(messages(files, 'TB314', '2026-03-15')[0]).toMatch(/from 2026-01-01 to 2026-01-31;/);
    const result = check(files, { asOf: '2026-03-15' });
    const entry = computeCoverage(result.model, '2026-03-15')[0]!.criteria[0]!;
    expect(coverageByMonth(result.model, '2026-03-15', entry).map((month) => [month.month, month.state])).toEqual([
      ['2026-01', 'not met'],
      ['2026-02', 'met'],
      ['2026-03', 'met'],
      ['2026-04', 'not yet'],
      ['2026-05', 'not yet'],
      ['2026-06', 'not yet'],
    ]);
  });

  it('shows a month half covered as partly met, and the criterion as partly met', () => {
    const result = check(withControlDates('implemented: 2026-04-15'));
    const entry = result.facts.coverage()[0]!.criteria[0]!;
    expect(criterionState(entry)).toBe('partly met');
    expect(coverageByMonth(result.model, '2026-07-15', entry).map((month) => month.state)).toEqual([
      'not met',
      'not met',
      'not met',
      'partly met',
      'met',
      'met',
    ]);
    expect(result.summary.coverage[0]).toMatchObject({ covered: 0, total: SECURITY });
  });

  it('judges a Type I audit, and a window not yet open, on the evaluation date alone', () => {
    const files = withControlDates('implemented: 2026-04-01');
    expect(messages(files, 'TB314', '2025-12-20')).toEqual([]);
    const typeOne = edit(
      files,
      'content/program.yaml',
      'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
      'type: I\n  date: 2026-06-30',
    );
    expect(messages(typeOne, 'TB314')).toEqual([]);
  });
});

describe('operating effectiveness', () => {
  it('tolerates a quarter of a deviation in the expected sample, in integers', () => {
    expect(tolerableDeviations(1, 1)).toBe(0);
    expect(tolerableDeviations(4, 2)).toBe(0);
    expect(tolerableDeviations(12, 3)).toBe(1);
    expect(tolerableDeviations(11, 3)).toBe(0);
    expect(tolerableDeviations(52, 10)).toBe(1);
    expect(tolerableDeviations(365, 25)).toBe(3);
    expect(tolerableDeviations(0, 0)).toBe(0);
  });

  it('finds a quarterly control with one disclosed exception ineffective, and its criteria not met where no other control operated', () => {
    const files = withExceptions(exception('2026-Q1'));
    const result = check(files);
    expect(findings(result, 'TB606')).toHaveLength(1);
    expect(findings(result, 'TB609')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: CONTROL,
        line: 8,
        message: expect.stringMatching(/deviated in 1 of 2 occurrences.*a sample of 2 tolerates none/),
      }),
    ]);
    const unmet = findings(result, 'TB315');
    expect(unmet).toHaveLength(1);
    expect(unmet[0]!.message).toMatch(
      /^33 criteria \(.*\) were not met from 2026-01-01 to 2026-06-30: BASE-01 did not operate effectively/,
    );
    expect(criterionState(result.facts.coverage()[0]!.criteria[0]!)).toBe('not met');
    expect(result.facts.controlStatus(result.model.controls[0]!)).toBe('exception');
  });

  it('keeps the criteria met when another control addressing them operated effectively', () => {
    const result = check(withExceptions(exception('2026-Q1'), secondControl('implemented: 2025-06-01')));
    expect(findings(result, 'TB609')).toHaveLength(1);
    expect(findings(result, 'TB315')).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  it('keeps one exception in a year of monthly occurrences a warning, and two not', () => {
    const months = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].map((month) =>
      month <= 12 ? `2025-${String(month).padStart(2, '0')}` : `2026-0${month - 12}`,
    );
    const year = edit(
      edit(
        edit(
          edit(validProgram(), 'content/program.yaml', 'start: 2026-01-01', 'start: 2025-07-01'),
          'content/assertion.mdx',
          'start: 2026-01-01',
          'start: 2025-07-01',
        ),
        CONTROL,
        'frequency: quarterly',
        'frequency: monthly',
      ),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: monthly\nartifacts:\n${months
        .map(
          (month) =>
            `  - { collected: ${month}-20, period: ${month}, location: "https://docs.test.example/${month}.pdf" }\n`,
        )
        .join('')}`,
    );
    const one = check(withExceptions(exception('2025-09'), year));
    expect(findings(one, 'TB609')).toEqual([]);
    expect(one.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const two = check(withExceptions(exception('2025-09') + exception('2026-02'), year));
    expect(findings(two, 'TB609')[0]!.message).toMatch(
      /deviated in 2 of 12 occurrences of the window; a sample of 3 tolerates at most 1,/,
    );
  });

  it('reports a control whose every occurrence is a disclosed exception as never run', () => {
    const files = edit(
      withExceptions(exception('2026-Q1') + exception('2026-Q2')),
      EVIDENCE,
      /artifacts:\n(.*\n){2}/,
      'artifacts: []\n',
    );
    const result = check(files);
    expect(findings(result, 'TB610')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 8,
        message: expect.stringMatching(
          /every occurrence of EV-BASE-01 due in the window \(2 quarterly periods\).*never ran/,
        ),
      }),
    ]);
    expect(findings(result, 'TB609')).toEqual([]);
    expect(result.facts.controlStatus(result.model.controls[0]!)).toBe('failing');
  });

  it('does not call a control that ran in some periods never run', () => {
    const result = check(withExceptions(exception('2026-Q1') + exception('2026-Q2')));
    expect(findings(result, 'TB610')).toEqual([]);
    expect(findings(result, 'TB609')).toHaveLength(1);
  });
});

describe('exceptions that concern something real', () => {
  it('reports an exception disclosed, or remediated, before its period began, and allows the first day', () => {
    expect(messages(withExceptions(exception('2026-Q2', '2026-03-31')), 'TB611')).toEqual([
      'exception for 2026-Q2 was disclosed 2026-03-31, before the period began on 2026-04-01',
    ]);
    expect(messages(withExceptions(exception('2026-Q2', '2026-04-01')), 'TB611')).toEqual([]);
    const remediatedEarly = exception('2026-Q2', '2026-07-05').replace(
      'remediated: 2026-07-10',
      'remediated: 2026-03-01',
    );
    expect(findings(check(withExceptions(remediatedEarly)), 'TB611')).toEqual([
      expect.objectContaining({ line: 11, message: expect.stringContaining('was remediated 2026-03-01') }),
    ]);
  });

  it('reports a per-event exception naming an event the population export does not list', () => {
    const csv = 'id,date\nCHG-1,2026-02-01\nCHG-2,2026-03-05\n';
    const sha = createHash('sha256').update(csv).digest('hex');
    const program = (event: string) =>
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        `frequency: per-event\nartifacts:\n  - { collected: 2026-03-06, sample: CHG-1, location: "https://docs.test.example/chg.pdf" }\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, file: files/changes.csv, sha256: ${sha} }\nexceptions:\n  - { period: 2026-03, sample: ${event}, description: "Merged without review.", disclosed: 2026-04-02, response: "Review made blocking." }\n`,
      );
    const run = (files: Files) => {
      const root = mkdtempSync(join(tmpdir(), 'trustbook-exception-event-'));
      try {
        writeProgram(root, { ...files, 'evidence-index/files/changes.csv': csv });
        return checkProject(root, { today: '2026-07-15' });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };
    expect(findings(run(program('CHG-9')), 'TB612')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 12,
        message: 'exception names event CHG-9, which the population of EV-BASE-01 does not list',
      }),
    ]);
    expect(findings(run(program('CHG-2')), 'TB612')).toEqual([]);
  });
});

describe('required policies across the window', () => {
  const firstVersion = (effective: string, since?: string) =>
    edit(
      validProgram(),
      POLICY,
      /approved: 2026-03-01\neffective: 2026-03-01\nin_force_since: 2025-01-01\n/,
      `approved: ${effective}\neffective: ${effective}\n${since ? `in_force_since: ${since}\n` : ''}`,
    );

  it('reports a required policy whose first version took effect inside the window', () => {
    expect(findings(check(firstVersion('2026-03-01')), 'TB316')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: POLICY,
        line: 8,
        subject: { kind: 'policy', id: 'incident-response' },
        message:
          'the incident response policy has been in force only since 2026-03-01, after the period began on 2026-01-01',
      }),
    ]);
  });

  it('accepts a re-approval inside the window of a policy in force since the first day, and no later', () => {
    expect(findings(check(firstVersion('2026-03-01', '2026-01-01')), 'TB316')).toEqual([]);
    expect(findings(check(firstVersion('2026-01-01')), 'TB316')).toEqual([]);
    expect(findings(check(firstVersion('2026-03-01', '2026-01-02')), 'TB316')).toEqual([
      expect.objectContaining({ line: 9 }),
    ]);
  });

  it('asks nothing of the window before it opens', () => {
    expect(findings(check(firstVersion('2025-12-01'), { asOf: '2025-12-20' }), 'TB316')).toEqual([]);
  });
});

describe('training across the window', () => {
  const trained = (dates: string) =>
    edit(validProgram(), 'content/people.yaml', 'trainings: [2025-02-01, 2026-02-01]', `trainings: [${dates}]`);

  it('reports the days a person went untrained in the window even when a later training closed the lapse', () => {
    expect(findings(check(trained('2024-11-01, 2026-02-15')), 'TB526')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'content/people.yaml',
        line: 5,
        subject: { kind: 'person', id: 'ada' },
        message:
          'ada went without current security training from 2026-01-01 to 2026-02-14, while employed in the audit window',
      }),
    ]);
  });

  it('holds the edge: a training a year to the day after the last one leaves no lapse, a day later leaves one', () => {
    expect(findings(check(trained('2025-01-10, 2026-01-10')), 'TB526')).toEqual([]);
    expect(findings(check(trained('2025-01-10, 2026-01-11')), 'TB526')[0]!.message).toMatch(/ on 2026-01-10,/);
  });

  it('leaves a lapse still open on the evaluation date to TB507', () => {
    const result = check(trained('2025-03-01'));
    expect(findings(result, 'TB526')).toEqual([]);
    expect(findings(result, 'TB507')).toHaveLength(1);
  });
});
