import { describe, expect, it } from 'vitest';
import { acknowledgeLink, compareVersions, policyTextHash } from '../../src/engine/policy-text.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const PEOPLE = 'content/people.yaml';
const ACKS = 'content/acknowledgements/2026-07-01-form.yaml';
const POLICIES = [
  'information-security',
  'incident-response',
  'data-retention',
  'acceptable-use',
  'vendor-management',
  'business-continuity',
  'risk-management',
];

/** The hash of a policy's current text, as the model reads it. */
function hashOf(files: Files, policy: string): string {
  const document = check(files).model.policies.find((candidate) => candidate.id === policy)!;
  return policyTextHash(document.body);
}

interface Ack {
  person: string;
  policy: string;
  version?: string;
  sha256?: string;
  date?: string;
}

function withAcks(files: Files, acks: Ack[]): Files {
  const lines = acks.map(
    (ack) =>
      `  - { person: ${ack.person}, policy: ${ack.policy}, version: "${ack.version ?? '1.0'}", sha256: ${ack.sha256 ?? hashOf(files, ack.policy)}, date: ${ack.date ?? '2026-03-10'} }`,
  );
  return { ...files, [ACKS]: `acknowledgements:\n${lines.join('\n')}\n` };
}

/** Ada has acknowledged every policy of the test program, as of 2026-07-15. */
function acknowledgedByAda(files: Files = validProgram()): Files {
  return withAcks(
    files,
    POLICIES.map((policy) => ({ person: 'ada', policy })),
  );
}

const addStaff = (files: Files, record: string) => edit(files, PEOPLE, /staff:\n/, `staff:\n  - ${record}\n`);

