import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const PEOPLE = 'content/people.yaml';
const POLICY = 'policies/information-security.mdx';
const CONTROL = 'content/controls/BASE-01.mdx';
const ASSERTION = 'content/assertion.mdx';

/** The test program with ada (the only ceo, hired 2024-01-10) leaving on `left`. */
const adaLeaves = (left: string, files: Files = validProgram()): Files =>
  edit(
    files,
    PEOPLE,
    'trainings: [2025-02-01, 2026-02-01] }',
    `trainings: [2025-02-01, 2026-02-01], left: ${left}, access_removed: ${left} }`,
  );

const approvedOn = (date: string, files: Files = validProgram()): Files =>
  edit(
    edit(files, POLICY, 'approved: 2026-03-01', `approved: ${date}`),
    POLICY,
    'effective: 2026-03-01',
    `effective: ${date}`,
  );

const approvals = (files: Files) => findings(check(files), 'TB809').filter((finding) => finding.file === POLICY);

describe('acts by people not on staff', () => {
  it('refuses an approval by someone who had already left, from the day after their last day', () => {
    const approvedBy = (files: Files) => edit(files, POLICY, 'approved_by: ceo', 'approved_by: ada');
    expect(approvals(approvedBy(adaLeaves('2026-03-01')))).toEqual([]);
    const [finding] = approvals(approvedBy(adaLeaves('2026-02-28')));
    expect(finding).toMatchObject({ severity: 'error', line: 6 });
    expect(finding?.message).toMatch(
      /approved by ada on 2026-03-01, but ada was not on staff on 2026-03-01 \(hired 2024-01-10, left 2026-02-28\)/,
    );
  });

  it('refuses an approval by a role nobody on staff held that day, and accepts it from the first day someone did', () => {
    expect(approvals(approvedOn('2024-01-10'))).toEqual([]);
    const [finding] = approvals(approvedOn('2024-01-09'));
    expect(finding?.message).toMatch(/no one holding the role ceo was on staff on 2024-01-09/);
  });

  it('accepts a role held by anyone on staff that day, and does not judge a role no staff record holds', () => {
    const two = edit(
      adaLeaves('2026-02-28'),
      PEOPLE,
      /staff:\n/,
      'staff:\n  - { id: bo, role: ceo, hired: 2026-02-15, background_check: 2026-02-10, trainings: [2026-02-20] }\n',
    );
    expect(approvals(two)).toEqual([]);
    // Nobody in the test register is security-lead: the register does not say who held it.
    expect(approvals(edit(validProgram(), POLICY, 'approved_by: ceo', 'approved_by: security-lead'))).toEqual([]);
  });

  it('refuses an assertion signed by someone who had left', () => {
    const files = edit(adaLeaves('2026-07-01'), ASSERTION, 'signed_by: ceo', 'signed_by: ada');
    const [finding] = findings(check(files), 'TB809').filter((found) => found.file === ASSERTION);
    expect(finding).toMatchObject({ severity: 'error', line: 4 });
    expect(finding?.message).toMatch(/signed by ada on 2026-07-10/);
  });

  it('refuses a control owned by someone no longer on staff, judged on the day it was retired if earlier', () => {
    const owned = edit(adaLeaves('2026-07-01'), CONTROL, 'owner: security-lead', 'owner: ada');
    const [finding] = findings(check(owned), 'TB809').filter((found) => found.file === CONTROL);
    expect(finding).toMatchObject({ severity: 'error', line: 7 });
    expect(finding?.message).toMatch(/owned by ada on 2026-07-15/);
    const retired = edit(owned, CONTROL, 'frequency: quarterly', 'frequency: quarterly\nretired: 2026-07-01');
    expect(findings(check(retired), 'TB809').filter((found) => found.file === CONTROL)).toEqual([]);
  });
});

describe('a policy approved by its own owner', () => {
  it('warns when owner and approver are the same id', () => {
    const files = edit(validProgram(), POLICY, 'approved_by: ceo', 'approved_by: security-lead');
    const [finding] = findings(check(files), 'TB810');
    expect(finding).toMatchObject({ severity: 'warning', file: POLICY, line: 6 });
  });

  it('warns when the approver is the only person holding the owner role, and not when others held it too', () => {
    const files = edit(validProgram(), POLICY, 'owner: security-lead', 'owner: ada');
    expect(findings(check(files), 'TB810')[0]?.message).toMatch(/by its own owner \(ada\)/);
    const shared = edit(
      files,
      PEOPLE,
      /staff:\n/,
      'staff:\n  - { id: bo, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01, 2026-02-01] }\n',
    );
    expect(findings(check(shared), 'TB810')).toEqual([]);
  });
});
