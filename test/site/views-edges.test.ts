/**
 * What the auditor site's and the private sites' views hold at the edges views-audience.test.ts leaves open:
 * significant changes of controls that are not implemented or change on the same day, a grant naming an NDA
 * version the program does not hold, the days staff have to acknowledge, the findings folded by code, the
 * firm's request lists, and the policies a site shows, worked out once per result and history.
 */
import { describe, expect, it } from 'vitest';
import { GROUP_AT } from '../../src/engine/finding-groups.ts';
import type { Revision } from '../../src/site/history.ts';
import { auditorView, employeeView, sitePolicies } from '../../src/site/views.ts';
import { withGrant } from '../helpers/grants.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';

/** A copy of BASE-01 under another id, with its dates of operation (and status) as given. */
const control = (id: string, fields: string, files: Files) => ({
  ...files,
  [`content/controls/${id}.mdx`]: files[CONTROL]!.replace('id: BASE-01', `id: ${id}`).replace(
    'frequency: quarterly',
    `frequency: quarterly\n${fields}`,
  ),
});

describe('the auditor site’s significant changes', () => {
  it('name only implemented controls: a planned control’s dates are no change of the system', () => {
    const files = control('PLAN-01', 'status: planned\nimplemented: 2026-03-01', validProgram());
    expect(auditorView(check(files)).significantChanges).toEqual([]);
  });

  it('are none for a Type I audit even when its program also states a period', () => {
    const typeOne = edit(validProgram(), PROGRAM, 'type: II', 'type: I\n  date: 2026-06-30');
    const files = control('NEW-01', 'implemented: 2026-03-01', typeOne);
    expect(auditorView(check(files)).significantChanges).toEqual([]);
    const typeTwo = control('NEW-01', 'implemented: 2026-03-01', validProgram());
    expect(auditorView(check(typeTwo)).significantChanges.map((change) => change.control.id)).toEqual(['NEW-01']);
  });

  it('are in date order, then by control id on the same day, whatever the order of the files', () => {
    let files = control('ZED-01', 'implemented: 2026-02-01', validProgram());
    files = control('ALF-01', 'implemented: 2026-02-01', files);
    files = control('MID-01', 'implemented: 2026-01-15\nretired: 2026-03-01', files);
    const changes = auditorView(check(files)).significantChanges;
    expect(changes.map((change) => `${change.date} ${change.control.id} ${change.change}`)).toEqual([
      '2026-01-15 MID-01 implemented',
      '2026-02-01 ALF-01 implemented',
      '2026-02-01 ZED-01 implemented',
      '2026-03-01 MID-01 retired',
    ]);
  });
});

describe('the record of grants', () => {
  it('gives no NDA title for a grant naming an NDA version the program does not hold, and keeps its version', () => {
    const version = 'f'.repeat(64);
    const result = check(withGrant({ nda_version: version }));
    const [grant] = auditorView(result).grants;
    expect(grant).toMatchObject({ ndaVersion: version });
    expect(grant!.ndaTitle).toBeUndefined();
    expect(employeeView(result).grants[0]!.ndaTitle).toBeUndefined();
  });
});

describe('the days staff have to acknowledge a policy', () => {
  it('are the program’s own when it sets them, else the default', () => {
    const files = edit(validProgram(), PROGRAM, 'as_of:', 'acknowledge_within_days: 14\nas_of:');
    expect(auditorView(check(files)).acknowledgeWithinDays).toBe(14);
    expect(auditorView(check(validProgram())).acknowledgeWithinDays).toBe(30);
  });
});

