/**
 * Run after `astro build --root docs-site`: fails when a page of the built site links to a page or a heading
 * that does not exist, naming the page, the link and what is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findDeadLinks } from './src/dead-links.ts';

const dist = join(import.meta.dirname, 'dist');
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'));
const pages = new Map(
  files.filter((file) => file.endsWith('.html')).map((file) => [file, readFileSync(join(dist, file), 'utf8')]),
);
const dead = findDeadLinks(pages, new Set(files));
for (const link of dead) console.error(`docs-site/dist/${link.page}: dead link ${link.href}: ${link.reason}`);
if (dead.length > 0) {
  console.error(
    `${dead.length} dead link${dead.length === 1 ? '' : 's'}: fix the link in the Markdown file the page comes from.`,
  );
  process.exit(1);
}
console.log(`links checked: ${pages.size} pages, no dead link`);
