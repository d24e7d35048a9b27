/** Evidence series: `evidence-index/*.mdx`. Each artifact is one collected piece of evidence. */
import { z } from 'astro/zod';
import { audience, calendarDate, documentId, frequency, httpUrl, personRef } from './common.ts';
import { periodSchema } from './period.ts';

export const artifactSchema = z
  .strictObject({
    /** When the artifact was collected. */
    collected: calendarDate,
    /**
     * When the control operated (the review was done, the test run), if earlier than `collected`: a report
     * received after the window still evidences a test performed inside it. Defaults to `collected`.
     */
    performed: calendarDate.optional(),
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
    /** The sampled item this artifact evidences, e.g. a change ticket `CHG-1042`. */
    sample: z.string().min(1).optional(),
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

/** A period in which the control did not operate as described, disclosed to the auditor. */
export const exceptionSchema = z.strictObject({
  /** The period of the series' frequency the exception concerns, e.g. `2026-Q2`, or `{ start, end }`. */
  period: periodSchema,
  /** What happened: which occurrence was missed, late or done wrongly, and why. */
  description: z.string().trim().min(1),
  /** When management disclosed it to the auditor. */
  disclosed: calendarDate,
  /** Management's response: what was done about it. */
  response: z.string().trim().min(1),
  /** When the cause was remediated, if it has been. */
  remediated: calendarDate.optional(),
  /** For a per-event series: the sampled item (event id) the exception concerns. */
  sample: z.string().min(1).optional(),
});

/**
 * The complete list of events of a per-event control in a period (every change, every new hire), from
 * which the auditor samples. `rows: 0` states that no event occurred; `note` then says how that is known.
 */
export const populationSchema = z
  .strictObject({
    /** The period the list covers; defaults to the audit window. */
    period: periodSchema.optional(),
    /** The system it was taken from, e.g. `GitHub pull requests` or `HR system`. */
    source: z.string().trim().min(1),
    /** The query, filter or report that produced it, so the auditor can run it again. */
    query: z.string().trim().min(1).optional(),
    /** When it was exported; on or after the end of its period, or it cannot be complete. */
    exported: calendarDate,
    /** How many events it lists; 0 states that none occurred, which no artifact in the period may contradict (TB413). */
    rows: z.number().int().min(0),
    /** The export, kept in the repository, relative to `evidence-index/`: one event per row, its id first (TB410, TB411). */
    file: z.string().min(1).optional(),
    /** SHA-256 of `file`. */
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits')
      .optional(),
    /** Where the export is kept, as an http(s) URL. */
    location: httpUrl.optional(),
    /**
     * The column of `file` that dates each event (e.g. `start_date`); the check then reports any row dated
     * outside the population's period, which the auditor would not accept as this window's event.
     */
    date_column: z.string().trim().min(1).optional(),
    /** Anything the auditor should know; required when `rows` is 0. */
    note: z.string().trim().min(1).optional(),
  })
  .refine((population) => population.rows === 0 || population.file || population.location, {
    message: 'a population with events needs the export: a `file` or a `location`',
  })
  .refine((population) => !population.file || population.sha256, {
    message: 'a population `file` needs its `sha256`',
    path: ['file'],
  })
  .refine((population) => population.rows > 0 || population.note, {
    message: 'a population of 0 rows states that no event occurred: say how that is known in `note`',
    path: ['rows'],
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
  /**
   * Why this series is collected less often than its control operates, when it is (e.g. a monthly export of
   * daily jobs). It explains a cadence, never fewer occurrences: each occurrence of the control's frequency must
   * lie inside an artifact's `period` or a disclosed exception (TB620), and the sample is drawn from them.
   */
  frequency_note: z.string().trim().min(1).optional(),
  /** Periods in which the control did not operate as described, disclosed to the auditor. */
  exceptions: z.array(exceptionSchema).default([]),
  /** Per-event series: the list of events for the audit window (or for each part of it). */
  population: z.array(populationSchema).default([]),
  /**
   * A per-event series about people: its events are the window's `new-hires` or `leavers` in
   * content/people.yaml. Without an export the staff register is the population; with one, the export's
   * `person` column (else its first) must name exactly the register's cohort.
   */
  cohort: z.enum(['new-hires', 'leavers']).optional(),
  /** Who sees the evidence series. */
  audience: audience.default(['auditors']),
});

export type ArtifactData = z.output<typeof artifactSchema>;
export type EvidenceData = z.output<typeof evidenceSchema>;
export type ExceptionData = z.output<typeof exceptionSchema>;
export type PopulationData = z.output<typeof populationSchema>;
