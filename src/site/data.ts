/**
 * The program as the build saw it. The integration checks the program once, before anything renders, and
 * hands the result over here; pages read it instead of parsing the files again.
 *
 * Pages and the content loader import this module as `virtual:trustbook/data`, which the integration resolves
 * to this very file, kept out of the bundle (`SITE_DATA_MODULE`): Astro renders the pages in the process that
 * ran the integration, so Node gives the bundled pages the same instance of this module that the integration
 * filled. No global, and nothing serialized.
 */
import type { CheckResult } from '../engine/index.ts';
import type { Revision } from './history.ts';
import type { GrantFile } from '../trust-center/grant-files.ts';
import type { TrustChange } from '../trust-center/trust-updates.ts';

export interface SiteData {
  result: CheckResult;
  /** Revisions of each document, by project-relative path, newest first. */
  history: Map<string, Revision[]>;
  /** The program's public changes from git, newest first: the public view's `updates` are made from them. */
  trustChanges: TrustChange[];
  /** What the trust center publishes for the grants (ciphertext), under `access/`; none without a secret. */
  grantFiles: GrantFile[];
  /**
   * The bytes of the public trust documents the trust center serves itself, by project-relative path: read at
   * check time (src/integration/trust-documents-fs.ts), so no page reads the disk.
   */
  trustDocumentFiles: ReadonlyMap<string, Uint8Array<ArrayBuffer>>;
}

/** The specifier pages import this module by. */
export const SITE_DATA_SPECIFIER = 'virtual:trustbook/data';

/** This module's own URL: what the specifier resolves to, outside the bundle. */
export const SITE_DATA_MODULE = import.meta.url;

let held: SiteData | undefined;

export function setSiteData(data: SiteData): void {
  held = data;
}

/** The data the integration left, if it has checked the program in this process. */
export function heldSiteData(): SiteData | undefined {
  return held;
}

export function siteData(): SiteData {
  if (!held) {
    throw new Error('The program has not been checked: add the trustbook integration to astro.config.mjs.');
  }
  return held;
}
