/** Building blocks shared by the document schemas: dates, ids, people, audiences, frequencies. */
import { z } from 'astro/zod';

/** Marks an issue so the engine reports it as an invalid date (TB103) rather than a wrong type. */
export const INVALID_DATE = 'invalid-date';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date, kept as its `YYYY-MM-DD` text so that no time zone can shift it.
 * YAML parsers that turn dates into `Date` objects (Astro's does) are accepted too.
 */
export const calendarDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine(isCalendarDate, {
    message: 'expected a calendar date written YYYY-MM-DD',
    params: { kind: INVALID_DATE },
  });

/** A document id: letters, digits, dots, dashes and underscores. */
export const documentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-" only');

/** A role id or staff id from content/people.yaml. */
export const personRef = documentId;

/** A Trust Services Criterion id such as `CC6.1`; the engine checks that it exists. */
export const criterionRef = z.string().min(1);

export const audiences = ['public', 'employees', 'auditors'] as const;
export type Audience = (typeof audiences)[number];

/** Who may see a document. `public` is always opt-in. */
export const audience = z.array(z.enum(audiences));

export const frequencies = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'per-event',
] as const;
export type Frequency = (typeof frequencies)[number];

/** How often a control operates or evidence is collected. */
export const frequency = z.enum(frequencies);

/** An http(s) URL. Other schemes (`javascript:`, `data:`, `file:`) are refused. */
export const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'expected an http:// or https:// URL');

/**
 * An https:// URL, for an address that receives what readers type (a form's target): over plain http a network
 * on the way reads and changes it. A loopback address (`http://127.0.0.1:8080/`, `http://localhost/`) is allowed
 * for trying a form service out on one's own machine.
 */
export const httpsUrl = z
  .string()
  .refine(
    (value) =>
      /^https:\/\/[^\s/]+/i.test(value) || /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:\/|$)/i.test(value),
    'expected an https:// URL (plain http:// only for localhost or 127.0.0.1)',
  );

/** Months between reviews. */
export const reviewMonths = z.number().int().min(1).max(60);

/**
 * What a client program in a partner workspace keeps different from the library on purpose: a frontmatter
 * field or a body section (by its heading's slug). `trustbook sync` never changes them and lists a library
 * change under one for review. Approved like any other decision.
 */
export const overrides = z
  .array(
    z
      .strictObject({
        /** The frontmatter field kept as the client has it, e.g. `review_months`. */
        field: z.string().min(1).optional(),
        /** The body section kept as the client has it: its heading's slug, e.g. `exceptions`. */
        section: z.string().min(1).optional(),
        /** Why the client differs from the library. */
        reason: z.string().min(1),
        /** Role or staff id of who approved the difference. */
        approved_by: personRef,
        /** When it was approved. */
        approved: calendarDate,
      })
      .refine((entry) => (entry.field === undefined) !== (entry.section === undefined), {
        message: 'an override names either a `field` or a `section`, one of the two',
      }),
  )
  .optional();
