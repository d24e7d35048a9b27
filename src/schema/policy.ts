/** Policies: `policies/*.mdx`. */
import { z } from 'astro/zod';
import { audience, calendarDate, criterionRef, documentId, personRef, reviewMonths, overrides } from './common.ts';

/** The policy kinds the SOC 2 checklist requires, plus the risk assessment. */
export const policyKinds = [
  'information-security',
  'incident-response',
  'data-retention',
  'acceptable-use',
  'vendor-management',
  'business-continuity',
  'risk-assessment',
] as const;
export type PolicyKind = (typeof policyKinds)[number];

export const policySchema = z.strictObject({
  /** The policy's name. */
  title: z.string().min(1),
  /** Stable id; defaults to the file name without `.mdx`. */
  id: documentId.optional(),
  /** Marks the policy as one of the documents SOC 2 requires. */
  kind: z.enum(policyKinds).optional(),
  /** The version of this text, e.g. "2.1". */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  /** Role or staff id of who maintains the policy. */
  owner: personRef,
  /**
   * Role or staff id of who approved this version. Unset until someone approves it: the policy is then a draft,
   * kept off the trust center and the employee portal (TB214). Set together with `approved`.
   */
  approved_by: personRef.optional(),
  /** When this version was approved; unset while the policy is a draft. Set together with `approved_by`. */
  approved: calendarDate.optional(),
  /** When this version took effect; unset while the policy is a draft. */
  effective: calendarDate.optional(),
  /**
   * Since when a version of the policy has been in force without a break: the day its first version took
   * effect. Defaults to `effective`. A Type II audit needs every required policy in force from the window's
   * first day, so a re-approval inside the window states this date (the auditor asks for the earlier version).
   */
  in_force_since: calendarDate.optional(),
  /** The policy must be reviewed again within this many months of `approved`. */
  review_months: reviewMonths.default(12),
  /** Criteria the policy supports. */
  criteria: z.array(criterionRef).default([]),
  /** Who sees the policy. Add `public` to publish it on the trust center. */
  audience: audience.default(['employees', 'auditors']),
  /** One or two sentences for lists and the trust center. */
  summary: z.string().optional(),
  /** Role ids of the staff who must acknowledge the policy; everyone on staff when absent. */
  applies_to: z.array(documentId).min(1).optional(),
  /** Fields and sections a client program keeps different from its partner's library (docs/workspace.md). */
  overrides,
});

export type PolicyData = z.output<typeof policySchema>;
