/**
 * The policy-approval rule called directly: a draft (TB214) on its `version` line, deferred in readiness mode;
 * half an approval (TB215), a day without a person or a person without a day, on the line of the field that is
 * written, always an error; and nothing for a policy approved in full.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { policyApprovalRule } from '../../src/engine/rules/policy-approval.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const POLICY = 'policies/backup.mdx';

/** A policy whose lines 2 to 4 are title, version, owner, and then the approval lines given. */
const policy = (...approval: string[]) =>
  `---\ntitle: Backup\nversion: "1.2"\nowner: engineer\n${approval.map((line) => `${line}\n`).join('')}---\n\nBack up.\n`;

const run = (text: string, readiness = false) =>
  policyApprovalRule(smallModel({ [POLICY]: text }), ruleContext('2026-07-15', { readiness }));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('a draft (TB214)', () => {
  it('is an error on its `version` line', () => {
    const found = run(policy());
    expect(described(found)).toEqual([
      `error TB214 ${POLICY}:3 policy/backup: policy backup ("Backup") version 1.2 has not been approved: it is a draft, so the trust center and the employee portal leave it out`,
    ]);
    expect(found[0]!.hint).toMatch(/^Once someone has approved backup, record it/);
  });

  it('is deferred to a marked warning in readiness mode', () => {
    expect(run(policy(), true)).toEqual([
      expect.objectContaining({ code: 'TB214', severity: 'warning', deferred: true }),
    ]);
  });
});

describe('half an approval (TB215)', () => {
  it('is an error on the `approved` line for a day without a person, even in readiness mode', () => {
    const found = run(policy('effective: 2026-03-01', 'approved: 2026-03-01'), true);
    expect(described(found)).toEqual([
      `error TB215 ${POLICY}:6 policy/backup: policy backup says it was approved on 2026-03-01 but not by whom (\`approved_by\` is missing)`,
    ]);
    expect(found[0]).not.toHaveProperty('deferred');
  });

  it('is an error on the `approved_by` line for a person without a day', () => {
    expect(described(run(policy('effective: 2026-03-01', 'approved_by: ceo')))).toEqual([
      `error TB215 ${POLICY}:6 policy/backup: policy backup says it was approved by ceo but not when (\`approved\` is missing)`,
    ]);
  });
});

describe('a policy approved in full', () => {
  it('asks nothing', () => {
    expect(run(policy('approved_by: ceo', 'approved: 2026-03-01'))).toEqual([]);
  });

  it('is judged apart from a draft beside it', () => {
    const model = smallModel({
      [POLICY]: policy('approved_by: ceo', 'approved: 2026-03-01'),
      'policies/draft.mdx': policy(),
    });
    expect(policyApprovalRule(model, ruleContext('2026-07-15')).map((d) => `${d.code} ${d.subject?.id}`)).toEqual([
      'TB214 draft',
    ]);
  });
});
