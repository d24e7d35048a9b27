/**
 * The program as the build saw it. The integration checks the program once, before anything renders, and
 * leaves the result here; pages read it instead of parsing the files again.
 */
import type { CheckResult } from '../engine/index.ts';
import type { Revision } from '../integration/git-history.ts';

export interface SiteData {
  result: CheckResult;
  /** Revisions of each document, by project-relative path, newest first. */
  history: Map<string, Revision[]>;
}

const key = Symbol.for('trustbook.site-data');
type Holder = { [key]?: SiteData };

export function setSiteData(data: SiteData): void {
  (globalThis as Holder)[key] = data;
}

/** The data the integration left, if it has checked the program in this process. */
export function heldSiteData(): SiteData | undefined {
  return (globalThis as Holder)[key];
}

export function siteData(): SiteData {
  const data = (globalThis as Holder)[key];
  if (!data) {
    throw new Error('The program has not been checked: add the trustbook integration to astro.config.mjs.');
  }
  return data;
}