describe('policy acknowledgements', () => {
  it('are complete when every current staff member acknowledged every policy that applies to them', () => {
    const result = check(acknowledgedByAda());
    expect(findings(result, 'TB520')).toEqual([]);
    expect(result.diagnostics.filter((d) => /TB52/.test(d.code))).toEqual([]);
  });

  it('are overdue for a person who never acknowledged, naming the person and the policy', () => {
    const files = edit(acknowledgedByAda(), ACKS, /\n {2}- \{ person: ada, policy: acceptable-use[^\n]*/, '');
    const [finding, ...rest] = findings(check(files), 'TB520');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      file: PEOPLE,
      subject: { kind: 'person', id: 'ada' },
    });
    expect(finding!.message).toContain('acceptable-use version 1.x');
    expect(finding!.message).toContain('due 2026-03-31');
  });

  it('are not chased from leavers who owed none when they left', () => {
    const files = addStaff(
      acknowledgedByAda(),
      '{ id: bob, role: ceo, hired: 2024-02-01, background_check: 2024-01-20, trainings: [2025-02-01, 2026-02-01], left: 2026-03-20, access_removed: 2026-03-20 }',
    );
    expect(findings(check(files), 'TB520').filter((d) => d.subject?.id === 'bob')).toEqual([]);
  });

  it('are reported for a leaver of the window who was overdue on their last day: a deviation in the window', () => {
    const files = addStaff(
      acknowledgedByAda(),
      '{ id: bob, role: ceo, hired: 2024-02-01, background_check: 2024-01-20, trainings: [2025-02-01, 2026-02-01], left: 2026-05-01, access_removed: 2026-05-01 }',
    );
    const bob = findings(check(files), 'TB520').filter((d) => d.subject?.id === 'bob');
    expect(bob).toHaveLength(POLICIES.length);
    expect(bob[0]).toMatchObject({ severity: 'error' });
    expect(bob[0]!.message).toContain('when they left on 2026-05-01 (due 2026-03-31, 31 days overdue)');
  });

  it('once disclosed as an exception about that one acknowledgement, are a warning until remediated', () => {
    const missing = edit(acknowledgedByAda(), ACKS, /\n {2}- \{ person: ada, policy: acceptable-use[^\n]*/, '');
    const disclosed = (remediated: string) =>
      edit(
        missing,
        'evidence-index/EV-BASE-01.mdx',
        /---\n\nExported/,
        `exceptions:\n  - { period: 2026-Q2, sample: ada/acceptable-use, description: "Not acknowledged in time.", disclosed: 2026-07-01, response: "Reminder sent."${remediated} }\n---\n\nExported`,
      );
    expect(findings(check(disclosed('')), 'TB520')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('disclosed as an exception in EV-BASE-01, not yet remediated'),
      }),
    ]);
    expect(findings(check(disclosed(', remediated: 2026-07-10')), 'TB520')).toEqual([]);
    // An exception about another policy of the same person discloses nothing about this one.
    const other = edit(disclosed(''), 'evidence-index/EV-BASE-01.mdx', 'ada/acceptable-use', 'ada/data-retention');
    expect(findings(check(other), 'TB520')[0]).toMatchObject({ severity: 'error' });
  });

  it('are due within the allowed days of a new hire’s first day: a warning until then', () => {
    const files = addStaff(
      acknowledgedByAda(),
      '{ id: cleo, role: ceo, hired: 2026-07-01, background_check: 2026-06-20, trainings: [2026-07-02] }',
    );
    const own = findings(check(files), 'TB520').filter((d) => d.subject?.id === 'cleo');
    expect(own).toHaveLength(POLICIES.length);
    expect(own.every((d) => d.severity === 'warning' && d.message.includes('by 2026-07-31'))).toBe(true);
  });

  it('start again with a new major version, and not with a minor one', () => {
    const policy = 'policies/acceptable-use.mdx';
    const bump = (version: string) =>
      edit(
        edit(acknowledgedByAda(), policy, 'version: "1.0"', `version: "${version}"`),
        policy,
        'effective: 2026-03-01',
        'effective: 2026-05-01',
      );
    const major = findings(check(bump('2.0')), 'TB520');
    expect(major).toHaveLength(1);
    expect(major[0]!.message).toMatch(/acceptable-use version 2\.x \(due 2026-05-31/);
    expect(findings(check(bump('1.1')), 'TB520')).toEqual([]);
  });

  it('are asked only of the roles a policy applies to', () => {
    const files = edit(
      withAcks(
        validProgram(),
        POLICIES.slice(1).map((policy) => ({ person: 'ada', policy })),
      ),
      'policies/information-security.mdx',
      'version: "1.0"',
      'version: "1.0"\napplies_to: [security-lead]',
    );
    expect(findings(check(files), 'TB520')).toEqual([]);
  });

  it('report a role in applies_to that does not exist', () => {
    const files = edit(
      acknowledgedByAda(),
      'policies/information-security.mdx',
      'version: "1.0"',
      'version: "1.0"\napplies_to: [security-leed]',
    );
    const [finding] = findings(check(files), 'TB206');
    expect(finding).toMatchObject({ file: 'policies/information-security.mdx', line: 5 });
    expect(finding!.hint).toContain('security-lead');
  });

  it('name an unknown person or policy', () => {
    const files = withAcks(acknowledgedByAda(), [
      ...POLICIES.map((policy) => ({ person: 'ada', policy })),
      { person: 'adda', policy: 'incident-response' },
      { person: 'ada', policy: 'incident-responce', sha256: 'f'.repeat(64) },
    ]);
    const found = findings(check(files), 'TB522');
    expect(found.map((d) => [d.subject, d.line])).toEqual([
      [{ kind: 'person', id: 'adda' }, 9],
      [{ kind: 'policy', id: 'incident-responce' }, 10],
    ]);
    expect(found[0]!.hint).toContain('`ada`');
    expect(found[1]!.hint).toContain('`incident-response`');
  });

  it('reject a version that never existed and a hash of a text that never existed', () => {
    const withVersion = withAcks(validProgram(), [
      ...POLICIES.map((policy) => ({ person: 'ada', policy })),
      { person: 'ada', policy: 'acceptable-use', version: '2.0', sha256: 'b'.repeat(64) },
      { person: 'ada', policy: 'data-retention', version: '1.0', sha256: 'a'.repeat(64) },
    ]);
    const messages = findings(check(withVersion), 'TB521').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining('version 2.0 of acceptable-use never existed (the current version is 1.0)'),
      expect.stringContaining('matches no text of data-retention version 1.0'),
    ]);
  });

  it('accept an older version as history without counting it for the current one', () => {
    const files = edit(acknowledgedByAda(), 'policies/acceptable-use.mdx', 'version: "1.0"', 'version: "2.0"');
    const result = check(files);
    expect(findings(result, 'TB521')).toEqual([]);
    expect(findings(result, 'TB520').map((d) => d.message)).toEqual([
      expect.stringContaining('acceptable-use version 2.x'),
    ]);
  });

  it('may not be dated in the future or before the person was hired', () => {
    const files = withAcks(validProgram(), [
      ...POLICIES.slice(2).map((policy) => ({ person: 'ada', policy })),
      { person: 'ada', policy: 'information-security', date: '2026-08-01' },
      { person: 'ada', policy: 'incident-response', date: '2023-12-01' },
    ]);
    const result = check(files);
    expect(findings(result, 'TB523').map((d) => d.message)).toEqual([
      expect.stringContaining('in the future'),
      expect.stringContaining('before they were hired (2024-01-10)'),
    ]);
    // Neither counts as acknowledging.
    expect(findings(result, 'TB520')).toHaveLength(2);
  });

  it('are not chased from a program that does not track them yet', () => {
    expect(findings(check(validProgram()), 'TB520')).toEqual([]);
  });
});

