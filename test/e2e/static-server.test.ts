/** The test server must behave like the static hosts the sites are deployed to, or the browser tests lie. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';

describe('static test server', () => {
  let outside: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'trustbook-static-'));
    root = join(outside, 'site');
    mkdirSync(join(root, 'policies', 'backup'), { recursive: true });
    mkdirSync(join(root, 'pagefind'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(root, 'policies', 'backup', 'index.html'), '<h1>backup</h1>');
    writeFileSync(join(root, 'pagefind', 'pagefind.en_1.pf_meta'), 'meta');
    writeFileSync(join(root, 'pagefind', 'wasm.en.wasm'), 'wasm');
    writeFileSync(join(root, 'calendar.ics'), 'BEGIN:VCALENDAR');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    writeFileSync(
      join(root, '_headers'),
      '/*\n  X-Content-Type-Options: nosniff\n\n/policies/*\n  X-Robots-Tag: noindex\n',
    );
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    server = await startStaticServer(root);
  });

  afterAll(async () => {
    await server.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: 'manual' });

  it('listens on the loopback address only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html for a folder, and redirects a folder asked for without its slash', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect((await get('/policies/backup/')).status).toBe(200);
    const bare = await get('/policies/backup');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/policies/backup/');
  });

  it('gives each kind of file the content type a browser needs', async () => {
    expect((await get('/pagefind/pagefind.en_1.pf_meta')).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get('/pagefind/wasm.en.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('/calendar.ics')).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });

  it('answers 404 for what is missing and for every way out of the folder', async () => {
    expect((await get('/nothing/')).status).toBe(404);
    expect((await get('/policies/')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/..%2fsecret.txt')).status).toBe(404);
    expect((await get('/link.txt')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(404);
  });

  it("sends the headers the site's _headers file asks for, and never serves that file", async () => {
    const home = await get('/');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('x-robots-tag')).toBeNull();
    expect((await get('/policies/backup/')).headers.get('x-robots-tag')).toBe('noindex');
    expect((await get('/_headers')).status).toBe(404);
  });
});
