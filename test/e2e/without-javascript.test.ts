/** The sites are documents first: with JavaScript off, every page still shows its heading and its text. */
import { describe, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';
import { htmlPages, siteNames } from './sites.ts';

const harness = useHarness();

describe.each(siteNames)('without JavaScript, every page of the %s site', (site) => {
  it.concurrent.for(htmlPages(site))('%s shows its h1 and the text of its main content', async (path, { expect }) => {
    const { status, headings, title, main } = await harness().inTab(
      async (page) => {
        const status = await openPage(page, harness().url(site, path), { scripts: false });
        const heading = page.locator('h1');
        const headings = await heading.count();
        const title = headings === 1 && (await heading.isVisible()) ? (await heading.innerText()).trim() : '';
        const main = (await page.locator('main').first().innerText()).trim();
        return { status, headings, title, main };
      },
      { javaScript: false },
    );
    expect(status).toBe(200);
    expect(headings).toBe(1);
    expect(title, 'the h1 is visible and has text').not.toBe('');
    expect(main).toContain(title);
    // More than the heading: a page whose body only a script would draw shows nothing else here.
    expect(main.length, `main text of ${site}${path}: "${main}"`).toBeGreaterThan(title.length + 20);
  });
});
