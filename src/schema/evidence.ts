/** Evidence series: `evidence-index/*.mdx`. Each artifact is one collected piece of evidence. */
import { z } from 'astro/zod';
import { audience, calendarDate, documentId, frequency, httpUrl, personRef } from './common.ts';
import { periodSchema } from './period.ts';

export const artifactSchema = z
  .strictObject({
    /** When the artifact was collected. */
    collected: calendarDate,
    /** The period it covers; when absent, the period of the series' frequency that holds `collected`. */
    period: periodSchema.optional(),
    /** Where the artifact is kept: an http(s) URL. */
    location: httpUrl.optional(),
    /** A file kept in the repository, relative to `evidence-index/`. */
    file: z.string().min(1).optional(),
    /** SHA-256 of `file`, 64 hex digits; the check verifies it. */
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits')
      .optional(),
    /** Anything the auditor should know about this artifact. */
    note: z.string().optional(),
  })
  .refine((artifact) => artifact.location || artifact.file, {
    message: 'an artifact needs a `location` (URL) or a `file`',
  })
  .refine((artifact) => !artifact.file || artifact.sha256, {
    message: 'an artifact `file` needs its `sha256`',
    path: ['file'],
  });

export const evidenceSchema = z.strictObject({
  /** Stable id, e.g. `EV-AC-04`. */
  id: documentId,
  /** What the evidence is. */
  title: z.string().min(1),
  /** Ids of the controls this evidence proves. */
  controls: z.array(documentId).min(1),
  /** Role or staff id of who collects it. */
  owner: personRef,
  /** How often an artifact is collected. */
  frequency,
  /** The collected artifacts, in any order. */
  artifacts: z.array(artifactSchema).default([]),
  /** Who sees the evidence series. */
  audience: audience.default(['auditors']),
});

export type ArtifactData = z.output<typeof artifactSchema>;
export type EvidenceData = z.output<typeof evidenceSchema>;
