/** The subprocessor change feed (Atom), the JSON list of changes, security.txt, the sitemap and the ICS calendar. */
import type { PublicSubprocessor } from './views.ts';

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
  const entries = subprocessorChanges(options.subprocessors).map(
    (change) => `  <entry>
    <id>${escapeXml(`${base}subprocessors/#${encodeURIComponent(change.name)}-${change.date}`)}</id>
    <title>${escapeXml(`Subprocessor added: ${change.name}`)}</title>
    <updated>${change.date}T00:00:00Z</updated>
    <link href="${escapeXml(`${base}subprocessors/`)}"/>
    <summary>${escapeXml(`${change.name}: ${change.purpose.replace(/\.$/, '')}. Data: ${change.data.join(', ') || 'none listed'}. Location: ${change.locations.join(', ') || 'not listed'}.`)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${base}subprocessors.xml`)}</id>
  <title>${escapeXml(`${options.organization} subprocessor changes`)}</title>
  <updated>${options.updated}T00:00:00Z</updated>
  <link rel="self" href="${escapeXml(`${base}subprocessors.xml`)}"/>
  <author><name>${escapeXml(options.organization)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** RFC 9116 security.txt; Expires is a fixed time after the evaluation date so builds stay reproducible. */
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

export function sitemap(urls: readonly string[], lastmod: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `  <url><loc>${escapeXml(url)}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n')}
</urlset>
`;
}

/** RFC 5545 text: escaped, CRLF line ends, lines folded at 75 octets. */
export function calendar(options: {
  name: string;
  stamp: string;
  events: readonly { uid: string; date: string; summary: string; description?: string }[];
}): string {
  const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
  const compact = (date: string) => date.replaceAll('-', '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Trustbook//Program calendar//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${text(options.name)}`,
    ...options.events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${compact(options.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(event.date)}`,
      `SUMMARY:${text(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}
