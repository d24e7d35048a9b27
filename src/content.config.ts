/**
 * Astro content collections over the program's files, with the same schemas the engine uses. Pages use
 * them only to render MDX bodies; every fact they show comes from the engine's model.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  assertionSchema,
  checklistSchema,
  controlSchema,
  evidenceSchema,
  policySchema,
  procedureSchema,
  riskSchema,
  systemDescriptionSchema,
  trustPageSchema,
} from './schema/index.ts';

/**
 * Entries are keyed by their file name, so a page finds the body of a model document by its path. The
 * folder is part of the pattern, not the base, so a program without risks or checklists yet builds quietly.
 */
const byFileName = (folder: string, files = '*.{md,mdx}') =>
  glob({
    base: '.',
    pattern: `${folder}/${files}`,
    generateId: ({ entry }) => entry.slice(entry.lastIndexOf('/') + 1).replace(/\.(md|mdx)$/, ''),
  });

export const collections = {
  policies: defineCollection({ loader: byFileName('policies'), schema: policySchema }),
  controls: defineCollection({ loader: byFileName('content/controls'), schema: controlSchema }),
  procedures: defineCollection({ loader: byFileName('content/procedures'), schema: procedureSchema }),
  evidence: defineCollection({ loader: byFileName('evidence-index'), schema: evidenceSchema }),
  risks: defineCollection({ loader: byFileName('content/risks'), schema: riskSchema }),
  checklists: defineCollection({ loader: byFileName('content/checklists'), schema: checklistSchema }),
  trust: defineCollection({ loader: byFileName('content/trust'), schema: trustPageSchema }),
  system: defineCollection({
    loader: byFileName('content', 'system-description.mdx'),
    schema: systemDescriptionSchema,
  }),
  assertion: defineCollection({ loader: byFileName('content', 'assertion.mdx'), schema: assertionSchema }),
};
