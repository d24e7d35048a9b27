/** The period an evidence artifact covers. */
import { z } from 'astro/zod';
import { calendarDate } from './common.ts';

/** `2026`, `2026-H1`, `2026-Q1`, `2026-03` and `2026-W05` (ISO week). */
export const periodLabelPattern = /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

export const periodSchema = z.union([
  z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((value) => periodLabelPattern.test(value), {
      message: 'expected a period such as 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W05 or { start, end }',
    }),
  z
    .strictObject({ start: calendarDate, end: calendarDate })
    .refine((range) => range.start <= range.end, 'the period must start on or before its end'),
]);

export type PeriodInput = z.output<typeof periodSchema>;
