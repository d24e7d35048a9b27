/**
 * `content/requests/<firm>.yaml`: the audit firm's own request list, imported by `trustbook requests import`,
 * in the firm's order and with the firm's ids, each request mapped to the controls and evidence that answer it.
 */
import { z } from 'astro/zod';
import { documentId } from './common.ts';

const ids = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

export const auditRequestSchema = z.strictObject({
  /** The firm's id for the request, as the firm wrote it (`HP-001`). */
  id: z.union([z.string().min(1), z.number()]).transform(String),
  /** The request in the firm's words. */
  request: z.string().min(1),
  /** The criteria the firm tied the request to, or that its text names (`CC6.1`). */
  criteria: ids,
  /** The controls that answer the request: the confirmed mapping. */
  controls: z.array(documentId).default([]),
  /** The evidence series that answer the request: the confirmed mapping. */
  evidence: z.array(documentId).default([]),
  /**
   * What the import proposed, by criterion and by words, for a person to confirm: move the right ids into
   * `controls` and `evidence`, delete the rest, and set `confirmed: true`.
   */
  suggested: z
    .strictObject({
      /** Controls proposed for the request. */
      controls: z.array(documentId).default([]),
      /** Evidence series proposed for the request. */
      evidence: z.array(documentId).default([]),
    })
    .optional(),
  /** True once a person has checked the mapping; an unconfirmed request is a warning (TB911). */
  confirmed: z.boolean().default(false),
});

export const requestsSchema = z.strictObject({
  /** The audit firm the list came from. */
  firm: z.string().optional(),
  /** The file the list was imported from, for the record. */
  source: z.string().optional(),
  /** The requests, in the firm's order. */
  requests: z.array(auditRequestSchema).default([]),
});

export type AuditRequest = z.output<typeof auditRequestSchema>;
export type RequestsData = z.output<typeof requestsSchema>;
