/**
 * The three sites and which documents each may see. Every page reads its site's view from its route data
 * (`Astro.locals.trustbook`, src/site/route-data.ts).
 */
import type { Audience } from '../schema/common.ts';

export type Site = Audience;
export const sites: readonly Site[] = ['public', 'employees', 'auditors'];

export const siteNames: Record<Site, string> = {
  public: 'Trust Center',
  employees: 'Policy Portal',
  auditors: 'Evidence Index',
};

/** Whether a document with this audience list may appear on a site. */
export function canSee(site: Site, audience: readonly Audience[]): boolean {
  return audience.includes(site);
}

/** The sites with procedure and checklist pages: the trust center publishes neither. */
export const procedureSites: readonly Site[] = ['employees', 'auditors'];
