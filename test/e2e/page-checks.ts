/** What every page of every site must have, read from the rendered DOM, reported as a list of problems. */
import type { Page } from 'playwright-core';

/** The page's landmark and heading problems; empty when the page is sound. */
export async function structureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const h1s = document.querySelectorAll('h1').length;
    if (h1s !== 1) problems.push(`has ${h1s} <h1> elements, expected exactly 1`);
    const mains = document.querySelectorAll('main, [role="main"]').length;
    if (mains !== 1) problems.push(`has ${mains} main landmarks, expected exactly 1`);
    const navs = [...document.querySelectorAll<HTMLElement>('nav, [role="navigation"]')];
    const accessibleName = (element: HTMLElement): string => {
      const labelledBy = element.getAttribute('aria-labelledby');
      if (labelledBy) {
        return labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      }
      return (element.getAttribute('aria-label') ?? '').trim();
    };
    if (navs.length === 0) problems.push('has no <nav>');
    for (const nav of navs) {
      if (!accessibleName(nav)) problems.push(`has a <nav> without an accessible name: ${nav.outerHTML.slice(0, 80)}`);
    }
    if (!document.title.trim()) problems.push('has an empty <title>');
    const footer = document.querySelector('footer');
    const asOf = footer?.querySelector('time[datetime]');
    if (!footer || !/As of\s+\S/.test(footer.textContent ?? '') || !asOf) {
      problems.push('has no "As of <time>" line in its <footer>');
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const id = decodeURIComponent(link.hash.slice(1));
      if (id && !document.getElementById(id)) problems.push(`links to #${id}, which is not on the page`);
    }
    return problems;
  });
}

/**
 * Every link on the page that stays on this site, as an absolute URL without its fragment: relative links and
 * absolute ones to the same origin.
 */
export async function internalLinks(page: Page): Promise<string[]> {
  const links = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href),
  );
  const origin = new URL(page.url()).origin;
  const internal = links
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => {
      url.hash = '';
      return url.href;
    });
  return [...new Set(internal)];
}

/**
 * Fetches each URL once per test file, whatever number of pages link to it. Redirects are not followed: the
 * sites' links are meant to name the final URL (with its trailing slash), so a redirect counts as a defect.
 */
export function linkChecker(): (url: string) => Promise<number> {
  const seen = new Map<string, Promise<number>>();
  return (url) => {
    let status = seen.get(url);
    if (!status) {
      status = fetch(url, { redirect: 'manual' }).then(async (response) => {
        await response.body?.cancel();
        return response.status;
      });
      seen.set(url, status);
    }
    return status;
  };
}
