/** `content/assertion.mdx`: management's written assertion about the system and its controls. */
import { z } from 'astro/zod';
import { audience, calendarDate, personRef } from './common.ts';

export const assertionSchema = z.strictObject({
  /** The document title. */
  title: z.string().min(1).default("Management's assertion"),
  /** When management signed it. */
  date: calendarDate,
  /** Role or staff id of who signed it for management. */
  signed_by: personRef,
  /** Type II: the period the assertion speaks for; the audit window. */
  period: z.strictObject({ start: calendarDate, end: calendarDate }).optional(),
  /** Type I: the date the assertion speaks for; the report date. */
  as_of: calendarDate.optional(),
  /** Who sees it. */
  audience: audience.default(['auditors']),
});

export type AssertionData = z.output<typeof assertionSchema>;
