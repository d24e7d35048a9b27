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
