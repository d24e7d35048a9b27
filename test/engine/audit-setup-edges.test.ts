/**
 * The audit's own setup at its date edges, the rule called on a model built from memory: a Type II window of
 * exactly 3 and 12 months and a day less or more (fast-check over any start, month ends and leap days included);
 * readiness mode after the audit began; the assertion owed from the day after the window ends (Type II) or on the
 * report date (Type I), and speaking for the audit's own period, dated no earlier than its end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { auditSetupRule } from '../../src/engine/rules/audit-setup.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';
const ASSERTION = 'content/assertion.mdx';

const typeII = (start: string, end: string) => `type: II\n  period: { start: ${start}, end: ${end} }`;
const typeI = (date: string) => `type: I\n  date: ${date}`;

/** The assertion with the fields given (its line 2 on: `date` on 2, then the others, one a line). */
const assertion = (fields: string) =>
  `---\n${fields}\ntitle: Management's assertion\nsigned_by: ceo\n---\n\nAsserted.\n`;

function run(files: Record<string, string>, asOf: string, readiness = false): Diagnostic[] {
  return auditSetupRule(smallModel(files, [ASSERTION]), ruleContext(asOf, { readiness }));
}

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const day = fc
  .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('a Type II window', () => {
  /** The window findings alone (the assertion is written for the window, so it adds none). */
  const window = (start: string, end: string) =>
    run(
      {
        [PROGRAM]: programYaml('', typeII(start, end)),
        [ASSERTION]: assertion(`date: ${end}\nperiod: { start: ${start}, end: ${end} }`),
      },
      addDays(end, 1),
    );

  it('of 3 to 12 months is accepted, and a day shorter or longer is not, from any start', () => {
    fc.assert(
      fc.property(day, (start) => {
        const shortest = addDays(addMonths(start, 3), -1);
        const longest = addDays(addMonths(start, 12), -1);
        expect(window(start, shortest)).toEqual([]);
        expect(window(start, longest)).toEqual([]);
        expect(window(start, addDays(shortest, -1)).map((d) => d.message)).toEqual([
          `the Type II window ${start} to ${addDays(shortest, -1)} is shorter than 3 months`,
        ]);
        expect(window(start, addDays(longest, 1)).map((d) => d.message)).toEqual([
          `the Type II window ${start} to ${addDays(longest, 1)} is longer than 12 months`,
        ]);
      }),
      { numRuns: 30 },
    );
  });

  it('is reported at its period line, for the audit, with the range the hint gives', () => {
    expect(window('2026-01-01', '2027-01-01')).toEqual([
      {
        code: 'TB807',
        severity: 'error',
        file: PROGRAM,
        line: 8,
        subject: { kind: 'program', id: 'audit' },
        message: 'the Type II window 2026-01-01 to 2027-01-01 is longer than 12 months',
        hint: 'A SOC 2 Type II report covers a window of 3 to 12 months: set `audit.period` to the window agreed with the audit firm (for a point in time, use `type: I` with `date:`).',
      },
    ]);
  });
});

describe('readiness mode', () => {
  const ready = (audit: string) => ({ [PROGRAM]: programYaml('readiness: true\n', audit) });

  it('is reported once the audit began, at its line, naming the window’s start or the report date', () => {
    expect(described(run(ready(typeII('2026-01-01', '2026-06-30')), '2026-03-01'))).toEqual([
      'TB801 warning content/program.yaml:10 program/readiness: readiness mode no longer applies: the audit window opened 2026-01-01, so missing and stale evidence are errors',
    ]);
    expect(run(ready(typeI('2026-06-30')), '2026-06-29').map((d) => d.message)).toEqual([
      'readiness mode no longer applies: the report date 2026-06-30 has passed, so missing and stale evidence are errors',
    ]);
  });

  it('is not reported while it applies, nor when it is not set', () => {
    expect(run(ready(typeII('2026-01-01', '2026-06-30')), '2025-12-31', true)).toEqual([]);
    expect(run({ [PROGRAM]: programYaml('', typeII('2026-01-01', '2026-06-30')) }, '2026-03-01')).toEqual([]);
  });
});

