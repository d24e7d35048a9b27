/**
 * `node_modules/.bin/node scripts/diagnostics-doc.ts`: writes docs/diagnostics.md from the finding catalogue
 * (src/engine/findings/catalogue.ts). Run it after changing an entry; test/docs.test.ts fails until you do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../src/engine/findings/reference.ts';

const file = join(import.meta.dirname, '..', 'docs', 'diagnostics.md');
writeFileSync(file, renderReference());
console.log(`wrote ${file}`);
