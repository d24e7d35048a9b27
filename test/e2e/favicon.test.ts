/**
 * Browsers ask each host for an icon on their own: the page's `<link rel="icon">`, else /favicon.ico. Without
 * one, every first visit logs a 404 in the console. Tested here once per site, deterministically, rather than
 * by whichever page happens to be open when Chromium asks.
 */
import { describe, it } from 'vitest';
import { useHarness } from './harness.ts';
import { siteNames } from './sites.ts';

const harness = useHarness();

describe('site icon', () => {
  it.concurrent.for(siteNames)('the %s site has an icon the browser can load', async (site, { expect }) => {
    const home = await (await fetch(harness().url(site, '/'))).text();
    const declared = /<link\b[^>]*\brel="(?:shortcut )?icon"[^>]*\bhref="([^"]+)"/i.exec(home)?.[1];
    // A data: URL is a valid icon the page carries itself (and the CSP allows data: images).
    if (declared?.startsWith('data:')) return;
    const iconUrl = new URL(declared ?? '/favicon.ico', harness().url(site, '/')).href;
    const response = await fetch(iconUrl, { redirect: 'manual' });
    await response.body?.cancel();
    expect(response.status, `${site}: ${declared ? `<link rel="icon" href="${declared}">` : '/favicon.ico'}`).toBe(200);
  });
});
