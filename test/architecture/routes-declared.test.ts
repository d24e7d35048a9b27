/**
 * A page is built only when src/integration/routes.ts declares it, and read only when something links to it.
 * Forgetting either fails nothing else: the page is silently not built, or built and never found. These tests
 * tie the route folder, the declarations and the menus together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantRoutes, routes } from '../../src/integration/routes.ts';
import { navigation } from '../../src/site/navigation.ts';
import { sites, type Site } from '../../src/site/sites.ts';

const folder = resolve(import.meta.dirname, '../../src/routes');

function files(at: string): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(at, entry.name)) : [relative(folder, join(at, entry.name))],
  );
}

/** A route file: a page, or an endpoint (a module exporting GET). Helpers beside them (feed-route.ts) are not. */
const routeFiles = files(folder).filter(
  (file) => file.endsWith('.astro') || /export const GET\b/.test(readFileSync(join(folder, file), 'utf8')),
);

/**
 * Trust-center pages no menu lists, each reached another way: the answers and the request form from the home
 * page's sections, the access page only from a grant's link.
 */
const reachedWithoutMenu = new Set(['public/answers.astro', 'public/request-access.astro', 'public/access.astro']);

describe('the routes', () => {
  it('declares every route file in src/routes, and nothing that is not one', () => {
    const declared = routes.map((route) => route.entrypoint).sort();
    expect(declared).toEqual([...routeFiles].sort());
    for (const route of grantRoutes) expect(declared).toContain(route);
  });

  it('gives each declared route one pattern under its site', () => {
    const patterns = routes.map((route) => route.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(pattern).toMatch(/^\/(\[site\]|public|employees|auditors)(\/|$)/);
  });

  it('lists every fixed page of a site in that site’s menu, unless it is reached another way', () => {
    const unlisted = routes
      .filter((route) => route.entrypoint.endsWith('.astro') && !route.pattern.includes('['))
      .filter((route) => !reachedWithoutMenu.has(route.entrypoint))
      .filter((route) => {
        const [, site, ...rest] = route.pattern.split('/');
        const path = rest.length > 0 ? `${rest.join('/')}/` : '';
        return !navigation[site as Site].some((item) => item.path === path);
      })
      .map((route) => route.entrypoint);
    expect(unlisted).toEqual([]);
  });

  it('has each page of one site ask for that site’s route data and view, never another’s', () => {
    const asks = routeFiles
      .filter((file) => sites.some((site) => file.startsWith(`${site}/`)))
      .flatMap((file) =>
        [...readFileSync(join(folder, file), 'utf8').matchAll(/(?:routeOn\([^,)]+,|siteView\()\s*'([a-z]+)'/g)].map(
          (match) => ({ file, site: match[1], text: match[0] }),
        ),
      );
    expect(asks.length).toBeGreaterThan(30);
    const mismatched = asks.filter((ask) => !ask.file.startsWith(`${ask.site}/`));
    expect(mismatched.map((ask) => `${ask.file}: ${ask.text}`)).toEqual([]);
  });

  it('lists the pages every site shares in each menu that has them', () => {
    for (const site of sites) {
      const paths = navigation[site].map((item) => item.path);
      expect(paths).toContain('');
      expect(paths).toContain('policies/');
      expect(paths).toContain('search/');
    }
  });
});
