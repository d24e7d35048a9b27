/**
 * Deadlines (src/engine/deadlines.ts) at an edge deadlines.test.ts leaves open: a draft policy, which owes no
 * review until it is approved (TB214 reports the approval it awaits), beside an approved one that does.
 */
import { describe, expect, it } from 'vitest';
import { deadlines } from '../../src/engine/deadlines.ts';
import { emptyModel, type ProgramModel } from '../../src/engine/model.ts';

const policy = (id: string, data: Record<string, unknown>) => ({
  kind: 'policy',
  id,
  file: `policies/${id}.mdx`,
  data: { title: id, review_months: 12, ...data },
  body: '',
  bodyLine: 1,
  keyLines: new Map([['approved', 4]]),
});

describe('a draft policy', () => {
  it('owes no review until it is approved, while an approved policy owes one', () => {
    const model = {
      ...emptyModel(),
      policies: [policy('draft', {}), policy('approved', { approved_by: 'ceo', approved: '2027-02-28' })],
    } as unknown as ProgramModel;
    const found = deadlines(model, '2028-01-01').map((d) => [d.kind, d.subject.id, d.due]);
    expect(found).toEqual([['policy-review', 'approved', '2028-02-28']]);
  });
});
