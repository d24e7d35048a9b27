/**
 * Evidence locations that point nowhere an auditor can follow: a placeholder written where the real address
 * was meant to go (`https://TBD`, `https://wiki.acme.com/TODO`), a machine of one's own (`localhost`,
 * `127.0.0.1`), a name reserved never to resolve publicly (`.invalid`, `.test`, `.local`, `.localhost`,
 * RFC 2606 and 6762), a name of one label, or a bare site with no path (a site's home is not a document).
 *
 * `.example` is deliberately not on the list: a made-up company's own domain (the sample's
 * `tallowbrook.example`, the tests' `docs.test.example`) is how fictional programs are written, and the
 * template defaults under example.com, .org and .net are reported as TB321 already.
 */
import { defaultIn } from './placeholders.ts';

/** Names reserved so they never resolve on the internet. */
const reservedSuffixes = ['.invalid', '.test', '.local', '.localhost'];

/** Words people write where a value is still to come, as a host label or a path segment. */
const placeholderWords = new Set(['tbd', 'tbc', 'todo', 'fixme', 'placeholder', 'changeme', 'xxx']);

/** Why a location is a placeholder, or undefined when it could be a real document. */
export function placeholderLocation(location: string): string | undefined {
  if (defaultIn(location) !== undefined) return undefined;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.some((label) => placeholderWords.has(label))) return `its host \`${host}\` is a placeholder`;
  if (host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0' || host === '[::1]') {
    return `\`${host}\` is the machine it is opened on, not a place the auditor can reach`;
  }
  const reserved = reservedSuffixes.find((suffix) => host.endsWith(suffix));
  if (reserved) return `\`${host}\` is under \`${reserved}\`, a name reserved never to resolve`;
  if (!host.startsWith('[') && labels.length === 1) return `\`${host}\` is a name of one label, not a site`;
  const segments = url.pathname
    .split('/')
    .map((segment) =>
      decoded(segment)
        .toLowerCase()
        .replace(/\.[a-z0-9]+$/, ''),
    )
    .filter(Boolean);
  const word = segments.find((segment) => placeholderWords.has(segment));
  if (word !== undefined) return `its path holds the placeholder \`${word}\``;
  if (segments.length === 0 && url.search === '' && url.hash === '') {
    return `it is the bare site \`${host}\`, not a document on it`;
  }
  return undefined;
}

/** A path segment with its escapes undone; as written when an escape is malformed (`%E0%A4%A`). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
