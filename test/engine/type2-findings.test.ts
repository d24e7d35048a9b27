/**
 * What the Type II rule tells the user: each finding's message with its concrete values, its hint, and the line
 * it points at, so a word or a date left out of a message fails here. Artifacts and exceptions are written in
 * block style where the finding must point at one key of several (an inline map puts every key on one line).
 * Also the Type I evidence rule (TB608) at its boundaries: the report date, and evidence collected on it.
 */
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/engine/index.ts';
import { check, edit, findings, validProgram, without, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

const Q1 = '  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n';

/** The test program with its Q1 artifact replaced (line 8 onwards; the Q2 artifact follows it). */
const withQ1 = (artifact: string): Files => edit(validProgram(), EVIDENCE, Q1, artifact);

/** The test program with exceptions appended to its series, after the two artifacts (line 10 onwards). */
const withExceptions = (exceptions: string): Files =>
  edit(validProgram(), EVIDENCE, '---\n\nExported', `exceptions:\n${exceptions}---\n\nExported`);

/** One exception in block style: description on line 11, period on line 12. */
const exception = (period: string, disclosed: string, remediated?: string) =>
  `  - description: "The review was skipped."\n    period: ${period}\n    disclosed: ${disclosed}\n` +
  `    response: "Done late."\n${remediated ? `    remediated: ${remediated}\n` : ''}`;

const typeOne = (files: Files, date = '2026-06-30'): Files =>
  edit(files, PROGRAM, /type: II\n {2}period: .*\n/, `type: I\n  date: ${date}\n`);

const run = (files: Files, code: string, options: CheckOptions = {}) => findings(check(files, options), code);

describe('TB601, a period of the window without its artifact', () => {
  it('names the period, its dates and the frequency, and says how to add or disclose it', () => {
    expect(run(edit(validProgram(), EVIDENCE, Q1, ''), 'TB601', { asOf: '2026-08-15' })).toEqual([
      {
        severity: 'error',
        code: 'TB601',
        file: EVIDENCE,
        line: 7,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q1' },
        message:
          'EV-BASE-01 has no artifact for 2026-Q1 (2026-01-01 to 2026-03-31), a quarterly period of the audit window',
        hint: expect.stringMatching(/`period: 2026-Q1`.*`exceptions:`/),
      },
    ]);
  });

  it('asks an annual series for an artifact performed inside the window, naming the window', () => {
    let files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: annual');
    files = edit(files, EVIDENCE, 'frequency: quarterly', 'frequency: annual');
    files = edit(
      files,
      EVIDENCE,
      /artifacts:\n(.*\n){2}/,
      'artifacts:\n  - { collected: 2025-11-01, location: "https://x.example/a" }\n',
    );
    expect(run(files, 'TB601', { asOf: '2026-08-15' })).toEqual([
      expect.objectContaining({
        line: 7,
        message:
          'EV-BASE-01 has no artifact performed inside the audit window 2026-01-01 to 2026-06-30 for a period of it',
        hint: expect.stringMatching(/this year’s occurrence.*`exceptions:`/),
      }),
    ]);
  });
});

describe('TB605, an occurrence performed after its grace days', () => {
  const late = (dates: string) =>
    withQ1(`  - location: "https://docs.test.example/q1.pdf"\n    period: 2026-Q1\n${dates}`);

  it('points at `performed` and names the day, the deadline and the grace days', () => {
    const files = late('    collected: 2026-06-20\n    performed: 2026-06-19\n');
    expect(run(files, 'TB605')).toEqual([
      {
        severity: 'error',
        code: 'TB605',
        file: EVIDENCE,
        line: 11,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q1' },
        message:
          "the 2026-Q1 occurrence of EV-BASE-01 was performed 2026-06-19, after 2026-04-30 (30 days past the period's end)",
        hint: expect.stringMatching(/disclose it under `exceptions:`.*record the day it was done as `performed:`/),
      },
    ]);
  });

  it('points at `collected` when the artifact records no `performed`', () => {
    const files = late('    collected: 2026-05-01\n');
    expect(run(files, 'TB605')).toEqual([
      expect.objectContaining({
        line: 10,
        message: expect.stringContaining('was performed 2026-05-01, after 2026-04-30'),
      }),
    ]);
  });

  it('counts the grace days of the frequency: a monthly occurrence is late after 10 days', () => {
    let files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly');
    const months = ['01', '02', '03', '04', '05', '06']
      .map(
        (m) =>
          `  - { collected: ${m === '03' ? '2026-04-11' : `2026-${m}-28`}, period: 2026-${m}, location: "https://x.example/${m}" }\n`,
      )
      .join('');
    files = edit(
      files,
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: monthly\nartifacts:\n${months}`,
    );
    expect(run(files, 'TB605').map((d) => d.message)).toEqual([
      "the 2026-03 occurrence of EV-BASE-01 was performed 2026-04-11, after 2026-04-10 (10 days past the period's end)",
    ]);
  });
});

describe('TB604, one artifact claiming several periods', () => {
  it('names how many periods it claims, points at its `period`, and says one artifact per period', () => {
    const files = withQ1(
      '  - location: "https://docs.test.example/h1.pdf"\n    collected: 2026-07-02\n    period: { start: 2026-01-01, end: 2026-06-30 }\n',
    );
    expect(run(files, 'TB604')).toEqual([
      {
        severity: 'warning',
        code: 'TB604',
        file: EVIDENCE,
        line: 10,
        subject: { kind: 'evidence', id: 'EV-BASE-01' },
        message: 'one artifact claims 2 quarterly periods; it evidences one occurrence, not 2',
        hint: expect.stringMatching(/A quarterly control needs the record of each occurrence.*`frequency`/),
      },
    ]);
  });

  it('says nothing of an artifact that claims one period, or a range inside one period', () => {
    expect(run(validProgram(), 'TB604')).toEqual([]);
    const files = withQ1(
      '  - { collected: 2026-04-05, period: { start: 2026-01-01, end: 2026-03-31 }, location: "https://x.example/q1" }\n',
    );
    expect(run(files, 'TB604')).toEqual([]);
  });
});

describe('TB606 and TB607, disclosed exceptions', () => {
  it('reports a disclosed exception with its date, period, description and remediation', () => {
    const files = withExceptions(exception('2026-Q1', '2026-04-20', '2026-04-21'));
    expect(run(files, 'TB606')).toEqual([
      {
        severity: 'warning',
        code: 'TB606',
        file: EVIDENCE,
        line: 11,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q1' },
        message: 'exception disclosed 2026-04-20 for 2026-Q1: The review was skipped. (remediated 2026-04-21)',
        hint: expect.stringMatching(/management’s response.*`remediated:`/),
      },
    ]);
  });

  it('says an exception disclosed on or before the evaluation date is not yet remediated, and not one disclosed later', () => {
    const message = (disclosed: string) =>
      run(withExceptions(exception('2026-Q2', disclosed)), 'TB606', { asOf: '2026-07-15' }).map((d) => d.message);
    expect(message('2026-07-14')).toEqual([
      'exception disclosed 2026-07-14 for 2026-Q2: The review was skipped. (not yet remediated)',
    ]);
    expect(message('2026-07-15')).toEqual([
      'exception disclosed 2026-07-15 for 2026-Q2: The review was skipped. (not yet remediated)',
    ]);
    expect(message('2026-07-16')).toEqual(['exception disclosed 2026-07-16 for 2026-Q2: The review was skipped.']);
  });

  it('refuses an exception before the window, pointing at its period and naming the window', () => {
    expect(run(withExceptions(exception('2025-Q4', '2026-01-20')), 'TB607')).toEqual([
      {
        severity: 'error',
        code: 'TB607',
        file: EVIDENCE,
        line: 12,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2025-Q4' },
        message: 'exception for 2025-Q4 lies outside the audit window 2026-01-01 to 2026-06-30',
        hint: expect.stringContaining('correct its `period`'),
      },
    ]);
  });

  it('refuses an exception after the window', () => {
    const result = check(withExceptions(exception('2026-Q3', '2026-07-10')));
    expect(findings(result, 'TB607').map((d) => d.subject)).toEqual([
      { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q3' },
    ]);
    expect(findings(result, 'TB606')).toEqual([]);
  });

  it('refuses an exception for a week that does not exist, naming it as written', () => {
    const result = check(withExceptions(exception('2025-W53', '2026-01-20')));
    expect(findings(result, 'TB607')).toEqual([
      expect.objectContaining({
        line: 12,
        subject: { kind: 'evidence', id: 'EV-BASE-01' },
        message: 'exception for 2025-W53 lies outside the audit window 2026-01-01 to 2026-06-30',
      }),
    ]);
    expect(findings(result, 'TB606')).toEqual([]);
  });

  it('takes an exception touching the window by one day as inside it, and one ending the day before as outside', () => {
    const codes = (period: string) =>
      check(withExceptions(exception(period, '2026-07-10'))).diagnostics.flatMap((d) =>
        d.code === 'TB606' || d.code === 'TB607' ? [d.code] : [],
      );
    expect(codes('{ start: 2025-12-01, end: 2025-12-31 }')).toEqual(['TB607']);
    expect(codes('{ start: 2025-12-01, end: 2026-01-01 }')).toEqual(['TB606']);
    expect(codes('{ start: 2026-06-30, end: 2026-07-31 }')).toEqual(['TB606']);
    expect(codes('{ start: 2026-07-01, end: 2026-07-31 }')).toEqual(['TB607']);
  });
});

describe('TB602, TB603 and TB104, the dates of an artifact', () => {
  it('names the collection date and the evaluation date of an artifact collected in the future', () => {
    expect(run(validProgram(), 'TB602', { asOf: '2026-07-02' })).toEqual([
      {
        severity: 'error',
        code: 'TB602',
        file: EVIDENCE,
        line: 9,
        subject: { kind: 'evidence', id: 'EV-BASE-01', artifact: 1 },
        message: 'artifact collected 2026-07-03, after the evaluation date 2026-07-02',
        hint: expect.stringMatching(/correct `collected`.*`as_of`/),
      },
    ]);
  });

  it('points a future artifact at its `collected` key', () => {
    const files = withQ1('  - location: "https://x.example/q1"\n    period: 2026-Q1\n    collected: 2026-07-20\n');
    expect(run(files, 'TB602').map((d) => [d.line, d.message])).toEqual([
      [10, 'artifact collected 2026-07-20, after the evaluation date 2026-07-15'],
    ]);
  });

  it('still checks the artifacts of a program whose program.yaml is missing', () => {
    const result = check(without(validProgram(), PROGRAM), { asOf: '2026-07-02' });
    expect(findings(result, 'TB005')).toHaveLength(1);
    expect(findings(result, 'TB602').map((d) => d.message)).toEqual([
      'artifact collected 2026-07-03, after the evaluation date 2026-07-02',
    ]);
  });

  it('refuses a week that does not exist once, whatever else is wrong with the artifact', () => {
    const files = withQ1(
      '  - location: "https://x.example/w"\n    period: 2025-W53\n    collected: 2026-01-02\n    performed: 2026-01-05\n',
    );
    const result = check(files);
    expect(findings(result, 'TB104')).toEqual([
      {
        severity: 'error',
        code: 'TB104',
        file: EVIDENCE,
        line: 9,
        subject: { kind: 'evidence', id: 'EV-BASE-01', artifact: 0 },
        message: 'period `2025-W53` does not exist (that year has fewer ISO weeks)',
        hint: expect.stringContaining('`{ start, end }`'),
      },
    ]);
    expect(findings(result, 'TB603')).toEqual([]);
  });

  it('raises no date finding for an artifact without a period, performed before it was collected', () => {
    const result = check(
      withQ1('  - { collected: 2026-03-31, performed: 2026-03-20, location: "https://x.example/q1" }\n'),
    );
    for (const code of ['TB104', 'TB602', 'TB603', 'TB604', 'TB605', 'TB601'])
      expect(findings(result, code)).toEqual([]);
  });

  const dated = (dates: string, period = '2026-Q2') =>
    withQ1(`  - location: "https://x.example/q"\n    period: ${period}\n${dates}`);

  it('points at `collected` and names both days when the evidence was collected before the control was performed', () => {
    expect(run(dated('    collected: 2026-04-02\n    performed: 2026-04-03\n'), 'TB603')).toEqual([
      {
        severity: 'error',
        code: 'TB603',
        file: EVIDENCE,
        line: 10,
        subject: { kind: 'evidence', id: 'EV-BASE-01', artifact: 0 },
        message: 'artifact collected 2026-04-02, before the control was performed (2026-04-03)',
        hint: expect.stringContaining('correct `period` to the period it really covers'),
      },
    ]);
  });

  it('points at `performed` when the control was performed before the period it claims began', () => {
    expect(run(dated('    collected: 2026-04-02\n    performed: 2026-03-31\n'), 'TB603')).toEqual([
      expect.objectContaining({
        line: 11,
        message: 'artifact dated 2026-03-31 claims 2026-Q2, which only began 2026-04-01',
      }),
    ]);
  });

  it('takes an artifact collected the day it was performed as collected in order, judging only its period', () => {
    expect(run(dated('    collected: 2026-03-31\n    performed: 2026-03-31\n'), 'TB603')).toEqual([
      expect.objectContaining({
        line: 11,
        message: 'artifact dated 2026-03-31 claims 2026-Q2, which only began 2026-04-01',
      }),
    ]);
    expect(run(dated('    collected: 2026-04-01\n    performed: 2026-04-01\n'), 'TB603')).toEqual([]);
  });

  it('points at `collected` when the artifact records no `performed`', () => {
    expect(run(dated('    collected: 2026-03-31\n'), 'TB603')).toEqual([
      expect.objectContaining({
        line: 10,
        message: 'artifact dated 2026-03-31 claims 2026-Q2, which only began 2026-04-01',
      }),
    ]);
  });

  describe('a per-event series', () => {
    const perEvent = (artifact: string): Files => {
      let files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event');
      files = edit(
        files,
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        `frequency: per-event\nartifacts:\n${artifact}`,
      );
      return files;
    };

    it('judges an artifact by the period it claims', () => {
      const files = perEvent('  - { collected: 2026-03-30, period: 2026-Q2, location: "https://x.example/e" }\n');
      expect(run(files, 'TB603').map((d) => d.message)).toEqual([
        'artifact dated 2026-03-30 claims 2026-Q2, which only began 2026-04-01',
      ]);
    });

    it('has no period to judge an artifact without one by', () => {
      const result = check(perEvent('  - { collected: 2026-03-30, location: "https://x.example/e" }\n'));
      for (const code of ['TB104', 'TB603', 'TB604', 'TB601']) expect(findings(result, code)).toEqual([]);
    });
  });
});

describe('TB608, Type I evidence that existed on the report date', () => {
  /** The Q1 artifact collected on the day given; the Q2 one stays collected on 2026-07-03. */
  const collectedOn = (q1: string) =>
    edit(validProgram(), EVIDENCE, 'collected: 2026-04-05, period: 2026-Q1', `collected: ${q1}, period: 2026-Q1`);

  it('refuses a series whose every artifact was collected after the report date, naming the date', () => {
    expect(run(typeOne(collectedOn('2026-07-01')), 'TB608')).toEqual([
      {
        severity: 'error',
        code: 'TB608',
        file: EVIDENCE,
        line: 7,
        subject: { kind: 'evidence', id: 'EV-BASE-01' },
        message: 'every artifact of EV-BASE-01 was collected after the Type I report date 2026-06-30',
        hint: expect.stringContaining('add the evidence that existed then, or move the report date'),
      },
    ]);
  });

  it('accepts evidence collected on the report date itself', () => {
    expect(run(typeOne(collectedOn('2026-06-30')), 'TB608')).toEqual([]);
    expect(run(typeOne(validProgram()), 'TB608')).toEqual([]);
  });

  it('applies from the report date on: not the day before, already on the day', () => {
    const files = typeOne(collectedOn('2026-07-01'), '2026-06-30');
    expect(run(files, 'TB608', { asOf: '2026-06-29' })).toEqual([]);
    expect(run(files, 'TB608', { asOf: '2026-06-30' })).toHaveLength(1);
    expect(run(files, 'TB608', { asOf: '2026-07-01' })).toHaveLength(1);
  });

  it('leaves a series without artifacts, and one of a planned control, to other rules', () => {
    const empty = edit(typeOne(validProgram()), EVIDENCE, /artifacts:\n(.*\n){2}/, 'artifacts: []\n');
    expect(run(empty, 'TB608')).toEqual([]);
    const planned = edit(
      typeOne(collectedOn('2026-07-01')),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(run(planned, 'TB608')).toEqual([]);
  });

  it('never applies to a Type II audit, even one that also states a date', () => {
    const files = edit(
      collectedOn('2026-07-01'),
      PROGRAM,
      'auditor: Test CPA',
      'auditor: Test CPA\n  date: 2026-06-30',
    );
    expect(run(files, 'TB608')).toEqual([]);
  });
});
