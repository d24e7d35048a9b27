import { describe, expect, it } from 'vitest';
import { policyApproval } from '../../src/engine/policy-approval.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const POLICY = 'policies/acceptable-use.mdx';
const approval = 'approved_by: ceo\napproved: 2026-03-01\n';

/** The policy with no approval written (its `effective` stays, as a company may have set one ahead). */
const draft = (files: Files = validProgram()) => edit(files, POLICY, approval, '');

/** The program in readiness mode, its audit window opening on `start`. */
function inReadiness(files: Files, start: string): Files {
  const ready = edit(files, 'content/program.yaml', 'warn_within_days: 30', 'warn_within_days: 30\nreadiness: true');
  return edit(
    ready,
    'content/program.yaml',
    '{ start: 2026-01-01, end: 2026-06-30 }',
    `{ start: ${start}, end: 2027-01-31 }`,
  );
}

describe('a policy nobody has approved', () => {
  it('is an error naming the policy and the two fields to fill, once the audit has begun', () => {
    expect(findings(check(draft()), 'TB214')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: POLICY,
        line: 4,
        subject: { kind: 'policy', id: 'acceptable-use' },
        message: expect.stringMatching(
          /^policy acceptable-use \("acceptable-use policy"\) version 1\.0 has not been approved/,
        ),
        hint: expect.stringMatching(/`approved_by:` .*content\/people\.yaml.*`approved:`/),
      }),
    ]);
  });

  it('is a deferred warning in readiness mode up to the day before the window opens, and an error on that day', () => {
    const files = inReadiness(draft(), '2026-07-16');
    expect(findings(check(files, { asOf: '2026-07-15' }), 'TB214')).toEqual([
      expect.objectContaining({ severity: 'warning', deferred: true }),
    ]);
    for (const asOf of ['2026-07-16', '2026-07-17']) {
      const [finding] = findings(check(files, { asOf }), 'TB214');
      expect(finding).toMatchObject({ severity: 'error' });
      expect(finding).not.toHaveProperty('deferred');
    }
  });

  it('gives that one finding and no other: no review, approver, in-force or required-document finding about it', () => {
    const about = check(draft()).diagnostics.filter(
      (diagnostic) => diagnostic.file === POLICY || diagnostic.subject?.id === 'acceptable-use',
    );
    expect(about.map((diagnostic) => diagnostic.code)).toEqual(['TB214']);
  });

  it('asks no one to acknowledge it', () => {
    const tracked = edit(
      validProgram(),
      'content/program.yaml',
      'warn_within_days: 30',
      'warn_within_days: 30\nacknowledge_within_days: 30',
    );
    const approved = check(tracked).diagnostics.filter(
      (d) => d.code === 'TB520' && d.message.includes('acceptable-use'),
    );
    expect(approved).not.toEqual([]);
    const unapproved = check(draft(tracked)).diagnostics.filter(
      (d) => d.code === 'TB520' && d.message.includes('acceptable-use'),
    );
    expect(unapproved).toEqual([]);
  });

  it('keeps the policies step of the to-do list open and is not counted in order', () => {
    const step = check(draft())
      .facts.todo()
      .find((each) => each.id === 'policies')!;
    expect(step.complete).toBe(false);
    expect(step.done).toBe(step.total - 1);
    expect(step.left.map((left) => left.code)).toContain('TB214');
  });

  it('has no review due', () => {
    const result = check(draft());
    const policy = result.model.policies.find((each) => each.id === 'acceptable-use')!;
    expect(result.facts.reviewDue(policy)).toBeUndefined();
    expect(result.facts.upcoming(10_000).some((deadline) => deadline.subject.id === 'acceptable-use')).toBe(false);
  });
});

describe('an approval written half', () => {
  it('without `approved_by` is an error at `approved`, and not also a draft finding', () => {
    const result = check(edit(validProgram(), POLICY, 'approved_by: ceo\n', ''));
    expect(findings(result, 'TB215')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 6,
        message: expect.stringMatching(/approved on 2026-03-01 but not by whom/),
      }),
    ]);
    expect(findings(result, 'TB214')).toEqual([]);
  });

  it('without `approved` is an error at `approved_by`', () => {
    const result = check(edit(validProgram(), POLICY, 'approved: 2026-03-01\n', ''));
    expect(findings(result, 'TB215')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 6,
        message: expect.stringMatching(/approved by ceo but not when/),
      }),
    ]);
  });
});

describe('an approved policy without `effective`', () => {
  it('takes effect on the day it was approved', () => {
    expect(policyApproval({ data: { approved: '2026-03-01', approved_by: 'ceo' } })).toEqual({
      by: 'ceo',
      on: '2026-03-01',
      effective: '2026-03-01',
    });
    expect(
      policyApproval({ data: { approved: '2026-03-01', approved_by: 'ceo', effective: '2026-03-05' } })?.effective,
    ).toBe('2026-03-05');
    expect(policyApproval({ data: { approved: '2026-03-01' } })).toBeUndefined();
  });

  it('checks clean, and counts as in force from its approval', () => {
    const files = edit(validProgram(), POLICY, 'effective: 2026-03-01\n', '');
    expect(check(files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Approved after the evaluation date: not in force yet, from the day of its approval.
    const later = edit(files, POLICY, 'approved: 2026-03-01', 'approved: 2026-07-16');
    expect(findings(check(later), 'TB302')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/takes effect only 2026-07-16/) }),
    ]);
  });
});
