/**
 * The Statement of Applicability: `content/statement-of-applicability.yaml`, one file, required when ISO/IEC
 * 27001 is in scope (clause 6.1.3 d). It records a decision for every Annex A control and is approved and
 * reviewed like a policy. The controls implementing an applicable Annex A control are not listed here: they are
 * the controls citing it under `iso:`, so coverage has one source.
 */
import { z } from 'astro/zod';
import { calendarDate, documentId, personRef, reviewMonths } from './common.ts';

/** How far an applicable Annex A control is in place. */
export const soaStatuses = ['implemented', 'partially-implemented', 'planned'] as const;

/** The decision for one Annex A control. */
export const soaEntrySchema = z
  .strictObject({
    /** Whether the control applies to the ISMS. */
    applicable: z.boolean(),
    /** Applicable: the risks of content/risks/ it treats (a reason for including it). */
    risks: z.array(documentId).optional(),
    /** Applicable: the legal, regulatory, contractual or business reason for including it, in a sentence. */
    reason: z.string().trim().min(1).optional(),
    /** Applicable: how far it is in place. */
    status: z.enum(soaStatuses).optional(),
    /** Not applicable: why the control does not apply to the ISMS, in a sentence an auditor can weigh. */
    justification: z.string().trim().min(1).optional(),
    /** Role or staff id answerable for the control; the statement's `owner` when absent. */
    owner: personRef.optional(),
    /**
     * Ids of the policies and procedures that implement it, besides the controls citing it (a policy alone can
     * implement A.5.1).
     */
    documents: z.array(documentId).optional(),
  })
  .refine((entry) => !entry.applicable || entry.status !== undefined, {
    message: 'an applicable Annex A control needs a `status`: implemented, partially-implemented or planned',
    path: ['status'],
  });

export type SoaEntry = z.output<typeof soaEntrySchema>;

export const soaSchema = z.strictObject({
  /** The document's name, e.g. "Statement of Applicability". */
  title: z.string().min(1),
  /** The version of this statement, e.g. "1.2". */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  /** Role or staff id of who maintains it. */
  owner: personRef,
  /** Role or staff id of who approved this version. */
  approved_by: personRef,
  /** When this version was approved. */
  approved: calendarDate,
  /** It must be reviewed again within this many months of `approved` (default 12). */
  review_months: reviewMonths.default(12),
  /** The decision for each Annex A control, keyed by its id (`A.5.1` to `A.8.34`): all 93 need one. */
  controls: z.record(z.string(), soaEntrySchema).default({}),
});

export type SoaData = z.output<typeof soaSchema>;
