/**
 * A disabled button stays readable, at rest and under the pointer: axe-core leaves disabled controls out of its
 * contrast rule (WCAG exempts them), yet the NDA step's "Open the documents" button is disabled until the box is
 * ticked, and a reader must be able to read what it will do.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../e2e/browser.ts';
import { useHarness } from '../e2e/harness.ts';

const harness = useHarness();

/** WCAG's contrast ratio of the element's text on its own background (both opaque here). */
function contrastOf(button: Locator): Promise<number> {
  return button.evaluate((element) => {
    const style = getComputedStyle(element);
    const canvas = document.createElement('canvas').getContext('2d')!;
    const luminance = (color: string) => {
      // The canvas turns any CSS colour (color-mix included) into sRGB bytes.
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((byte) => {
        const channel = byte / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

describe('a disabled button', () => {
  it('keeps its text readable (contrast of at least 4.5:1), at rest and under the pointer', async () => {
    await harness().withPage(async (page) => {
      await openPage(page, harness().url('public', '/access/'));
      // The step is shown once a grant's link is opened; its button is the same markup and style without one.
      await page.evaluate(() => {
        for (const step of document.querySelectorAll<HTMLElement>('[data-access-nda]')) step.hidden = false;
      });
      const button = page.locator('button[data-access-open]');
      expect(await button.isDisabled()).toBe(true);
      expect(await contrastOf(button)).toBeGreaterThanOrEqual(4.5);
      await button.hover({ force: true });
      expect(await contrastOf(button)).toBeGreaterThanOrEqual(4.5);
    });
  });
});
