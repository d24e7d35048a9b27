/**
 * Branding from content/program.yaml's `brand:` on every site, as a visitor's browser shows it: the logo, named
 * for the organization; the program's own favicon; and the accent colour the check held to 4.5:1 on white.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { repoRoot, siteNames } from './sites.ts';

const harness = useHarness();
const program = load(readFileSync(join(repoRoot, 'content/program.yaml'), 'utf8')) as {
  organization: string;
  brand: { logo: string; favicon: string; accent: string };
};

describe('branding', () => {
  it('the sample program sets a logo, a favicon and an accent colour', () => {
    expect(program.brand).toEqual({
      logo: expect.any(String),
      favicon: expect.any(String),
      accent: expect.any(String),
    });
  });

  it.for(siteNames)('the %s site shows the logo, named for the organization, in its header', async (site) => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url(site, '/policies/'));
      const logo = page.getByRole('banner').getByRole('img', { name: program.organization, exact: true });
      expect(await logo.count()).toBe(1);
      expect(await logo.getAttribute('src')).toBe(`../${program.brand.logo}`);
      // Loaded, not a broken image: the file reached this site from public/.
      expect(await logo.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await logo.isVisible()).toBe(true);
    });
  });

  it.for(siteNames)('the %s site links the program’s favicon, and serves that very file', async (site) => {
    const home = await (await fetch(harness().url(site, '/'))).text();
    const link = /<link\b[^>]*\brel="icon"[^>]*>/.exec(home)?.[0] ?? '';
    expect(link).toContain(`href="${program.brand.favicon}"`);
    expect(link).toContain('type="image/svg+xml"');
    const response = await fetch(harness().url(site, `/${program.brand.favicon}`));
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(repoRoot, 'public', program.brand.favicon))),
    ).toBe(true);
  });

  it.for(siteNames)('the %s site uses the accent colour program.yaml names', async (site) => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url(site, '/'));
      const accent = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      );
      expect(accent).toBe(program.brand.accent.toLowerCase());
      // Links are drawn in it: rgb() of the same colour.
      const link = await page
        .locator('main a[href]:not(.button)')
        .first()
        .evaluate((anchor) => getComputedStyle(anchor).color);
      const hex = program.brand.accent.slice(1);
      const [r, g, b] = [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16));
      expect(link).toBe(`rgb(${r}, ${g}, ${b})`);
    });
  });

  it('the trust center’s hero shows the logo beside its heading, hidden from screen readers there', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', '/'));
      const hero = page.getByRole('region', { name: `Security at ${program.organization}` });
      const logo = hero.locator(`img[src="${program.brand.logo}"]`);
      expect(await logo.getAttribute('alt')).toBe('');
      expect(await logo.isVisible()).toBe(true);
      expect(await hero.getByRole('heading', { level: 1 }).innerText()).toBe(`Security at ${program.organization}`);
    });
  });
});
