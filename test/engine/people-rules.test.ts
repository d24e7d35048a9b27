/**
 * The people rule (TB507, TB508, TB513, TB514) called on its own: hires and leavers at the edges of the window
 * and of the evaluation date, deadlines on the day and the day after, and deviations disclosed as exceptions.
 */
import { describe, expect, it } from 'vitest';
import { peopleRule, personDeviation } from '../../src/engine/rules/people.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import {
  exceptionsSeries,
  PEOPLE,
  peopleYaml,
  programYaml,
  ruleContext,
  smallModel,
} from '../helpers/small-program.ts';

/** The rule's findings for the staff records given, as of `asOf`. */
function run(staff: string[], asOf = '2026-07-15', files: Record<string, string> = {}) {
  return peopleRule(smallModel({ [PEOPLE]: peopleYaml(staff), ...files }), ruleContext(asOf));
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id}`);

describe('background checks (TB508)', () => {
  it('are required of everyone on staff, and of a new hire of the window who has since left', () => {
    const found = run([
      '{ id: ada, role: engineer, hired: 2024-01-10, trainings: [2026-02-01] }',
      '{ id: bo, role: engineer, hired: 2026-02-01, left: 2026-03-01, access_removed: 2026-03-01, trainings: [2026-02-05] }',
      '{ id: cy, role: engineer, hired: 2024-01-10, left: 2026-03-01, access_removed: 2026-03-01 }',
    ]);
    expect(codes(found)).toEqual(['TB508 ada', 'TB508 bo']);
    expect(found[0]).toEqual({
      severity: 'error',
      code: 'TB508',
      file: PEOPLE,
      line: 4,
      subject: { kind: 'person', id: 'ada' },
      message: 'ada has no background check on record',
      hint: 'Record the date the check was completed as `background_check:` on the staff record.',
    });
    expect(found[1]!.line).toBe(5);
  });

  it('are not yet required of someone who starts after the evaluation date', () => {
    expect(run(['{ id: ada, role: engineer, hired: 2026-07-16 }'])).toEqual([]);
    expect(codes(run(['{ id: ada, role: engineer, hired: 2026-07-15, trainings: [2026-07-15] }']))).toEqual([
      'TB508 ada',
    ]);
  });

  it('are required of a new hire from the window’s first day, not of one who left before it', () => {
    const leftBefore = '{ id: ada, role: engineer, hired: 2025-12-31, left: 2026-03-01, access_removed: 2026-03-01 }';
    expect(run([leftBefore])).toEqual([]);
    const hiredFirstDay =
      '{ id: ada, role: engineer, hired: 2026-01-01, left: 2026-03-01, access_removed: 2026-03-01 }';
    expect(codes(run([hiredFirstDay]))).toEqual(['TB508 ada']);
  });
});

describe('a new hire’s first training (TB507)', () => {
  const hire = (trainings: string, extra = '') =>
    `{ id: ada, role: engineer, hired: 2026-02-01, background_check: 2026-01-20, trainings: [${trainings}]${extra} }`;

  it('is on time through the thirtieth day after joining, and late the day after', () => {
    expect(run([hire('2026-03-03')])).toEqual([]);
    const late = run([hire('2026-03-04')]);
    expect(late).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'TB507',
        line: 4,
        message:
          "ada's first security training was on 2026-03-04, after it was due (2026-03-03, 30 days after joining on 2026-02-01)",
      }),
    ]);
  });

  it('is judged on the first training on or after the first day', () => {
    expect(run([hire('2026-04-01, 2026-02-10')])).toEqual([]);
    expect(codes(run([hire('2026-01-15, 2026-03-04')]))).toEqual(['TB507 ada']);
  });

  it('is missed by someone who left untrained after it was due, and not by one who left on the day it was due', () => {
    const left = (day: string) => hire('', `, left: ${day}, access_removed: ${day}`);
    expect(run([left('2026-03-03')])).toEqual([]);
    const found = run([left('2026-03-04')]);
    expect(found).toEqual([
      expect.objectContaining({
        code: 'TB507',
        message: 'ada left on 2026-03-04 without the security training due 2026-03-03',
      }),
    ]);
  });

  it('is missed by someone who left untrained on the evaluation date itself', () => {
    expect(codes(run([hire('', ', left: 2026-03-10, access_removed: 2026-03-10')], '2026-03-10'))).toEqual([
      'TB507 ada',
    ]);
  });

  it('is not missed by someone still on staff, nor by one leaving after the evaluation date', () => {
    expect(run([hire('')], '2026-03-10')).toEqual([]);
    expect(run([hire('', ', left: 2026-03-11')], '2026-03-10')).toEqual([]);
  });

  it('is a new hire’s only from the window’s first day: someone who joined the day before is tested otherwise', () => {
    const before =
      '{ id: ada, role: engineer, hired: 2025-12-31, background_check: 2025-12-01, trainings: [2026-02-15] }';
    expect(run([before])).toEqual([]);
    const first =
      '{ id: ada, role: engineer, hired: 2026-01-01, background_check: 2025-12-01, trainings: [2026-02-15] }';
    expect(codes(run([first]))).toEqual(['TB507 ada']);
  });

  it('is not judged before the person starts', () => {
    expect(run([hire('2026-03-20')], '2026-01-31')).toEqual([]);
  });
});

describe('screening before access (TB514)', () => {
  const hire = (check: string, extra = '') =>
    `{ id: ada, role: engineer, hired: 2026-02-01, background_check: ${check}, trainings: [2026-02-01]${extra} }`;

  it('passes a check completed on the first day, and fails one the day after', () => {
    expect(run([hire('2026-02-01')])).toEqual([]);
    expect(run([hire('2026-02-02')])).toEqual([
      {
        severity: 'error',
        code: 'TB514',
        file: PEOPLE,
        line: 4,
        subject: { kind: 'person', id: 'ada' },
        message: 'ada started work on 2026-02-01, before the background check was completed on 2026-02-02',
        hint: 'Screening comes before access: disclose this hire as an exception (`sample:` the person’s id) of the series that evidences background checks, or correct the dates if they are wrong.',
      },
    ]);
  });

  it('counts access given before the first day', () => {
    const found = run([hire('2026-01-30', ', access_granted: 2026-01-29')]);
    expect(found.map((d) => d.message)).toEqual([
      'ada was given access on 2026-01-29, before the background check was completed on 2026-01-30',
    ]);
  });

  it('is not tested for someone on staff before the window', () => {
    expect(
      run([
        '{ id: ada, role: engineer, hired: 2025-06-01, background_check: 2025-07-01, trainings: [2025-06-02, 2026-02-01] }',
      ]),
    ).toEqual([]);
  });
});

describe('a leaver’s access removal (TB513)', () => {
  const leaver = (left: string, removed?: string) =>
    `{ id: ada, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01], left: ${left}${removed ? `, access_removed: ${removed}` : ''} }`;

  it('is on time by the day after the last day, and late the day after that', () => {
    expect(run([leaver('2026-03-01', '2026-03-02')])).toEqual([]);
    expect(run([leaver('2026-03-01', '2026-03-03')])).toEqual([
      {
        severity: 'error',
        code: 'TB513',
        file: PEOPLE,
        line: 4,
        subject: { kind: 'person', id: 'ada' },
        message:
          "ada's access was removed 2026-03-03, after the deadline 2026-03-02 (1 day after leaving on 2026-03-01)",
        hint: 'Late removal is a deviation: disclose it as an exception (`sample:` the person’s id or their offboarding ticket) of the offboarding evidence series, or correct the date if it is wrong.',
      },
    ]);
  });

  it('allows access_removal_days', () => {
    const files = { 'content/program.yaml': programYaml('access_removal_days: 3\n') };
    expect(run([leaver('2026-03-01', '2026-03-04')], '2026-07-15', files)).toEqual([]);
    const late = run([leaver('2026-03-01', '2026-03-05')], '2026-07-15', files);
    expect(late.map((d) => d.message)).toEqual([
      "ada's access was removed 2026-03-05, after the deadline 2026-03-04 (3 days after leaving on 2026-03-01)",
    ]);
  });

  it('is missing once the deadline has passed with no removal recorded, and not due before', () => {
    expect(run([leaver('2026-03-01')], '2026-03-02')).toEqual([]);
    expect(run([leaver('2026-03-01')], '2026-03-03')).toEqual([
      expect.objectContaining({
        code: 'TB513',
        line: 4,
        message: 'ada left 2026-03-01, and no removal of their access is recorded (due by 2026-03-02)',
        hint: 'Record the day the last of their access was removed as `access_removed:`, from the offboarding ticket.',
      }),
    ]);
  });

  it('is tested for a leaver on the window’s first day, not for one who left the day before', () => {
    expect(codes(run([leaver('2026-01-01')]))).toEqual(['TB513 ada']);
    expect(run([leaver('2025-12-31')])).toEqual([]);
  });

  it('is tested from a year before a Type I report date', () => {
    const files = { 'content/program.yaml': programYaml('', 'type: I\n  date: 2026-06-30') };
    expect(codes(run([leaver('2025-06-30')], '2026-07-15', files))).toEqual(['TB513 ada']);
    expect(run([leaver('2025-06-29')], '2026-07-15', files)).toEqual([]);
  });

  it('is not tested for someone whose last day is still to come', () => {
    expect(run([leaver('2026-07-16')], '2026-07-15')).toEqual([]);
  });

  it('points at the line of the removal when it is late, and at the last day when it is missing', () => {
    const staff = [
      '{ id: bo, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01] }',
      `{ id: ada, role: engineer, hired: 2024-01-10,\n      background_check: 2024-01-02,\n      trainings: [2025-02-01],\n      left: 2026-03-01,\n      access_removed: 2026-03-09 }`,
    ];
    const late = run(staff);
    expect(late.map((d) => d.line)).toEqual([9]);
    const missing = run([staff[0]!, staff[1]!.replace(',\n      access_removed: 2026-03-09', '')]);
    expect(missing.map((d) => d.line)).toEqual([8]);
  });
});

describe('a deviation disclosed as an exception about the person', () => {
  const late =
    '{ id: ada, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01], left: 2026-03-01, access_removed: 2026-03-09 }';

  it('is a warning naming where it is disclosed until remediated, then nothing', () => {
    const disclosed = run([late], '2026-07-15', {
      'evidence-index/EV-OFF.mdx': exceptionsSeries('EV-OFF', [['ada']]),
      'evidence-index/EV-HR.mdx': exceptionsSeries('EV-HR', [['ada'], ['ada']]),
    });
    expect(disclosed).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'TB513',
        message:
          "ada's access was removed 2026-03-09, after the deadline 2026-03-02 (1 day after leaving on 2026-03-01); disclosed as an exception in EV-HR, EV-OFF, not yet remediated",
        hint: 'Record `remediated:` on the exception once the cause is fixed.',
      }),
    ]);
    const remediated = run([late], '2026-07-15', {
      'evidence-index/EV-OFF.mdx': exceptionsSeries('EV-OFF', [['ada', '2026-04-01']]),
    });
    expect(remediated).toEqual([]);
    const partly = run([late], '2026-07-15', {
      'evidence-index/EV-OFF.mdx': exceptionsSeries('EV-OFF', [['ada', '2026-04-01'], ['ada']]),
    });
    expect(partly.map((d) => d.severity)).toEqual(['warning']);
  });

  it('is only about the person or the item named', () => {
    const model = smallModel({
      [PEOPLE]: peopleYaml([late]),
      'evidence-index/EV-OFF.mdx': exceptionsSeries('EV-OFF', [['ada/backup']]),
    });
    const finding: Diagnostic = { severity: 'error', code: 'TB524', file: PEOPLE, line: 1, message: 'late', hint: 'x' };
    expect(personDeviation(model, 'ada', finding)).toBe(finding);
    expect(personDeviation(model, 'ada', finding, 'ada/backup')).toMatchObject({ severity: 'warning' });
    expect(personDeviation(model, 'ada', finding, 'ada/access')).toBe(finding);
  });

  it('is not needed without a staff register', () => {
    expect(peopleRule(smallModel({}), ruleContext('2026-07-15'))).toEqual([]);
  });
});
