/**
 * Reading the feeds and calendars the sites publish as their readers would: Atom through an XML parser, HTML
 * text decoded where Atom says `type="html"`, and iCalendar lines unfolded and unescaped as RFC 5545 says.
 */
import { xml2js, type ElementCompact } from 'xml-js';

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; href: string }[];
  entries: AtomEntry[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** The text of an Atom text construct: plain, or HTML decoded when `type="html"`. */
function textOf(element: ElementCompact | undefined): string {
  if (!element) return '';
  const raw = String(element._cdata ?? element._text ?? '');
  if (element._attributes?.type !== 'html') return raw;
  return raw.replace(/<[^>]*>/g, '').replace(/&(#39|[a-z]+);/g, (match, name: string) => entities[name] ?? match);
}

/** Parses an Atom document; throws when it is not well-formed XML. */
export function readAtom(xml: string): AtomFeed {
  const document = xml2js(xml, { compact: true, alwaysArray: ['entry', 'link'] }) as ElementCompact;
  const feed = document.feed as ElementCompact;
  const links = (element: ElementCompact) =>
    ((element.link ?? []) as ElementCompact[]).map((link) => ({
      rel: String(link._attributes?.rel ?? 'alternate'),
      href: String(link._attributes?.href ?? ''),
    }));
  return {
    id: textOf(feed.id as ElementCompact),
    title: textOf(feed.title as ElementCompact),
    updated: textOf(feed.updated as ElementCompact),
    links: links(feed),
    entries: ((feed.entry ?? []) as ElementCompact[]).map((entry) => ({
      id: textOf(entry.id as ElementCompact),
      title: textOf(entry.title as ElementCompact),
      updated: textOf(entry.updated as ElementCompact),
      link: links(entry)[0]?.href ?? '',
      summary: textOf(entry.summary as ElementCompact),
    })),
  };
}

/** One component of an iCalendar file: its name and properties (name with parameters -> unescaped value). */
export interface CalendarComponent {
  name: string;
  properties: Map<string, string>;
}

/** Unfolds an iCalendar file's lines and reads its components, outermost first. */
export function readCalendar(ics: string): CalendarComponent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const components: CalendarComponent[] = [];
  const open: CalendarComponent[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { name: value, properties: new Map<string, string>() };
      components.push(component);
      open.push(component);
    } else if (name === 'END') {
      open.pop();
    } else {
      open.at(-1)?.properties.set(
        name,
        value.replace(/\\([\\;,nN])/g, (_match, character: string) =>
          character === 'n' || character === 'N' ? '\n' : character,
        ),
      );
    }
  }
  return components;
}
