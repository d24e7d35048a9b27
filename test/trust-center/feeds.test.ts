import { describe, expect, it } from 'vitest';
import {
  calendar,
  securityTxt,
  subprocessorChanges,
  subprocessorFeed,
  updatesAtom,
  updatesJsonFeed,
} from '../../src/trust-center/feeds.ts';
import { findLeak, needlesFor, readableText } from '../../src/integration/leak-scan.ts';
import { relativeHref } from '../../src/site/paths.ts';
import type { TrustUpdate } from '../../src/trust-center/trust-updates.ts';
import { readAtom, readCalendar } from '../helpers/feeds.ts';
import { check, validProgram } from '../helpers/program.ts';

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

  it('writes the subprocessor feed as Atom a reader parses: one entry per subprocessor, names intact', () => {
    const feed = readAtom(
      subprocessorFeed({
        organization: 'Test',
        siteUrl: 'https://trust.example',
        subprocessors: vendors,
        updated: '2026-11-30',
      }),
    );
    expect(feed.id).toBe('https://trust.example/subprocessors.xml');
    expect(feed.updated).toBe('2026-11-30T00:00:00.000Z');
    expect(feed.links).toContainEqual({ rel: 'self', href: 'https://trust.example/subprocessors.xml' });
    expect(feed.entries.map((entry) => [entry.title, entry.updated])).toEqual([
      ['Subprocessor added: Beta', '2026-03-15T00:00:00.000Z'],
      ['Subprocessor added: Alpha & Co', '2024-02-01T00:00:00.000Z'],
    ]);
    expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(2);
    expect(feed.entries[1]!.summary).toBe('Alpha & Co: Hosting. Data: customer data. Location: United States.');
  });

  it('writes security.txt with the fields RFC 9116 requires', () => {
    const text = securityTxt({ contact: 'security@example.com', expires: '2027-05-29' });
    expect(text).toMatch(/^Contact: mailto:security@example.com$/m);
    expect(text).toMatch(/^Expires: 2027-05-29T00:00:00.000Z$/m);
  });

  it('writes an iCalendar file of all-day events, stamped with the evaluation date, CRLF lines folded at 75 octets', () => {
    const summary = `Review due: ${'A very long policy title; with, punctuation '.repeat(3)}`;
    const options = {
      name: 'Reviews',
      stamp: '2026-11-30',
      events: [
        { uid: 'a@example', date: '2027-01-15', summary, description: 'Version 2 was approved.' },
        { uid: 'b@example', date: '2026-12-31', summary: 'Review due: Backup Policy' },
      ],
    };
    const ics = calendar(options);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const [calendarPart, ...events] = readCalendar(ics);
    expect(calendarPart!.name).toBe('VCALENDAR');
    expect(calendarPart!.properties.get('PRODID')).toBe('-//Trustbook//Program calendar//EN');
    expect(calendarPart!.properties.get('X-WR-CALNAME')).toBe('Reviews');
    expect(events.map((event) => Object.fromEntries(event.properties))).toEqual([
      {
        UID: 'a@example',
        SUMMARY: summary,
        DESCRIPTION: 'Version 2 was approved.',
        DTSTAMP: '20261130T000000Z',
        'DTSTART;VALUE=DATE': '20270115',
        'DTEND;VALUE=DATE': '20270116',
      },
      {
        UID: 'b@example',
        SUMMARY: 'Review due: Backup Policy',
        DTSTAMP: '20261130T000000Z',
        'DTSTART;VALUE=DATE': '20261231',
        'DTEND;VALUE=DATE': '20270101',
      },
    ]);
    // Nothing from the clock: the same program gives the same bytes.
    expect(calendar(options)).toBe(ics);
  });

  it('folds lines of non-ASCII text at 75 octets, not 75 characters, and never inside a character', () => {
    // Two- and three-byte characters: 75 of them would be up to 225 octets, three times what RFC 5545 allows.
    const summary = `Überprüfung fällig: Richtlinie für Größe und Maße — 日本語のポリシー ✓ `.repeat(4).trim();
    const ics = calendar({
      name: 'Überprüfungen',
      stamp: '2026-11-30',
      events: [{ uid: 'a@x', date: '2027-01-15', summary }],
    });
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    // Folded, not cut short: the long summary spans several lines, at least one of them filled to the limit or
    // one character short of it, and unfolding gives the text back whole.
    const continuations = lines.filter((line) => line.startsWith(' '));
    expect(continuations.length).toBeGreaterThan(2);
    expect(lines.some((line) => Buffer.byteLength(line) >= 73)).toBe(true);
    for (const line of lines) expect(line).not.toContain('\uFFFD');
    const [, event] = readCalendar(ics);
    expect(event!.properties.get('SUMMARY')).toBe(summary);
  });
});

