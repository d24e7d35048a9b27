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
    if (approved !== undefined && approved_by !== undefined) continue;
    const subject = { kind: 'policy' as const, id: policy.id };
    // Half an approval: the field that is written, and its value.
    const half =
      approved !== undefined
        ? (['approved', approved] as const)
        : approved_by !== undefined
          ? (['approved_by', approved_by] as const)
          : undefined;
    if (half) {
      const [field, value] = half;
      found.push(
        finding('TB215', { file: policy.file, line: lineOf(policy, field), subject }, policy.id, field, value),
      );
    } else {
      const where = { file: policy.file, line: lineOf(policy, 'version'), subject, ...evidenceSeverity(context) };
      found.push(finding('TB214', where, policy.id, title, version));
    }
  }
  return found;
};
