/**
 * `verify-deploy`'s checks, made from outside as a stranger would make them: the private sites refuse a request
 * without sign-in, the trust center serves the build it should, its security.txt has not expired, and no
 * private page answers on the public host. The network and the clock come in from the caller.
 */
import type { Site } from '../site/sites.ts';

export type PrivateSite = Exclude<Site, 'public'>;

/** One outcome: what was found where, and for a problem how to fix it. */
export interface Verdict {
  ok: boolean;
  site: Site;
  url: string;
  message: string;
  fix?: string | undefined;
}

/** What the local build says the sites should be; each part is absent when there is no build to read. */
export interface ExpectedBuild {
  /** The trust center's `/.well-known/trust.json` as built. */
  trustJson?: unknown;
  /** Without a build: the evaluation day the served trust.json must name. */
  evaluated?: string | undefined;
  /** Whether the build wrote a security.txt (it withholds one while the contact is a placeholder). */
  securityTxt?: boolean | undefined;
  /** Paths the trust center itself serves: answering there is no leak unless what answers is a private page. */
  publicPaths?: ReadonlySet<string> | undefined;
  /**
   * Pages of each private site as built, by path: a few deep pages probed besides the fixed list, and the text
   * that gives a private page away when the trust center's host serves it.
   */
  privatePages?: Partial<Record<PrivateSite, Record<string, string>>> | undefined;
}

