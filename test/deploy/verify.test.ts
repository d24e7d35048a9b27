/**
 * verify-deploy's judgement of what the three hosts answer, against a fake network: what counts as refused,
 * which build the trust center serves, when security.txt has expired, and what counts as a private page on the
 * public host. The same checks against real Caddy are in caddy-live.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { verifyDeploy, type ExpectedBuild, type Verdict } from '../../src/deploy/verify.ts';
import { runCli } from '../cli/run.ts';

const urls = {
  public: 'https://trust.example.com/',
  employees: 'https://policies.example.com/',
  auditors: 'https://audit.example.com/',
};
const trustJson = { version: 1, organization: 'Example Cloud, Inc.', evaluated: '2026-11-30', policies: [] };
const peoplePage = '<html><body><main>Staff and their background checks</main></body></html>';

interface Reply {
  status: number;
  body?: string;
  location?: string;
}

/** A network where each host answers from a table by path, and anything not in it as `otherwise` does. */
function network(
  table: Record<string, Reply>,
  otherwise: (url: URL) => Reply = (url) => (url.hostname === 'trust.example.com' ? { status: 404 } : { status: 401 }),
) {
  const asked: string[] = [];
  const fetcher = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    asked.push(url.href);
    const reply = table[url.href] ?? otherwise(url);
    return new Response(reply.status === 204 || reply.status === 304 ? null : (reply.body ?? ''), {
      status: reply.status,
      headers: reply.location ? { location: reply.location } : {},
    });
  }) as typeof fetch;
  return { fetcher, asked };
}

/** A deployment as it should be: private sites refusing, the trust center serving this build. */
const healthy: Record<string, Reply> = {
  'https://trust.example.com/.well-known/trust.json': { status: 200, body: JSON.stringify(trustJson) },
  'https://trust.example.com/.well-known/security.txt': {
    status: 200,
    body: 'Contact: mailto:security@example.com\nExpires: 2027-05-29T00:00:00.000Z\n',
  },
};

const build: ExpectedBuild = {
  trustJson,
  securityTxt: true,
  publicPaths: new Set(['/', '/policies/', '/policies/information-security/']),
  privatePages: { auditors: { '/people/': peoplePage, '/controls/AC-01/': '<main>AC-01</main>' } },
};

async function verify(table: Record<string, Reply>, options: { expected?: ExpectedBuild; today?: string } = {}) {
  const { fetcher } = network(table);
  return verifyDeploy({
    urls,
    expected: options.expected ?? build,
    today: options.today ?? '2026-12-07',
    fetch: fetcher,
  });
}

const problems = (verdicts: Verdict[]) => verdicts.filter((verdict) => !verdict.ok);

describe('verify-deploy against a healthy deployment', () => {
  it('passes every check, and says what it found', async () => {
    const verdicts = await verify(healthy);
    expect(problems(verdicts)).toEqual([]);
    expect(verdicts.map((verdict) => verdict.message)).toEqual([
      '5 pages refuse a request without sign-in (401)',
      '10 pages refuse a request without sign-in (401)',
      'serves the build evaluated on 2026-11-30, the same trust.json as dist/',
      'current until 2027-05-29T00:00:00.000Z',
      'none of 13 private pages answers on the trust center’s host',
    ]);
  });

  it('probes the auditor people page and the build’s deep pages on the private host without credentials', async () => {
    const { fetcher, asked } = network(healthy);
    await verifyDeploy({ urls, expected: build, today: '2026-12-07', fetch: fetcher });
    expect(asked).toContain('https://audit.example.com/people/');
    expect(asked).toContain('https://audit.example.com/controls/AC-01/');
    expect(asked).toContain('https://trust.example.com/people/');
  });
});

