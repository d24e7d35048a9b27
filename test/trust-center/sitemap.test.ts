/** The trust center's sitemap lists every page a search engine may index, each dated by its own last change. */
import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemap, sitemapPages, type SitemapSource } from '../../src/trust-center/sitemap.ts';

const source: SitemapSource = {
  asOf: '2026-07-15',
  menu: ['', 'practices/', 'subprocessors/', 'policies/', 'updates/', 'search/'],
  policies: [
    { path: 'policies/encryption/', effective: '2026-02-01' },
    { path: 'policies/backup/', effective: '2026-09-01' },
  ],
  trustPages: ['faq/'],
  answers: true,
  requestAccess: true,
  updates: [
    { date: '2026-06-10', href: 'subprocessors/' },
    { date: '2026-05-02', href: 'policies/encryption/' },
    { date: '2026-03-01', href: 'faq/#contact' },
    { date: '2026-01-20', href: 'policies/encryption/' },
  ],
};

describe('the sitemap', () => {
  it('lists the menu, each policy, each page, the answers and the request page; never the search page', () => {
    expect(sitemapPages(source).map((page) => page.path)).toEqual([
      '',
      'practices/',
      'subprocessors/',
      'policies/',
      'updates/',
      'policies/encryption/',
      'policies/backup/',
      'faq/',
      'answers/',
      'request-access/',
    ]);
  });

  it('leaves out the answers and request pages when the build does not make them', () => {
    const paths = sitemapPages({ ...source, answers: false, requestAccess: false }).map((page) => page.path);
    expect(paths).not.toContain('answers/');
    expect(paths).not.toContain('request-access/');
  });

  it('dates each page by its newest change, a policy by its effective day too, and never past the evaluation', () => {
    const dates = Object.fromEntries(sitemapPages(source).map((page) => [page.path, page.lastmod]));
    expect(dates).toEqual({
      '': '2026-06-10',
      'updates/': '2026-06-10',
      'subprocessors/': '2026-06-10',
      'policies/encryption/': '2026-05-02',
      // Effective after the evaluation date, and no change announced: no day is claimed.
      'policies/backup/': undefined,
      'faq/': '2026-03-01',
      'practices/': undefined,
      'policies/': undefined,
      'answers/': undefined,
      'request-access/': undefined,
    });
  });

  it('dates a policy on its effective day when it is the newest thing known, up to the evaluation day itself', () => {
    const policy = (effective: string) =>
      sitemapPages({ ...source, updates: [], policies: [{ path: 'policies/p/', effective }] }).find(
        (page) => page.path === 'policies/p/',
      )!.lastmod;
    expect(policy('2026-07-14')).toBe('2026-07-14');
    expect(policy('2026-07-15')).toBe('2026-07-15');
    expect(policy('2026-07-16')).toBeUndefined();
  });

  it('writes absolute addresses, escaped, with a date only where one is known', () => {
    const xml = sitemap('https://trust.example/a&b/', [{ path: 'faq/', lastmod: '2026-03-01' }, { path: '' }]);
    expect(xml).toContain('<url><loc>https://trust.example/a&amp;b/faq/</loc><lastmod>2026-03-01</lastmod></url>');
    expect(xml).toContain('<url><loc>https://trust.example/a&amp;b/</loc></url>');
  });
});

describe('robots.txt', () => {
  it('allows crawling and points to the sitemap once the trust center has an address', () => {
    expect(robotsTxt('https://trust.example/')).toBe(
      'User-agent: *\nAllow: /\nSitemap: https://trust.example/sitemap.xml\n',
    );
    expect(robotsTxt(undefined)).toBe('User-agent: *\nAllow: /\n');
  });
});
