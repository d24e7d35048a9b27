/** What the control matrix and the PBC list say of a policy nobody has approved: not approved, never a date. */
import { describe, expect, it } from 'vitest';
import { controlMatrixRows } from '../../src/export/control-matrix.ts';
import { pbcRows } from '../../src/export/pbc.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const draft = () =>
  check(edit(validProgram(), 'policies/information-security.mdx', 'approved_by: ceo\napproved: 2026-03-01\n', ''));

describe('a policy nobody has approved, in the exports', () => {
  it('is "not approved" in the PBC list, with no approval day, where an approved one is provided', () => {
    const row = (result: ReturnType<typeof check>) =>
      pbcRows(result).find((each) => each.type === 'policy' && each.link === 'policies/information-security')!;
    expect(row(draft())).toMatchObject({ status: 'not approved', period: '' });
    expect(row(check(validProgram()))).toMatchObject({ status: 'provided', period: '2026-03-01' });
  });

  it('is named "not approved" among the policies of the controls that cite it in the control matrix', () => {
    const policiesOf = (result: ReturnType<typeof check>) => controlMatrixRows(result)[0]![7];
    expect(policiesOf(draft())).toBe('information-security (not approved)');
    expect(policiesOf(check(validProgram()))).toBe('information-security');
  });
});
