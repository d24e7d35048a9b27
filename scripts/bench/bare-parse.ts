/**
 * The lower bound for the check's reading of MDX bodies: read the same files, cut off their frontmatter, and
 * parse each body with the parser the check and the build use (Sätteri), nothing more. By default each body
 * becomes a syntax tree (`mdxToMdast`, what a parser's parse gives); with `--verdict`, the parse the check
 * itself makes: the parser's native tree, dropped at once.
 * Usage: node bare-parse.ts DIR [--verdict]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMdxMdastHandle, dropHandle, mdxToMdast } from 'satteri';

const root = process.argv[2]!;
const verdictOnly = process.argv.includes('--verdict');
const features = { frontmatter: false };
let bodies = 0;
for (const folder of ['policies', 'content/controls', 'content/procedures', 'evidence-index', 'content']) {
  for (const name of readdirSync(join(root, folder))) {
    if (!name.endsWith('.mdx')) continue;
    const text = readFileSync(join(root, folder, name), 'utf8');
    const end = text.indexOf('\n---', 3);
    const body = text.slice(text.indexOf('\n', end + 1) + 1);
    if (verdictOnly) dropHandle(createMdxMdastHandle(body, features, false));
    else mdxToMdast(body, { features });
    bodies++;
  }
}
console.log(`${bodies} bodies parsed`);
