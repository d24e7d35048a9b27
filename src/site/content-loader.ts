/**
 * The content collections' loader: it hands Astro the documents the engine has already read and checked, so a
 * build reads and parses each file once (Astro's glob loader would read each file again and parse its
 * frontmatter a second time). Collections exist only to render bodies; every fact a page shows comes from
 * the model. MDX bodies render deferred, from their file, as the glob loader does it; Markdown bodies render
 * here with the loader's own Markdown renderer.
 */
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../engine/index.ts';
import { documentKindList, type DocumentKind } from '../engine/document-kinds.ts';
import { allDocuments } from '../engine/model.ts';
import { heldSiteData } from 'virtual:trustbook/data';
import { entryId } from './entry-id.ts';

/** The content collections: one per document kind whose bodies the sites render (src/engine/document-kinds.ts). */
export const collectionKinds: ReadonlyMap<string, DocumentKind> = new Map(
  documentKindList.flatMap((info) => (info.collection ? [[info.collection, info.kind] as const] : [])),
);

export function programLoader(collection: string): Loader {
  const kind = collectionKinds.get(collection);
  return {
    name: `trustbook-${collection}`,
    load: async ({ config, store, generateDigest, renderMarkdown }) => {
      // A build has checked the program already; `astro sync` and `astro check` have not, and read it here.
      const result = heldSiteData()?.result ?? checkProject(fileURLToPath(config.root));
      store.clear();
      for (const document of allDocuments(result.model).filter((candidate) => candidate.kind === kind)) {
        if (!/\.(md|mdx)$/.test(document.file)) continue; // a vendor kept as YAML has no body
        const entry = {
          id: entryId(document.file),
          data: {},
          filePath: document.file,
          digest: generateDigest(`${document.file}\n${document.body}`),
        };
        // No `body`: an MDX body renders from its file, a Markdown one here, and nothing else reads it; kept,
        // every body would sit in Astro's data store a second time, and be written to its cache.
        if (document.file.endsWith('.mdx')) {
          store.set({ ...entry, deferredRender: true });
          continue;
        }
        store.set({ ...entry, rendered: await renderMarkdown(document.body) });
      }
    },
  };
}