describe('the assertion', () => {
  it('is owed from the day after a Type II window ends, and not on its last day', () => {
    const files = { [PROGRAM]: programYaml('', typeII('2026-01-01', '2026-06-30')) };
    expect(run(files, '2026-06-30')).toEqual([]);
    expect(described(run(files, '2026-07-01'))).toEqual([
      "TB306 error content/assertion.mdx:undefined assertion/assertion: management's assertion is missing, and the audit window ended 2026-06-30",
    ]);
  });

  it('is owed on a Type I report date, and not the day before', () => {
    const files = { [PROGRAM]: programYaml('', typeI('2026-06-30')) };
    expect(run(files, '2026-06-29')).toEqual([]);
    expect(run(files, '2026-06-30').map((d) => d.message)).toEqual([
      "management's assertion is missing, and the report date was 2026-06-30",
    ]);
  });

  it('is not reported missing when its file failed its schema', () => {
    const files = {
      [PROGRAM]: programYaml('', typeII('2026-01-01', '2026-06-30')),
      [ASSERTION]: assertion('date: soon'),
    };
    expect(run(files, '2026-07-15')).toEqual([]);
  });

  describe('of a Type II audit', () => {
    const program = { [PROGRAM]: programYaml('', typeII('2026-01-01', '2026-06-30')) };
    const asserted = (fields: string) => run({ ...program, [ASSERTION]: assertion(fields) }, '2026-07-15');

    it('is accepted dated the window’s last day, and reported dated the day before, at its date', () => {
      expect(asserted('date: 2026-06-30\nperiod: { start: 2026-01-01, end: 2026-06-30 }')).toEqual([]);
      expect(described(asserted('date: 2026-06-29\nperiod: { start: 2026-01-01, end: 2026-06-30 }'))).toEqual([
        'TB307 error content/assertion.mdx:2 assertion/assertion: the assertion is dated 2026-06-29, before the audit window ends (2026-06-30)',
      ]);
    });

    it('is reported at its period when the period differs at either end, and at its date when it has none', () => {
      expect(
        asserted('date: 2026-07-10\nperiod: { start: 2026-01-02, end: 2026-06-30 }').map((d) => [d.line, d.message]),
      ).toEqual([
        [3, 'the assertion speaks for 2026-01-02 to 2026-06-30, but the audit window is 2026-01-01 to 2026-06-30'],
      ]);
      expect(asserted('date: 2026-07-10\nperiod: { start: 2026-01-01, end: 2026-06-29 }').map((d) => d.line)).toEqual([
        3,
      ]);
      expect(asserted('date: 2026-07-10').map((d) => [d.line, d.message])).toEqual([
        [2, 'the assertion speaks for no period, but the audit window is 2026-01-01 to 2026-06-30'],
      ]);
    });
  });

  it('of a Type II audit is not held to a report date the program also states', () => {
    const withDate = { [PROGRAM]: programYaml('', `${typeII('2026-01-01', '2026-06-30')}\n  date: 2026-06-30`) };
    const fields = 'date: 2026-07-10\nperiod: { start: 2026-01-01, end: 2026-06-30 }';
    expect(run({ ...withDate, [ASSERTION]: assertion(fields) }, '2026-07-15')).toEqual([]);
  });

  describe('of a Type I audit', () => {
    const program = { [PROGRAM]: programYaml('', typeI('2026-06-30')) };
    const asserted = (fields: string) => run({ ...program, [ASSERTION]: assertion(fields) }, '2026-07-15');

    it('speaks for the report date: another date is reported at `as_of`, none at the date', () => {
      expect(asserted('date: 2026-07-01\nas_of: 2026-06-30')).toEqual([]);
      expect(asserted('date: 2026-07-01\nas_of: 2026-06-29').map((d) => [d.line, d.message])).toEqual([
        [3, 'the assertion speaks for 2026-06-29, but the Type I report date is 2026-06-30'],
      ]);
      expect(asserted('date: 2026-07-01').map((d) => [d.line, d.message])).toEqual([
        [2, 'the assertion speaks for no date, but the Type I report date is 2026-06-30'],
      ]);
    });

    it('is not held to a period the program also states, nor dated after it', () => {
      const withPeriod = {
        [PROGRAM]: programYaml('', `${typeI('2026-06-30')}\n  period: { start: 2026-01-01, end: 2026-12-31 }`),
      };
      expect(
        run({ ...withPeriod, [ASSERTION]: assertion('date: 2026-07-01\nas_of: 2026-06-30') }, '2026-07-15'),
      ).toEqual([]);
    });

    it('is not held to a window, whatever its date', () => {
      expect(asserted('date: 2026-01-01\nas_of: 2026-06-30\nperiod: { start: 2025-01-01, end: 2025-06-30 }')).toEqual(
        [],
      );
    });
  });
});

describe('a model without a program', () => {
  it('has nothing to judge', () => {
    const model = smallModel({});
    delete model.program;
    expect(auditSetupRule(model, ruleContext('2026-07-15'))).toEqual([]);
  });
});
