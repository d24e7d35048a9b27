// @ts-check
import { defineConfig } from 'astro/config';
import trustbook from 'trustbook';

// `trustbook` is the same entry point a program installed from npm uses: the integration brings MDX, checks the
// program before the build and publishes the three sites.
export default defineConfig({
  integrations: [trustbook()],
});
