/** `content/people.yaml`: roles and staff records. Never public. */
import { z } from 'astro/zod';
import { calendarDate, documentId } from './common.ts';

export const roleSchema = z.strictObject({
  /** Role id that documents name as `owner` or `approved_by`. */
  id: documentId,
  /** The role's title. */
  title: z.string().min(1),
});

export const staffSchema = z.strictObject({
  /** Staff id. */
  id: documentId,
  /** Full name. */
  name: z.string().min(1).optional(),
  /** Role id from `roles`. */
  role: documentId,
  /** First day of work. */
  hired: calendarDate,
  /** Date the background check was completed. */
  background_check: calendarDate.optional(),
  /** Dates of completed security awareness training. */
  trainings: z.array(calendarDate).default([]),
  /** When the person's accounts were set up (onboarding). */
  access_granted: calendarDate.optional(),
  /** Last day of work; records of people who left are kept, and their offboarding is checked. */
  left: calendarDate.optional(),
  /** When the last of the leaver's access was removed; due within `access_removal_days` of `left`. */
  access_removed: calendarDate.optional(),
});

export const peopleSchema = z.strictObject({
  /** Roles that own documents. */
  roles: z.array(roleSchema).default([]),
  /** One record per person. */
  staff: z.array(staffSchema).default([]),
});

export type PeopleData = z.output<typeof peopleSchema>;
export type StaffData = z.output<typeof staffSchema>;
export type RoleData = z.output<typeof roleSchema>;
