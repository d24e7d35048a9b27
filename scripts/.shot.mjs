import { chromium } from 'playwright-core';
import { startStaticServer } from '../src/preview/static-server.ts';
const root = '.trustbook/shot-project/dist';
const shots = [
  ['public', '/', 'public-home'],
  ['auditors', '/system-description/', 'auditor-sd'],
  ['auditors', '/readiness/', 'readiness'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [site, path, name] of shots) {
  const server = await startStaticServer(`${root}/${site}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url(path));
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: name !== 'readiness' });
  await page.close();
  await server.stop();
}
await browser.close();
