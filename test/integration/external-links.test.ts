import { describe, expect, it } from 'vitest';
import { secureExternalLinks } from '../../src/integration/external-links.ts';

describe('external links', () => {
  it('open with noopener and noreferrer', () => {
    expect(secureExternalLinks('<a href="https://example.com/x">x</a>')).toBe(
      '<a href="https://example.com/x" rel="noopener noreferrer">x</a>',
    );
    expect(secureExternalLinks('<a class="c" href="//cdn.example">x</a>')).toContain('rel="noopener noreferrer"');
  });

  it('keep an existing rel and add what is missing', () => {
    expect(secureExternalLinks('<a rel="external" href="http://example.com">x</a>')).toBe(
      '<a rel="external noopener noreferrer" href="http://example.com">x</a>',
    );
  });

  it('leave links inside the site alone', () => {
    const html = '<a href="../policies/backup/">Backup</a><a href="mailto:a@example.com">mail</a>';
    expect(secureExternalLinks(html)).toBe(html);
  });
});
