import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteria } from '../src/catalog/index.ts';
import { renderReference } from '../src/engine/findings/reference.ts';

const read = (path: string) => readFileSync(join(import.meta.dirname, '..', path), 'utf8');

describe('the reference docs', () => {
  it('explain every finding code as its catalogue entry does: docs/diagnostics.md is what the script writes', () => {
    // When this fails, run `node_modules/.bin/node scripts/diagnostics-doc.ts` and commit docs/diagnostics.md.
    expect(read('docs/diagnostics.md')).toBe(renderReference());
  });

  it('list every criterion with its label', () => {
    const page = read('docs/criteria.md');
    for (const criterion of criteria) expect(page).toContain(`| ${criterion.id} | ${criterion.label} |`);
  });
});
