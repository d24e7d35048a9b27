/**
 * Drives the system's Chromium (Debian's package, as CI installs it) through playwright-core. No browser is ever
 * downloaded: the machine has no network, and a pinned browser build would differ from what CI runs.
 */
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../../src/pdf/chromium.ts';

/** Starts the system's Chromium (as `trustbook pdf` does) with a fresh, throw-away profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!findChromium()) {
    throw new Error(
      "Chromium was not found. The browser tests use the system's Chromium: install it with `apt-get install chromium` " +
        '(or set TRUSTBOOK_CHROMIUM to another Chromium binary).',
    );
  }
  return launchChromium();
}

export interface ErrorLog {
  /** Console errors and uncaught exceptions seen so far, each with where it came from. */
  readonly errors: string[];
  /** Stops recording: a borrowed tab's next visit gets its own log. */
  stop(): void;
}

/**
 * Chromium asks every host for /favicon.ico on its own, after the page has loaded, so whether its 404 lands in
 * a page's log is a matter of timing. The favicon has a test of its own instead (favicon.test.ts).
 */
const browserOwnRequest = (url: string) => /^https?:\/\/[^/]+\/favicon\.ico$/.test(url);

/**
 * Records what a visitor's developer console would show in red: console errors (including failed resource loads
 * and Content-Security-Policy refusals, which Chromium reports there) and uncaught page errors.
 */
export function collectErrors(page: Page): ErrorLog {
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    if (browserOwnRequest(url)) return;
    errors.push(`console error: ${message.text()}${url ? ` (at ${url}:${lineNumber})` : ''}`);
  };
  const onPageError = (error: Error) => errors.push(`page error: ${error.stack ?? error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  return {
    errors,
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
    },
  };
}

/**
 * Opens a page and waits until it is what a visitor sees: loaded and, on a search page, with Pagefind's
 * interface built (it is loaded by a script after the page itself). Pass `scripts: false` for a context with
 * JavaScript off, where that interface never comes.
 */
export async function openPage(
  page: Page,
  url: string,
  { scripts = true }: { scripts?: boolean } = {},
): Promise<number | undefined> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (scripts && (await page.locator('[data-search]').count()) > 0) {
    await page.locator('.pagefind-ui__search-input').waitFor({ state: 'visible', timeout: 15_000 });
  }
  return response?.status();
}
