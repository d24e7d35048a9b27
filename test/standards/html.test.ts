/**
 * Every HTML page of the three built sites passes the W3C Nu HTML Checker (the validator behind validator.w3.org),
 * errors only. The checker runs once over all pages, since starting Java is most of its cost; each page then
 * has a test of its own, so a failure names the page, the line and the checker's message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlPages, siteDir, siteNames, type SiteName } from '../e2e/sites.ts';
import { checkHtml, type HtmlError } from './nu-checker.ts';

function fileOf(site: SiteName, path: string): string {
  return join(siteDir(site), path.endsWith('/') ? `${path}index.html` : path);
}

const pages = siteNames.flatMap((site) => htmlPages(site).map((path) => ({ site, path, file: fileOf(site, path) })));
let errorsByFile: Map<string, HtmlError[]>;

beforeAll(async () => {
  errorsByFile = Map.groupBy(await checkHtml(pages.map((page) => page.file)), (error) => error.file);
}, 300_000);

function describeErrors(where: string, errors: readonly HtmlError[]): string {
  return `${where}:\n  ${errors.map((error) => `line ${error.line ?? '?'}: ${error.message}\n    at ${error.extract}`).join('\n  ')}`;
}

describe('the Nu HTML Checker', () => {
  it('reports an invalid page, naming the file, the line and the rule broken', async () => {
    // A control for the verdicts below: the very defect the sites once had, a <meta> filter tag in an article.
    const folder = mkdtempSync(join(tmpdir(), 'trustbook-vnu-'));
    try {
      const file = join(folder, 'page.html');
      writeFileSync(
        file,
        '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head>\n<body><article>\n' +
          '<meta data-pagefind-filter="kind[content]" content="Policy"><h1>t</h1></article></body></html>\n',
      );
      const errors = await checkHtml([file]);
      expect(errors).toEqual([
        expect.objectContaining({ file, line: 4, message: expect.stringMatching(/Element “meta” is missing/) }),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.each(siteNames)('every page of the %s site', (site) => {
  const sitePages = pages.filter((page) => page.site === site);

  it('includes a home page', () => {
    expect(sitePages.map((page) => page.path)).toContain('/');
  });

  it.for(sitePages)('$path is valid HTML for the Nu HTML Checker', ({ path, file }) => {
    const errors = errorsByFile.get(file) ?? [];
    expect(errors, describeErrors(`${site}${path}`, errors)).toEqual([]);
  });
});
