import { describe, expect, it } from 'vitest';
import { auditorView, employeeView, publicView } from '../../src/site/views.ts';
import { auditorPageView } from '../../src/site/views/pages.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

describe('site views', () => {
  it('keep two staff ids apart when one is a prefix of the other', () => {
    const files = edit(
      validProgram(),
      'content/people.yaml',
      /staff:\n/,
      'staff:\n  - { id: ana, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01, 2026-02-01] }\n' +
        '  - { id: ana-b, role: ceo, hired: 2024-01-10, trainings: [2025-02-01, 2026-02-01] }\n',
    );
    const result = check(files);
    expect(result.facts.findingsAbout('person', 'ana-b').map((d) => d.code)).toEqual(['TB508']);
    expect(result.facts.findingsAbout('person', 'ana')).toEqual([]);
    const rows = auditorPageView(result, new Map()).acknowledgements;
    expect(new Set(rows.map((row) => row.person.id))).toEqual(new Set(['ada', 'ana', 'ana-b']));
  });

  it('give each site only the policies its audience may see, so no page can name another one', () => {
    const audience = (sites: string) =>
      check(
        edit(
          validProgram(),
          'policies/data-retention.mdx',
          'kind: data-retention',
          `kind: data-retention\naudience: [${sites}]`,
        ),
      );
    const ids = (policies: readonly { id: string }[]) => policies.map((policy) => policy.id);
    const auditorsOnly = audience('auditors');
    expect(ids(employeeView(auditorsOnly).policies)).not.toContain('data-retention');
    expect(ids(auditorView(auditorsOnly).policies)).toContain('data-retention');
    const everyone = audience('public, employees, auditors');
    expect(ids(publicView(everyone).policies)).toEqual(['data-retention']);
    expect(ids(publicView(check(validProgram())).policies)).toEqual([]);
  });

  it('name staff on the private sites only', () => {
    const result = check(validProgram());
    expect(publicView(result).people.staff).toEqual([]);
    expect(employeeView(result).people.staff.map((person) => person.id)).toEqual(['ada']);
    expect(auditorView(result).people.roles.length).toBeGreaterThan(0);
  });
});

describe('the trust center’s control status', () => {
  it('is published only when the program opts in, and counts only controls the check finds operating', async () => {
    const { check, edit, validProgram } = await import('../helpers/program.ts');
    const { publicView } = await import('../../src/site/views.ts');
    expect(publicView(check(validProgram())).statusByArea).toBeUndefined();
    const optedIn = edit(
      validProgram(),
      'content/program.yaml',
      'warn_within_days: 30',
      'warn_within_days: 30\ntrust_center_status: true',
    );
    expect(publicView(check(optedIn)).statusByArea).toEqual([
      { area: 'Governance and people', category: 'security', operating: 1, total: 1 },
    ]);
    // The same, added up for each category in scope.
    expect(publicView(check(optedIn)).statusByCategory).toEqual([
      { category: 'security', label: 'Security (common criteria)', operating: 1, total: 1 },
    ]);
    const stale = edit(optedIn, 'evidence-index/EV-BASE-01.mdx', /\n {2}- \{ collected: 2026-07-03[^\n]*/, '');
    expect(publicView(check(stale, { asOf: '2026-09-15' })).statusByArea).toEqual([
      { area: 'Governance and people', category: 'security', operating: 0, total: 1 },
    ]);
  });
});
