/** Vendors: `content/vendors/*.mdx` or `*.yaml`. Public vendors form the trust center's subprocessor list. */
import { z } from 'astro/zod';
import { calendarDate, criterionRef, documentId, httpUrl, reviewMonths } from './common.ts';

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
  /**
   * The day a subprocessor starts processing customer data, when that is announced ahead: the trust center
   * lists it as upcoming until then, and its trust update gives the date as advance notice.
   */
  effective: calendarDate.optional(),
  /**
   * The day the company stopped using the vendor. The record stays for the audit window: the auditor site
   * shows it as removed, and the trust center no longer lists it as a subprocessor from that day.
   */
  removed: calendarDate.optional(),
  /**
   * Last vendor review. It is also management's review of the vendor's SOC report: a review older than the
   * report's `period_end` cannot have read that report (TB517).
   */
  reviewed: calendarDate,
  /** Reviews are due this often. */
  review_months: reviewMonths.default(12),
  /** The vendor's own assurance: a SOC report has a `period_end`, a certificate `expires`. */
  assurance: z
    .strictObject({
      /** Kind of assurance; a carved-out subservice organization needs `soc2-type2` (TB515). */
      type: z.enum(assuranceTypes),
      /** Last day of the period a SOC report covers; stale a year later. */
      period_end: calendarDate.optional(),
      /** When a certificate expires. */
      expires: calendarDate.optional(),
      /**
       * The vendor's letter that nothing changed since its report's period ended: it carries assurance
       * from `period_end` up to `covers_until`.
       */
      bridge_letter: z
        .strictObject({
          /**
           * The last day the letter speaks for: at most 3 months after `period_end`, and not after the
           * evaluation date (TB516).
           */
          covers_until: calendarDate,
          /** The letter, kept in the repository, relative to `evidence-index/`. */
          file: z.string().min(1).optional(),
          /** Where the letter is kept, as an http(s) URL. */
          location: httpUrl.optional(),
        })
        .refine((letter) => letter.file || letter.location, {
          message: 'a bridge letter needs a `file` or a `location`',
        })
        .optional(),
    })
    .optional(),
  /**
   * A subservice organization the SOC 2 report carves out: its controls are not tested by the auditor,
   * and the report relies on its own SOC report instead. Needs `csocs`.
   */
  carve_out: z.boolean().default(false),
  /** Complementary subservice organization controls (DC7): what the company relies on this vendor to do. */
  csocs: z
    .array(
      z.strictObject({
        /** What the vendor does, as the report will state it. */
        control: z.string().trim().min(1),
        /** The criteria that depend on it. */
        criteria: z.array(criterionRef).min(1),
      }),
    )
    .default([]),
  /** List the vendor on the trust center (name, purpose, data and locations only). */
  public: z.boolean().default(false),
});

export type VendorData = z.output<typeof vendorSchema>;
