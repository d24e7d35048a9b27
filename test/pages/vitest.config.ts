/**
 * Pages rendered with Astro's container API, in milliseconds instead of a build: Astro's own Vite setup compiles
 * the `.astro` files, without this repository's astro.config.mjs (no integration runs, no program is checked
 * from disk). Each test renders a page from a `validProgram()` view it hands over as `locals.trustbook`.
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default getViteConfig(
  defineConfig({
    root,
    test: {
      name: 'pages',
      root,
      include: ['test/pages/**/*.test.ts'],
      // A page with an `[id]` segment imports the build's data for its `getStaticPaths`; the test hands over its own.
      alias: { 'virtual:trustbook/data': fileURLToPath(new URL('src/site/data.ts', `file://${root}`)) },
    },
  }),
  { configFile: false, root, logLevel: 'error' },
);
