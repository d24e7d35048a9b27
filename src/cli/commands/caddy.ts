/**
 * `trustbook caddy`: writes a Caddyfile that serves the built trust center openly and the employee portal and
 * auditor site only behind the company's sign-on (or basic auth), with the headers the build asks for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  BASIC_AUTH_HASH_ENV,
  caddyfile,
  checkPasswordHash,
  parseHeadersFile,
  type PrivateAccess,
  type SiteHosting,
} from '../../deploy/caddyfile.ts';
import { UsageError } from '../../engine/errors.ts';
import { sites, type Site } from '../../site/sites.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export function runCaddy(args: string[], io: Io): number {
  const { values } = parse(args, {
    public: { type: 'string' },
    employees: { type: 'string' },
    auditors: { type: 'string' },
    'forward-auth': { type: 'string' },
    'basic-auth': { type: 'string' },
    'password-hash': { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'Caddyfile' },
    force: { type: 'boolean', default: false },
  });
  const missing = sites.filter((site) => !values[site]);
  if (missing.length > 0) {
    throw new UsageError(
      `the site address of ${missing.map((site) => `--${site}`).join(', ')} is missing`,
      'Give each site its own address, e.g. --public trust.example.com --employees policies.example.com --auditors audit.example.com',
    );
  }
  const dist = resolve(io.cwd, values.dist);
  const unbuilt = sites.filter((site) => !existsSync(join(dist, site, '_headers')));
  if (unbuilt.length > 0) {
    throw new UsageError(
      `${shown(io, dist)} holds no built ${unbuilt.join(', ')} site (its _headers file is missing)`,
      'Run `npm run build` first (or point --dist at the built sites): the Caddyfile serves their folders with the headers the build writes.',
    );
  }
  const text = caddyfile({
    access: privateAccess(values, io),
    sites: Object.fromEntries(
      sites.map((site) => [
        site,
        {
          address: values[site]!,
          root: join(dist, site),
          headers: parseHeadersFile(readFileSync(join(dist, site, '_headers'), 'utf8')),
        },
      ]),
    ) as Record<Site, SiteHosting>,
  });
  if (values.out === '-') {
    io.stdout(text.trimEnd());
    return EXIT_CLEAN;
  }
  const out = resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) {
    throw new UsageError(
      `${shown(io, out)} exists already`,
      'Pass --force to replace it, --out FILE to write elsewhere, or --out - to print the Caddyfile.',
    );
  }
  writeFileSync(out, text);
  io.stdout(`wrote ${shown(io, out)}`);
  if (values['basic-auth'] && !values['password-hash']) {
    io.stdout(
      `Caddy reads the password hash from ${BASIC_AUTH_HASH_ENV} when it starts: set it to what \`caddy hash-password\` prints.`,
    );
  }
  io.stdout(`Check it with \`caddy validate --config ${shown(io, out)}\`, then run Caddy with it.`);
  return EXIT_CLEAN;
}

/** A path as a message shows it: relative to the current folder when inside it. */
function shown(io: Io, path: string): string {
  const inside = relative(io.cwd, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

function privateAccess(
  values: {
    'forward-auth'?: string | undefined;
    'basic-auth'?: string | undefined;
    'password-hash'?: string | undefined;
  },
  io: Io,
): PrivateAccess {
  const forwardAuth = values['forward-auth'];
  const user = values['basic-auth'];
  if ((forwardAuth === undefined) === (user === undefined)) {
    throw new UsageError(
      forwardAuth === undefined
        ? 'the private sites need a sign-on: neither --forward-auth nor --basic-auth was given'
        : '--forward-auth and --basic-auth cannot both guard the private sites',
      'Give --forward-auth URL (your SSO proxy, e.g. http://127.0.0.1:4180 for oauth2-proxy), or --basic-auth USER as the minimum.',
    );
  }
  if (forwardAuth !== undefined) {
    if (values['password-hash'] !== undefined) {
      throw new UsageError('--password-hash goes with --basic-auth only', 'Leave --password-hash out.');
    }
    return { kind: 'forward-auth', url: forwardAuth };
  }
  // A hash in the environment is not written into the file; it is checked now so a typo shows before Caddy starts.
  const fromEnvironment = io.env[BASIC_AUTH_HASH_ENV];
  if (values['password-hash'] === undefined && fromEnvironment) checkPasswordHash(fromEnvironment, BASIC_AUTH_HASH_ENV);
  return { kind: 'basic-auth', user: user!, hash: values['password-hash'] };
}
