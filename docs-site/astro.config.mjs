// The documentation site: Starlight over the repository's own docs/*.md and README.md, which stay plain Markdown
// that reads the same on GitHub and in the package (see src/markdown-pages.ts for how a page is made of a file).
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: './dist',
  telemetry: false,
  integrations: [
    starlight({
      title: 'Trustbook',
      description: 'A SOC 2 program kept as plain files in git, checked at build time and published as static sites.',
      sidebar: [
        {
          label: 'Guides',
          items: [
            { slug: 'getting-started' },
            { slug: 'adopt' },
            { slug: 'trust-center' },
            { slug: 'going-live' },
            { slug: 'audit' },
            { slug: 'upgrade' },
            { slug: 'importing' },
            { slug: 'workspace' },
          ],
        },
        {
          label: 'Reference',
          items: [
            { slug: 'content-model' },
            { slug: 'diagnostics' },
            { slug: 'cli' },
            { slug: 'check' },
            { slug: 'sites' },
            { slug: 'security' },
            { slug: 'frameworks' },
            { slug: 'sampling' },
            { slug: 'criteria' },
            { slug: 'mutation' },
            { slug: 'internals' },
            { slug: 'architecture' },
          ],
        },
      ],
    }),
  ],
});
