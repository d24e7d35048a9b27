/** Risks: `content/risks/*.mdx`, the risk register. */
import { z } from 'astro/zod';
import { audience, calendarDate, documentId, personRef } from './common.ts';

const score = z.number().int().min(1).max(5);

export const riskSchema = z.strictObject({
  /** Stable id, e.g. `R-01`. */
  id: documentId,
  /** The risk in a few words. */
  title: z.string().min(1),
  /** Role or staff id of who owns the risk. */
  owner: personRef,
  /** Likelihood before treatment, 1 (rare) to 5 (almost certain). */
  likelihood: score,
  /** Impact before treatment, 1 (negligible) to 5 (severe). */
  impact: score,
  /** How the risk is treated. */
  treatment: z.enum(['mitigate', 'accept', 'transfer', 'avoid']),
  /** Ids of the controls that treat it. */
  controls: z.array(documentId).default([]),
  /** The rating after treatment. */
  residual: z.enum(['low', 'medium', 'high', 'critical']),
  /** Last review of this risk; the register is reviewed every 12 months. */
  reviewed: calendarDate,
  /** When the treatment must be complete. */
  due: calendarDate.optional(),
  /** Who sees it. */
  audience: audience.default(['auditors']),
});

export type RiskData = z.output<typeof riskSchema>;
