import { describe, expect, it } from 'vitest';
import { findingsError } from '../../src/integration/findings-error.ts';

describe('the error a build stops with', () => {
  it('carries the findings and their fix, and no stack', () => {
    const error = findingsError('policies/a.mdx: the document expired before the audit window', 'Approve it again.');
    expect(error.message).toBe('policies/a.mdx: the document expired before the audit window');
    expect(error.hint).toBe('Approve it again.');
    expect(error.stack).toBe('');
  });

  it('does not show Astro the words that make it swap our hint for one about browser APIs', () => {
    // Astro's dev/build error printer tests String(error) for "document" and "window"; findings use both words.
    const text = String(findingsError('the document covers part of the audit window', 'Fix it.'));
    expect(text).not.toMatch(/document|window/);
  });
});
