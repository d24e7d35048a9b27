/**
 * The employment rule (TB809, TB810) at its date edges, on a model built from memory: an act on someone's first
 * day and the day before, on their last day and the day after; a control owned on the evaluation date, or on the
 * day it was retired when that came first; a role's holders listed when none was on staff. Property tests
 * (fast-check) hold each edge for any tenure and day of 2024 to 2027, month ends and leap days included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { employmentRule } from '../../src/engine/rules/employment.ts';
import { PEOPLE, peopleYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const POLICY = 'policies/information-security.mdx';
const CONTROL = 'content/controls/CTL-01.mdx';
const ASSERTION = 'content/assertion.mdx';
const AS_OF = '2026-07-15';

/** A policy owned by `owner`, approved by `by` on `on` (the `approved_by` line is 5), or a draft without `on`. */
const policy = (owner: string, by: string, on?: string) => `---
title: Information security policy
version: "1.0"
owner: ${owner}
approved_by: ${by}
${on ? `approved: ${on}\n` : ''}---

## Purpose

Kept.
`;

/** A control owned by `owner` (line 6), with the extra lines given. */
const control = (owner: string, extra = '') => `---
id: CTL-01
title: A control
criteria: [CC1.1]
frequency: quarterly
owner: ${owner}
${extra}---

Runs.
`;

/** The assertion, signed by `by` on `date` (the `signed_by` line is 4). */
const assertion = (by: string, date: string) => `---
title: Management's assertion
date: ${date}
signed_by: ${by}
period: { start: 2026-01-01, end: 2026-06-30 }
---

Management asserts.
`;

const staffer = (id: string, role: string, hired: string, left?: string) =>
  `{ id: ${id}, role: ${role}, hired: ${hired}${left ? `, left: ${left}, access_removed: ${left}` : ''} }`;

const people = (staff: string[], roles: string[] = ['engineer']) =>
  peopleYaml(staff).replace(
    'roles:\n  - { id: engineer, title: Engineer }\n',
    `roles:\n${roles.map((role) => `  - { id: ${role}, title: ${role} }\n`).join('')}`,
  );

function run(files: Record<string, string>, asOf = AS_OF): Diagnostic[] {
  return employmentRule(smallModel(files), ruleContext(asOf));
}

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const day = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** A tenure: hired on a day, leaving 0 to 800 days later. */
const tenure = fc.tuple(day, fc.integer({ min: 0, max: 800 })).map(([hired, days]) => [hired, addDays(hired, days)]);

describe('an approval and the approver’s time on staff', () => {
  it('is the company’s from the first day through the last, and not the day before or the day after', () => {
    fc.assert(
      fc.property(tenure, ([hired, left]) => {
        const approvedOn = (on: string) =>
          run({
            [PEOPLE]: people([staffer('ana', 'engineer', hired!, left), staffer('bo', 'engineer', '2020-01-01')]),
            [POLICY]: policy('bo', 'ana', on),
          });
        expect(approvedOn(hired!)).toEqual([]);
        expect(approvedOn(left!)).toEqual([]);
        expect(approvedOn(addDays(hired!, -1))).toEqual([expect.objectContaining({ code: 'TB809', line: 5 })]);
        expect(approvedOn(addDays(left!, 1))).toEqual([expect.objectContaining({ code: 'TB809', line: 5 })]);
      }),
      { numRuns: 20 },
    );
  });

  it('names the approver, the day and their tenure, and the field to correct', () => {
    const found = run({
      [PEOPLE]: people([
        staffer('ana', 'engineer', '2024-01-10', '2026-02-28'),
        staffer('bo', 'engineer', '2020-01-01'),
      ]),
      [POLICY]: policy('bo', 'ana', '2026-03-01'),
    });
    expect(described(found)).toEqual([
      `TB809 ${POLICY}:5 policy/information-security: information-security version 1.0 was approved by ana on 2026-03-01, but ana was not on staff on 2026-03-01 (hired 2024-01-10, left 2026-02-28)`,
    ]);
    expect(found[0]?.hint).toBe(
      'Name in `approved_by` the person or role who really did it then, or correct the date; someone not on staff cannot act for the company.',
    );
  });

  it('is not judged for a draft', () => {
    const files = { [PEOPLE]: people([staffer('bo', 'engineer', '2026-01-01')]), [POLICY]: policy('bo', 'ana') };
    expect(run(files)).toEqual([]);
  });
});

describe('a role that approved', () => {
  it('lists everyone who held it when none was on staff that day', () => {
    const found = run({
      [PEOPLE]: people(
        [
          staffer('ana', 'ceo', '2024-01-10', '2025-12-31'),
          staffer('bo', 'ceo', '2026-04-01'),
          staffer('cy', 'engineer', '2020-01-01'),
        ],
        ['engineer', 'ceo'],
      ),
      [POLICY]: policy('cy', 'ceo', '2026-03-01'),
    });
    expect(found.map((d) => d.message)).toEqual([
      'information-security version 1.0 was approved by ceo on 2026-03-01, but no one holding the role ceo was on staff on 2026-03-01 (ana, hired 2024-01-10, left 2025-12-31; bo, hired 2026-04-01)',
    ]);
  });
});

