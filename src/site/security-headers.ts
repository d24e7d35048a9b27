/**
 * The Content Security Policy every page satisfies: no inline script or style (the accent colour is a
 * stylesheet of its own, accent.css), nothing loaded from elsewhere, and forms
 * posting nowhere but to the trust center's request-access URL when the program names one. The same policy
 * goes into a meta tag on each page and into `_headers` for hosts that read one (where it can also forbid
 * framing, which a meta tag cannot).
 */
export function contentSecurityPolicy(formAction?: string): string {
  return [...basePolicy, `form-action ${formAction ? new URL(formAction).origin : "'none'"}`].join('; ');
}

const basePolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
];

/**
 * The media type of each file the sites publish whose extension alone does not say it: a host guesses
 * `text/xml` for an Atom feed and `application/json` for a JSON Feed, and security.txt must be UTF-8 plain text
 * (RFC 9116). With `nosniff`, a browser or feed reader takes the type it is given.
 */
export const mediaTypes: Readonly<Record<string, string>> = {
  '/.well-known/security.txt': 'text/plain; charset=utf-8',
  '/.well-known/trust.json': 'application/json; charset=utf-8',
  '/.well-known/trust.schema.json': 'application/schema+json; charset=utf-8',
  '/subprocessors.xml': 'application/atom+xml; charset=utf-8',
  '/subprocessors.json': 'application/json; charset=utf-8',
  '/updates.xml': 'application/atom+xml; charset=utf-8',
  '/updates.json': 'application/feed+json; charset=utf-8',
  '/sitemap.xml': 'application/xml; charset=utf-8',
  '/robots.txt': 'text/plain; charset=utf-8',
  '/answers.csv': 'text/csv; charset=utf-8',
  '/calendar.ics': 'text/calendar; charset=utf-8',
};

/**
 * A site's `_headers` file. `files` are the site's files as URL paths (`/updates.xml`): each one `mediaTypes`
 * names gets its Content-Type.
 */
export function headersFile(options: {
  private: boolean;
  formAction?: string | undefined;
  files?: readonly string[];
}): string {
  const typed = (options.files ?? []).filter((path) => Object.hasOwn(mediaTypes, path)).sort();
  return `/*
  Content-Security-Policy: ${contentSecurityPolicy(options.formAction)}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
${options.private ? '  X-Robots-Tag: noindex, nofollow\n' : ''}${typed.map((path) => `\n${path}\n  Content-Type: ${mediaTypes[path]}\n`).join('')}`;
}
