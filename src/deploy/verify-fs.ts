/** What the local build says the deployed sites should be, read from `dist/` for `verify-deploy`. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../integration/publish-fs.ts';
import { knownPrivatePages, type ExpectedBuild, type PrivateSite } from './verify.ts';

/** How many deep pages of each private site are probed besides the fixed list: one per section, at most. */
const SAMPLED_PAGES = 20;

/** The build in `dist`, or undefined when there is none. */
export function readExpectedBuild(dist: string): ExpectedBuild | undefined {
  const publicDir = join(dist, 'public');
  if (!existsSync(join(publicDir, 'index.html'))) return undefined;
  const trustJson = join(publicDir, '.well-known/trust.json');
  return {
    trustJson: existsSync(trustJson) ? (JSON.parse(readFileSync(trustJson, 'utf8')) as unknown) : undefined,
    securityTxt: existsSync(join(publicDir, '.well-known/security.txt')),
    publicPaths: new Set(urlPaths(publicDir)),
    privatePages: Object.fromEntries(
      (['employees', 'auditors'] as const).map((site) => [site, builtPages(join(dist, site), site)]),
    ) as Record<PrivateSite, Record<string, string>>,
  };
}

/** The text of the fixed list's pages and a sample of deeper ones, as the private site's build holds them. */
function builtPages(siteDir: string, site: PrivateSite): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const path of [...knownPrivatePages[site], ...sampledPages(siteDir)]) {
    const file = join(siteDir, ...path.split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));
    if (existsSync(file)) pages[path] = readFileSync(file, 'utf8');
  }
  return pages;
}

/** The URL path of every file of a built site; a folder's index.html as the folder. */
function urlPaths(siteDir: string): string[] {
  return listFiles(siteDir).map((file) =>
    `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, ''),
  );
}

/** The first page of each section of a private site (`/controls/AC-01/`, `/people/`), and a search fragment. */
function sampledPages(siteDir: string): string[] {
  const pages = urlPaths(siteDir)
    .filter((path) => path.endsWith('/') && path !== '/' && !path.startsWith('/_astro/'))
    .sort();
  const bySection = new Map<string, string>();
  for (const page of pages) {
    const section = page.split('/')[1]!;
    const deeper = page.split('/').length > 3;
    // Prefer a page inside the section (a control, a risk) to the section's index.
    if (!bySection.has(section) || (deeper && bySection.get(section)!.split('/').length <= 3)) {
      bySection.set(section, page);
    }
  }
  // A search fragment holds a page's text: a host that guards the pages but not the search index leaks it.
  const fragment = urlPaths(siteDir)
    .filter((path) => path.startsWith('/pagefind/fragment/'))
    .sort()[0];
  return [...[...bySection.values()].slice(0, SAMPLED_PAGES), ...(fragment ? [fragment] : [])];
}
