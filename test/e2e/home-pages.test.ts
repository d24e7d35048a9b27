/** The first page a visitor of each site sees: it renders cleanly, and a screenshot keeps a record of how. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';
import { screenshotDir, siteNames } from './sites.ts';

const harness = useHarness();

beforeAll(() => {
  mkdirSync(screenshotDir, { recursive: true });
});

describe('home page', () => {
  it.each(siteNames)('of the %s site renders without console or page errors', async (site) => {
    await harness().withPage(async (page, log) => {
      const status = await openPage(page, harness().url(site, '/'));
      expect(status).toBe(200);
      await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
      // Let late scripts (and their errors) run before judging the console.
      await page.waitForLoadState('networkidle');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
      const file = join(screenshotDir, `${site}-home.png`);
      await page.screenshot({ path: file, fullPage: true });
    });
  });
});
