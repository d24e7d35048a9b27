/**
 * Every HTML page the build wrote, on each site, visited once as a visitor with JavaScript meets it: it loads with
 * status 200, runs its scripts without errors, has the frame every page shares (one h1, a main landmark, a named
 * nav, a title, the "As of" footer) and links only to pages that exist on its site. Accessibility is judged by
 * axe-core in test/standards/axe.test.ts, at a desktop and a phone width.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';
import { internalLinks, linkChecker, structureProblems } from './page-checks.ts';
import { htmlPages, siteNames, type SiteName } from './sites.ts';

const harness = useHarness();
const statusOf = linkChecker();

async function inspect(site: SiteName, path: string): Promise<string[]> {
  return harness().inTab(async (page, log) => {
    const problems: string[] = [];
    const status = await openPage(page, harness().url(site, path));
    if (status !== 200) problems.push(`answered ${status}`);
    problems.push(...(await structureProblems(page)));
    for (const url of await internalLinks(page)) {
      const linked = await statusOf(url);
      if (linked !== 200) problems.push(`links to ${new URL(url).pathname}, which answers ${linked}`);
    }
    // Read last, so errors thrown by the page's scripts while the checks ran are counted too.
    problems.push(...log.errors);
    return problems;
  });
}

describe.each(siteNames)('every page of the %s site', (site) => {
  const pages = htmlPages(site);

  it('includes a home page', () => {
    expect(pages).toContain('/');
  });

  it.concurrent.for(pages)(
    '%s loads with status 200, no script errors, the shared page frame and no broken internal link',
    async (path, { expect }) => {
      const problems = await inspect(site, path);
      expect(problems, `${site}${path}:\n  ${problems.join('\n  ')}`).toEqual([]);
    },
  );
});
