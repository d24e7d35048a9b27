import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { markdownPages } from './markdown-pages.ts';

export const collections = {
  docs: defineCollection({ loader: markdownPages(), schema: docsSchema() }),
};
