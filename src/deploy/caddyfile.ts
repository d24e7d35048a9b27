/**
 * A Caddyfile that hosts each site for its audience: the trust center open to everyone, the employee portal
 * and the auditor site only behind the company's sign-on (`forward_auth` to its SSO proxy) or, at the least,
 * HTTP basic auth. Pure: the caller reads the built sites' `_headers` files and writes the result.
 *
 * Written for Debian's Caddy (2.6), so it uses `basicauth`, the directive's name there (later versions also
 * call it `basic_auth` and still read the old name).
 */
import { UsageError } from '../engine/errors.ts';
import type { Site } from '../site/sites.ts';

/** One rule of a `_headers` file: a path pattern and the headers a host sends for it. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

export interface SiteHosting {
  /** Caddy's site address: a host name, `host:port`, `:port`, or one of those after `http://` or `https://`. */
  address: string;
  /** The absolute path of the built site (`dist/<site>`). */
  root: string;
  /** What the build's `_headers` asks a host to send. */
  headers: HeaderRule[];
}

export type PrivateAccess =
  | {
      kind: 'forward-auth';
      /** The SSO proxy's check endpoint, e.g. `http://127.0.0.1:4180/oauth2/auth`. */
      url: string;
    }
  | {
      kind: 'basic-auth';
      user: string;
      /** A bcrypt hash (`caddy hash-password`), or undefined to read it from Caddy's environment at start. */
      hash?: string | undefined;
    };

export interface CaddyfileOptions {
  sites: Record<Site, SiteHosting>;
  access: PrivateAccess;
}

/** The environment variable the Caddyfile reads the basic-auth hash from when none is written into it. */
export const BASIC_AUTH_HASH_ENV = 'TRUSTBOOK_BASIC_AUTH_HASH';

/** oauth2-proxy's check endpoint, taken when the SSO proxy's URL names no path. */
export const DEFAULT_AUTH_PATH = '/oauth2/auth';

/** Files a static host reads and never serves (as the preview server and Netlify treat them). */
const hostFiles = ['/_headers', '/_redirects'];

const privateRobots = 'noindex, nofollow';

/** A bcrypt hash as `caddy hash-password` prints it: anything else may be a password typed in plain. */
const bcrypt = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/** Reads a `_headers` file (a path pattern on its own line, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && separator > 0) rule.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  }
  return rules;
}

export function caddyfile(options: CaddyfileOptions): string {
  const addresses = Object.values(options.sites).map((site) => checkAddress(site.address));
  const repeated = addresses.find((address, index) => addresses.indexOf(address) !== index);
  if (repeated) {
    throw new UsageError(
      `two sites have the same address "${repeated}"`,
      'Give each site its own host name or port: the private sites must never share the trust center’s host.',
    );
  }
  const access = checkAccess(options.access);
  return [
    '# Written by `trustbook caddy`. Run it again after changing a site address or the sign-on, not after a build:',
    '# Caddy serves the folders below as they are, and the headers are the ones the build writes in `_headers`.',
    '',
    '# The trust center: open to everyone.',
    siteBlock(options.sites.public, undefined),
    '',
    '# The employee portal: staff only, through the company’s sign-on.',
    siteBlock(options.sites.employees, access),
    '',
    '# The auditor site: the audit firm and the compliance team only, through the company’s sign-on.',
    siteBlock(options.sites.auditors, access),
    '',
  ].join('\n');
}

/** What stands between an anonymous request and a private site's files. */
interface Guard {
  /** Routes handled before the guard: the SSO proxy's own pages. */
  passThrough: string[];
  /** The directives that refuse a request without a signed-in user. */
  directives: string[];
}

function siteBlock(site: SiteHosting, guard: Guard | undefined): string {
  const lines = [`root * ${quote(site.root)}`, 'encode zstd gzip', ...headerLines(site.headers, guard !== undefined)];
  const serve = [`@hostFiles path ${hostFiles.join(' ')}`, 'respond @hostFiles 404', 'file_server'];
  if (!guard) lines.push(...serve);
  else if (guard.passThrough.length === 0) lines.push(...guard.directives, ...serve);
  else lines.push(...guard.passThrough, 'handle {', ...indent([...guard.directives, ...serve]), '}');
  return `${checkAddress(site.address)} {\n${indent(lines).join('\n')}\n}`;
}