export interface VerifyOptions {
  urls: Record<Site, string>;
  expected: ExpectedBuild;
  /** The day security.txt's expiry is judged on (YYYY-MM-DD). */
  today: string;
  /** How long to keep asking for the expected trust.json while a CDN still serves the previous one. */
  waitSeconds?: number | undefined;
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Pages every build of a private site has; the home page first. */
export const knownPrivatePages: Record<PrivateSite, string[]> = {
  employees: ['/', '/policies/', '/procedures/', '/owners/', '/pagefind/pagefind-entry.json'],
  auditors: [
    '/',
    '/people/',
    '/controls/',
    '/evidence/',
    '/risks/',
    '/vendors/',
    '/readiness/',
    '/system-description/',
    '/pagefind/pagefind-entry.json',
  ],
};

/** Paths every site has (home, search and its entry file): their answer on the trust center says nothing. */
const sharedPath = /^\/($|search\/$|pagefind\/pagefind-entry\.json$)/;

/** Where a whole `dist/` published as it is puts the private sites. */
const wholeDistPaths = ['/employees/', '/auditors/'];

const RETRY_MS = 15_000;
const TIMEOUT_MS = 15_000;

const privateFix: Record<PrivateSite, string> = {
  employees:
    'Serve the employee portal only behind your sign-on (`trustbook caddy`, or an access proxy at your host; see docs/going-live.md).',
  auditors:
    'Serve the auditor site only behind your sign-on (`trustbook caddy`, or an access proxy at your host; see docs/going-live.md).',
};

export async function verifyDeploy(options: VerifyOptions): Promise<Verdict[]> {
  const probe = prober(options.fetch);
  const verdicts: Verdict[] = plainHttp(options.urls);
  for (const site of ['employees', 'auditors'] as const)
    verdicts.push(...(await checkPrivateSite(site, options, probe)));
  const home = await probe(options.urls.public);
  if (home.error) {
    // Nothing answers at all: one finding, not one per check.
    verdicts.push({
      ok: false,
      site: 'public',
      url: options.urls.public,
      message: `${describe(home)}: nothing serves the trust center here`,
      fix: 'Check that --public is the trust center’s address and that it is deployed.',
    });
    return verdicts;
  }
  verdicts.push(await checkPublicBuild(options, probe));
  verdicts.push(await checkSecurityTxt(options, probe));
  verdicts.push(...(await checkNoPrivatePageOnPublicHost(options, probe)));
  return verdicts;
}

/** A site on plain HTTP beyond this machine: its pages, and a private site's sign-in, cross the network readable. */
function plainHttp(urls: Record<Site, string>): Verdict[] {
  return (Object.entries(urls) as [Site, string][])
    .filter(([, address]) => {
      const url = new URL(address);
      return url.protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
    })
    .map(([site, address]) => ({
      ok: false,
      site,
      url: address,
      message: 'is served over plain HTTP, so its pages and any sign-in cross the network unencrypted',
      fix: 'Serve it over HTTPS (Caddy does so by itself for a host name) and give the https:// address.',
    }));
}

interface Answer {
  status: number;
  location?: string | undefined;
  body: string;
  /** Why no answer came (the host is down, the name does not resolve). */
  error?: string | undefined;
}

type Probe = (url: string) => Promise<Answer>;

function prober(fetcher: typeof fetch): Probe {
  return async (url) => {
    try {
      const response = await fetcher(url, {
        redirect: 'manual',
        headers: { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', 'cache-control': 'no-cache' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return {
        status: response.status,
        location: response.headers.get('location') ?? undefined,
        body: await response.text(),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, body: '', error: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  };
}

function urlOf(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href;
}

/** A redirect that leads to a sign-in: to another host (the identity provider), or to a sign-in path here. */
function isSignInRedirect(answer: Answer, from: string): boolean {
  if (answer.status < 300 || answer.status > 399 || !answer.location) return false;
  const target = new URL(answer.location, from);
  if (target.origin !== new URL(from).origin) return true;
  return target.pathname.split('/').some((segment) => signInSegment.test(segment));
}

/** A path segment of a sign-in page: oauth2-proxy's `/oauth2/sign_in`, Cloudflare's `/cdn-cgi/access/login`. */
const signInSegment = /^(sign[-_]?in|log[-_]?in|auth|authorize|authenticate|oauth2?|sso|saml2?)$/i;

function describe(answer: Answer): string {
  if (answer.error) return `gave no answer (${answer.error})`;
  if (answer.location) return `answered ${answer.status}, to ${answer.location}`;
  return `answered ${answer.status}`;
}

async function checkPrivateSite(site: PrivateSite, options: VerifyOptions, probe: Probe): Promise<Verdict[]> {
  const base = options.urls[site];
  const paths = [...new Set([...knownPrivatePages[site], ...Object.keys(options.expected.privatePages?.[site] ?? {})])];
  const open: string[] = [];
  const unexpected: string[] = [];
  const refusals = new Set<string>();
  for (const path of paths) {
    const url = urlOf(base, path);
    const answer = await probe(url);
    if (answer.error && path === '/') {
      // Nothing answers at all: one finding, not one per page.
      return [
        {
          ok: false,
          site,
          url,
          message: `${describe(answer)}: nothing serves the ${site} site here`,
          fix: `Check that --${site} is the site's address and that the site is deployed.`,
        },
      ];
    }
    if (answer.status === 401 || answer.status === 403) refusals.add(String(answer.status));
    else if (isSignInRedirect(answer, url)) refusals.add('a redirect to sign-in');
    else if (answer.status >= 200 && answer.status < 300) open.push(`${path} (${answer.body.length} bytes)`);
    // A page this build does not have proves nothing either way, and nothing leaks from it; the home page must refuse.
    else if (path === '/' || (answer.status !== 404 && answer.status !== 410)) {
      unexpected.push(`${path} ${describe(answer)}`);
    }
  }
  const verdicts: Verdict[] = [];
  if (open.length > 0) {
    verdicts.push({
      ok: false,
      site,
      url: base,
      message: `the ${site} site is open to anyone: ${count(open.length, 'page')} answered 200 with content to a request without sign-in: ${open.join(', ')}`,
      fix: privateFix[site],
    });
  }
  if (unexpected.length > 0) {
    verdicts.push({
      ok: false,
      site,
      url: base,
      message: `a request without sign-in should get 401, 403 or a redirect to a sign-in page, but ${unexpected.join('; ')}`,
      fix: privateFix[site],
    });
  }
  if (verdicts.length > 0) return verdicts;
  return [
    {
      ok: true,
      site,
      url: base,
      message: `${count(paths.length, 'page')} refuse a request without sign-in (${[...refusals].join(', ')})`,
    },
  ];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const trustJsonPath = '/.well-known/trust.json';

async function checkPublicBuild(options: VerifyOptions, probe: Probe): Promise<Verdict> {
  const url = urlOf(options.urls.public, trustJsonPath);
  const { trustJson, evaluated } = options.expected;
  if (trustJson === undefined && evaluated === undefined) {
    return {
      ok: false,
      site: 'public',
      url,
      message: 'there is no build to compare the trust center with (no dist/public/.well-known/trust.json here)',
      fix: 'Run verify-deploy where the sites were built (or pass --dist DIR), or name the build with --evaluated YYYY-MM-DD.',
    };
  }
  const deadline = (options.waitSeconds ?? 0) * 1000;
  let waited = 0;
  for (;;) {
    const verdict = await compareTrustJson(url, await probe(url), options.expected);
    if (verdict.ok || waited >= deadline || verdict.final) return verdict;
    const pause = Math.min(RETRY_MS, deadline - waited);
    await (options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))))(pause);
    waited += pause;
  }
}

async function compareTrustJson(
  url: string,
  answer: Answer,
  expected: ExpectedBuild,
): Promise<Verdict & { final?: boolean }> {
  const problem = (message: string, fix: string) => ({ ok: false, site: 'public' as const, url, message, fix });
  if (answer.status !== 200) {
    return problem(
      `${describe(answer)}: the trust center does not serve its trust.json`,
      'Check that --public is the trust center’s address and that dist/public is what is deployed there.',
    );
  }
  let served: { evaluated?: unknown };
  try {
    served = JSON.parse(answer.body) as { evaluated?: unknown };
  } catch {
    return {
      ...problem(
        'is not JSON: what answers here is not a Trustbook trust center',
        'Deploy dist/public at the trust center’s address.',
      ),
      final: true,
    };
  }
  const wanted = expected.trustJson as { evaluated?: unknown } | undefined;
  const wantedDay = wanted?.evaluated ?? expected.evaluated;
  if (served.evaluated !== wantedDay) {
    return problem(
      `serves the build evaluated on ${String(served.evaluated)}, not the one of ${String(wantedDay)}`,
      'Deploy the latest build of dist/public (a CDN may hold the old one for a few minutes: --wait SECONDS).',
    );
  }
  if (wanted !== undefined) {
    const differing = differingFields(served, wanted);
    if (differing.length > 0) {
      return problem(
        `serves a build of the same day that differs from dist/ in ${differing.join(', ')}`,
        'Deploy this build of dist/public, or rebuild here from the commit that was deployed.',
      );
    }
  }
  return {
    ok: true,
    site: 'public',
    url,
    message: `serves the build evaluated on ${String(wantedDay)}${wanted === undefined ? '' : ', the same trust.json as dist/'}`,
  };
}

function differingFields(served: object, wanted: object): string[] {
  const keys = [...new Set([...Object.keys(served), ...Object.keys(wanted)])];
  const value = (object: object, key: string) => JSON.stringify((object as Record<string, unknown>)[key]);
  return keys.filter((key) => value(served, key) !== value(wanted, key)).sort();
}

async function checkSecurityTxt(options: VerifyOptions, probe: Probe): Promise<Verdict> {
  const url = urlOf(options.urls.public, '/.well-known/security.txt');
  const answer = await probe(url);
  const problem = (message: string, fix: string): Verdict => ({ ok: false, site: 'public', url, message, fix });
  if (answer.status !== 200) {
    if (answer.status === 404 && options.expected.securityTxt === false) {
      return {
        ok: true,
        site: 'public',
        url,
        message: 'not served, as the build withholds it until the contact is yours',
      };
    }
    return problem(
      `${describe(answer)}: the trust center serves no security.txt${options.expected.securityTxt ? ', though the build has one' : ''}`,
      'Deploy dist/public as it is, .well-known/ included (some hosts skip folders starting with a dot).',
    );
  }
  const expires = /^expires:\s*(\S+)\s*$/im.exec(answer.body)?.[1];
  const when = expires === undefined ? NaN : Date.parse(expires);
  if (Number.isNaN(when)) {
    return problem(
      'has no Expires line with a date, which RFC 9116 requires',
      'Deploy the security.txt the build writes (dist/public/.well-known/security.txt).',
    );
  }
  if (when <= Date.parse(`${options.today}T00:00:00Z`)) {
    return problem(
      `expired on ${expires} (judged on ${options.today})`,
      'Build and deploy again: every build dates Expires 180 days on, and the shipped workflow builds every morning.',
    );
  }
  return { ok: true, site: 'public', url, message: `current until ${expires}` };
}

async function checkNoPrivatePageOnPublicHost(options: VerifyOptions, probe: Probe): Promise<Verdict[]> {
  const { publicPaths, privatePages = {} } = options.expected;
  const builtPrivate = new Map<string, string[]>();
  for (const site of ['employees', 'auditors'] as const) {
    for (const [path, text] of Object.entries(privatePages[site] ?? {})) {
      builtPrivate.set(path, [...(builtPrivate.get(path) ?? []), text]);
    }
  }
  const candidates = [...wholeDistPaths, ...Object.values(knownPrivatePages).flat(), ...builtPrivate.keys()];
  const paths = [...new Set(candidates)].filter(
    // Without a build to say which policies are public, a policy page answering proves nothing either way.
    (path) => !sharedPath.test(path) && (publicPaths !== undefined || !path.startsWith('/policies/')),
  );
  const copied: string[] = [];
  const unknown: string[] = [];
  for (const path of paths) {
    const answer = await probe(urlOf(options.urls.public, path));
    if (answer.status < 200 || answer.status > 299) continue;
    // The trust center may have a page at the same path (a public policy); a private page's own text may not.
    if (builtPrivate.get(path)?.includes(answer.body)) copied.push(path);
    else if (!publicPaths?.has(path)) unknown.push(path);
  }
  const problems: Verdict[] = [];
  const fix =
    'Deploy dist/public alone to the trust center’s host (never dist/ or a private site’s folder), and remove what was copied there.';
  if (copied.length > 0) {
    problems.push({
      ok: false,
      site: 'public',
      url: options.urls.public,
      message: `the trust center serves private pages to anyone, as the private sites built them: ${copied.join(', ')}`,
      fix,
    });
  }
  if (unknown.length > 0) {
    problems.push({
      ok: false,
      site: 'public',
      url: options.urls.public,
      message: `the trust center answers 200 at private sites' paths where its build has no page: ${unknown.join(', ')}`,
      fix,
    });
  }
  if (problems.length > 0) return problems;
  return [
    {
      ok: true,
      site: 'public',
      url: options.urls.public,
      message: `none of ${paths.length} private pages answers on the trust center’s host`,
    },
  ];
}
