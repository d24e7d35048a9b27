/** The leak scan's second line for drafts: a policy nobody has approved must not reach the employee portal. */
import { describe, expect, it } from 'vitest';
import { findLeak, needlesFor } from '../../src/integration/leak-scan.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const POLICY = 'policies/incident-response.mdx';
const text = 'The incident-response policy of the test company.';

describe('the leak scan of a policy nobody has approved', () => {
  it('finds its text on the employee portal, and allows it once it is approved', () => {
    const draft = check(edit(validProgram(), POLICY, 'approved_by: ceo\napproved: 2026-03-01\n', ''));
    expect(findLeak(text, needlesFor(draft, 'employees'))).toMatchObject({ source: POLICY });
    expect(findLeak(text, needlesFor(check(validProgram()), 'employees'))).toBeUndefined();
  });

  it('allows it on the auditor site, which lists it as not approved', () => {
    const draft = check(edit(validProgram(), POLICY, 'approved_by: ceo\napproved: 2026-03-01\n', ''));
    expect(findLeak(text, needlesFor(draft, 'auditors'))).toBeUndefined();
  });
});
