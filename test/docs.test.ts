import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteria } from '../src/catalog/index.ts';
import { codes } from '../src/engine/diagnostics.ts';

const read = (path: string) => readFileSync(join(import.meta.dirname, '..', path), 'utf8');

describe('the reference docs', () => {
  it('explain every diagnostic code, and no code that does not exist', () => {
    const documented = [...read('docs/diagnostics.md').matchAll(/^\| (TB\d{3}) \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(codes).sort());
  });

  it('list every criterion with its label', () => {
    const page = read('docs/criteria.md');
    for (const criterion of criteria) expect(page).toContain(`| ${criterion.id} | ${criterion.label} |`);
  });
});
