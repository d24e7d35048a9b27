/** Controls: `content/controls/*.mdx`. The body is the control narrative. */
import { z } from 'astro/zod';
import { audience, calendarDate, criterionRef, documentId, frequency, personRef, overrides } from './common.ts';

/** How an auditor tests a control, from the weakest to the strongest kind of test. */
export const controlTests = ['inquiry', 'observation', 'inspection', 're-performance'] as const;
export type ControlTest = (typeof controlTests)[number];

export const controlSchema = z
  .strictObject({
    /** Stable id, e.g. `AC-04`. */
    id: documentId,
    /** Short name of the control. */
    title: z.string().min(1),
    /** Criteria the control addresses. */
    criteria: z.array(criterionRef).min(1),
    /** ISO/IEC 27001:2022 requirements the control meets: clauses (`6.1.3`) and Annex A controls (`A.5.15`). */
    iso: z.array(z.string().min(1)).optional(),
    /** HIPAA Security Rule requirements the control meets, by CFR paragraph (`164.312(a)(2)(iv)`). */
    hipaa: z.array(z.string().min(1)).optional(),
    /** NIST CSF 2.0 subcategories the control meets (`PR.AA-01`). */
    csf: z.array(z.string().min(1)).optional(),
    /** Points of focus of those criteria the control addresses, e.g. `CC6.1.3` (see docs/criteria.md). */
    points_of_focus: z.array(z.string().min(1)).default([]),
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
    /**
     * When the control started operating, if after the audit window opened. Periods that end before it are
     * not required, and the change shows in the system description (DC9) as a significant change. Evidence
     * of the control running before it contradicts it (TB621).
     */
    implemented: calendarDate.optional(),
    /** When the control stopped operating. Periods that start after it are not required; evidence after it is TB621. */
    retired: calendarDate.optional(),
    /** How the auditor tests it; by default inspection (re-performance for automated controls). */
    test: z.enum(controlTests).optional(),
    /** What the control does to a risk. */
    type: z.enum(['preventive', 'detective', 'corrective']).optional(),
    /** True when the control runs without a person. */
    automated: z.boolean().default(false),
    /** One or two sentences published on the trust center. The narrative never is. */
    public_summary: z.string().min(1).optional(),
    /** Who sees the control page. */
    audience: audience.default(['auditors']),
    /** Fields and sections a client program keeps different from its partner's library (docs/workspace.md). */
    overrides,
  })
  .refine((control) => control.status !== 'not-applicable' || control.justification, {
    message: 'a not-applicable control needs a `justification`',
    path: ['status'],
  });

export type ControlData = z.output<typeof controlSchema>;
