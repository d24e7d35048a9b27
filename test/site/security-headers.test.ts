/** The `_headers` file a static host reads: the policy every page gets, and the media type of each feed. */
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/deploy/caddyfile.ts';
import { headersFile } from '../../src/site/security-headers.ts';

const contentTypes = (text: string) =>
  Object.fromEntries(
    parseHeadersFile(text).flatMap((rule) =>
      rule.headers.filter(([name]) => name === 'Content-Type').map(([, value]) => [rule.path, value]),
    ),
  );

describe('the _headers file', () => {
  it('gives the feeds, security.txt and trust.json the media types their readers expect', () => {
    const text = headersFile({
      private: false,
      files: [
        '/index.html',
        '/updates.xml',
        '/updates.json',
        '/subprocessors.xml',
        '/.well-known/security.txt',
        '/.well-known/trust.json',
        '/sitemap.xml',
        '/robots.txt',
      ],
    });
    expect(contentTypes(text)).toEqual({
      '/.well-known/security.txt': 'text/plain; charset=utf-8',
      '/.well-known/trust.json': 'application/json; charset=utf-8',
      '/robots.txt': 'text/plain; charset=utf-8',
      '/sitemap.xml': 'application/xml; charset=utf-8',
      '/subprocessors.xml': 'application/atom+xml; charset=utf-8',
      '/updates.json': 'application/feed+json; charset=utf-8',
      '/updates.xml': 'application/atom+xml; charset=utf-8',
    });
  });

  it('names only files the site has, and keeps the policy for every page first', () => {
    const text = headersFile({ private: true, files: ['/calendar.ics', '/policies/index.html'] });
    const rules = parseHeadersFile(text);
    expect(rules.map((rule) => rule.path)).toEqual(['/*', '/calendar.ics']);
    expect(rules[0]!.headers).toContainEqual(['X-Robots-Tag', 'noindex, nofollow']);
    expect(contentTypes(text)).toEqual({ '/calendar.ics': 'text/calendar; charset=utf-8' });
  });
});
