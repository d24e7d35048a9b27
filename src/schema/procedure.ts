/** Procedures: `content/procedures/*.mdx`, with their steps as GFM task lists. */
import { z } from 'astro/zod';
import { audience, documentId, frequency, personRef, overrides } from './common.ts';

export const procedureSchema = z.strictObject({
  /** Stable id, e.g. `offboarding`. */
  id: documentId,
  /** The procedure's name. */
  title: z.string().min(1),
  /** Role or staff id of who maintains and runs it. */
  owner: personRef,
  /** Ids of the policies it carries out. */
  policies: z.array(documentId).default([]),
  /** How often it runs. */
  frequency,
  /** Who sees it. */
  audience: audience.default(['employees', 'auditors']),
  /** One sentence for lists. */
  summary: z.string().optional(),
  /** Fields and sections a client program keeps different from its partner's library (docs/workspace.md). */
  overrides,
});

export type ProcedureData = z.output<typeof procedureSchema>;
