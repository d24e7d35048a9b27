/** A policy is something people print or save as PDF: the paper copy carries the document, not the website. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';

const harness = useHarness();
const policy = '/policies/access-control/';

describe('printing', () => {
  it('a policy page hides the header navigation but keeps the policy', async () => {
    await harness().withPage(async (page) => {
      await openPage(page, harness().url('employees', policy));
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await nav.isVisible()).toBe(false);
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('main').innerText()).toMatch(/\S{40,}|(\S+\s+){20}/);
    });
  });

  it('the trust center’s home prints its facts without the menu or buttons, and says in words what is locked', async () => {
    await harness().withPage(async (page) => {
      await openPage(page, harness().url('public', '/'));
      const buttons = page.locator('main .button');
      expect(await buttons.first().isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await buttons.evaluateAll((found) => found.filter((button) => button.checkVisibility()).length)).toBe(0);
      expect(await page.getByRole('region', { name: 'Current attestations' }).isVisible()).toBe(true);
      const documents = page.getByRole('region', { name: 'Documents' });
      expect(await documents.isVisible()).toBe(true);
      expect(await documents.innerText()).toContain('Under NDA');
    });
  });

  it('the search interface is hidden on paper', async () => {
    await harness().withPage(async (page) => {
      await openPage(page, harness().url('employees', '/search/'));
      const input = page.locator('.pagefind-ui__search-input');
      expect(await input.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await input.isVisible()).toBe(false);
      expect(await page.locator('#search').isVisible()).toBe(false);
    });
  });

  it('a policy page prints to a PDF', async () => {
    await harness().withPage(async (page) => {
      await openPage(page, harness().url('employees', policy));
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