describe('the private sites', () => {
  it.each([
    ['403', { status: 403 }],
    ['a redirect to the identity provider', { status: 302, location: 'https://sso.example.com/authorize?x=1' }],
    ['a redirect to a sign-in page on the same host', { status: 302, location: '/oauth2/sign_in?rd=%2F' }],
    ['a Cloudflare Access redirect', { status: 302, location: '/cdn-cgi/access/login/audit.example.com' }],
  ])('count %s as refused', async (_, reply) => {
    const { fetcher } = network(healthy, (url) => (url.hostname === 'trust.example.com' ? { status: 404 } : reply));
    expect(problems(await verifyDeploy({ urls, expected: build, today: '2026-12-07', fetch: fetcher }))).toEqual([]);
  });

  it('fail when a private site answers a stranger with content, naming the pages in one finding', async () => {
    const found = problems(
      await verify({ ...healthy, 'https://audit.example.com/people/': { status: 200, body: peoplePage } }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ site: 'auditors', url: 'https://audit.example.com/' });
    expect(found[0]!.message).toBe(
      `the auditors site is open to anyone: 1 page answered 200 with content to a request without sign-in: /people/ (${peoplePage.length} bytes)`,
    );
    expect(found[0]!.fix).toMatch(/behind your sign-on/);
  });

  it('fail on a redirect to a same-host page whose path only looks like a sign-in', async () => {
    const found = problems(
      await verify({
        ...healthy,
        'https://audit.example.com/': { status: 302, location: '/authors/signing-in-guide/' },
      }),
    );
    expect(found[0]!.message).toContain('but / answered 302, to /authors/signing-in-guide/');
  });

  it('fail on a redirect to the site’s own pages, which is no sign-in', async () => {
    const found = problems(
      await verify({ ...healthy, 'https://policies.example.com/': { status: 301, location: '/policies/' } }),
    );
    expect(found.map((verdict) => verdict.message)).toEqual([
      'a request without sign-in should get 401, 403 or a redirect to a sign-in page, but / answered 301, to /policies/',
    ]);
  });

  it('fail when the home page is not found, but not for a deep page this build lacks', async () => {
    expect(problems(await verify({ ...healthy, 'https://audit.example.com/risks/': { status: 404 } }))).toEqual([]);
    const found = problems(await verify({ ...healthy, 'https://audit.example.com/': { status: 404 } }));
    expect(found[0]!.message).toContain('but / answered 404');
  });

  it('give one finding, not one per page, when nothing answers', async () => {
    const fetcher = (async (input: string | URL | Request) => {
      if (String(input).startsWith('https://policies.example.com/')) {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }
      return network(healthy).fetcher(input);
    }) as typeof fetch;
    const found = problems(await verifyDeploy({ urls, expected: build, today: '2026-12-07', fetch: fetcher }));
    expect(found).toEqual([
      {
        ok: false,
        site: 'employees',
        url: 'https://policies.example.com/',
        message: 'gave no answer (ECONNREFUSED): nothing serves the employees site here',
        fix: "Check that --employees is the site's address and that the site is deployed.",
      },
    ]);
  });
});

describe('an unreachable trust center', () => {
  it('gives one finding, not one per check', async () => {
    const fetcher = (async (input: string | URL | Request) => {
      if (String(input).startsWith('https://trust.example.com/')) {
        throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
      }
      return network(healthy).fetcher(input);
    }) as typeof fetch;
    const found = problems(await verifyDeploy({ urls, expected: build, today: '2026-12-07', fetch: fetcher }));
    expect(found.map(({ site, message }) => `${site}: ${message}`)).toEqual([
      'public: gave no answer (ENOTFOUND): nothing serves the trust center here',
    ]);
  });
});

describe('plain HTTP', () => {
  it('is an error beyond this machine, and allowed on loopback', async () => {
    const { fetcher } = network(healthy, () => ({ status: 401 }));
    const plain = { ...urls, auditors: 'http://audit.example.com/' };
    const found = problems(await verifyDeploy({ urls: plain, expected: build, today: '2026-12-07', fetch: fetcher }));
    expect(found.map(({ site, message }) => `${site}: ${message}`)).toContain(
      'auditors: is served over plain HTTP, so its pages and any sign-in cross the network unencrypted',
    );
    const loopback = { ...urls, auditors: 'http://127.0.0.1:8003/' };
    const local = await verifyDeploy({ urls: loopback, expected: build, today: '2026-12-07', fetch: fetcher });
    expect(local.map((verdict) => verdict.message).join('\n')).not.toContain('plain HTTP');
  });
});

describe('the build the trust center serves', () => {
  it('fails when it serves another day’s build', async () => {
    const old = { ...trustJson, evaluated: '2026-11-29' };
    const found = problems(
      await verify({
        ...healthy,
        'https://trust.example.com/.well-known/trust.json': { status: 200, body: JSON.stringify(old) },
      }),
    );
    expect(found[0]!.message).toBe('serves the build evaluated on 2026-11-29, not the one of 2026-11-30');
  });

  it('fails when a build of the same day differs, naming the fields', async () => {
    const other = { ...trustJson, organization: 'Someone Else' };
    const found = problems(
      await verify({
        ...healthy,
        'https://trust.example.com/.well-known/trust.json': { status: 200, body: JSON.stringify(other) },
      }),
    );
    expect(found[0]!.message).toBe('serves a build of the same day that differs from dist/ in organization');
  });

  it('compares with --evaluated when there is no build here', async () => {
    const expected = { evaluated: '2026-11-30' };
    expect(problems(await verify(healthy, { expected }))).toEqual([]);
    const found = problems(await verify(healthy, { expected: { evaluated: '2026-12-01' } }));
    expect(found[0]!.message).toBe('serves the build evaluated on 2026-11-30, not the one of 2026-12-01');
  });

  it('fails when there is nothing to compare with', async () => {
    const found = problems(await verify(healthy, { expected: {} }));
    expect(found[0]!.message).toMatch(/there is no build to compare the trust center with/);
  });

  it('asks again while a CDN still serves the previous build, up to --wait', async () => {
    let served = 0;
    const fetcher = (async (input: string | URL | Request) => {
      if (String(input).endsWith('trust.json')) {
        served += 1;
        const evaluated = served < 3 ? '2026-11-29' : '2026-11-30';
        return new Response(JSON.stringify({ ...trustJson, evaluated }), { status: 200 });
      }
      return network(healthy).fetcher(input);
    }) as typeof fetch;
    const pauses: number[] = [];
    const sleep = async (ms: number) => void pauses.push(ms);
    const options = { urls, expected: build, today: '2026-12-07', fetch: fetcher, sleep };
    expect(problems(await verifyDeploy({ ...options, waitSeconds: 60 }))).toEqual([]);
    expect(pauses).toEqual([15_000, 15_000]);
    served = 0;
    pauses.length = 0;
    expect(problems(await verifyDeploy({ ...options, waitSeconds: 10 }))[0]!.message).toContain('2026-11-29');
    expect(pauses).toEqual([10_000]);
  });
});

