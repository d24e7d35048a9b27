/**
 * `trustbook pdf [--out DIR]`: every policy as a PDF, and one policy book with a table of contents and bookmarks,
 * printed by headless Chromium from the built employee portal, so the PDFs look like the pages people read. Each is
 * tagged, titled by its page, and dated by the evaluation, so printing the same build twice gives the same bytes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchChromium } from '../../pdf/chromium.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import { policyBookHtml, type BookChapter } from '../../pdf/policy-book.ts';
import { reproduciblePdf } from '../../pdf/reproducible.ts';
import { startStaticServer } from '../../preview/static-server.ts';
import { slug } from '../../site/paths.ts';
import { employeeView } from '../../site/views.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

const pageOptions = {
  format: 'A4',
  // A tagged PDF carries its headings, lists and tables for screen readers (PDF/UA's structure tree).
  tagged: true,
  printBackground: true,
  margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="font-size:8px;width:100%;text-align:center;color:#4a5561"><span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
} as const;

export async function runPdf(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string', default: 'pdf' }, root: { type: 'string' } });
  const root = resolve(io.cwd, values.root ?? '.');
  const site = join(root, 'dist/employees');
  if (!existsSync(join(site, 'index.html'))) {
    throw new UsageError(
      'the employee portal has not been built (dist/employees/ is missing)',
      'Run `npm run build` first.',
    );
  }
  const result = checkProject(root, checkOptions(io));
  const policies = [...employeeView(result).policies].sort((a, b) => a.data.title.localeCompare(b.data.title));
  const out = resolve(io.cwd, values.out);
  mkdirSync(out, { recursive: true });

  const browser = await launchChromium(io.env);
  const server = await startStaticServer(site);
  try {
    const page = await browser.newPage();
    const chapters: BookChapter[] = [];
    let stylesheets: string[] = [];
    for (const policy of policies) {
      const response = await page.goto(server.url(`/policies/${slug(policy.id)}/`), { waitUntil: 'load' });
      if (!response?.ok()) {
        throw new UsageError(
          `the built portal has no page for policy ${policy.id}`,
          'Run `npm run build` again, then `trustbook pdf`.',
        );
      }
      await page.emulateMedia({ media: 'print' });
      const file = join(out, `${policy.id}.pdf`);
      writeFileSync(file, await reproduciblePdf(await page.pdf(pageOptions), result.summary.asOf));
      io.stdout(`wrote ${relative(io.cwd, file)}`);
      chapters.push({
        id: policy.id,
        title: policy.data.title,
        version: policy.data.version,
        html: await page.locator('main article').first().innerHTML(),
      });
      stylesheets = await page.$$eval('link[rel="stylesheet"]', (links) =>
        links.map((link) => (link as HTMLLinkElement).href),
      );
    }
    await page.goto(server.url('/'));
    await page.setContent(
      policyBookHtml({
        organization: result.model.program!.data.organization,
        asOf: result.summary.asOf,
        stylesheets,
        chapters,
      }),
      { waitUntil: 'load' },
    );
    await page.emulateMedia({ media: 'print' });
    const book = join(out, 'policy-book.pdf');
    // The book's bookmarks: an outline from its headings, one entry per policy and its sections.
    writeFileSync(book, await reproduciblePdf(await page.pdf({ ...pageOptions, outline: true }), result.summary.asOf));
    io.stdout(`wrote ${relative(io.cwd, book)} (${chapters.length} policies)`);
  } finally {
    await server.stop();
    await browser.close();
  }
  return EXIT_CLEAN;
}
