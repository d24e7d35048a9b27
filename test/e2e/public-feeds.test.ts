/** Machine-readable files of the trust center, as the tools that read them would. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';

const harness = useHarness();

describe('public machine-readable files', () => {
  it('security.txt is served at /.well-known/ with a Contact and a valid Expires line', async () => {
    const response = await fetch(harness().url('public', '/.well-known/security.txt'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^Contact: \S+/m);
    const expires = /^Expires: (.+)$/m.exec(text)?.[1];
    expect(expires, text).toBeDefined();
    expect(Number.isNaN(Date.parse(expires!)), `Expires: ${expires}`).toBe(false);
  });

  it('the subprocessor feed parses as XML in the browser and has at least one entry', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', '/'));
      // Fetched from a page of the site, as a feed reader in the browser would: same origin, the page's CSP.
      const feed = await page.evaluate(async () => {
        const text = await (await fetch('/subprocessors.xml')).text();
        const xml = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: xml.querySelector('parsererror')?.textContent ?? null,
          root: xml.documentElement.localName,
          entries: xml.querySelectorAll('entry, item').length,
          titles: [...xml.querySelectorAll('entry > title, item > title')].map((title) => title.textContent ?? ''),
        };
      });
      expect(feed.error).toBeNull();
      expect(['feed', 'rss']).toContain(feed.root);
      expect(feed.entries).toBeGreaterThanOrEqual(1);
      expect(feed.titles.every((title) => title.trim() !== '')).toBe(true);
    });
  });
});
