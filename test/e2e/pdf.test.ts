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

interface PdfInfo {
  title: string;
  created: string;
  modified: string;
  /** Whether the document says it is tagged (MarkInfo) and has a structure tree. */
  tagged: boolean;
  /** The titles of the bookmarks, at every level. */
  outline: string[];
}

async function pdfInfo(file: string): Promise<PdfInfo> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: true }).promise;
  const info: Record<string, unknown> = Object.fromEntries(Object.entries((await document.getMetadata()).info));
  const markInfo = await document.getMarkInfo();
  const structure = await (await document.getPage(1)).getStructTree();
  type Entry = { title: string; items: Entry[] };
  const titles = (entries: Entry[] | null): string[] =>
    (entries ?? []).flatMap((entry) => [entry.title, ...titles(entry.items)]);
  const outline = titles((await document.getOutline()) as Entry[] | null);
  await document.destroy();
  return {
    title: String(info['Title'] ?? ''),
    created: String(info['CreationDate'] ?? ''),
    modified: String(info['ModDate'] ?? ''),
    tagged: markInfo?.Marked === true && structure !== null,
    outline,
  };
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

  it('titles every PDF by its page and dates it by the evaluation, never the clock', async () => {
    const { asOf } = checkProject(repository).summary;
    for (const file of readdirSync(out)) {
      const info = await pdfInfo(join(out, file));
      expect(info.title, file).not.toMatch(/^(about:blank)?$/);
      // PDF dates read D:YYYYMMDDHHmmSS…: the evaluation day at midnight, whenever the command ran.
      expect(info.created, file).toMatch(new RegExp(`^D:${asOf.replaceAll('-', '')}000000`));
      expect(info.modified, file).toBe(info.created);
    }
    expect((await pdfInfo(join(out, 'access-control.pdf'))).title).toContain('Access Control Policy');
  });

  it('tags every PDF for screen readers, and gives the book a bookmark for each policy', async () => {
    for (const file of readdirSync(out)) expect((await pdfInfo(join(out, file))).tagged, file).toBe(true);
    // Chromium joins a heading that wraps onto two lines without a space ("Disaster RecoveryPolicy"): compare
    // the titles without their spaces.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const outline = (await pdfInfo(join(out, 'policy-book.pdf'))).outline.map(squeeze);
    for (const policy of policies) expect(outline).toContain(squeeze(policy.data.title));
  });

  it('says what to do, without a stack trace, when no Chromium is found', async () => {
    const missing = await runCli(repository, ['pdf', '--out', out], { TRUSTBOOK_CHROMIUM: '/nonexistent/chromium' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no Chromium was found');
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});
