/** The Caddyfile generator: each site's block, the guard on the private two, and what it refuses to write. */
import { describe, expect, it } from 'vitest';
import { caddyfile, parseHeadersFile, type CaddyfileOptions, type PrivateAccess } from '../../src/deploy/caddyfile.ts';
import { headersFile } from '../../src/site/security-headers.ts';

const hash = '$2a$14$bvoLoIWdCPi3E.SKxOHCl.bjTwxtQASrGSCURmFqP.VM.zBCe9iLy';

function options(access: PrivateAccess, overrides: Partial<Record<'public' | 'employees' | 'auditors', string>> = {}) {
  const site = (name: 'public' | 'employees' | 'auditors', address: string) => ({
    address: overrides[name] ?? address,
    root: `/srv/dist/${name}`,
    headers: parseHeadersFile(
      headersFile({
        private: name !== 'public',
        formAction: name === 'public' ? 'https://forms.example.com/a' : undefined,
      }),
    ),
  });
  return {
    access,
    sites: {
      public: site('public', 'trust.example.com'),
      employees: site('employees', 'policies.example.com'),
      auditors: site('auditors', 'audit.example.com'),
    },
  } satisfies CaddyfileOptions;
}

/** The text of one site's block, from its address line to its closing brace. */
function block(text: string, address: string): string {
  const start = text.indexOf(`${address} {`);
  expect(start, address).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('\n}', start) + 2);
}

describe('parseHeadersFile', () => {
  it('reads each path pattern with its headers, skipping comments and blank lines', () => {
    expect(
      parseHeadersFile('# hosts read this\n/*\n  A: 1\n  B: x: y\n\n/feed.xml\n  Content-Type: application/atom+xml\n'),
    ).toEqual([
      {
        path: '/*',
        headers: [
          ['A', '1'],
          ['B', 'x: y'],
        ],
      },
      { path: '/feed.xml', headers: [['Content-Type', 'application/atom+xml']] },
    ]);
  });
});

describe('caddyfile', () => {
  it('serves the trust center openly, with the headers the build writes and no guard', () => {
    const text = block(caddyfile(options({ kind: 'forward-auth', url: 'http://127.0.0.1:4180' })), 'trust.example.com');
    expect(text).toContain('root * "/srv/dist/public"');
    expect(text).toContain(
      `Content-Security-Policy "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action https://forms.example.com; frame-ancestors 'none'"`,
    );
    expect(text).toContain('X-Frame-Options "DENY"');
    expect(text).not.toMatch(/forward_auth|basicauth|X-Robots-Tag/);
    expect(text).toMatch(/respond @hostFiles 404\n\tfile_server\n}$/);
  });

  it('puts both private sites behind forward_auth to the SSO proxy, with noindex', () => {
    const text = caddyfile(options({ kind: 'forward-auth', url: 'http://127.0.0.1:4180' }));
    for (const address of ['policies.example.com', 'audit.example.com']) {
      const site = block(text, address);
      expect(site).toContain('forward_auth 127.0.0.1:4180 {\n\t\t\turi /oauth2/auth');
      // oauth2-proxy's own pages pass through, and the files are served only inside the guarded route.
      expect(site).toContain('handle /oauth2/* {\n\t\treverse_proxy 127.0.0.1:4180\n\t}');
      expect(site.indexOf('forward_auth')).toBeLessThan(site.indexOf('file_server'));
      expect(site).toContain('X-Robots-Tag "noindex, nofollow"');
    }
  });

  it('takes the check path from the SSO proxy’s URL, and keeps https for an https proxy', () => {
    const text = caddyfile(options({ kind: 'forward-auth', url: 'https://auth.internal:9091/api/authz/forward-auth' }));
    expect(text).toContain('forward_auth https://auth.internal:9091 {\n\t\turi /api/authz/forward-auth\n\t}');
    expect(text).not.toContain('/oauth2/');
  });

  it('guards the private sites with basic auth, reading the hash from the environment unless one is given', () => {
    expect(block(caddyfile(options({ kind: 'basic-auth', user: 'staff' })), 'audit.example.com')).toContain(
      'basicauth {\n\t\tstaff {$TRUSTBOOK_BASIC_AUTH_HASH}\n\t}',
    );
    expect(block(caddyfile(options({ kind: 'basic-auth', user: 'staff', hash })), 'policies.example.com')).toContain(
      `staff ${hash}`,
    );
  });

  it('adds noindex to a private site whose _headers lacks it', () => {
    const bare = options({ kind: 'basic-auth', user: 'staff', hash });
    bare.sites.auditors.headers = [];
    expect(block(caddyfile(bare), 'audit.example.com')).toContain('header X-Robots-Tag "noindex, nofollow"');
  });

  it('refuses a password that is not a bcrypt hash', () => {
    expect(() => caddyfile(options({ kind: 'basic-auth', user: 'staff', hash: 'correct horse' }))).toThrow(
      /not a bcrypt hash/,
    );
  });

  it('refuses two sites on one address, so a private site never shares the trust center’s host', () => {
    expect(() =>
      caddyfile(options({ kind: 'basic-auth', user: 'staff', hash }, { auditors: 'trust.example.com' })),
    ).toThrow(/two sites have the same address "trust.example.com"/);
  });

  it.each(['trust.example.com/path', 'a b', '{$HOST}', 'http://'])('refuses the site address %j', (address) => {
    expect(() => caddyfile(options({ kind: 'basic-auth', user: 'staff', hash }, { public: address }))).toThrow(
      /not a site address Caddy can serve/,
    );
  });

  it.each([':8001', '127.0.0.1:8001', 'http://127.0.0.1:8001', 'https://trust.example.com'])(
    'accepts the site address %j',
    (address) => {
      expect(caddyfile(options({ kind: 'basic-auth', user: 'staff', hash }, { public: address }))).toContain(
        `\n${address} {\n`,
      );
    },
  );

  it('refuses an SSO proxy address that is not an http(s) URL', () => {
    expect(() => caddyfile(options({ kind: 'forward-auth', url: '127.0.0.1:4180' }))).toThrow(/--forward-auth must be/);
  });

  it('escapes quotes and braces in header values, which Caddy would read as the end of a token or a placeholder', () => {
    const odd = options({ kind: 'basic-auth', user: 'staff', hash });
    odd.sites.public.headers = [{ path: '/*', headers: [['X-Note', 'say "hi" {now}']] }];
    expect(caddyfile(odd)).toContain('X-Note "say \\"hi\\" \\{now\\}"');
  });
});
