/** The auditor's fieldwork pages in a browser: the mock audit's workpaper and the acknowledgement status. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';

const harness = useHarness();

describe('the mock audit page', () => {
  it('shows the disclosed access exception against its sampled request, and every joiner and leaver', async () => {
    await harness().withPage(async (page, log) => {
      expect(await openPage(page, harness().url('auditors', '/audit/'))).toBe(200);
      const request = page.locator('table.audit-items tr', { has: page.locator('th', { hasText: 'ACC-312' }) });
      expect(await request.locator('.badge').innerText()).toMatch(/exception disclosed/i);
      expect(await request.innerText()).toContain("Management's response.");
      const personnel = page.locator('section', { has: page.locator('#personnel-heading') });
      expect(await personnel.locator('#personnel-new-hires').innerText()).toBe('New hires in the window (3)');
      expect(await personnel.locator('#personnel-leavers').innerText()).toBe('Leavers in the window (3)');
      const noor = personnel.locator('tr', { has: page.locator('th', { hasText: 'Noor Haddad' }) });
      expect(await noor.innerText()).toContain('Access removed: 2026-06-30, in time');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });
});

describe('the acknowledgements page', () => {
  it('lists the overdue acknowledgement as disclosed, the new hire’s as not yet due, and offers the CSV', async () => {
    await harness().withPage(async (page, log) => {
      expect(await openPage(page, harness().url('auditors', '/acknowledgements/'))).toBe(200);
      const current = page.locator('section', { has: page.locator('#current-heading') });
      const sam = current.locator('tr', { has: page.locator('th', { hasText: 'Sam Okoye' }), hasText: 'Incident' });
      expect(await sam.locator('.badge').innerText()).toBe('Overdue since 2026-06-17, exception disclosed');
      const newHires = page.locator('section', { has: page.locator('#new-hires-heading') });
      const ravi = newHires.locator('tr', {
        has: page.locator('th', { hasText: 'Ravi Chandra' }),
        hasText: 'Incident',
      });
      expect(await ravi.locator('.badge').innerText()).toBe('Not yet due (by 2026-12-09)');
      const csv = page.locator('a', { hasText: 'CSV' });
      const response = await fetch(new URL((await csv.getAttribute('href'))!, page.url()));
      expect(response.status).toBe(200);
      expect((await response.text()).split('\n')[0]).toContain('cohort,person,name,role,policy');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });
});

describe('the readiness page', () => {
  it('lists the nine steps of the checklist, each with a labelled progress bar', async () => {
    await harness().withPage(async (page, log) => {
      expect(await openPage(page, harness().url('auditors', '/readiness/'))).toBe(200);
      const steps = page.locator('ol.todo > li');
      expect(await steps.count()).toBe(9);
      expect(await steps.first().locator('strong').innerText()).toBe('Define the scope');
      const bar = steps.nth(1).locator('progress');
      expect(await bar.getAttribute('aria-label')).toBe('Assess the gaps: 38 of 38 criteria covered');
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });
});