describe('the acknowledge link', () => {
  it('carries the policy, the version and the hash of the text, URL-encoded', () => {
    const sha256 = policyTextHash('## Purpose\n\nText.');
    const link = new URL(
      acknowledgeLink('https://forms.test.example/ack?from=portal', { id: 'a&b', version: '3.1', sha256 }),
    );
    expect(link.origin + link.pathname).toBe('https://forms.test.example/ack');
    expect(Object.fromEntries(link.searchParams)).toEqual({ from: 'portal', policy: 'a&b', version: '3.1', sha256 });
    expect(link.search).toContain('policy=a%26b');
  });

  it('hashes the same text the same whatever its line endings and surrounding blank lines', () => {
    expect(policyTextHash('\n## Purpose\r\n\r\nText.\r\n\n')).toBe(policyTextHash('## Purpose\n\nText.'));
  });

  it('orders versions part by part', () => {
    expect(compareVersions('3.10', '3.9')).toBeGreaterThan(0);
    expect(compareVersions('3', '3.0')).toBe(0);
  });
});

describe('acknowledgements across the window', () => {
  const acknowledgedOn = (date: string) =>
    withAcks(
      validProgram(),
      POLICIES.map((policy) => ({ person: 'ada', policy, date: policy === 'acceptable-use' ? date : '2026-03-10' })),
    );

  it('counts an acknowledgement on its due date as on time, and one a day later as a late deviation', () => {
    // Every policy took effect 2026-03-01: acknowledgements are due 30 days later, 2026-03-31.
    expect(findings(check(acknowledgedOn('2026-03-31')), 'TB524')).toEqual([]);
    expect(findings(check(acknowledgedOn('2026-04-01')), 'TB524')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: PEOPLE,
        subject: { kind: 'person', id: 'ada' },
        message: 'ada acknowledged acceptable-use version 1.x only after it was due (2026-03-31)',
      }),
    ]);
  });

  it('keeps a late acknowledgement disclosed as an exception a warning until it is remediated', () => {
    const files = edit(
      acknowledgedOn('2026-04-01'),
      'evidence-index/EV-BASE-01.mdx',
      '---\n\nExported',
      'exceptions:\n  - { period: 2026-Q2, sample: ada/acceptable-use, description: "Acknowledged a day late.", disclosed: 2026-07-05, response: "Reminders now go out a week ahead." }\n---\n\nExported',
    );
    expect(findings(check(files), 'TB524')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('refuses an acknowledgement dated before the version it names was approved', () => {
    const result = check(acknowledgedOn('2026-02-28'));
    expect(findings(result, 'TB525')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: ACKS,
        message:
          "ada's acknowledgement of acceptable-use version 1.0 is dated 2026-02-28, before that version was approved (2026-03-01)",
      }),
    ]);
    // It does not count: the policy is still to acknowledge.
    expect(findings(result, 'TB520').map((d) => d.message)).toEqual([
      expect.stringContaining('has not acknowledged acceptable-use'),
    ]);
    expect(findings(check(acknowledgedOn('2026-03-01')), 'TB525')).toEqual([]);
  });
});
