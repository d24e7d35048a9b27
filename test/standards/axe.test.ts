/**
 * Every page of the three built sites, in Chromium at a desktop width (1280 CSS pixels) and a phone's (390):
 * axe-core finds no violation of any impact, and on the phone nothing makes the page scroll sideways (WCAG 1.4.10,
 * reflow: a wide table scrolls inside its own region, which a keyboard can reach) and no date or id is broken
 * across two lines. A layout breaks at one width
 * and not the other, so both are visited; each page in a reused tab, a few at a time.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations, describeViolations, type Violation } from '../e2e/axe.ts';
import { openPage } from '../e2e/browser.ts';
import { useHarness } from '../e2e/harness.ts';
import { htmlPages, siteNames, type SiteName } from '../e2e/sites.ts';

const harness = useHarness();

const widths = { desktop: 1280, phone: 390 } as const;
type WidthName = keyof typeof widths;

interface Verdict {
  violations: Violation[];
  /** Elements that reach past the right edge of the window and so make the page scroll sideways. */
  overflow: string[];
  /** Dates and ids broken across lines. */
  wrapped: string[];
}

/** Dates (<time>) and ids (`.nowrap`) the page shows on more than one line: "2026-11-" then "30". */
function wrappedWords(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('time, .nowrap')]
      .filter((element) => element.getClientRects().length > 1)
      .map((element) => `"${element.textContent?.trim()}" (${element.outerHTML.replace(/\s+/g, ' ').slice(0, 80)})`),
  );
}

/** The visible elements that stick out past the window's right edge, outermost first, outside any scroller. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const edge = root.clientWidth;
    const culprits: string[] = [];
    const visit = (element: Element) => {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const box = element.getBoundingClientRect();
      if (box.right > edge + 0.5 && box.width > 0) {
        const label = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
          element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''
        }`;
        culprits.push(
          `${label} (right edge at ${Math.round(box.right)} px): ${element.outerHTML.replace(/\s+/g, ' ').slice(0, 100)}`,
        );
        return;
      }
      // What is inside a scroll region stays in it: only an element outside one can push the page wider.
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) return;
      for (const child of element.children) visit(child);
    };
    for (const child of document.body.children) visit(child);
    if (culprits.length > 0) return culprits;
    // Inside a scroll region, an absolutely positioned element whose containing block is outside it still
    // widens the page.
    const escaped = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((element) => getComputedStyle(element).position === 'absolute')
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .map((element) => `positioned ${element.outerHTML.replace(/\s+/g, ' ').slice(0, 100)}`);
    return [`the page is ${root.scrollWidth} px wide in a ${edge} px window`, ...escaped.slice(0, 5)];
  });
}

async function judge(site: SiteName, path: string, width: WidthName): Promise<Verdict> {
  return harness().inTab(
    async (page) => {
      await openPage(page, harness().url(site, path));
      const overflow = width === 'phone' ? await sidewaysOverflow(page) : [];
      const wrapped = width === 'phone' ? await wrappedWords(page) : [];
      return { violations: await allViolations(page), overflow, wrapped };
    },
    { width: widths[width] },
  );
}

describe.each(Object.keys(widths) as WidthName[])('at %s width', (width) => {
  describe.each(siteNames)('every page of the %s site', (site) => {
    const pages = htmlPages(site);

    it('includes a home page', () => {
      expect(pages).toContain('/');
    });

    it.concurrent.for(pages)(
      '%s passes axe-core, never scrolls sideways nor breaks a date',
      async (path, { expect }) => {
        const { violations, overflow, wrapped } = await judge(site, path, width);
        const where = `${site}${path} at ${widths[width]} px`;
        expect(violations, describeViolations(where, violations)).toEqual([]);
        expect(overflow, `${where} scrolls sideways:\n  ${overflow.join('\n  ')}`).toEqual([]);
        expect(wrapped, `${where} breaks a date or an id across lines:\n  ${wrapped.join('\n  ')}`).toEqual([]);
      },
    );
  });
});
