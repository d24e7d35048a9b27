/**
 * `content/acknowledgements/*.yaml`: who read which version of which policy, and when. One file per import or
 * per period, each a list; `trustbook acknowledgements import` writes them from a form's or HR tool's CSV export.
 */
import { z } from 'astro/zod';
import { calendarDate, documentId } from './common.ts';

export const acknowledgementSchema = z.strictObject({
  /** Staff id from content/people.yaml. */
  person: documentId,
  /** Policy id. */
  policy: documentId,
  /** The version of the policy acknowledged, e.g. "3.1". */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  /** SHA-256 of the policy text the person saw (its body, trimmed): the employee portal's link carries it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits'),
  /** When the person acknowledged it. */
  date: calendarDate,
});

export const acknowledgementsSchema = z.strictObject({
  /** Where the records came from, e.g. the CSV file imported. */
  source: z.string().min(1).optional(),
  /** When they were imported. */
  imported: calendarDate.optional(),
  /** One record per person, policy and version acknowledged. */
  acknowledgements: z.array(acknowledgementSchema).default([]),
});

export type AcknowledgementData = z.output<typeof acknowledgementSchema>;
export type AcknowledgementsData = z.output<typeof acknowledgementsSchema>;
