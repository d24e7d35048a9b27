/** The three built sites as the tests see them: where they are on disk and which HTML pages each has. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = join(repoRoot, 'dist');
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export const siteNames = ['public', 'employees', 'auditors'] as const;
export type SiteName = (typeof siteNames)[number];

export function siteDir(site: SiteName): string {
  return join(distDir, site);
}

/** Folders of generated assets, not pages a visitor navigates to. */
const assetFolders = new Set(['_astro', 'pagefind']);

/**
 * The URL path of every HTML page of a built site, as its host would serve it: `dist/x/index.html` is `/x/`.
 * Read from disk after the build, so a page the lead adds is tested without touching the tests.
 */
export function htmlPages(site: SiteName): string[] {
  const root = siteDir(site);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep))
    .filter((segments) => !assetFolders.has(segments[0] ?? ''))
    .map((segments) => {
      const path = `/${segments.join('/')}`;
      return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
    })
    .sort();
}
