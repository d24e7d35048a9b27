/**
 * The trust center's request-access form, in Chromium, with and without JavaScript: it posts the request to
 * the URL the program names (here a server of the test's own), and the page's CSP allows that one origin only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { edit, validProgram } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

const received: URLSearchParams[] = [];
let receiver: Server;
let project: BuildProject;
let site: StaticServer;
let browser: Browser;
let build: { status: number; output: string };

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      // Only the form's posts: the thank-you page also makes the browser ask this origin for /favicon.ico.
      if (request.method === 'POST' && request.url === '/requests') received.push(new URLSearchParams(body));
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>Thank you</p>');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  project = createProject({
    ...edit(
      validProgram(),
      'content/program.yaml',
      'warn_within_days: 30',
      `warn_within_days: 30\nrequest_access_url: http://127.0.0.1:${port}/requests`,
    ),
    'content/trust/documents/soc2-report.yaml':
      'title: SOC 2 Type II report\nurl: https://test.example/private\naccess: nda\n',
  });
  build = project.build();
  site = await startStaticServer(join(project.root, 'dist/public'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  receiver?.close();
  project?.remove();
});

describe('the request-access form', () => {
  it('is built, linked from the documents under NDA, and allowed by the CSP to post to that URL only', () => {
    expect(build.status, build.output).toBe(0);
    const home = readFileSync(join(project.root, 'dist/public/index.html'), 'utf8');
    expect(home).toContain('href="request-access/"');
    const headers = readFileSync(join(project.root, 'dist/public/_headers'), 'utf8');
    expect(headers).toMatch(/form-action http:\/\/127\.0\.0\.1:\d+;/);
    expect(readFileSync(join(project.root, 'dist/employees/_headers'), 'utf8')).toContain("form-action 'none'");
  });

  it.each([
    ['without JavaScript', false],
    ['with JavaScript', true],
  ])('posts name, work e-mail, organization, documents and the NDA, %s', async (_label, javaScriptEnabled) => {
    const before = received.length;
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(site.url('/request-access/'));
    await page.getByLabel('Full name').fill('Robin Vale');
    await page.getByLabel('Work e-mail').fill('robin@buyer.example');
    await page.getByLabel('Organization').fill('Buyer Health');
    await page.getByLabel('I agree to receive these documents under a mutual non-disclosure agreement.').check();
    await Promise.all([page.waitForURL(/\/requests$/), page.getByRole('button', { name: 'Request access' }).click()]);
    expect(received.length).toBe(before + 1);
    const form = received.at(-1)!;
    expect(Object.fromEntries(form)).toEqual({
      name: 'Robin Vale',
      email: 'robin@buyer.example',
      organization: 'Buyer Health',
      documents: 'soc2-report',
      nda: 'accepted',
    });
    await context.close();
  });

  it('will not send without the NDA accepted', async () => {
    const before = received.length;
    const page = await browser.newPage();
    await page.goto(site.url('/request-access/'));
    await page.getByLabel('Full name').fill('Robin Vale');
    await page.getByLabel('Work e-mail').fill('robin@buyer.example');
    await page.getByLabel('Organization').fill('Buyer Health');
    await page.getByRole('button', { name: 'Request access' }).click();
    await page.waitForTimeout(300);
    expect(received.length).toBe(before);
    expect(await page.getByLabel(/I agree/).evaluate((box) => (box as HTMLInputElement).validity.valueMissing)).toBe(
      true,
    );
    await page.close();
  });
});
