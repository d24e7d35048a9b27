// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import trustbook from './src/integration/index.ts';

export default defineConfig({
  integrations: [mdx(), trustbook()],
});
