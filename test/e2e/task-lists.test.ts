/**
 * Procedure steps can be ticked in the browser and stay ticked there (localStorage); without JavaScript they
 * are a plain list whose boxes cannot be ticked, since nothing could remember them.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './browser.ts';
import { useHarness } from './harness.ts';

const harness = useHarness();
const procedure = '/procedures/onboarding/';
const boxes = '.task-list-item input[type="checkbox"]';

describe('procedure task list', () => {
  it('keeps a step the user ticked after the page is reloaded', async () => {
    await harness().withPage(async (page, log) => {
      await openPage(page, harness().url('employees', procedure));
      const steps = page.locator(boxes);
      expect(await steps.count()).toBeGreaterThan(2);
      // The second step, not the first: proves each box keeps its own state, not "the list was touched".
      const second = steps.nth(1);
      expect(await second.isEnabled()).toBe(true);
      expect(await second.isChecked()).toBe(false);
      await second.check();

      await page.reload({ waitUntil: 'load' });
      expect(await steps.nth(1).isChecked()).toBe(true);
      expect(await steps.nth(0).isChecked()).toBe(false);
      expect(await steps.nth(2).isChecked()).toBe(false);
      expect(await page.locator('[data-task-progress]').innerText()).toMatch(/^1 of \d+ steps ticked/);
      expect(log.errors, log.errors.join('\n')).toEqual([]);
    });
  });

  it('without JavaScript shows the steps with disabled boxes', async () => {
    await harness().withPage(
      async (page) => {
        await openPage(page, harness().url('employees', procedure), { scripts: false });
        const states = await page
          .locator(boxes)
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).disabled));
        expect(states.length).toBeGreaterThan(2);
        expect(states.every(Boolean)).toBe(true);
      },
      { javaScriptEnabled: false },
    );
  });
});
