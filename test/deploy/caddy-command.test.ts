/** `trustbook caddy` as a user runs it: after a build, with each site's address and a sign-on. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headersFile } from '../../src/site/security-headers.ts';
import { sites } from '../../src/site/sites.ts';
import { runCli } from '../cli/run.ts';

const hash = '$2a$14$bvoLoIWdCPi3E.SKxOHCl.bjTwxtQASrGSCURmFqP.VM.zBCe9iLy';
const addresses = ['--public', ':8001', '--employees', ':8002', '--auditors', ':8003'];
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'trustbook-caddy-'));
  for (const site of sites) {
    mkdirSync(join(folder, 'dist', site), { recursive: true });
    writeFileSync(join(folder, 'dist', site, '_headers'), headersFile({ private: site !== 'public' }));
  }
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('trustbook caddy', () => {
  it('writes a Caddyfile serving the built folders, and says how to check it', async () => {
    const result = await runCli(folder, ['caddy', ...addresses, '--forward-auth', 'http://127.0.0.1:4180']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote Caddyfile');
    const text = readFileSync(join(folder, 'Caddyfile'), 'utf8');
    for (const site of sites) expect(text).toContain(`root * "${join(folder, 'dist', site)}"`);
    expect(text.match(/forward_auth 127\.0\.0\.1:4180/g)).toHaveLength(2);
  });

  it('prints the Caddyfile with --out -', async () => {
    const result = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff', '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('staff {$TRUSTBOOK_BASIC_AUTH_HASH}');
    expect(existsSync(join(folder, 'Caddyfile'))).toBe(false);
  });

  it('writes a given bcrypt hash into the file', async () => {
    const result = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff', '--password-hash', hash]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(folder, 'Caddyfile'), 'utf8')).toContain(`staff ${hash}`);
  });

  it('refuses a plain password in the environment variable Caddy will read', async () => {
    const result = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff'], {
      TRUSTBOOK_BASIC_AUTH_HASH: 'hunter2',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TRUSTBOOK_BASIC_AUTH_HASH is not a bcrypt hash');
  });

  it('refuses to leave the private sites without a sign-on', async () => {
    const result = await runCli(folder, ['caddy', ...addresses]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('neither --forward-auth nor --basic-auth was given');
  });

  it('needs every site’s address', async () => {
    const result = await runCli(folder, ['caddy', '--public', ':8001', '--basic-auth', 'staff']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the site address of --employees, --auditors is missing');
  });

  it('needs the built sites, whose headers it serves', async () => {
    rmSync(join(folder, 'dist', 'auditors'), { recursive: true });
    const result = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dist holds no built auditors site');
    expect(result.stderr).toContain('npm run build');
  });

  it('never replaces an existing Caddyfile without --force', async () => {
    writeFileSync(join(folder, 'Caddyfile'), 'mine\n');
    const refused = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff']);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(folder, 'Caddyfile'), 'utf8')).toBe('mine\n');
    const forced = await runCli(folder, ['caddy', ...addresses, '--basic-auth', 'staff', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'Caddyfile'), 'utf8')).toContain('basicauth');
  });
});
