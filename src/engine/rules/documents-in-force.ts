/**
 * Required documents across the period: a policy the SOC 2 checklist requires must have been in force from
 * the first day the report speaks for (the Type II window's start, or the Type I report date), not only on
 * the evaluation date. A first version that took effect in month nine is a finding; a re-approval inside the
 * window is not, when the policy says since when it has been in force (`in_force_since`).
 */
import type { PolicyData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { policyApproval, type PolicyApproval } from '../policy-approval.ts';
import type { Rule } from './context.ts';
import { requiredPolicyKinds } from './required-documents.ts';

/** The first day the report speaks for, once the evaluation date has reached it. */
export function reportStart(model: ProgramModel, asOf: string): string | undefined {
  const audit = model.program?.data.audit;
  const start = audit?.type === 'II' ? audit.period?.start : audit?.date;
  return start !== undefined && asOf >= start ? start : undefined;
}

/**
 * Since when a version of the approved policy has been in force: the earlier of `in_force_since` and the day
 * its approved version took effect.
 */
export function inForceSince(policy: PolicyData, approval: PolicyApproval): string {
  const since = policy.in_force_since;
  return since !== undefined && since < approval.effective ? since : approval.effective;
}

export const documentsInForceRule: Rule = (model, context) => {
  const start = reportStart(model, context.asOf);
  if (!start) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { kind, name } of requiredPolicyKinds) {
    // Only approved policies in force today stand for the kind (the required-documents rule reports a missing
    // one, TB214 a draft).
    const candidates = model.policies.flatMap((policy) => {
      const approval = policyApproval(policy);
      if (policy.data.kind !== kind || !approval || approval.effective > context.asOf) return [];
      return [{ policy, since: inForceSince(policy.data, approval) }];
    });
    if (candidates.length === 0 || candidates.some(({ since }) => since <= start)) continue;
    const first = candidates.sort((a, b) => a.since.localeCompare(b.since))[0]!;
    diagnostics.push(notInForce(first.policy, first.since, name, start));
  }
  return diagnostics;
};

function notInForce(policy: Document<PolicyData>, since: string, name: string, start: string): Diagnostic {
  const field = policy.data.in_force_since !== undefined ? 'in_force_since' : 'effective';
  // An approved version without `effective` took effect on its approval: that is the line that says so.
  const line = lineOf(policy, field === 'effective' && policy.data.effective === undefined ? 'approved' : field);
  const where = { file: policy.file, line, subject: { kind: 'policy' as const, id: policy.id } };
  return finding('TB316', where, name, since, start, field);
}