describe('the auditor site’s findings by code', () => {
  /** Staff who each lack a background check: one warning or error each, of one code. */
  const unscreened = (count: number): Files =>
    edit(
      validProgram(),
      'content/people.yaml',
      'staff:\n',
      `staff:\n${Array.from(
        { length: count },
        (_, i) => `  - { id: p${i}, role: ceo, hired: 2024-01-10, trainings: [2025-02-01, 2026-02-01] }\n`,
      ).join('')}`,
    );

  /** The one group of the code the unscreened staff raise, and its section's tone. */
  function groupOf(count: number) {
    const result = check(unscreened(count));
    const code = result.facts.findingsAbout('person', 'p0')[0]!.code;
    const sections = auditorView(result).findingSections();
    const section = sections.find((candidate) => candidate.groups.some((group) => group.code === code))!;
    return { code, group: section.groups.find((group) => group.code === code)!, sections };
  }

  it(`shows a code's findings one by one below ${GROUP_AT}, and folds them from ${GROUP_AT}`, () => {
    const below = groupOf(GROUP_AT - 1);
    expect(below.group.folded).toBe(false);
    expect(below.group.findings).toHaveLength(GROUP_AT - 1);
    expect(below.group.findings.every((finding) => finding.code === below.code)).toBe(true);
    expect(below.group.title.length).toBeGreaterThan(0);
    const at = groupOf(GROUP_AT);
    expect(at.group.folded).toBe(true);
    expect(at.group.findings).toHaveLength(GROUP_AT);
  });

  it('lists each code once, with only its own findings', () => {
    // Two unscreened people and one never trained: two codes in the same section.
    const files = edit(
      unscreened(2),
      'content/people.yaml',
      'staff:\n',
      'staff:\n  - { id: q, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [] }\n',
    );
    const sections = auditorView(check(files)).findingSections();
    expect(sections.flatMap((section) => section.groups.map((group) => group.findings.length))).toEqual([2, 1]);
    for (const section of sections) {
      const codes = section.groups.map((group) => group.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const group of section.groups) expect(group.findings.every((f) => f.code === group.code)).toBe(true);
    }
    const total = sections.reduce(
      (sum, section) => sum + section.groups.reduce((n, group) => n + group.findings.length, 0),
      0,
    );
    expect(total).toBe(sections.reduce((sum, section) => sum + Number(/\((\d+)\)/.exec(section.title)![1]), 0));
  });
});

describe('the firm’s request lists', () => {
  const withLists = (): Files => ({
    ...validProgram(),
    'content/requests/test-cpa.yaml':
      'firm: Test CPA\nrequests:\n  - { id: R-1, request: "Provide the reviews.", controls: [BASE-01], evidence: [EV-BASE-01], confirmed: true }\n',
    'content/requests/empty.yaml': 'firm: Other CPA\nrequests: []\n',
  });

  it('are those that hold a request, and the rows give our status on each request', () => {
    const view = auditorView(check(withLists()));
    expect(view.requestLists.map((list) => list.data.firm)).toEqual(['Test CPA']);
    const rows = view.requestRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'R-1' });
    expect(view.requestRows()).toBe(rows);
  });
});

describe('the policies a site shows', () => {
  const revisions: Revision[] = [{ commit: 'abc1234', date: '2026-03-01', author: 'Ada', subject: 'Approve' }];

  it('are policies, worked out once per result, site and history', () => {
    const result = check(validProgram());
    const history = new Map([['policies/acceptable-use.mdx', revisions]]);
    const first = sitePolicies('auditors', result, history);
    expect(first.every((policy) => policy.kind === 'policy')).toBe(true);
    expect(sitePolicies('auditors', result, history)).toBe(first);
    expect(sitePolicies('employees', result, history)).not.toBe(first);
  });

  it('are worked out again for another history, with its revisions', () => {
    const result = check(validProgram());
    const before = sitePolicies('auditors', result, new Map());
    const after = sitePolicies('auditors', result, new Map([['policies/acceptable-use.mdx', revisions]]));
    expect(before.find((policy) => policy.id === 'acceptable-use')!.internal!.revisions).toEqual([]);
    expect(after.find((policy) => policy.id === 'acceptable-use')!.internal!.revisions).toEqual(revisions);
  });
});
