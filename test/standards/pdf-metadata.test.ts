/**
 * Every PDF the three built sites serve says what it is: a reader's tab, a bookmark and a screen reader show a
 * PDF's title, and a browser-printed file carries `about:blank` there unless someone sets it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { siteDir, siteNames } from '../e2e/sites.ts';

const pdfs = siteNames.flatMap((site) =>
  readdirSync(siteDir(site), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.pdf'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { path: `${site}/${relative(siteDir(site), file)}`, file };
    }),
);

async function titleOf(file: string): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const info: Record<string, unknown> = Object.fromEntries(Object.entries((await document.getMetadata()).info));
  await document.destroy();
  return String(info['Title'] ?? '').trim();
}

describe('the PDFs the sites serve', () => {
  it('include the sample’s public documents', () => {
    expect(pdfs.filter((pdf) => pdf.path.startsWith('public/')).length).toBeGreaterThan(0);
  });

  it.for(pdfs)('$path has a title of its own', async ({ path, file }) => {
    expect(await titleOf(file), path).not.toMatch(/^(about:blank|untitled)?$/i);
  });
});
