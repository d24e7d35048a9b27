/** The auditor sees, per control, whether each period of the Type II window has its evidence. */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';

const harness = useHarness();

describe('auditor control page', () => {
  it('AC-04, a quarterly control with every quarter evidenced, shows 4 present cells in its timeline', async () => {
    await harness().withPage(async (page, log) => {
      expect(await openPage(page, harness().url('auditors', '/controls/AC-04/'))).toBe(200);
      const timeline = page.locator('ul.timeline').first();
      expect(await timeline.isVisible()).toBe(true);
      const states = await timeline
        .locator('li')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-state')));
      expect(states.filter((state) => state === 'present')).toHaveLength(4);
      expect(states.every((state) => state === 'present' || state === 'missing' || state === 'not-yet-due')).toBe(true);
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });
});

describe('auditor criteria page', () => {
  it('shows every criterion month by month across the window, each month met for the sample, in words a screen reader reads', async () => {
    await harness().withPage(async (page, log) => {
      expect(await openPage(page, harness().url('auditors', '/criteria/'))).toBe(200);
      const section = page.getByRole('region', { name: 'Coverage across the audit window' });
      expect(await section.isVisible()).toBe(true);
      const security = section.getByRole('table', { name: 'Security (common criteria), month by month' });
      const headers = await security.locator('thead th').allTextContents();
      expect(headers).toEqual([
        'Criterion',
        ...['Dec 25', 'Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'May 26'],
        ...['Jun 26', 'Jul 26', 'Aug 26', 'Sep 26', 'Oct 26', 'Nov 26'],
      ]);
      const cells = await security.locator('tbody td .visually-hidden').allTextContents();
      expect(cells).toHaveLength(33 * 12);
      expect(new Set(cells)).toEqual(new Set(['met']));
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });
});
