/** Controls: `content/controls/*.mdx`. The body is the control narrative. */
import { z } from 'astro/zod';
import { audience, criterionRef, documentId, frequency, personRef } from './common.ts';

export const controlSchema = z
  .strictObject({
    /** Stable id, e.g. `AC-04`. */
    id: documentId,
    /** Short name of the control. */
    title: z.string().min(1),
    /** Criteria the control addresses. */
    criteria: z.array(criterionRef).min(1),
    /** Ids of the policies the control implements. */
    policies: z.array(documentId).default([]),
    /** Ids of the procedures that carry the control out. */
    procedures: z.array(documentId).default([]),
    /** Role or staff id of who operates the control. */
    owner: personRef,
    /** How often the control operates. */
    frequency,
    /** Only implemented controls count towards coverage and need evidence. */
    status: z.enum(['implemented', 'planned', 'not-applicable']).default('implemented'),
    /** Why the control does not apply; required with `status: not-applicable`. */
    justification: z.string().min(1).optional(),
    /** What the control does to a risk. */
    type: z.enum(['preventive', 'detective', 'corrective']).optional(),
    /** True when the control runs without a person. */
    automated: z.boolean().default(false),
    /** One or two sentences published on the trust center. The narrative never is. */
    public_summary: z.string().min(1).optional(),
    /** Who sees the control page. */
    audience: audience.default(['auditors']),
  })
  .refine((control) => control.status !== 'not-applicable' || control.justification, {
    message: 'a not-applicable control needs a `justification`',
    path: ['status'],
  });

export type ControlData = z.output<typeof controlSchema>;
