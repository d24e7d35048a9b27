/**
 * A few long-lived tabs that page-by-page walks borrow in turn. Opening a tab costs Chromium a renderer process
 * (about a third of a second here), ten times the cost of loading one of these static pages, so tests that only
 * read a page reuse tabs instead. Tests that change state (storage, media) take a fresh context instead.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { collectErrors, type ErrorLog } from './browser.ts';

export class PagePool {
  private context: Promise<BrowserContext> | undefined;
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private opened = 0;
  private readonly browser: Browser;
  private readonly options: BrowserContextOptions;
  private readonly size: number;

  constructor(browser: Browser, options: BrowserContextOptions, size: number) {
    this.browser = browser;
    this.options = options;
    this.size = size;
  }

  /** Lends a tab to `visit`, with errors recorded from this visit only, and takes it back afterwards. */
  async use<T>(visit: (page: Page, log: ErrorLog) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    const log = collectErrors(page);
    let healthy = false;
    try {
      const result = await visit(page, log);
      healthy = true;
      return result;
    } finally {
      log.stop();
      // A tab that saw a failure may be stuck mid-navigation or crashed; the next borrower gets a new one.
      if (healthy) this.release(page);
      else await this.discard(page);
    }
  }

  async close(): Promise<void> {
    await (await this.context)?.close();
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.opened < this.size) {
      this.opened += 1;
      this.context ??= this.browser.newContext(this.options);
      return (await this.context).newPage();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  private async discard(page: Page): Promise<void> {
    await page.close().catch(() => undefined);
    const next = this.waiting.shift();
    if (next) next(await (await this.context!).newPage());
    else this.opened -= 1;
  }
}
