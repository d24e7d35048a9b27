/**
 * The people rule at edges people-rules.test.ts leaves open: a new hire whose first day is the evaluation date,
 * a new hire trained on time who left afterwards, TB514 on the line of a `background_check` written in block
 * style, offboarding judged only for someone whose last day has come, and a staff file read without a program.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { peopleRule } from '../../src/engine/rules/people.ts';
import { PEOPLE, peopleYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const run = (staff: string[], asOf = '2026-07-15') =>
  peopleRule(smallModel({ [PEOPLE]: peopleYaml(staff) }), ruleContext(asOf));

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id} ${d.line}`);

describe('a new hire whose first day is the evaluation date', () => {
  it('is a new hire: screened the day after, they are reported (TB514)', () => {
    const found = run(['{ id: ana, role: engineer, hired: 2026-07-15, background_check: 2026-07-16 }']);
    expect(codes(found)).toEqual(['TB514 ana 4']);
  });
});

describe('a new hire trained on time who left afterwards', () => {
  it('is not reported as untrained (TB507)', () => {
    const found = run([
      '{ id: ana, role: engineer, hired: 2026-02-01, background_check: 2026-01-20, trainings: [2026-02-05], left: 2026-05-01, access_removed: 2026-05-01 }',
    ]);
    expect(found).toEqual([]);
  });
});

describe('TB514 in block style', () => {
  it('points at the `background_check` line', () => {
    const yaml =
      'roles:\n  - { id: engineer, title: Engineer }\nstaff:\n  - id: ana\n    role: engineer\n    hired: 2026-02-01\n    background_check: 2026-02-03\n';
    const found = peopleRule(smallModel({ [PEOPLE]: yaml }), ruleContext('2026-07-15'));
    expect(codes(found)).toEqual(['TB514 ana 7']);
  });
});

describe('offboarding', () => {
  it('is judged on the last day itself: access removed after the deadline is late (TB513)', () => {
    const found = run([
      '{ id: ana, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2026-02-01], left: 2026-07-15, access_removed: 2026-07-20 }',
    ]);
    expect(codes(found)).toEqual(['TB513 ana 4']);
  });

  it('is not judged for someone whose last day is after the evaluation date, or who has not left', () => {
    const later = '2026-09-30';
    expect(
      run([
        `{ id: ana, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2026-02-01], left: 2026-07-16, access_removed: ${later} }`,
      ]),
    ).toEqual([]);
    expect(
      run([
        `{ id: ana, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2026-02-01], access_removed: ${later} }`,
      ]),
    ).toEqual([]);
  });
});

describe('a staff file without a program', () => {
  it('is read with the default removal deadline of one day', () => {
    const { model } = buildModel([
      {
        path: PEOPLE,
        text: peopleYaml([
          '{ id: ana, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2026-02-01], left: 2026-07-01, access_removed: 2026-07-03 }',
        ]),
      },
    ]);
    expect(codes(peopleRule(model, ruleContext('2026-07-15')))).toEqual(['TB513 ana 4']);
  });
});
