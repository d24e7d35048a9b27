/**
 * A recipient's link on the sample's trust center, in Chromium: it shows the NDA they accepted, and after
 * "I agree" decrypts the report stamped with their name; a wrong, cut or expired link says what to do.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { grantKey, grantLink } from '../../src/engine/grants.ts';
import { E2E_GRANT_SECRET } from './grant-secret.ts';
import { useHarness } from './harness.ts';
import { repoRoot } from './sites.ts';

const harness = useHarness();

/** The path and fragment of a sample grant's link, on the test's own server. */
function linkOf(id: string): string {
  const grant = load(readFileSync(join(repoRoot, `content/trust/grants/${id}.yaml`), 'utf8')) as {
    email: string;
    granted: Date;
    salt: string;
  };
  const data = { email: grant.email, granted: grant.granted.toISOString().slice(0, 10), salt: grant.salt };
  const link = new URL(grantLink('https://trust.example.org/', grantKey(E2E_GRANT_SECRET, { id, data })));
  return harness().url('public', `/access/${link.hash}`);
}

/** A day of the current grant, by the browser's clock (the sample is built as of 2026-11-30). */
const DURING = new Date('2026-12-01T12:00:00');

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('a recipient’s link', () => {
  it('shows the NDA they accepted, then decrypts the report stamped with their name on every page', async () => {
    await harness().withPage(async (page, log) => {
      await page.clock.setFixedTime(DURING);
      await page.goto(linkOf('northwind-clinics-2026-11'));
      const status = page.getByRole('status');
      await expect.poll(() => status.innerText()).toBe('Shared with Priya Raman (Northwind Clinics) until 2027-02-04.');
      // The key is read, then taken out of the address bar (and so out of the history).
      expect(new URL(page.url()).hash).toBe('');
      expect(new URL(page.url()).pathname).toMatch(/\/access\/$/);
      const agreement = page.getByRole('region', { name: 'Before you read' });
      expect(await agreement.getByRole('heading', { level: 3 }).innerText()).toBe(
        'Tallowbrook mutual non-disclosure agreement',
      );
      expect(await agreement.innerText()).toContain("You use Tallowbrook's confidential material only");
      const open = page.getByRole('button', { name: 'Open the documents' });
      expect(await open.isDisabled()).toBe(true);
      expect(await agreement.innerText()).toMatch(/a reminder of it, not a new signature/);
      await page.getByLabel('I have read the agreement I accepted, and I will keep these documents under it.').check();
      await open.click();
      const documents = page.getByRole('region', { name: 'Your documents' });
      const report = documents.getByRole('link', { name: 'SOC 2 Type I report (as of 2026-01-31)' });
      await report.waitFor();
      expect(await documents.getByRole('link').count()).toBe(2);
      expect(await report.getAttribute('download')).toBe('soc2-type1-report-2026.pdf');
      // Saved as a reader would: the link downloads the decrypted copy.
      const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
      expect(download.suggestedFilename()).toBe('soc2-type1-report-2026.pdf');
      const bytes = readFileSync((await download.path())!);
      const text = await pdfText(new Uint8Array(bytes));
      const pages = text.split('\n');
      expect(pages.length).toBeGreaterThan(0);
      for (const stamped of pages) {
        expect(stamped).toContain(
          'Provided under NDA to Priya Raman, Northwind Clinics · grant northwind-clinics-2026-11 · 2026-11-04',
        );
      }
      expect(log.errors).toEqual([]);
    });
  });

  it('says a link with a wrong key opens nothing, and what to do', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', `/access/#v=2&k=${randomBytes(32).toString('base64url')}`));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'This link does not open any documents: it may be incomplete, or access has been withdrawn. Ask security@tallowbrook.example for a new link.',
      );
      expect(await page.getByRole('region', { name: 'Before you read' }).count()).toBe(0);
    });
  });

  it('says a cut link is incomplete, and an expired one when it ended', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', '/access/#v=2&k=6TLMVHWu'));
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').innerText()).toContain(
        'Use the whole link you were sent, including the part after “#”.',
      );
      await page.goto(linkOf('harbor-dental-2026-04'));
      await page.reload();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').innerText()).toBe(
        'Your access through this link ended on 2026-07-13. Ask security@tallowbrook.example for a new link.',
      );
    });
  });

  it('opens nothing after its last day by the browser’s clock, even while the files are still published', async () => {
    await harness().withPage(async (page) => {
      await page.clock.setFixedTime(new Date('2027-02-04T23:30:00'));
      await page.goto(linkOf('northwind-clinics-2026-11'));
      await expect.poll(() => page.getByRole('status').innerText()).toMatch(/^Shared with Priya Raman/);
      await page.clock.setFixedTime(new Date('2027-02-05T00:30:00'));
      await page.goto(linkOf('northwind-clinics-2026-11'));
      await page.reload();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'Your access through this link ended on 2027-02-04. Ask security@tallowbrook.example for a new link.',
      );
      expect(await page.getByRole('region', { name: 'Before you read' }).count()).toBe(0);
    });
  });

  it('says a link of the earlier scheme no longer opens anything', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('public', `/access/#k=${randomBytes(32).toString('base64url')}`));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'This link was made by an earlier version of this trust center and no longer opens anything. Ask security@tallowbrook.example for a new link.',
      );
    });
  });

  it('is on record for auditors: each grant, current ones first, with its recipient and the NDA accepted', async () => {
    await harness().inTab(async (page) => {
      await page.goto(harness().url('auditors', '/grants/'));
      const rows = page.getByRole('table').getByRole('row');
      expect(await rows.count()).toBe(3);
      const [current, expired] = [await rows.nth(1).innerText(), await rows.nth(2).innerText()];
      expect(current).toMatch(/^Priya Raman\s+Northwind Clinics · priya\.raman@northwind-clinics\.example/);
      expect(current).toMatch(/Tallowbrook mutual non-disclosure agreement\s+e39036adeed6/);
      expect(current).toMatch(/2026-11-04\s+2027-02-04\s+Current$/);
      expect(expired).toMatch(/^Marcus Odell[\s\S]*2026-04-13\s+2026-07-13\s+Expired$/);
    });
  });

  it('is on record for staff by organization: the employee portal names no recipient', async () => {
    await harness().inTab(async (page) => {
      await page.goto(harness().url('employees', '/grants/'));
      const rows = page.getByRole('table').getByRole('row');
      expect(await rows.count()).toBe(3);
      expect(await rows.nth(1).innerText()).toMatch(/^Northwind Clinics\s+[\s\S]*2027-02-04\s+Current$/);
      const table = await page.getByRole('table').innerText();
      expect(table).not.toMatch(/Priya Raman|priya\.raman@|Marcus Odell/);
    });
  });
});
