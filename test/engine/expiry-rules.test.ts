import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const POLICY = 'policies/acceptable-use.mdx';
const PEOPLE = 'content/people.yaml';

const vendor = (reviewed: string, assurance: string) => `id: cloudco
name: CloudCo
purpose: Hosting
criticality: critical
added: 2024-01-01
reviewed: ${reviewed}
assurance: ${assurance}
`;

const risk = (reviewed: string, due?: string) =>
  `---\nid: R-01\ntitle: Outage\nowner: ceo\nlikelihood: 2\nimpact: 4\ntreatment: mitigate\nresidual: low\nreviewed: ${reviewed}\n${due ? `due: ${due}\n` : ''}---\n`;

describe('policy expiry', () => {
  it('fails a policy past approved + review_months, on the line of `approved`', () => {
    const result = check(edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2025-07-01'));
    expect(findings(result, 'TB501')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: POLICY,
        line: 7,
        message: expect.stringContaining('2026-07-01, 14 days ago'),
      }),
    ]);
  });

  it('warns when the review falls due within warn_within_days', () => {
    const result = check(edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2025-08-01'));
    expect(findings(result, 'TB501')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('in 17 days') }),
    ]);
  });

  it('honours review_months', () => {
    const files = edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2025-07-01\nreview_months: 24');
    expect(findings(check(files), 'TB501')).toEqual([]);
  });

  it('moves with the evaluation date', () => {
    expect(findings(check(validProgram(), { asOf: '2027-03-02' }), 'TB501')).toHaveLength(7);
  });
});

describe('evidence freshness', () => {
  it('fails a series whose newest artifact is older than its frequency allows', () => {
    const result = check(validProgram(), { asOf: '2026-11-20' });
    expect(findings(result, 'TB502')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'evidence-index/EV-BASE-01.mdx', line: 9 }),
    ]);
  });

  it('leaves per-event evidence alone', () => {
    const files = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', 'frequency: quarterly', 'frequency: per-event');
    expect(findings(check(files, { asOf: '2027-06-01' }), 'TB502')).toEqual([]);
  });
});

describe('vendor expiry', () => {
  it('fails an overdue review and a stale SOC report, and warns before a certificate expires', () => {
    const result = check({
      ...validProgram(),
      'content/vendors/cloudco.yaml': vendor('2025-06-01', '{ type: soc2-type2, period_end: 2025-06-30 }'),
      'content/vendors/mailco.yaml': vendor('2026-06-01', '{ type: iso27001, expires: 2026-08-01 }').replace(
        'cloudco',
        'mailco',
      ),
    });
    expect(findings(result, 'TB503')).toEqual([
      expect.objectContaining({ file: 'content/vendors/cloudco.yaml', line: 6 }),
    ]);
    expect(findings(result, 'TB504')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/vendors/cloudco.yaml', line: 7 }),
      expect.objectContaining({ severity: 'warning', file: 'content/vendors/mailco.yaml', line: 7 }),
    ]);
  });
});

describe('risk register', () => {
  it('fails a risk not reviewed within a year and a treatment past due', () => {
    const result = check({ ...validProgram(), 'content/risks/R-01.mdx': risk('2025-07-01', '2026-07-01') });
    expect(findings(result, 'TB505')).toEqual([expect.objectContaining({ line: 9 })]);
    expect(findings(result, 'TB506')).toEqual([expect.objectContaining({ line: 10 })]);
  });

  it('is quiet about a reviewed risk whose treatment is not yet due', () => {
    const result = check({ ...validProgram(), 'content/risks/R-01.mdx': risk('2026-05-01', '2027-01-01') });
    expect(result.diagnostics).toEqual([]);
  });
});

describe('system description review', () => {
  it('fails a description not reviewed within a year', () => {
    const files = edit(
      validProgram(),
      'content/system-description.mdx',
      'reviewed: 2026-02-01',
      'reviewed: 2025-06-01',
    );
    expect(findings(check(files), 'TB509')).toEqual([expect.objectContaining({ line: 4 })]);
  });
});

describe('people', () => {
  const addStaff = (record: string) => edit(validProgram(), PEOPLE, /staff:\n/, `staff:\n  - ${record}\n`);

  it('fails current staff without a background check', () => {
    const result = check(addStaff('{ id: bo, role: ceo, hired: 2026-01-10, trainings: [2026-01-20] }'));
    expect(findings(result, 'TB508')).toEqual([expect.objectContaining({ file: PEOPLE, line: 5 })]);
  });

  it('fails training overdue, and warns while a new hire is inside the 30 days', () => {
    const overdue = check(
      addStaff('{ id: bo, role: ceo, hired: 2024-01-10, background_check: 2024-01-01, trainings: [2025-06-01] }'),
    );
    expect(findings(overdue, 'TB507')).toEqual([expect.objectContaining({ severity: 'error', line: 5 })]);
    const newHire = check(addStaff('{ id: bo, role: ceo, hired: 2026-07-01, background_check: 2026-06-20 }'));
    expect(findings(newHire, 'TB507')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('2026-07-31') }),
    ]);
  });

  it('does not check the training or background check of people who left before the window', () => {
    const result = check(
      addStaff('{ id: bo, role: ceo, hired: 2020-01-10, left: 2025-12-31, access_removed: 2025-12-31 }'),
    );
    expect(result.diagnostics).toEqual([]);
  });

  it('checks the training of people who left during the window, for the days they were employed in it', () => {
    const result = check(
      addStaff('{ id: bo, role: ceo, hired: 2020-01-10, left: 2026-01-31, access_removed: 2026-01-31 }'),
    );
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'TB526',
        'bo went without current security training from 2026-01-01 to 2026-01-31, while employed in the audit window',
      ],
    ]);
  });
});
