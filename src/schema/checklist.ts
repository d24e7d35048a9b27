/** Checklists: `content/checklists/*.mdx`, GFM task lists and `<Check>` items ticked by the build. */
import { z } from 'astro/zod';
import { audience, documentId } from './common.ts';

export const checklistSchema = z.strictObject({
  /** Stable id. */
  id: documentId,
  /** The checklist's name. */
  title: z.string().min(1),
  /** Who sees it. */
  audience: audience.default(['employees', 'auditors']),
  /** One sentence for lists. */
  summary: z.string().optional(),
});

export type ChecklistData = z.output<typeof checklistSchema>;
