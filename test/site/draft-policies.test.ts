import { describe, expect, it } from 'vitest';
import { withheldFromTrustCenter } from '../../src/engine/placeholders.ts';
import { employeeView, publicView, sitePolicies } from '../../src/site/views.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const POLICY = 'policies/acceptable-use.mdx';

/** acceptable-use published to everyone, approved or (with `draft`) not. */
function program(draft: boolean) {
  const everyone = edit(
    validProgram(),
    POLICY,
    'owner: security-lead',
    'owner: security-lead\naudience: [public, employees, auditors]',
  );
  return check(draft ? edit(everyone, POLICY, 'approved_by: ceo\napproved: 2026-03-01\n', '') : everyone);
}

const ids = (policies: readonly { id: string }[]) => policies.map((policy) => policy.id);

describe('a policy nobody has approved', () => {
  it('is shown as a policy in force on the trust center and the employee portal only once approved', () => {
    const approved = program(false);
    expect(ids(publicView(approved).policies)).toEqual(['acceptable-use']);
    expect(ids(employeeView(approved).policies)).toContain('acceptable-use');
    const draft = program(true);
    expect(ids(publicView(draft).policies)).toEqual([]);
    expect(ids(employeeView(draft).policies)).not.toContain('acceptable-use');
    expect(ids(sitePolicies('employees', draft))).not.toContain('acceptable-use');
  });

  it('is held back from the trust center like a half-written document, so the leak scan forbids its text there', () => {
    const draft = program(true);
    const withheld = [...withheldFromTrustCenter(draft.model)].map((document) => document.file);
    expect(withheld).toEqual([POLICY]);
    expect(withheldFromTrustCenter(program(false).model).size).toBe(0);
  });

  it('is listed on the auditor site as not approved: no approval, effective day or review', () => {
    const policy = sitePolicies('auditors', program(true)).find((each) => each.id === 'acceptable-use')!;
    expect(policy.effective).toBeUndefined();
    expect(policy.internal).toMatchObject({ approvedBy: undefined, approved: undefined, reviewDue: undefined });
    const approved = sitePolicies('auditors', program(false)).find((each) => each.id === 'acceptable-use')!;
    expect(approved.effective).toBe('2026-03-01');
    expect(approved.internal).toMatchObject({ approved: '2026-03-01', reviewDue: '2027-03-01' });
  });
});
