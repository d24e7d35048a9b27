/**
 * A grant's whole life, built for real and opened in Chromium: a link opens the stamped report; it closes by the
 * reader's clock after its last day; `grant revoke` and the next build close it for good; a grant re-issued to
 * the same person gets a new salt, so the old link stays closed while the new one opens; and a new secret
 * closes every link until `grant link` gives the new ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_ENV, GRANT_SECRET_ENV } from '../../src/engine/grants.ts';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';
import { runCli } from '../cli/run.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { ndaVersion, TEST_SECRET, withGrant } from '../helpers/grants.ts';
import { createProject, type BuildProject } from './project.ts';

const ROTATED = 'tbgs1_Hq3Zp8Wm2Xc7Rv5Tn1Lb9Kd4Fg6Js0Ay8Ue3Io5Pw7Q';
const env = (secret: string) => ({ TRUSTBOOK_AS_OF: '2026-07-15', [GRANT_SECRET_ENV]: secret });

let project: BuildProject;
let site: StaticServer;
let browser: Browser;

function build(secret: string): void {
  const saved = { secret: process.env[GRANT_SECRET_ENV], deploy: process.env[DEPLOY_ENV] };
  process.env[GRANT_SECRET_ENV] = secret;
  delete process.env[DEPLOY_ENV];
  try {
    const built = project.build();
    if (built.status !== 0) throw new Error(built.output);
  } finally {
    if (saved.secret === undefined) delete process.env[GRANT_SECRET_ENV];
    else process.env[GRANT_SECRET_ENV] = saved.secret;
    if (saved.deploy !== undefined) process.env[DEPLOY_ENV] = saved.deploy;
  }
}

async function linkOf(id: string, secret = TEST_SECRET): Promise<string> {
  const printed = await runCli(project.root, ['grant', 'link', id], env(secret));
  if (printed.code !== 0) throw new Error(printed.stderr);
  return printed.stdout.trim();
}

/** What the access page says for a link, by the reader's clock on `day`. */
async function opened(link: string, day = '2026-07-20'): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${day}T12:00:00`));
    await page.goto(site.url(`/access/${new URL(link).hash}`));
    const said = page.locator('[data-access-status]');
    await expect.poll(() => said.innerText()).not.toBe('Opening your link…');
    return await said.innerText();
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  project = createProject(withGrant());
  const pdf = await PDFDocument.create();
  pdf.addPage();
  mkdirSync(join(project.root, 'content/trust/files'), { recursive: true });
  writeFileSync(join(project.root, 'content/trust/files/report.pdf'), await pdf.save());
  build(TEST_SECRET);
  site = await startStaticServer(join(project.root, 'dist/public'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  project?.remove();
});

describe('a grant’s life in the browser', () => {
  it('opens, closes by the clock, is revoked, re-issued and rotated, each link opening exactly when it should', async () => {
    const first = await linkOf('northwind');
    expect(await opened(first)).toBe('Shared with Priya Raman (Northwind Clinics) until 2026-12-31.');
    // After its last day, by the reader's clock, while the files are still published.
    expect(await opened(first, '2027-01-01')).toMatch(/^Your access through this link ended on 2026-12-31\./);

    // Revoked, then built: the link finds nothing.
    expect((await runCli(project.root, ['grant', 'revoke', 'northwind'], env(TEST_SECRET))).code).toBe(0);
    build(TEST_SECRET);
    expect(await opened(first)).toMatch(/^This link does not open any documents/);

    // Re-issued to the same person the same day: a new salt, a new link; the old one stays closed.
    const added = await runCli(
      project.root,
      [
        'grant',
        'add',
        '--name',
        'Priya Raman',
        '--email',
        'priya@northwind.example',
        '--organization',
        'Northwind Clinics',
        '--nda-version',
        ndaVersion,
        '--granted',
        '2026-07-01',
        '--expires',
        '2026-12-31',
      ],
      env(TEST_SECRET),
    );
    expect(added.code, added.stderr).toBe(0);
    const second = /https:\/\/\S+/.exec(added.stdout)![0];
    expect(second).not.toBe(first);
    build(TEST_SECRET);
    expect(await opened(second)).toBe('Shared with Priya Raman (Northwind Clinics) until 2026-12-31.');
    expect(await opened(first)).toMatch(/^This link does not open any documents/);

    // A new secret: every link made with the old one closes; `grant link` gives the new one.
    build(ROTATED);
    expect(await opened(second)).toMatch(/^This link does not open any documents/);
    const rotated = await linkOf('northwind-clinics-2026-07', ROTATED);
    expect(await opened(rotated)).toBe('Shared with Priya Raman (Northwind Clinics) until 2026-12-31.');
  }, 300_000);
});
