/**
 * `evidence-index/samples/<window>.yaml`: the sample `trustbook sample` drew for an audit window, so that the
 * auditor can draw it again from the seed and the population, and the check can tie each item to its evidence.
 */
import { z } from 'astro/zod';
import { calendarDate, documentId } from './common.ts';

export const sampledSeriesSchema = z.strictObject({
  /** The evidence series sampled. */
  series: documentId,
  /** The controls it evidences. */
  controls: z.array(documentId).default([]),
  /** `events` for a per-event series (rows of its population), `periods` for a periodic one (the calendar). */
  kind: z.enum(['events', 'periods']),
  /** What was sampled from: how many items, and the SHA-256 of the list in order. */
  population: z.strictObject({
    /** Items in the population. */
    size: z.number().int().min(0),
    /** SHA-256 of the population's items, one per line, in order; the check compares it with today's. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits'),
  }),
  /** How many items were selected: from the size table, for this frequency and population. */
  size: z.number().int().min(0),
  /** The selected items: event ids (the first column of the population) or period labels. */
  items: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});

export const samplesSchema = z.strictObject({
  /**
   * The seed the selection started from; `trustbook sample` always writes it. Without it nobody can draw the
   * sample again, and the check asks for a new draw.
   */
  seed: z.number().int().min(0).optional(),
  /** The audit window sampled. */
  window: z.strictObject({ start: calendarDate, end: calendarDate }),
  /** When the sample was drawn. */
  drawn: calendarDate,
  /** How items were chosen, in words: see docs/sampling.md. */
  method: z.string().min(1),
  /** One entry per sampled evidence series. */
  samples: z.array(sampledSeriesSchema).default([]),
});

export type SampledSeries = z.output<typeof sampledSeriesSchema>;
export type SamplesData = z.output<typeof samplesSchema>;
