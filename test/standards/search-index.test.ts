/**
 * What each site's search shows, read from its built Pagefind index: a result's excerpt keeps a page's fields
 * apart, and the trust center offers no filter a buyer cannot read (criterion ids such as CC6.1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDir, siteNames } from '../e2e/sites.ts';

/** Pagefind's files are gzip, then a `pagefind_dcd` signature, then the data. */
function readIndexFile(file: string): string {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .replace(/^pagefind_dcd/, '');
}

function fragments(site: (typeof siteNames)[number]): { url: string; content: string }[] {
  const folder = join(siteDir(site), 'pagefind', 'fragment');
  return readdirSync(folder).map(
    (name) => JSON.parse(readIndexFile(join(folder, name))) as { url: string; content: string },
  );
}

/** A label of a page's metadata run into its value: "Version2.1", "OwnerSite Reliability Lead". */
const runTogether =
  /\b(Version|Effective|Owner|Approved by|Next review|Criteria|Runs|Frequency|Artifacts|Status|Operating|Reviewed|Residual|Treatment)(?=[0-9A-Z])/;

describe.each(siteNames)('the search index of the %s site', (site) => {
  it('keeps the fields of a page apart in every excerpt', () => {
    const pages = fragments(site);
    expect(pages.length).toBeGreaterThan(0);
    const merged = pages
      .map((page) => ({ url: page.url, match: runTogether.exec(page.content) }))
      .filter((page) => page.match)
      .map((page) => `${page.url}: …${page.match!.input.slice(page.match!.index, page.match!.index + 40)}…`);
    expect(merged).toEqual([]);
  });
});

describe('the trust center’s search filters', () => {
  it('hold nothing a buyer cannot read: no criterion filter, no criterion id', () => {
    const folder = join(siteDir('public'), 'pagefind', 'filter');
    const text = readdirSync(folder)
      .map((name) => readIndexFile(join(folder, name)))
      .join('\n');
    expect(text).not.toContain('criterion');
    expect(text).not.toMatch(/(CC|PI)\d+\.\d+/);
  });

  it('are still offered on the auditor site, criteria included (the control above is not vacuous)', () => {
    const folder = join(siteDir('auditors'), 'pagefind', 'filter');
    const text = readdirSync(folder)
      .map((name) => readIndexFile(join(folder, name)))
      .join('\n');
    expect(text).toContain('criterion');
    expect(text).toMatch(/CC6\.1/);
  });
});
