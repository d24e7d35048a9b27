/** Trust-center pages: `content/trust/*.mdx`. Always public. */
import { z } from 'astro/zod';
import { documentId } from './common.ts';

export const trustPageSchema = z.strictObject({
  /** The page title. */
  title: z.string().min(1),
  /** Stable id; defaults to the file name. */
  id: documentId.optional(),
  /** Position in the trust center's navigation, smallest first. */
  order: z.number().int().default(100),
  /** One sentence for lists. */
  summary: z.string().optional(),
});

export type TrustPageData = z.output<typeof trustPageSchema>;
