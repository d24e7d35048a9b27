/**
 * The lower bound for `trustbook check`: read the same files and parse their frontmatter with js-yaml (the
 * parser gray-matter uses), nothing more. Usage: node bare-read.ts DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const root = process.argv[2]!;
let documents = 0;
for (const folder of ['policies', 'content/controls', 'content/procedures', 'evidence-index', 'content']) {
  for (const name of readdirSync(join(root, folder))) {
    if (!/\.(mdx|ya?ml)$/.test(name)) continue;
    const text = readFileSync(join(root, folder, name), 'utf8');
    const frontmatter = name.endsWith('.mdx') ? (text.split(/^---$/m)[1] ?? '') : text;
    yaml.load(frontmatter);
    documents++;
  }
}
console.log(`${documents} documents read`);
