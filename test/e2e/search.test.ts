/**
 * Search runs on each site's own Pagefind index. It must find what the site shows, and must not find what the
 * site's audience may not see: the public index is built from public pages only.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';
import type { SiteName } from './sites.ts';

const harness = useHarness();

/** Types into Pagefind's box and waits for its verdict: the "N results for …" or "No results for …" line. */
async function search(page: Page, site: SiteName, words: string): Promise<string> {
  await openPage(page, harness().url(site, '/search/'));
  await page.locator('.pagefind-ui__search-input').fill(words);
  const message = page.locator('.pagefind-ui__message');
  const verdict = new RegExp(`results? for .*${words}`, 'i');
  await expect
    .poll(async () => ((await message.count()) > 0 ? await message.innerText() : ''), { timeout: 15_000 })
    .toMatch(verdict);
  return message.innerText();
}

/** Paths the shown results link to; each result fills in its link once its own fragment has loaded. */
function resultLinks(page: Page): Promise<string[]> {
  return page
    .locator('.pagefind-ui__result a.pagefind-ui__result-link')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
}

describe('search', () => {
  it('on the employee site, a policy title word finds that policy', async () => {
    await harness().withPage(async (page, log) => {
      // "Acceptable" is in the title of the Acceptable Use Policy (policies/acceptable-use.mdx).
      expect(await search(page, 'employees', 'acceptable')).toMatch(/^[1-9]\d* results? for/i);
      await expect.poll(() => resultLinks(page), { timeout: 10_000 }).toContain('/policies/acceptable-use/');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });

  it('on the public site, a word of a public policy finds it', async () => {
    await harness().withPage(async (page, log) => {
      // The Encryption Policy is one of the few policies with the public audience.
      expect(await search(page, 'public', 'encryption')).toMatch(/^[1-9]\d* results? for/i);
      await expect.poll(() => resultLinks(page), { timeout: 10_000 }).toContain('/policies/encryption/');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });

  // "escorted" is in the narrative of control AC-08 (content/controls/AC-08.mdx: visitors "are escorted"), which
  // only the auditor site shows. `grep -ril escort policies/ content/trust/ content/vendors/ content/program.yaml`
  // finds nothing, nor do the controls' public_summary lines (the public practices page) or the subprocessor
  // fields; neither does the public build's text, its Pagefind index decompressed included. So a public hit
  // could only be auditor-only text leaking into the public index.
  const auditorOnlyWord = 'escorted';

  it('on the auditor site, the auditor-only word finds its control', async () => {
    await harness().withPage(async (page) => {
      // Without this, "no results" on the public site could just mean Pagefind never indexes the word.
      expect(await search(page, 'auditors', auditorOnlyWord)).toMatch(/^[1-9]\d* results? for/i);
      await expect.poll(() => resultLinks(page), { timeout: 10_000 }).toContain('/controls/AC-08/');
    });
  });

  it('on the public site, the auditor-only word finds nothing', async () => {
    await harness().withPage(async (page, log) => {
      expect(await search(page, 'public', auditorOnlyWord)).toMatch(/^no results for/i);
      expect(await page.locator('.pagefind-ui__result').count()).toBe(0);
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });

  it('on the auditor site, results can be narrowed by document kind, criterion and owner', async () => {
    await harness().withPage(async (page) => {
      expect(await search(page, 'auditors', 'access')).toMatch(/^[1-9]\d* results? for/i);
      // Pagefind lists a filter group for every data-pagefind-filter the pages carry; it fetches each group's
      // file on its own, so on a busy machine the last one can take a few seconds, as the results above can.
      const groups = page.locator('.pagefind-ui__filter-name');
      await expect
        .poll(async () => (await groups.allInnerTexts()).map((name) => name.toLowerCase()).sort(), {
          timeout: 10_000,
        })
        .toEqual(['criterion', 'kind', 'owner']);
    });
  });
});
