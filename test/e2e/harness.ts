/**
 * What every browser test file needs: one Chromium and the three sites, each served at the root of its own
 * loopback host as in production. Started once per file, stopped after it.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { collectErrors, launchBrowser, type ErrorLog } from './browser.ts';
import { PagePool } from './page-pool.ts';
import { siteDir, siteNames, type SiteName } from './sites.ts';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';

/** Two tabs per pool: the machine has two cores, and more tabs only queue for them. */
const tabsPerPool = 2;

type Visit<T> = (page: Page, log: ErrorLog) => Promise<T>;

export interface Harness {
  browser: Browser;
  /** Absolute URL of a path on one site: `url('employees', '/policies/')`. */
  url(site: SiteName, path: string): string;
  /**
   * Runs `visit` with a page in a context of its own (own storage, own settings: tests never share state),
   * its errors recorded, and closes the context afterwards whatever happens. For tests that change state.
   */
  withPage<T>(visit: Visit<T>, options?: BrowserContextOptions): Promise<T>;
  /**
   * Runs `visit` in a reused tab, with JavaScript on or off, in a window `width` CSS pixels wide (1280 unless
   * told: a desktop; 390 is a phone). For tests that only read the page.
   */
  inTab<T>(visit: Visit<T>, options?: { javaScript?: boolean; width?: number }): Promise<T>;
}

/** Registers the file's setup and teardown; call the returned function inside tests. */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  let servers: StaticServer[] = [];
  const pools: PagePool[] = [];

  beforeAll(async () => {
    servers = await Promise.all(siteNames.map((site) => startStaticServer(siteDir(site))));
    const bySite = new Map(siteNames.map((site, index) => [site, servers[index]!]));
    const browser = await launchBrowser();
    // One pool per kind of tab, opened when first asked for: most files only ever use the desktop one.
    const poolsByKind = new Map<string, PagePool>();
    const poolFor = (javaScript: boolean, width: number): PagePool => {
      const kind = `${javaScript}:${width}`;
      let pool = poolsByKind.get(kind);
      if (!pool) {
        const options: BrowserContextOptions = {
          javaScriptEnabled: javaScript,
          viewport: { width, height: width < 600 ? 844 : 720 },
        };
        pool = new PagePool(browser, options, tabsPerPool);
        poolsByKind.set(kind, pool);
        pools.push(pool);
      }
      return pool;
    };
    harness = {
      browser,
      url: (site, path) => bySite.get(site)!.url(path),
      withPage: async (visit, options = {}) => {
        const context = await browser.newContext(options);
        try {
          const page = await context.newPage();
          const log = collectErrors(page);
          return await visit(page, log);
        } finally {
          await context.close();
        }
      },
      inTab: (visit, { javaScript = true, width = 1280 } = {}) => poolFor(javaScript, width).use(visit),
    };
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await harness?.browser.close();
    await Promise.all(servers.map((server) => server.stop()));
  });

  return () => {
    if (!harness) throw new Error('The browser harness is not started: call the getter inside a test.');
    return harness;
  };
}
