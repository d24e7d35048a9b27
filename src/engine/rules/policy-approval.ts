/**
 * A policy is approved when someone approves it (TB214): templates and `trustbook new policy` leave the approval
 * unwritten, so a company that has approved nothing shows no approved policy. A draft is a warning while the
 * program is in readiness mode and an error otherwise. An approval written half (a day without a person, or the
 * reverse) is an error of its own (TB215), and the policy counts as a draft until both are written.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const policyApprovalRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  for (const policy of model.policies) {
    const { approved, approved_by, version, title } = policy.data;
    const subject = { kind: 'policy' as const, id: policy.id };
    if (approved !== undefined && approved_by !== undefined) continue;
    if (approved !== undefined) {
      found.push(
        finding(
          'TB215',
          { file: policy.file, line: lineOf(policy, 'approved'), subject },
          policy.id,
          'approved',
          approved,
        ),
      );
    } else if (approved_by !== undefined) {
      found.push(
        finding(
          'TB215',
          { file: policy.file, line: lineOf(policy, 'approved_by'), subject },
          policy.id,
          'approved_by',
          approved_by,
        ),
      );
    } else {
      const where = { file: policy.file, line: lineOf(policy, 'version'), subject, ...evidenceSeverity(context) };
      found.push(finding('TB214', where, policy.id, title, version));
    }
  }
  return found;
};