describe('security.txt', () => {
  const expiring = {
    ...healthy,
    'https://trust.example.com/.well-known/security.txt': {
      status: 200,
      body: 'Contact: mailto:security@example.com\nExpires: 2026-12-08T00:00:00.000Z\n',
    },
  };

  it('is current the day before it expires', async () => {
    expect(problems(await verify(expiring, { today: '2026-12-07' }))).toEqual([]);
  });

  it.each(['2026-12-08', '2026-12-09'])('has expired as of %s', async (today) => {
    const found = problems(await verify(expiring, { today }));
    expect(found.map((verdict) => verdict.message)).toEqual([
      `expired on 2026-12-08T00:00:00.000Z (judged on ${today})`,
    ]);
  });

  it('fails without an Expires line', async () => {
    const found = problems(
      await verify({
        ...healthy,
        'https://trust.example.com/.well-known/security.txt': { status: 200, body: 'Contact: x\n' },
      }),
    );
    expect(found[0]!.message).toBe('has no Expires line with a date, which RFC 9116 requires');
  });

  it('may be absent when the build withholds it, and not when the build has one', async () => {
    const absent = { ...healthy, 'https://trust.example.com/.well-known/security.txt': { status: 404 } };
    expect(problems(await verify(absent, { expected: { ...build, securityTxt: false } }))).toEqual([]);
    expect(problems(await verify(absent))[0]!.message).toBe(
      'answered 404: the trust center serves no security.txt, though the build has one',
    );
  });
});

describe('private pages on the public host', () => {
  it('fails when the trust center serves a private page as built', async () => {
    const found = problems(
      await verify({ ...healthy, 'https://trust.example.com/people/': { status: 200, body: peoplePage } }),
    );
    expect(found.map((verdict) => verdict.message)).toEqual([
      'the trust center serves private pages to anyone, as the private sites built them: /people/',
    ]);
  });

  it('fails when the whole dist folder is published', async () => {
    const found = problems(
      await verify({
        ...healthy,
        'https://trust.example.com/employees/': { status: 200, body: '<main>Policy Portal</main>' },
        'https://trust.example.com/auditors/': { status: 200, body: '<main>Evidence Index</main>' },
      }),
    );
    expect(found.map((verdict) => verdict.message)).toEqual([
      "the trust center answers 200 at private sites' paths where its build has no page: /employees/, /auditors/",
    ]);
  });

  it('passes the trust center’s own page at a path the private sites also have', async () => {
    const table = {
      ...healthy,
      'https://trust.example.com/policies/': { status: 200, body: '<main>Public policies</main>' },
    };
    expect(problems(await verify(table))).toEqual([]);
  });
});

describe('trustbook verify-deploy’s arguments', () => {
  const all = ['--public', urls.public, '--employees', urls.employees, '--auditors', urls.auditors];

  it('needs all three sites', async () => {
    const result = await runCli('/', ['verify-deploy', '--public', urls.public, '--employees', urls.employees]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--auditors is missing: verify-deploy checks all three sites');
  });

  it.each([
    [['--auditors', 'audit.example.com'], '--auditors "audit.example.com" is not a URL'],
    [['--auditors', 'ftp://audit.example.com/'], 'must be an http(s) address'],
    [['--evaluated', '2026-02-30'], '--evaluated 2026-02-30 is not a date written YYYY-MM-DD'],
    [['--wait', 'soon'], '--wait must be a number of seconds'],
  ])('refuses %j', async (extra, message) => {
    const result = await runCli('/', ['verify-deploy', ...all, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
