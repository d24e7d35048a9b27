/**
 * The two projects the benchmark builds over the same synthetic program: Trustbook itself (the program plus
 * this repository's src/ and integration), and a bare Astro + MDX build doing the same work by hand: each MDX
 * document rendered as a plain page on every site that shows it (public, employees, auditors, by its
 * `audience` or its kind's default), and one Pagefind index per site, so the ratio of the two is Trustbook's
 * own overhead (its check, layouts, lists, exports, leak scan) rather than more pages.
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

/**
 * Which sites show a document, as Trustbook decides it: its `audience` when it has one, else its kind's
 * default (policies and procedures: employees and auditors; controls and evidence: auditors only). The
 * public site shows only what opts in.
 */
const audienceModule = `const staff = ['employees', 'auditors'];
export function shows(site, entry) {
  const audience =
    entry.data.audience ??
    (entry.id.startsWith('policies/') || entry.id.startsWith('content/procedures/') ? staff : ['auditors']);
  return audience.includes(site);
}
`;

const page = (site: string) =>
  `---\nimport { getCollection, render } from 'astro:content';\nimport { shows } from '../../audience.mjs';\nexport async function getStaticPaths() {\n  return (await getCollection('docs')).filter((entry) => shows(${JSON.stringify(site)}, entry)).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head><body><main data-pagefind-body><h1>{String(entry.data.title)}</h1><Content /></main></body></html>\n`;

export const bareSites = ['public', 'employees', 'auditors'] as const;

/**
 * A bare Astro 7 + MDX project at `root` over the MDX files of `program`: one build writing the three sites'
 * pages under dist/<site>/, then a Pagefind index in each, the three built at once as Trustbook builds them.
 */
export function bareAstroProject(root: string, program: string): void {
  rmSync(join(root, 'src'), { recursive: true, force: true });
  for (const site of bareSites) mkdirSync(join(root, 'src/pages', site), { recursive: true });
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
  writeFileSync(join(root, 'src/audience.mjs'), audienceModule);
  for (const site of bareSites) writeFileSync(join(root, 'src/pages', site, '[...slug].astro'), page(site));
  writeFileSync(
    join(root, 'index.mjs'),
    `import * as pagefind from 'pagefind';\nasync function indexSite(site) {\n  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });\n  const added = await index.addDirectory({ path: 'dist/' + site });\n  await index.writeFiles({ outputPath: 'dist/' + site + '/pagefind' });\n  return added.page_count;\n}\nconst counts = await Promise.all(${JSON.stringify(bareSites)}.map(indexSite));\nawait pagefind.close();\nprocess.stdout.write(JSON.stringify(counts));\n`,
  );
  writeFileSync(join(root, 'build.sh'), `set -e\nnode node_modules/astro/bin/astro.mjs build\nnode index.mjs\n`);
}
