/**
 * The content loader of the documentation site: README.md and docs/*.md, read where they are, so the pages
 * are never a second copy to keep in step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownPage } from './markdown-page.ts';

/** Every file the site publishes, relative to the repository's root. */
function sources(repository: string): string[] {
  const docs = readdirSync(new URL('docs/', repository))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

async function load(context: LoaderContext): Promise<void> {
  const repository = new URL('../', context.config.root).href;
  context.store.clear();
  for (const source of sources(repository)) {
    const url = new URL(source, repository);
    const page = markdownPage(source, readFileSync(url, 'utf8'));
    // Paths are relative to the docs site's root, as Astro's store expects.
    const filePath = `../${source}`;
    const data = await context.parseData({ id: page.id, data: { title: page.title }, filePath });
    context.store.set({
      id: page.id,
      data,
      body: page.body,
      filePath,
      digest: context.generateDigest(page.body),
      rendered: await context.renderMarkdown(page.body, { fileURL: url }),
    });
  }
}

export function markdownPages(): Loader {
  return {
    name: 'trustbook-markdown-pages',
    async load(context) {
      await load(context);
      // `astro dev` over the docs site: a page follows its file as it is edited.
      const folder = fileURLToPath(new URL('../', context.config.root));
      context.watcher?.add([`${folder}README.md`, `${folder}docs`]);
      context.watcher?.on('change', (path) => {
        if (path.endsWith('.md')) void load(context);
      });
    },
  };
}
