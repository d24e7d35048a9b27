/**
 * The trust center's sitemap and robots.txt. The sitemap lists every page a search engine may index (all but the
 * search page), each with the day it last changed when the program knows it: the newest public change that
 * points at the page (the trust updates, from git), or for a policy its effective day. A page whose day is not
 * known gets no date rather than the build's, which would claim every page changed on every build.
 */
import { escapeXml } from './feeds.ts';

export interface SitemapPage {
  /** Inside the site: `policies/encryption/`; empty for the home page. */
  path: string;
  lastmod?: string | undefined;
}

/** What the sitemap reads from the public view. */
export interface SitemapSource {
  asOf: string;
  /** The menu's pages. */
  menu: readonly string[];
  /** The trust center shows approved policies only, but a draft's missing day gives no lastmod, not an error. */
  policies: readonly { path: string; effective: string | undefined }[];
  trustPages: readonly string[];
  /** Built only when it has something to show (see `withheldRoutes`). */
  answers: boolean;
  requestAccess: boolean;
  updates: readonly { date: string; href: string }[];
}

/** Pages a search engine has no use for: the search page lists nothing without a query. */
const unlisted = new Set(['search/']);

export function sitemapPages(source: SitemapSource): SitemapPage[] {
  const newest = (...days: (string | undefined)[]) => {
    const known = days.filter((day): day is string => day !== undefined && day <= source.asOf).sort();
    return known.at(-1);
  };
  const changed = new Map<string, string>();
  for (const update of source.updates) {
    const path = update.href.replace(/#.*$/, '');
    changed.set(path, newest(changed.get(path), update.date)!);
  }
  const latestUpdate = newest(...source.updates.map((update) => update.date));
  const effective = new Map(source.policies.map((policy) => [policy.path, policy.effective]));
  const paths = [
    ...source.menu,
    ...source.policies.map((policy) => policy.path),
    ...source.trustPages,
    ...(source.answers ? ['answers/'] : []),
    ...(source.requestAccess ? ['request-access/'] : []),
  ];
  return [...new Set(paths)]
    .filter((path) => !unlisted.has(path))
    .map((path) => ({
      path,
      // The home page and the updates page show the latest changes, so they change with each of them.
      lastmod:
        path === '' || path === 'updates/'
          ? newest(changed.get(path), latestUpdate)
          : newest(changed.get(path), effective.get(path)),
    }));
}

export function sitemap(base: string, pages: readonly SitemapPage[]): string {
  const entry = (page: SitemapPage) =>
    `  <url><loc>${escapeXml(`${base}${page.path}`)}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}</url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map(entry).join('\n')}
</urlset>
`;
}

/** Every page may be crawled; the sitemap is named once the trust center has an address of its own. */
export function robotsTxt(base: string | undefined): string {
  return ['User-agent: *', 'Allow: /', ...(base ? [`Sitemap: ${base}sitemap.xml`] : []), ''].join('\n');
}
