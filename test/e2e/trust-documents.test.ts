/** The trust center's attestations and documents, on the sample program, as a buyer meets them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { useHarness } from './harness.ts';

const harness = useHarness();
const repository = resolve(import.meta.dirname, '../..');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the trust center’s attestations and documents', () => {
  it('shows a badge for the current attestation, and lists documents: public ones to download, NDA ones locked', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', '/'));
      const badges = page.getByRole('region', { name: 'Current attestations' }).getByRole('listitem');
      expect(await badges.count()).toBe(1);
      // The check mark is an SVG beside the words; the state is in the text itself.
      expect(await badges.first().innerText()).toMatch(/SOC 2 Type I\s+Current, bridged to 2026-10-15/);
      const documents = page.getByRole('region', { name: 'Documents' });
      const download = documents.getByRole('link', { name: 'Penetration test summary, August 2026' });
      const response = await fetch(new URL((await download.getAttribute('href'))!, page.url()));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      expect(sha(Buffer.from(await response.arrayBuffer()))).toBe(
        sha(readFileSync(join(repository, 'content/trust/files/pentest-summary-2026.pdf'))),
      );
      const locked = documents.getByRole('listitem').filter({ hasText: 'SOC 2 Type I report' });
      expect(await locked.getByRole('link', { name: 'request access' }).getAttribute('href')).toBe('request-access/');
      // Without a request_access_url, the request page offers a prefilled e-mail to the contact.
      await locked.getByRole('link', { name: 'request access' }).click();
      const mail = await page.getByRole('link', { name: 'security@tallowbrook.example' }).getAttribute('href');
      expect(mail).toMatch(/^mailto:security@tallowbrook\.example\?subject=/);
      expect(decodeURIComponent(mail!)).toContain('SOC 2 Type I report (as of 2026-01-31)');
      await page.goto(harness().url('public', '/'));
      expect(await locked.getByRole('link', { name: /SOC 2 Type I report/ }).count()).toBe(0);
    });
  });

  it('never publishes a document under NDA: no file of any site is the report or the bridge letter', () => {
    const secret = new Set(
      ['soc2-type1-report-2026.pdf', 'bridge-letter-2026.pdf'].map((name) =>
        sha(readFileSync(join(repository, 'content/trust/files', name))),
      ),
    );
    const published = listFiles(join(repository, 'dist')).filter((file) => secret.has(sha(readFileSync(file))));
    expect(published).toEqual([]);
  });

  it('describes itself at /.well-known/trust.json: current attestations, documents, subprocessors, policies', async () => {
    const response = await fetch(harness().url('public', '/.well-known/trust.json'));
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({ version: 1, organization: 'Tallowbrook, Inc.', evaluated: '2026-11-30' });
    expect(summary.attestations).toEqual([
      expect.objectContaining({ framework: 'SOC 2', report_type: 'I', lapses: '2027-01-31' }),
    ]);
    expect(summary.documents.find((d: { id: string }) => d.id === 'soc2-type1-report-2026')).toEqual({
      id: 'soc2-type1-report-2026',
      title: 'SOC 2 Type I report (as of 2026-01-31)',
      access: 'nda',
    });
    expect(summary.policies.every((p: { sha256: string }) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    expect(summary.subprocessors.length).toBeGreaterThan(0);
  });
});

describe('the trust center’s questionnaire answers', () => {
  it('lists every public answer with its short answer, and each cited section is a heading of its policy', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', '/answers/'));
      const answers = page.locator('article.answer');
      expect(await answers.count()).toBe(36);
      const encryption = page.getByRole('article', { name: 'Do you encrypt customer data at rest?' });
      expect(await encryption.locator('.answer-short').innerText()).toBe('Yes');
      const links = await page
        .locator('article.answer a[href*="#"]')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(20);
      for (const link of new Set(links)) {
        const url = new URL(link);
        if (url.hash === '#documents-heading') continue;
        const html = await (await fetch(url)).text();
        expect(html, link).toContain(`id="${url.hash.slice(1)}"`);
      }
      const csv = await (await fetch(harness().url('public', '/answers.csv'))).text();
      expect(csv.split('\r\n')[0]).toBe('id,category,question,answer,yes/no,citations');
    });
  });
});
