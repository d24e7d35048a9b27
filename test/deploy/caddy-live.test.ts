/**
 * The sample's three sites served by Debian's Caddy with the Caddyfile `trustbook caddy` writes, on 127.0.0.1,
 * and `trustbook verify-deploy` run against them: passing as generated, failing with a clear message once the
 * deployment is broken (a private site served openly, a private page copied into the public root, an expired
 * security.txt). The sample is built once; Caddy reads the folders live, so each breakage is undone after.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { createProject, type BuildProject } from '../build/project.ts';

const repository = resolve(import.meta.dirname, '../..');
/** A day inside the sample's security.txt lifetime (its as_of is 2026-11-30; Expires is 180 days on). */
const AS_OF = '2026-12-01';

let project: BuildProject;
let scratch: string;
let authServer: Server;
const caddies: ChildProcess[] = [];
const ports = { public: 0, employees: 0, auditors: 0, auth: 0, open: 0, basic: 0 };
const url = (port: number, path = '/') => `http://127.0.0.1:${port}${path}`;

function requireCaddy(): void {
  const found = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      'Caddy is not installed, and these tests serve the sites with it. Install it with ' +
        '`apt-get install -y --no-install-recommends caddy` (Debian or Ubuntu); .ci/run installs it.',
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Runs Caddy on a Caddyfile (with its admin endpoint off, so several can run) until it answers on `port`. */
async function startCaddy(name: string, caddyfile: string, port: number, env: Record<string, string> = {}) {
  const file = join(scratch, name);
  writeFileSync(file, `{\n\tadmin off\n}\n\n${caddyfile}`);
  const child = spawn('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    env: { ...process.env, HOME: scratch, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  caddies.push(child);
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`Caddy stopped at start (${name}):\n${log}`);
    try {
      await fetch(url(port), { redirect: 'manual' });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`Caddy did not answer on port ${port} (${name}):\n${log}`);
}

/** An SSO proxy as forward_auth sees it: a session cookie lets a request through, anything else gets 401. */
function startAuthServer(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/oauth2/auth')) {
      response.writeHead(request.headers.cookie === 'session=signed-in' ? 202 : 401).end();
    } else if (request.url?.startsWith('/oauth2/sign_in')) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<form>Sign in</form>');
    } else response.writeHead(404).end();
  });
  return new Promise((done) => server.listen(ports.auth, '127.0.0.1', () => done(server)));
}

const sites = () => [
  '--public',
  url(ports.public),
  '--employees',
  url(ports.employees),
  '--auditors',
  url(ports.auditors),
];

async function verify(overrides: string[] = []) {
  return runCli(project.root, ['verify-deploy', ...sites(), '--as-of', AS_OF, ...overrides]);
}

/** Changes a file of the served sites for one test, and puts it back after. */
async function withFile<T>(
  path: string,
  text: string,
  run: () => Promise<T>,
  encoding: BufferEncoding = 'utf8',
): Promise<T> {
  const file = join(project.root, 'dist', path);
  const before = existsSync(file) ? readFileSync(file) : undefined;
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, text, encoding);
  try {
    return await run();
  } finally {
    if (before === undefined) rmSync(file);
    else writeFileSync(file, before);
  }
}

beforeAll(async () => {
  requireCaddy();
  scratch = mkdtempSync(join(tmpdir(), 'trustbook-caddy-'));
  project = createProject({});
  for (const folder of ['content', 'policies', 'evidence-index', 'public']) {
    cpSync(join(repository, folder), join(project.root, folder), { recursive: true });
  }
  const built = project.build();
  if (built.status !== 0) throw new Error(`The sample did not build:\n${built.output}`);
  for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();
  authServer = await startAuthServer();
  const generated = await runCli(project.root, [
    'caddy',
    ...sites(),
    '--forward-auth',
    url(ports.auth),
    '--out',
    join(scratch, 'Caddyfile.generated'),
  ]);
  if (generated.code !== 0) throw new Error(`trustbook caddy failed:\n${generated.stderr}`);
  await startCaddy('Caddyfile', readFileSync(join(scratch, 'Caddyfile.generated'), 'utf8'), ports.public);
}, 300_000);

