/**
 * The lower bound for the check's reading of MDX bodies: read the same files, cut off their frontmatter, and
 * parse each body with the parser the check and the build use (Sätteri's `mdxToMdast`), nothing more.
 * Usage: node bare-parse.ts DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';

const root = process.argv[2]!;
let bodies = 0;
for (const folder of ['policies', 'content/controls', 'content/procedures', 'evidence-index', 'content']) {
  for (const name of readdirSync(join(root, folder))) {
    if (!name.endsWith('.mdx')) continue;
    const text = readFileSync(join(root, folder, name), 'utf8');
    const end = text.indexOf('\n---', 3);
    mdxToMdast(text.slice(text.indexOf('\n', end + 1) + 1));
    bodies++;
  }
}
console.log(`${bodies} bodies parsed`);
