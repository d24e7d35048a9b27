/**
 * Every HTML page the build wrote, on each site, visited once as a visitor with JavaScript meets it, and judged
 * twice: (1) it loads with status 200, runs its scripts without errors, has the frame every page shares (one h1,
 * a main landmark, a named nav, a title, the "As of" footer) and links only to pages that exist on its site;
 * (2) axe-core finds no serious or critical violation (contrast, labels, landmarks, names…). One visit serves
 * both verdicts because loading a page is most of the cost, and the suite must stay fast on two cores.
 */
import { describe, expect, it } from 'vitest';
import { blockingViolations, describeViolations, type Violation } from './axe.ts';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';
import { internalLinks, linkChecker, structureProblems } from './page-checks.ts';
import { htmlPages, siteNames, type SiteName } from './sites.ts';

const harness = useHarness();
const statusOf = linkChecker();

interface Findings {
  /** Everything wrong with the page itself, each a sentence. */
  problems: string[];
  violations: Violation[];
}

async function inspect(site: SiteName, path: string): Promise<Findings> {
  return harness().inTab(async (page, log) => {
    const problems: string[] = [];
    const status = await openPage(page, harness().url(site, path));
    if (status !== 200) problems.push(`answered ${status}`);
    problems.push(...(await structureProblems(page)));
    for (const url of await internalLinks(page)) {
      const linked = await statusOf(url);
      if (linked !== 200) problems.push(`links to ${new URL(url).pathname}, which answers ${linked}`);
    }
    const violations = await blockingViolations(page);
    // Read last, so errors thrown by the page's scripts while axe ran are counted too.
    problems.push(...log.errors);
    return { problems, violations };
  });
}

const visits = new Map<string, Promise<Findings>>();
function findingsFor(site: SiteName, path: string): Promise<Findings> {
  const key = `${site}${path}`;
  let findings = visits.get(key);
  if (!findings) {
    findings = inspect(site, path);
    visits.set(key, findings);
  }
  return findings;
}

describe.each(siteNames)('every page of the %s site', (site) => {
  const pages = htmlPages(site);

  it('includes a home page', () => {
    expect(pages).toContain('/');
  });

  it.concurrent.for(pages)(
    '%s loads with status 200, no script errors, the shared page frame and no broken internal link',
    async (path, { expect }) => {
      const { problems } = await findingsFor(site, path);
      expect(problems, `${site}${path}:\n  ${problems.join('\n  ')}`).toEqual([]);
    },
  );

  it.concurrent.for(pages)('%s has no serious or critical axe-core violation', async (path, { expect }) => {
    const { violations } = await findingsFor(site, path);
    expect(violations, describeViolations(`${site}${path}`, violations)).toEqual([]);
  });
});
