/** A vendor removed during the window, on the sample program: shown as removed to auditors, gone from the trust center. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';

const harness = useHarness();

describe('a vendor removed during the audit window', () => {
  it('is listed to auditors as removed, with no review due', async () => {
    await harness().withPage(async (page) => {
      await page.goto(harness().url('auditors', '/vendors/'));
      const row = page.getByRole('row').filter({ hasText: 'Pennant Messaging' });
      const text = await row.innerText();
      expect(text).toMatch(/Removed 2026-05-15/);
      expect(text).toMatch(/Yes, no longer published/);
      expect(text).toMatch(/none: removed/);
    });
  });

  it('is not on the trust center’s subprocessor list, page or feed', async () => {
    const page = await (await fetch(harness().url('public', '/subprocessors/'))).text();
    expect(page).toContain('Relaypost Messaging');
    expect(page).not.toContain('Pennant Messaging');
    const summary = await (await fetch(harness().url('public', '/.well-known/trust.json'))).json();
    expect(summary.subprocessors.map((s: { name: string }) => s.name)).not.toContain('Pennant Messaging');
  });
});
