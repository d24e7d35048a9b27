/**
 * The answer library: `content/answers/*.yaml`, one ready answer to a security-questionnaire question, with the
 * policies (and their sections), controls and trust documents it rests on. Public answers form the trust
 * center's FAQ; `trustbook answers export` fills a questionnaire layout.
 */
import { z } from 'astro/zod';
import { audience, documentId } from './common.ts';

export const answerSchema = z.strictObject({
  /** Stable id; defaults to the file name. */
  id: documentId.optional(),
  /** The question as questionnaires ask it. */
  question: z.string().trim().min(1),
  /** The answer, in a few plain sentences. */
  answer: z.string().trim().min(1),
  /** The short answer, where a yes or no fits. */
  short: z.enum(['yes', 'no', 'partial', 'n/a']).optional(),
  /** A heading to group answers under (Encryption, Access control...). */
  category: z.string().trim().min(1).optional(),
  /** What the answer rests on; each must exist, and a public answer may cite only what the trust center shows. */
  cites: z
    .strictObject({
      /** Policy ids, each optionally with a section: `encryption#encryption-at-rest`. */
      policies: z.array(z.string().trim().min(1)).default([]),
      /** Control ids. */
      controls: z.array(documentId).default([]),
      /** Trust document ids (content/trust/documents/). */
      documents: z.array(documentId).default([]),
    })
    .default({ policies: [], controls: [], documents: [] }),
  /** Who may read it: `public` puts it on the trust center. */
  audience: audience.default(['employees', 'auditors']),
});

export type AnswerData = z.output<typeof answerSchema>;
