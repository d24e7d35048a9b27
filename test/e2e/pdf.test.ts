/** `trustbook pdf` prints real PDFs through the system's Chromium from the built employee portal. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { employeeView } from '../../src/site/views.ts';
import { runCli } from '../cli/run.ts';

const repository = resolve(import.meta.dirname, '../..');
const policies = employeeView(checkProject(repository)).policies;
let out: string;
let result: Awaited<ReturnType<typeof runCli>>;

async function readPdf(file: string): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: true }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    // Items split inside words (at a ligature, say); only an item that ends a line ends a word.
    texts.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''));
  }
  await document.destroy();
  // NFKC turns typographic ligatures (ﬁ) back into letters; PDFs keep them as single glyphs.
  return { pages: document.numPages, text: texts.join('\n').normalize('NFKC').replace(/\s+/g, ' ') };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'trustbook-pdf-'));
  result = await runCli(repository, ['pdf', '--out', out]);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('trustbook pdf', () => {
  it('prints one PDF per policy the employees see, and the policy book', () => {
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [...policies.map((policy) => `${policy.id}.pdf`), 'policy-book.pdf'].sort(),
    );
  });

  it('puts the policy in its PDF: title, version and text', async () => {
    const policy = policies.find((candidate) => candidate.id === 'access-control')!;
    const pdf = await readPdf(join(out, 'access-control.pdf'));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.text).toContain(policy.data.title);
    expect(pdf.text).toContain(policy.data.version);
  });

  it('gives the book a table of contents and every policy, each from a new page', async () => {
    const book = await readPdf(join(out, 'policy-book.pdf'));
    expect(book.text).toContain('Contents');
    for (const policy of policies) expect(book.text).toContain(policy.data.title);
    expect(book.pages).toBeGreaterThan(policies.length);
  });

  it('says what to do, without a stack trace, when no Chromium is found', async () => {
    const missing = await runCli(repository, ['pdf', '--out', out], { TRUSTBOOK_CHROMIUM: '/nonexistent/chromium' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no Chromium was found');
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});
