/**
 * The two projects the benchmark builds over the same synthetic program: Trustbook itself (the program plus
 * this repository's src/ and integration), and a bare Astro + MDX site rendering the same MDX files as plain
 * pages with one Pagefind index, which is what a user would write by hand.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repository = resolve(import.meta.dirname, '../..');

function link(target: string, path: string): void {
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
}

/**
 * A Trustbook project at `root` whose content is the synthetic program, built as a program that installed the
 * package builds: through the compiled integration in lib/ (run `npm run build:lib` first), not the TypeScript
 * source this repository's own sample uses, which Astro's configuration loader would compile on every build.
 */
export function trustbookProject(root: string): void {
  mkdirSync(root, { recursive: true });
  link(join(repository, 'src'), join(root, 'src'));
  link(join(repository, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport trustbook from ${JSON.stringify(join(repository, 'lib/integration/index.js'))};\nexport default defineConfig({ integrations: [trustbook()] });\n`,
  );
}

/** A bare Astro 7 + MDX project at `root` over the MDX files of `program`. */
export function bareAstroProject(root: string, program: string): void {
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  link(join(repository, 'node_modules'), join(root, 'node_modules'));
  link(program, join(root, 'program'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = {\n  docs: defineCollection({ loader: glob({ base: './program', pattern: '{policies,content/controls,content/procedures,evidence-index}/*.mdx' }) }),\n};\n`,
  );
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head><body><main data-pagefind-body><h1>{String(entry.data.title)}</h1><Content /></main></body></html>\n`,
  );
  writeFileSync(
    join(root, 'index.mjs'),
    `import * as pagefind from 'pagefind';\nconst { index } = await pagefind.createIndex({ forceLanguage: 'en' });\nawait index.addDirectory({ path: 'dist' });\nawait index.writeFiles({ outputPath: 'dist/pagefind' });\nawait pagefind.close();\n`,
  );
  writeFileSync(join(root, 'build.sh'), `set -e\nnode node_modules/astro/bin/astro.mjs build\nnode index.mjs\n`);
}