afterAll(async () => {
  for (const child of caddies) child.kill();
  await new Promise((done) => (authServer ? authServer.close(done) : done(undefined)));
  project?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the generated Caddyfile, served by Caddy', () => {
  it('passes verify-deploy', async () => {
    const result = await verify();
    expect(result.stdout).toContain('The three sites are deployed for their audiences.');
    expect(result.stdout).not.toContain('error');
    expect(result.code).toBe(0);
  });

  it('serves the trust center to anyone, with the security headers of _headers and without the file itself', async () => {
    const home = await fetch(url(ports.public));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Tallowbrook');
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('x-robots-tag')).toBeNull();
    expect((await fetch(url(ports.public, '/_headers'))).status).toBe(404);
  });

  it('sends a stranger on a private site to sign in, and lets a signed-in one read it, never indexed', async () => {
    const stranger = await fetch(url(ports.auditors, '/people/'), { redirect: 'manual' });
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get('location')).toMatch(/^\/oauth2\/sign_in\?rd=/);
    const staff = await fetch(url(ports.auditors, '/people/'), { headers: { cookie: 'session=signed-in' } });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(staff.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('guards the private sites with basic auth when asked, reading the hash from the environment', async () => {
    const hash = spawnSync('caddy', ['hash-password', '--plaintext', 'correct horse'], {
      encoding: 'utf8',
    }).stdout.trim();
    const generated = await runCli(project.root, [
      'caddy',
      '--public',
      url(await freePort()),
      '--employees',
      url(ports.basic),
      '--auditors',
      url(await freePort()),
      '--basic-auth',
      'staff',
      '--out',
      '-',
    ]);
    await startCaddy('Caddyfile.basic', generated.stdout, ports.basic, { TRUSTBOOK_BASIC_AUTH_HASH: hash });
    expect(generated.stdout).not.toContain(hash);
    expect((await fetch(url(ports.basic, '/policies/'))).status).toBe(401);
    const signedIn = await fetch(url(ports.basic, '/policies/'), {
      headers: { authorization: `Basic ${Buffer.from('staff:correct horse').toString('base64')}` },
    });
    expect(signedIn.status).toBe(200);
  });
});

describe('verify-deploy on a broken deployment', () => {
  it('fails when the employee portal is served openly', async () => {
    const root = join(project.root, 'dist/employees');
    await startCaddy(
      'Caddyfile.open',
      `${url(ports.open).replace(/\/$/, '')} {\n\troot * "${root}"\n\tfile_server\n}\n`,
      ports.open,
    );
    const result = await runCli(project.root, [
      'verify-deploy',
      ...sites().slice(0, 2),
      '--employees',
      url(ports.open),
      '--auditors',
      url(ports.auditors),
      '--as-of',
      AS_OF,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /error employees http:\/\/127\.0\.0\.1:\d+\/: the employees site is open to anyone: \d+ pages answered 200 with content to a request without sign-in: \/ \(\d+ bytes\), \/policies\//,
    );
    expect(result.stdout).toContain('fix: Serve the employee portal only behind your sign-on');
    expect(result.stdout).toContain('1 problem: fix it');
  });

  it('fails when a private page is copied into the trust center', async () => {
    const people = readFileSync(join(project.root, 'dist/auditors/people/index.html'), 'utf8');
    const result = await withFile('public/people/index.html', people, () => verify());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'the trust center serves private pages to anyone, as the private sites built them: /people/',
    );
    expect(result.stdout).toContain('fix: Deploy dist/public alone');
  });

  it('fails when a private site’s search fragment is copied into the trust center', async () => {
    const fragments = join(project.root, 'dist/auditors/pagefind/fragment');
    const [first] = readdirSync(fragments).sort();
    const text = readFileSync(join(fragments, first!), 'latin1');
    const result = await withFile(`public/pagefind/fragment/${first}`, text, () => verify(), 'latin1');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`as the private sites built them: /pagefind/fragment/${first}`);
  });

  it('fails when the trust center serves an expired security.txt', async () => {
    const expired = 'Contact: mailto:security@tallowbrook.example\nExpires: 2026-11-01T00:00:00.000Z\n';
    const result = await withFile('public/.well-known/security.txt', expired, () => verify());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`security.txt: expired on 2026-11-01T00:00:00.000Z (judged on ${AS_OF})`);
  });

  it('fails when the trust center serves another build', async () => {
    const result = await verify(['--dist', join(scratch, 'no-build-here'), '--evaluated', '2026-12-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('serves the build evaluated on 2026-11-30, not the one of 2026-12-01');
  });
});
