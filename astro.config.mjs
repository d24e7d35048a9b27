// @ts-check
import { defineConfig } from 'astro/config';
import trustbook from './src/integration/index.ts';

// The trustbook integration brings MDX, checks the program before the build and publishes the three sites.
export default defineConfig({
  integrations: [trustbook()],
});