/** The `_headers` rules as `header` directives; a private site always says `noindex`, whatever the file holds. */
function headerLines(rules: HeaderRule[], isPrivate: boolean): string[] {
  const lines = rules
    .filter((rule) => rule.headers.length > 0)
    .flatMap((rule) => [
      `header ${caddyPath(rule.path)} {`,
      ...indent(rule.headers.map(([name, value]) => `${checkHeaderName(name)} ${quote(value)}`)),
      '}',
    ]);
  const saysNoindex = rules.some(
    (rule) => rule.path === '/*' && rule.headers.some(([name]) => name.toLowerCase() === 'x-robots-tag'),
  );
  if (isPrivate && !saysNoindex) lines.push(`header X-Robots-Tag ${quote(privateRobots)}`);
  return lines;
}

/** Refuses anything but a bcrypt hash: what is not one may be a password typed in plain. */
export function checkPasswordHash(hash: string, source: string): void {
  if (!bcrypt.test(hash)) {
    throw new UsageError(
      `${source} is not a bcrypt hash, and a password must never be kept in plain`,
      'Hash the password with `caddy hash-password` and give what it prints (it starts with $2a$).',
    );
  }
}

function checkAccess(access: PrivateAccess): Guard {
  if (access.kind === 'basic-auth') {
    if (!/^[\w.@-]+$/.test(access.user)) {
      throw new UsageError(
        `the basic-auth user name "${access.user}" may hold only letters, digits and . _ @ -`,
        'For example: --basic-auth staff',
      );
    }
    if (access.hash !== undefined) checkPasswordHash(access.hash, '--password-hash');
    return {
      passThrough: [],
      directives: ['basicauth {', `\t${access.user} ${access.hash ?? `{$${BASIC_AUTH_HASH_ENV}}`}`, '}'],
    };
  }
  const url = parseUrl(access.url);
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new UsageError(
      `--forward-auth must be the http(s) URL of the SSO proxy's check endpoint, not "${access.url}"`,
      `For example: --forward-auth http://127.0.0.1:4180${DEFAULT_AUTH_PATH} (oauth2-proxy), or http://127.0.0.1:9091/api/authz/forward-auth (Authelia).`,
    );
  }
  const upstream = url.protocol === 'http:' ? url.host : `https://${url.host}`;
  const path = url.pathname === '/' ? DEFAULT_AUTH_PATH : url.pathname;
  const oauth2Proxy = path.startsWith('/oauth2/');
  const lines = [`forward_auth ${upstream} {`, `\turi ${path}`];
  // oauth2-proxy answers 401 at its check endpoint; a browser is sent to its sign-in page instead, and the
  // proxy's own pages (/oauth2/start, /oauth2/callback) are passed to it on the site's host.
  if (oauth2Proxy) {
    lines.push(
      '\t@signedOut status 401',
      '\thandle_response @signedOut {',
      '\t\tredir * /oauth2/sign_in?rd={scheme}://{host}{uri}',
      '\t}',
    );
  }
  lines.push('}');
  return {
    passThrough: oauth2Proxy ? ['handle /oauth2/* {', `\treverse_proxy ${upstream}`, '}'] : [],
    directives: lines,
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function checkAddress(address: string): string {
  const url = parseUrl(
    /^https?:\/\//.test(address) ? address : `http://${address.startsWith(':') ? 'x' : ''}${address}`,
  );
  if (!url || /[\s{},]/.test(address) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new UsageError(
      `"${address}" is not a site address Caddy can serve`,
      'Give a host name (trust.example.com), a host and port (127.0.0.1:8001), or a port (:8001); http:// in front serves plain HTTP.',
    );
  }
  return address.replace(/\/$/, '');
}

/** A `_headers` path pattern as a Caddy path matcher: `:name` placeholders match one segment, as `*` does. */
function caddyPath(pattern: string): string {
  if (!pattern.startsWith('/') || /[\s{}]/.test(pattern)) {
    throw new UsageError(`the _headers path "${pattern}" is not one Caddy can match`, 'Rebuild the sites.');
  }
  return pattern.replace(/:\w+/g, '*');
}

function checkHeaderName(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    throw new UsageError(`the _headers header name "${name}" is not a valid header name`, 'Rebuild the sites.');
  }
  return name;
}

/** A Caddyfile token in double quotes; braces would be read as placeholders, so they are escaped. */
function quote(value: string): string {
  if (/[\r\n]/.test(value)) throw new UsageError(`a header value holds a line break`, 'Rebuild the sites.');
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[{}]/g, '\\$&')}"`;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `\t${line}`);
}
