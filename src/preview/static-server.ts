/**
 * A minimal static file server for one built site. Each Trustbook site is meant to sit at the root of its own
 * host (assets are `/_astro/...`), so every site gets a server of its own on a free loopback port.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** An absolute URL for a path inside the site: `url('/policies/')`. */
  url(path: string): string;
  stop(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Pagefind's index chunks (`.pf_meta`, `.pf_fragment`, …) and wasm bundles are opaque gzip blobs. */
export function contentTypeFor(file: string): string {
  const extension = extname(file).toLowerCase();
  return contentTypes[extension] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or undefined when it names nothing servable: a path that escapes the
 * root (by `..`, an encoded separator or a symlink), a missing file, or a directory without index.html.
 */
export async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!isInside(root, candidate)) return undefined;
  try {
    let file = candidate;
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    // A symlink inside the folder could still point outside it; compare real paths too.
    const real = await realpath(file);
    if (!isInside(await realpath(root), real) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * The site's `_headers` file, in the format static hosts read (Netlify, Cloudflare Pages): a path pattern on its
 * own line, then indented `Name: value` lines. Sending them makes the browser enforce what production enforces
 * (the Content-Security-Policy header, `nosniff` on content types).
 */
export function readHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && separator > 0) rule.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  }
  return rules;
}

function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** Hosts read these files and never serve them. */
const hostFiles = new Set(['/_headers', '/_redirects']);

async function handle(
  root: string,
  rules: HeaderRule[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = hostFiles.has(pathname) ? undefined : await resolveFile(root, pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // A directory asked for without its slash would break the page's relative links; hosts redirect, so do we.
  if (!pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !pathname.endsWith('index.html')) {
    response.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const { size } = await stat(file);
  // No caching: a reloaded page must show the file as it is on disk now, not a remembered copy.
  response.writeHead(200, {
    ...headersFor(rules, pathname),
    'content-type': contentTypeFor(file),
    'content-length': size,
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

/**
 * Serves `root` on 127.0.0.1, at `port` or one the system picks, with the headers its `_headers` file asks
 * for, as the static hosts the sites are deployed to would.
 */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const absoluteRoot = resolve(root);
  const rules = readHeaderRules(absoluteRoot);
  const server: Server = createServer((request, response) => {
    handle(absoluteRoot, rules, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    stop: () =>
      new Promise<void>((done, fail) => {
        // Chromium keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