describe('the assertion', () => {
  it('is signed on the signer’s last day, and not the day after', () => {
    const files = (date: string) => ({
      [PEOPLE]: people([staffer('ana', 'engineer', '2024-01-10', '2026-07-10')]),
      [ASSERTION]: assertion('ana', date),
    });
    expect(run(files('2026-07-10'))).toEqual([]);
    expect(described(run(files('2026-07-11')))).toEqual([
      `TB809 ${ASSERTION}:4 assertion/assertion: management's assertion was signed by ana on 2026-07-11, but ana was not on staff on 2026-07-11 (hired 2024-01-10, left 2026-07-10)`,
    ]);
  });
});

describe('a control’s owner', () => {
  it('is judged on the evaluation date, or on the day the control was retired when that came first', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -3, max: 3 }),
        fc.option(fc.integer({ min: -3, max: 3 })),
        (asOf, leftBy, retiredBy) => {
          const left = addDays(asOf, leftBy);
          const retired = retiredBy === null ? undefined : addDays(asOf, retiredBy);
          const judged = retired !== undefined && retired < asOf ? retired : asOf;
          const found = run(
            {
              [PEOPLE]: people([staffer('ana', 'engineer', '2020-01-01', left)]),
              [CONTROL]: control('ana', retired ? `retired: ${retired}\n` : ''),
            },
            asOf,
          );
          if (judged <= left) expect(found).toEqual([]);
          else
            expect(described(found)).toEqual([
              `TB809 ${CONTROL}:6 control/CTL-01: CTL-01 is owned by ana on ${judged}, but ana was not on staff on ${judged} (hired 2020-01-01, left ${left})`,
            ]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is not judged for a control that does not apply', () => {
    const files = {
      [PEOPLE]: people([staffer('ana', 'engineer', '2020-01-01', '2026-01-31')]),
      [CONTROL]: control('ana', 'status: not-applicable\njustification: No such system.\n'),
    };
    expect(run(files)).toEqual([]);
  });
});

describe('a policy approved by its own owner (TB810)', () => {
  it('warns at `approved_by` when both name the same id', () => {
    const files = {
      [PEOPLE]: people([staffer('ana', 'engineer', '2020-01-01')]),
      [POLICY]: policy('ana', 'ana', '2026-03-01'),
    };
    expect(described(run(files))).toEqual([
      `TB810 ${POLICY}:5 policy/information-security: information-security was approved on 2026-03-01 by its own owner (ana)`,
    ]);
  });

  it('warns when the owner role’s only holder that day approved, and not when it had two holders', () => {
    const one = {
      [PEOPLE]: people(
        [staffer('ana', 'lead', '2020-01-01'), staffer('bo', 'engineer', '2026-03-02')],
        ['engineer', 'lead'],
      ),
      [POLICY]: policy('lead', 'ana', '2026-03-01'),
    };
    expect(run(one).map((d) => d.message)).toEqual([
      'information-security was approved on 2026-03-01 by its own owner (ana, the only holder of lead)',
    ]);
    const two = {
      [PEOPLE]: people([staffer('ana', 'lead', '2020-01-01'), staffer('bo', 'lead', '2026-03-01')], ['lead']),
      [POLICY]: policy('lead', 'ana', '2026-03-01'),
    };
    expect(run(two)).toEqual([]);
  });

  it('warns when a role approved whose only holder that day was the owner', () => {
    const files = {
      [PEOPLE]: people(
        [staffer('ana', 'lead', '2020-01-01'), staffer('bo', 'lead', '2020-01-01', '2026-02-28')],
        ['lead'],
      ),
      [POLICY]: policy('ana', 'lead', '2026-03-01'),
    };
    expect(run(files).map((d) => d.message)).toEqual([
      'information-security was approved on 2026-03-01 by its own owner (ana)',
    ]);
  });

  it('does not warn when the owner and the approver are not on the register, nor for two different people', () => {
    const files = (owner: string, by: string) => ({
      [PEOPLE]: people([staffer('ana', 'engineer', '2020-01-01'), staffer('bo', 'engineer', '2020-01-01')]),
      [POLICY]: policy(owner, by, '2026-03-01'),
    });
    expect(run(files('ana', 'bo'))).toEqual([]);
    expect(run(files('ceo', 'board'))).toEqual([]);
  });
});

describe('a program without a staff register', () => {
  it('is not judged', () => {
    expect(run({ [POLICY]: policy('ana', 'ana', '2026-03-01') })).toEqual([]);
  });
});
