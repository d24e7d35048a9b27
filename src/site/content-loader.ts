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
import type { Document, ProgramModel } from '../engine/model.ts';
import { heldSiteData } from './data.ts';

/** The documents of each collection. */
export const collectionDocuments = {
  policies: (model: ProgramModel) => model.policies,
  controls: (model: ProgramModel) => model.controls,
  procedures: (model: ProgramModel) => model.procedures,
  evidence: (model: ProgramModel) => model.evidence,
  risks: (model: ProgramModel) => model.risks,
  checklists: (model: ProgramModel) => model.checklists,
  trust: (model: ProgramModel) => model.trustPages,
  system: (model: ProgramModel) => (model.systemDescription ? [model.systemDescription] : []),
  assertion: (model: ProgramModel) => (model.assertion ? [model.assertion] : []),
} satisfies Record<string, (model: ProgramModel) => readonly Document<unknown>[]>;

export type CollectionName = keyof typeof collectionDocuments;

/** A document's entry id: its file name without the extension, as pages look it up (src/site/bodies.ts). */
export function entryId(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|mdx)$/, '');
}

export function programLoader(collection: CollectionName): Loader {
  return {
    name: `trustbook-${collection}`,
    load: async ({ config, store, generateDigest, renderMarkdown }) => {
      // A build has checked the program already; `astro sync` and `astro check` have not, and read it here.
      const result = heldSiteData()?.result ?? checkProject(fileURLToPath(config.root));
      store.clear();
      for (const document of collectionDocuments[collection](result.model)) {
        if (!/\.(md|mdx)$/.test(document.file)) continue; // a vendor kept as YAML has no body
        const entry = {
          id: entryId(document.file),
          data: {},
          body: document.body,
          filePath: document.file,
          digest: generateDigest(`${document.file}\n${document.body}`),
        };
        if (document.file.endsWith('.mdx')) {
          store.set({ ...entry, deferredRender: true });
          continue;
        }
        store.set({ ...entry, rendered: await renderMarkdown(document.body) });
      }
    },
  };
}
