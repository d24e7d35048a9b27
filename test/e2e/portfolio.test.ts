/**
 * The partner's portfolio site in Chromium: the sample workspace, given a short git history, built with
 * `trustbook build --workspace` and its `dist/` served from one loopback host, so the portfolio's links to
 * `../<client>/auditors/` resolve as they would behind the partner's sign-on.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';
import { runCli } from '../cli/run.ts';
import { portfolioAsOf, sampleWithHistory } from '../workspace/sample-history.ts';
import { allViolations, describeViolations } from './axe.ts';
import { collectErrors, launchBrowser } from './browser.ts';
import { repoRoot } from './sites.ts';

// Inside the repository, as the other build projects are: the clients import `trustbook` by the package's name.
const parent = join(repoRoot, '.trustbook/test-builds');
let root: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(parent, { recursive: true });
  root = join(mkdtempSync(join(parent, 'portfolio-')), 'workspace');
  sampleWithHistory(root);
  const build = await runCli(root, ['build', '--workspace'], {
    ...(process.env as Record<string, string>),
    TRUSTBOOK_AS_OF: portfolioAsOf,
  });
  if (build.code !== 0) throw new Error(`build --workspace failed:\n${build.stdout}\n${build.stderr}`);
  server = await startStaticServer(join(root, 'dist'));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) rmSync(join(root, '..'), { recursive: true, force: true });
});

async function withPortfolio<T>(
  visit: (page: Page) => Promise<T>,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<T> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    const log = collectErrors(page);
    const response = await page.goto(server.url('/portfolio/'), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const result = await visit(page);
    expect(log.errors).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

/** The cells of the table under a heading, row by row, as a reader sees them. */
function tableUnder(page: Page, heading: string): Promise<string[][]> {
  return page
    .locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) })
    .locator('table')
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    );
}

describe('the portfolio site', () => {
  it('lists the three clients with their readiness, without JavaScript as with it', async () => {
    for (const javaScript of [true, false]) {
      const rows = await withPortfolio((page) => tableUnder(page, 'Readiness per client'), { javaScript });
      expect(
        rows.map((row) => row.slice(0, 7)),
        `JavaScript ${javaScript ? 'on' : 'off'}`,
      ).toEqual([
        [
          'alder',
          'Alder Analytics',
          '0',
          '1',
          'Security (common criteria) 33/33',
          'Security (common criteria) 100%',
          '0',
        ],
        [
          'birch',
          'Birch Logistics',
          '0',
          '1',
          'Security (common criteria) 33/33',
          'Security (common criteria) 100%',
          '0',
        ],
        ['cedar', 'Cedar Health', '0', '0', 'Security (common criteria) 33/33', 'Security (common criteria) 100%', '0'],
      ]);
      expect(rows.map((row) => row[7])).toEqual([
        '2026-11-02 the next quarterly artifact of EV-BASE-01 (last collected 2026-07-03)',
        '2026-10-30 the next quarterly artifact of EV-BASE-01 (last collected 2026-06-30)',
        '2026-11-02 the next quarterly artifact of EV-BASE-01 (last collected 2026-07-03)',
      ]);
      expect(rows.map((row) => row[8])).toEqual(['1', '0', '0']);
    }
  });

  it("shows birch's trend from the history: an error at the first commit, none after it was mended", async () => {
    const trend = await withPortfolio((page) =>
      page
        .locator('.trend[data-client="birch"] tbody tr')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
    expect(trend).toHaveLength(2);
    expect(trend[0]).toMatch(/^2026-09-01 [0-9a-f]{7,} 2026-07-15 1 0 33\/33$/);
    expect(trend[1]).toMatch(/^2026-09-15 [0-9a-f]{7,} 2026-07-15 0 0 33\/33$/);
  });

  it('orders the worklist soonest first, with the client and the owner of each item', async () => {
    const rows = await withPortfolio((page) => tableUnder(page, 'Worklist'));
    expect(rows.map((row) => row.slice(0, 2).concat(row[3]!))).toEqual([
      ['2026-10-30', 'birch', 'security-lead'],
      ['2026-11-02', 'alder', 'security-lead'],
      ['2026-11-02', 'cedar', 'security-lead'],
    ]);
  });

  it('names the library each client took and who lags it', async () => {
    await withPortfolio(async (page) => {
      expect(await page.locator('#library ~ p').first().innerText()).toContain('Behind the library: birch.');
      expect(await tableUnder(page, 'Library versions')).toEqual([
        ['alder', 'Northwind baseline 3', 'Northwind baseline 3', 'up to date'],
        ['birch', 'Northwind baseline 2', 'Northwind baseline 3', 'behind'],
        [
          'cedar',
          'Northwind baseline 3 + Northwind healthcare 1',
          'Northwind baseline 3 + Northwind healthcare 1',
          'up to date',
        ],
      ]);
    });
  });

  it("links each client to its own auditor site, and each link opens that client's page", async () => {
    const links = await withPortfolio((page) =>
      page
        .locator('a', { hasText: 'auditor site' })
        .evaluateAll((anchors) =>
          anchors.map((a) => [a.textContent.replace(/\s+/g, ' '), (a as HTMLAnchorElement).href]),
        ),
    );
    expect(links.map(([text]) => text)).toEqual([
      'auditor site of alder',
      'auditor site of birch',
      'auditor site of cedar',
    ]);
    const organizations = { alder: 'Alder Analytics', birch: 'Birch Logistics', cedar: 'Cedar Health' };
    for (const [index, [client, organization]] of Object.entries(organizations).entries()) {
      const href = links[index]![1]!;
      expect(href).toBe(server.url(`/${client}/auditors/`));
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      expect(await response.text()).toContain(organization);
    }
  });

  it('has no accessibility violation at a desktop width or a phone’s, and never scrolls sideways', async () => {
    for (const width of [1280, 390]) {
      await withPortfolio(
        async (page) => {
          const violations = await allViolations(page);
          expect(violations, describeViolations(`/portfolio/ at ${width} px`, violations)).toEqual([]);
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          ).toBe(true);
        },
        { width },
      );
    }
  });

  it('prints the tables without the navigation', async () => {
    await withPortfolio(async (page) => {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header nav').isVisible()).toBe(false);
      expect(await page.locator('table').first().isVisible()).toBe(true);
    });
  });
});
