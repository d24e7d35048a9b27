/**
 * The auditor site's projections: what its pages receive of acknowledgements, coverage, the assertion and the
 * significant changes, each already filtered and worded, with no document of the model inside.
 */
import { describe, expect, it } from 'vitest';
import { auditorPageView } from '../../src/site/views/pages.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const pageView = (files = validProgram()) => auditorPageView(check(files), new Map());

describe('the auditor site’s projections', () => {
  it('list acknowledgements only for the policies auditors see, each with the person’s cohort', () => {
    const rows = pageView().acknowledgements;
    expect(rows.some((row) => row.policy.id === 'data-retention')).toBe(true);
    expect(rows[0]).toMatchObject({ person: { id: 'ada', name: 'ada' }, cohort: 'current' });
    const hidden = edit(
      validProgram(),
      'policies/data-retention.mdx',
      'kind: data-retention',
      'kind: data-retention\naudience: [employees]',
    );
    expect(pageView(hidden).acknowledgements.some((row) => row.policy.id === 'data-retention')).toBe(false);
  });

  it('give each criterion its controls by id and title, its state and its months', () => {
    const [entry] = pageView().coverage[0]!.criteria;
    expect(entry!.controls).toEqual([{ id: 'BASE-01', title: 'Baseline security program' }]);
    expect(entry!.state).toBe('met');
    expect(entry!.shortfall).toBeUndefined();
    expect(entry!.months.map((month) => month.state)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  });

  it('word the assertion’s period, and name its signer by role', () => {
    const { assertion } = pageView();
    expect(assertion).toEqual({
      kind: 'assertion',
      file: 'content/assertion.mdx',
      date: '2026-07-10',
      signedBy: 'Chief Executive Officer',
      speaksFor: '2026-01-01 to 2026-06-30',
    });
  });

  it('name a control put in operation on the window’s first day as a significant change', () => {
    const files = edit(
      validProgram(),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-01-01',
    );
    expect(pageView(files).significantChanges).toEqual([
      { control: { id: 'BASE-01', title: 'Baseline security program' }, change: 'implemented', date: '2026-01-01' },
    ]);
  });
});
