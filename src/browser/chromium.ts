/**
 * The system's Chromium, driven by playwright-core. Trustbook never downloads a browser: it uses the one the
 * machine has (Debian's `chromium` package, a Chrome install, or TRUSTBOOK_CHROMIUM).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { UsageError } from '../engine/errors.ts';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for a headless run that must not reach the network: nothing may phone home or update itself. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to use, or undefined when the machine has none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env.TRUSTBOOK_CHROMIUM ?? env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return candidates.find((path) => existsSync(path));
}

export async function launchChromium(env: Record<string, string | undefined> = process.env): Promise<Browser> {
  const executablePath = findChromium(env);
  if (!executablePath) {
    throw new UsageError(
      'no Chromium was found',
      'Install it (Debian and Ubuntu: `apt-get install chromium`) or set TRUSTBOOK_CHROMIUM to a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}
