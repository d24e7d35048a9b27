/**
 * A policy is approved when someone approved it: `approved_by` and `approved` are both set. Until then it is a
 * draft. Nothing measured from an approval (the next review, acknowledgements, being in force) applies to a
 * draft, and the trust center and the employee portal leave it out: a template nobody approved is not a policy
 * in force (TB214). When `effective` is unset, an approved version takes effect on the day it was approved.
 */
import type { PolicyData } from '../schema/index.ts';

/** Who approved a policy's current version, when, and when that version took effect. */
export interface PolicyApproval {
  by: string;
  on: string;
  effective: string;
}

type ApprovalFields = { data: Pick<PolicyData, 'approved' | 'approved_by' | 'effective'> };

/** The policy's approval, or undefined while it is a draft (either of `approved` and `approved_by` unset). */
export function policyApproval(policy: ApprovalFields): PolicyApproval | undefined {
  const { approved, approved_by, effective } = policy.data;
  if (approved === undefined || approved_by === undefined) return undefined;
  return { by: approved_by, on: approved, effective: effective ?? approved };
}

/** Whether someone approved the policy's current version. */
export function isApproved(policy: ApprovalFields): boolean {
  return policyApproval(policy) !== undefined;
}
