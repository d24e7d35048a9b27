/** Vendors: `content/vendors/*.mdx` or `*.yaml`. Public vendors form the trust center's subprocessor list. */
import { z } from 'astro/zod';
import { calendarDate, documentId, reviewMonths } from './common.ts';

export const assuranceTypes = ['soc2-type2', 'soc2-type1', 'iso27001', 'pci-dss', 'other', 'none'] as const;

export const vendorSchema = z.strictObject({
  /** Stable id. */
  id: documentId,
  /** The vendor's name. */
  name: z.string().min(1),
  /** What the organization uses the vendor for. */
  purpose: z.string().min(1),
  /** Kinds of data the vendor handles. */
  data: z.array(z.string().min(1)).default([]),
  /** How much the organization depends on the vendor. */
  criticality: z.enum(['low', 'medium', 'high', 'critical']),
  /** True when the vendor processes customer data on the organization's behalf. */
  subprocessor: z.boolean().default(false),
  /** Where the vendor processes data. */
  locations: z.array(z.string().min(1)).default([]),
  /** When the vendor was taken on; drives the subprocessor change feed. */
  added: calendarDate,
  /** Last vendor review. */
  reviewed: calendarDate,
  /** Reviews are due this often. */
  review_months: reviewMonths.default(12),
  /** The vendor's own assurance: a SOC report has a `period_end`, a certificate `expires`. */
  assurance: z
    .strictObject({
      /** Kind of assurance. */
      type: z.enum(assuranceTypes),
      /** Last day of the period a SOC report covers; stale a year later. */
      period_end: calendarDate.optional(),
      /** When a certificate expires. */
      expires: calendarDate.optional(),
    })
    .optional(),
  /** List the vendor on the trust center (name, purpose, data and locations only). */
  public: z.boolean().default(false),
});

export type VendorData = z.output<typeof vendorSchema>;
