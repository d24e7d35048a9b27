import { describe, expect, it } from 'vitest';
import { calendar, securityTxt, subprocessorChanges, subprocessorFeed } from '../../src/site/feeds.ts';
import { relativeHref } from '../../src/site/paths.ts';

const vendors = [
  {
    name: 'Alpha & Co',
    purpose: 'Hosting',
    data: ['customer data'],
    locations: ['United States'],
    added: '2024-02-01',
  },
  { name: 'Beta', purpose: 'Email', data: [], locations: [], added: '2026-03-15' },
];

describe('feeds and files', () => {
  it('lists subprocessor changes newest first', () => {
    expect(subprocessorChanges(vendors).map((change) => change.name)).toEqual(['Beta', 'Alpha & Co']);
  });

  it('writes an Atom feed with escaped text', () => {
    const feed = subprocessorFeed({
      organization: 'Test',
      siteUrl: 'https://trust.example',
      subprocessors: vendors,
      updated: '2026-11-30',
    });
    expect(feed).toContain('<title>Subprocessor added: Alpha &amp; Co</title>');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain('<id>https://trust.example/subprocessors.xml</id>');
  });

  it('writes security.txt with the fields RFC 9116 requires', () => {
    const text = securityTxt({ contact: 'security@example.com', expires: '2027-05-29' });
    expect(text).toMatch(/^Contact: mailto:security@example.com$/m);
    expect(text).toMatch(/^Expires: 2027-05-29T00:00:00.000Z$/m);
  });

  it('writes an iCalendar file with CRLF lines folded at 75 octets', () => {
    const ics = calendar({
      name: 'Reviews',
      stamp: '2026-11-30',
      events: [
        { uid: 'a@example', date: '2027-01-15', summary: `Review due: ${'A very long policy title '.repeat(5)}` },
      ],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270115');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('relative links', () => {
  it('link pages to each other without knowing where the site is deployed', () => {
    expect(relativeHref('/employees/', 'employees', 'policies/backup/')).toBe('policies/backup/');
    expect(relativeHref('/employees/policies/backup/', 'employees', 'procedures/onboarding/')).toBe(
      '../../procedures/onboarding/',
    );
    expect(relativeHref('/employees/owners/', 'employees', '')).toBe('../');
    expect(relativeHref('/employees/', 'employees', '')).toBe('./');
  });
});