describe('the trust updates feeds', () => {
  const updates: TrustUpdate[] = [
    {
      id: '0123456789abcdef',
      date: '2026-03-02',
      kind: 'subprocessor-added',
      label: 'Subprocessor added',
      subject: 'Cloud & <Co>',
      title: 'Subprocessor added: Cloud & <Co>',
      summary: 'Cloud & <Co> is added to the subprocessors; it starts processing customer data on 2026-04-01.',
      effective: '2026-04-01',
      href: 'subprocessors/',
    },
    {
      id: 'fedcba9876543210',
      date: '2026-01-20',
      kind: 'policy-published',
      label: 'Policy published',
      subject: 'Encryption Policy',
      detail: 'version 2.1',
      title: 'Policy published: Encryption Policy, version 2.1',
      summary: 'Version 2.1 of Encryption Policy is published.',
      href: 'policies/encryption/',
    },
  ];
  const options = { organization: 'Test & Co', siteUrl: 'https://trust.example', updates, asOf: '2026-11-30' };

  it('give Atom entries with stable ids, the change’s day, its page and its text', () => {
    const feed = readAtom(updatesAtom(options));
    expect(feed.id).toBe('https://trust.example/updates.xml');
    expect(feed.title).toBe('Test & Co trust updates');
    // The feed is as new as its newest change, not as the build.
    expect(feed.updated).toBe('2026-03-02T00:00:00.000Z');
    expect(feed.entries).toEqual([
      {
        id: 'https://trust.example/updates/#change-0123456789abcdef',
        title: 'Subprocessor added: Cloud & <Co>',
        updated: '2026-03-02T00:00:00.000Z',
        link: 'https://trust.example/subprocessors/',
        summary: updates[0]!.summary,
      },
      {
        id: 'https://trust.example/updates/#change-fedcba9876543210',
        title: 'Policy published: Encryption Policy, version 2.1',
        updated: '2026-01-20T00:00:00.000Z',
        link: 'https://trust.example/policies/encryption/',
        summary: 'Version 2.1 of Encryption Policy is published.',
      },
    ]);
  });

  it('give a JSON Feed 1.1 with the same entries, titles as plain text', () => {
    const feed = JSON.parse(updatesJsonFeed(options));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test & Co trust updates',
      home_page_url: 'https://trust.example/updates/',
      feed_url: 'https://trust.example/updates.json',
      authors: [{ name: 'Test & Co' }],
      language: 'en',
    });
    expect(feed.author).toBeUndefined();
    const atomIds = readAtom(updatesAtom(options)).entries.map((entry) => entry.id);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(atomIds);
    expect(feed.items[0]).toMatchObject({
      title: 'Subprocessor added: Cloud & <Co>',
      url: 'https://trust.example/subprocessors/',
      date_published: '2026-03-02T00:00:00.000Z',
      content_html:
        'Cloud &amp; &lt;Co&gt; is added to the subprocessors; it starts processing customer data on 2026-04-01.',
    });
  });

  it('are read whole by the leak scan, so a private name in an entry would fail the build', () => {
    const result = check({
      ...validProgram(),
      'content/vendors/ledger.yaml':
        'id: ledger\nname: Quiet Ledger Systems\npurpose: Bookkeeping.\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
    });
    const leaked = {
      ...updates[0]!,
      subject: 'Quiet Ledger Systems',
      title: 'Subprocessor added: Quiet Ledger Systems',
    };
    const needles = needlesFor(result, 'public');
    expect(findLeak(readableText(updatesAtom(options)), needles)).toBeUndefined();
    expect(findLeak(readableText(updatesAtom({ ...options, updates: [leaked] })), needles)).toMatchObject({
      text: 'quiet ledger systems',
    });
    expect(findLeak(updatesJsonFeed({ ...options, updates: [leaked] }), needles)).toBeDefined();
  });

  it('are dated by the evaluation date while there is no change to list', () => {
    const empty = { ...options, updates: [] };
    expect(readAtom(updatesAtom(empty))).toMatchObject({ updated: '2026-11-30T00:00:00.000Z', entries: [] });
    expect(JSON.parse(updatesJsonFeed(empty)).items).toEqual([]);
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
