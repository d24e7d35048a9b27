/**
 * The trust center's feeds (Atom and JSON Feed, written by the `feed` library), the JSON list of subprocessor
 * changes, security.txt and the employees' calendar (iCalendar, written by `ics`). Every date comes
 * from the program, never from the clock, so two builds of the same program give the same bytes.
 */
import { Feed, type Item } from 'feed';
import { createEvents, type DateArray, type DateTime, type EventAttributes } from 'ics';
import { addDays } from '../engine/dates.ts';
import { dayStart, escapeHtml } from '../report/feed-text.ts';
import { anchorOf, type TrustUpdate } from './trust-updates.ts';
import type { PublicSubprocessor } from '../site/views.ts';

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** Newest first: each subprocessor is a change on the day it was added. */
export function subprocessorChanges(subprocessors: readonly PublicSubprocessor[]) {
  return [...subprocessors]
    .sort((a, b) => b.added.localeCompare(a.added) || a.name.localeCompare(b.name))
    .map((vendor) => ({ date: vendor.added, change: 'added' as const, ...vendor }));
}

export function subprocessorFeed(options: {
  organization: string;
  siteUrl: string;
  subprocessors: readonly PublicSubprocessor[];
  updated: string;
}): string {
  const base = options.siteUrl.replace(/\/?$/, '/');
  const feed = new Feed({
    id: `${base}subprocessors.xml`,
    title: `${options.organization} subprocessor changes`,
    updated: dayStart(options.updated),
    generator: 'Trustbook',
    link: `${base}subprocessors/`,
    feedLinks: { atom: `${base}subprocessors.xml` },
    author: { name: options.organization },
  });
  for (const change of subprocessorChanges(options.subprocessors)) {
    const summary = `${change.name}: ${change.purpose.replace(/\.$/, '')}. Data: ${change.data.join(', ') || 'none listed'}. Location: ${change.locations.join(', ') || 'not listed'}.`;
    feed.addItem({
      id: `${base}subprocessors/#${encodeURIComponent(change.name)}-${change.date}`,
      title: escapeHtml(`Subprocessor added: ${change.name}`),
      link: `${base}subprocessors/`,
      date: dayStart(change.date),
      description: escapeHtml(summary),
    });
  }
  return `${feed.atom1()}\n`;
}

interface UpdatesFeedOptions {
  organization: string;
  /** The trust center's address, from `publicBase`. */
  siteUrl: string;
  /** Newest first, as the public view holds them. */
  updates: readonly TrustUpdate[];
  /** The evaluation date: the feed's date while it has no entry. */
  asOf: string;
}

/** The trust updates as a `feed` object; `html` says whether the format reads titles as HTML (Atom) or text. */
function updatesFeed(options: UpdatesFeedOptions, html: boolean): Feed {
  const base = options.siteUrl.replace(/\/?$/, '/');
  const feed = new Feed({
    id: `${base}updates.xml`,
    title: `${options.organization} trust updates`,
    description: `Public changes to the trust center of ${options.organization}: subprocessors, policies, attestations and pages.`,
    updated: dayStart(options.updates[0]?.date ?? options.asOf),
    generator: 'Trustbook',
    language: 'en',
    link: `${base}updates/`,
    feedLinks: { atom: `${base}updates.xml`, json: `${base}updates.json` },
    author: { name: options.organization },
  });
  for (const update of options.updates) {
    const item: Item = {
      id: `${base}updates/#${anchorOf(update)}`,
      title: html ? escapeHtml(update.title) : update.title,
      link: `${base}${update.href}`,
      date: dayStart(update.date),
      published: dayStart(update.date),
      description: escapeHtml(update.summary),
      category: [{ name: update.label, term: update.kind }],
    };
    feed.addItem(item);
  }
  return feed;
}

/** The trust updates as an Atom feed. */
export function updatesAtom(options: UpdatesFeedOptions): string {
  return `${updatesFeed(options, true).atom1()}\n`;
}

/**
 * The trust updates as a JSON Feed 1.1. `feed` 6 writes version 1 (jpmonette/feed#246); what 1.1 changed is
 * the version's URL, `authors` in place of `author`, and `language`, so the library's output gets just that.
 */
export function updatesJsonFeed(options: UpdatesFeedOptions): string {
  const { author, items, ...written } = JSON.parse(updatesFeed(options, false).json1()) as Record<string, unknown>;
  const feed = { ...written, version: 'https://jsonfeed.org/version/1.1', language: 'en', authors: [author], items };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** RFC 9116 security.txt; Expires is a fixed time after the evaluation date so builds stay reproducible. */
/** security.txt expires this many days after the evaluation date; a scheduled build keeps it fresh. */
const SECURITY_TXT_EXPIRES_AFTER_DAYS = 180;

/**
 * The trust center's security.txt: none while the contact is a template default (the route is then not built,
 * and `astro dev` answers 404). With a trust center address it names itself and the FAQ as its policy.
 */
export function securityTxtOf(
  program: { contact?: string | undefined; trust_center_url?: string | undefined },
  asOf: string,
): string | undefined {
  const { contact, trust_center_url: address } = program;
  if (!contact) return undefined;
  const base = (address ?? '').replace(/\/?$/, '/');
  return securityTxt({
    contact,
    expires: addDays(asOf, SECURITY_TXT_EXPIRES_AFTER_DAYS),
    ...(address ? { canonical: `${base}.well-known/security.txt`, policy: `${base}faq/` } : {}),
  });
}

export function securityTxt(options: {
  contact: string;
  expires: string;
  canonical?: string;
  policy?: string;
}): string {
  return [
    `Contact: mailto:${options.contact}`,
    `Expires: ${options.expires}T00:00:00.000Z`,
    'Preferred-Languages: en',
    ...(options.canonical ? [`Canonical: ${options.canonical}`] : []),
    ...(options.policy ? [`Policy: ${options.policy}`] : []),
    '',
  ].join('\n');
}

/**
 * An iCalendar file of all-day events. DTSTAMP, which `ics` would take from the clock, is the evaluation date,
 * so two builds as of the same day give the same file.
 */
export function calendar(options: {
  name: string;
  stamp: string;
  events: readonly { uid: string; date: string; summary: string; description?: string }[];
}): string {
  const timestamp = dayStart(options.stamp).getTime();
  const day = (date: string) => date.split('-').map(Number) as DateArray;
  const events = options.events.map((event) => {
    const attributes: EventAttributes & { timestamp: DateTime } = {
      uid: event.uid,
      title: event.summary,
      // An all-day event: it ends (exclusively) the next day.
      start: day(event.date),
      end: day(addDays(event.date, 1)),
      timestamp,
      ...(event.description ? { description: event.description } : {}),
    };
    return attributes;
  });
  const { error, value } = createEvents(events, {
    productId: '-//Trustbook//Program calendar//EN',
    calName: options.name,
  });
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  return refold(value);
}

/** RFC 5545 (3.1): a content line is at most 75 octets, its continuations starting with a space. */
const MAX_LINE_OCTETS = 75;

/**
 * `ics` folds lines at 75 characters, so a line of accented or CJK text runs to twice the octets the standard
 * allows. Each line is unfolded and folded again by octets, never inside a character's UTF-8 sequence.
 */
export function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map((line) => foldLine(line)).join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    // A continuation's leading space counts towards its 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
