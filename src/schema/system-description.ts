/** `content/system-description.mdx`: the DC 200 system description, one `##` section per DC criterion. */
import { z } from 'astro/zod';
import { audience, calendarDate, personRef } from './common.ts';

export const systemDescriptionSchema = z.strictObject({
  /** The document title. */
  title: z.string().min(1),
  /** Role or staff id of who maintains it. */
  owner: personRef,
  /** Last review; due every 12 months. */
  reviewed: calendarDate,
  /** Who sees it. */
  audience: audience.default(['auditors']),
});

export type SystemDescriptionData = z.output<typeof systemDescriptionSchema>;
