/**
 * What the built trust center tells search engines and link previews, read from the files: the sitemap lists
 * every page but search, robots.txt points to it, and each page carries Open Graph tags; the private sites
 * carry none of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlPages, siteDir } from '../e2e/sites.ts';

const publicDir = siteDir('public');
const fileOf = (site: 'public' | 'employees' | 'auditors', path: string) =>
  join(siteDir(site), path.endsWith('/') ? `${path}index.html` : path);

function metaOf(file: string): Map<string, string> {
  const document = parseDocument(readFileSync(file, 'utf8'));
  const metas = DomUtils.findAll((element) => element.name === 'meta', document.children);
  return new Map(
    metas
      .filter((meta) => meta.attribs['property'])
      .map((meta) => [meta.attribs['property']!, meta.attribs['content'] ?? ''] as const),
  );
}

const sitemapText = readFileSync(join(publicDir, 'sitemap.xml'), 'utf8');
const locations = [...sitemapText.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
const base = 'https://trust.tallowbrook.example/';

describe('the trust center for search engines', () => {
  it('lists every page in the sitemap but the search page, and nothing that is not a page', () => {
    const pages = htmlPages('public').filter((path) => path !== '/search/' && !path.startsWith('/access/'));
    expect([...locations].sort()).toEqual(pages.map((path) => `${base}${path.slice(1)}`).sort());
  });

  it('dates sitemap entries only with calendar days', () => {
    for (const lastmod of sitemapText.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)) {
      expect(lastmod[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has a robots.txt that names the sitemap', () => {
    expect(readFileSync(join(publicDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${base}sitemap.xml`);
  });

  it.for(htmlPages('public').filter((path) => !path.startsWith('/access/')))(
    '%s carries Open Graph tags with its own address',
    (path) => {
      const meta = metaOf(fileOf('public', path));
      expect(meta.get('og:type')).toBe('website');
      expect(meta.get('og:title')).toBeTruthy();
      expect(meta.get('og:site_name')).toBe('Tallowbrook, Inc. Trust Center');
      expect(meta.get('og:url')).toBe(`${base}${path.slice(1)}`);
    },
  );

  it('gives the private sites no robots.txt, no sitemap and no Open Graph tags', () => {
    for (const site of ['employees', 'auditors'] as const) {
      expect(existsSync(join(siteDir(site), 'robots.txt'))).toBe(false);
      expect(existsSync(join(siteDir(site), 'sitemap.xml'))).toBe(false);
      expect([...metaOf(fileOf(site, '/')).keys()].filter((key) => key.startsWith('og:'))).toEqual([]);
    }
  });
});
