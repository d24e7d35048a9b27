/**
 * The system's Chromium, driven by playwright-core. Trustbook never downloads a browser: it uses the one the
 * machine has (Debian's `chromium` package, a Chrome install, or TRUSTBOOK_CHROMIUM). playwright-core is an
 * optional dependency, loaded only here, for `trustbook pdf`: a program that never prints PDFs does not install it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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

/**
 * What the browser process may see of the environment: what it needs to run (where things are, the locale, the
 * display) and nothing else. The shell that runs `trustbook pdf` may hold the grant secret and deploy tokens; a
 * browser that renders the built pages has no use for them, so they are not handed on.
 */
const browserVariables =
  /^(PATH|HOME|TMPDIR|TMP|TEMP|LANG|LANGUAGE|LC_[A-Z]+|TZ|DISPLAY|WAYLAND_DISPLAY|XDG_[A-Z_]+|FONTCONFIG_[A-Z_]+|DBUS_SESSION_BUS_ADDRESS)$/;

export function browserEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => browserVariables.test(entry[0]) && entry[1] !== undefined,
    ),
  );
}

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
  const { chromium } = await loadPlaywright();
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs, env: browserEnvironment(env) });
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError(
      'printing PDFs needs playwright-core, which is not installed',
      'Install it beside Trustbook: `npm install --save-dev playwright-core` (it drives the Chromium the machine has; no browser is downloaded).',
    );
  }
}
