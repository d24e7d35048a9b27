/**
 * After Astro has built every page: split the output into the three sites, copy the verified evidence files
 * into the auditor site, index each for search while the pages are scanned for leaks, scan the search indexes,
 * and only when all is clean put the sites in `dist/`.
 */
import { join } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import { sites, type Site } from '../site/sites.ts';
import { historicalFragments, needlesFor, type Leak } from './leak-scan.ts';
import { scanSite } from './leak-scan-fs.ts';
import { copyEvidenceFiles } from './evidence-files-fs.ts';
import { auditorView } from '../site/views.ts';
import { splitSites, swapIntoPlace, type PublishPaths } from './publish-fs.ts';
import { restrictedRuns, scanRestricted } from './restricted-files.ts';
import { secretFragments, secretValues } from './secret-needles.ts';
import { templateTexts } from './template-texts-fs.ts';
import type { HistoricalSubject } from '../trust-center/trust-updates.ts';
import { indexSites } from './search-index.ts';

export function publishPaths(root: string): PublishPaths {
  return {
    astroOut: join(root, '.trustbook/astro'),
    staging: join(root, '.trustbook/sites'),
    dist: join(root, 'dist'),
    root,
  };
}

export type PublishOutcome = { ok: true; pages: Record<Site, number> } | { ok: false; leaks: Map<Site, Leak[]> };

/** What the leak scan is told beside the check result. */
export interface ScanOptions {
  /** The grant secret, read once by the integration: it and every key derived from it are forbidden. */
  grantSecret?: string | undefined;
  /** Every title and name the trust history saw: those of documents not public today are forbidden. */
  history?: readonly HistoricalSubject[] | undefined;
  /** One-word names that are ordinary words on this program's sites (`leakScan.allow`). */
  allow?: readonly string[] | undefined;
}

export async function publishSites(
  result: CheckResult,
  paths: PublishPaths,
  options: ScanOptions = {},
): Promise<PublishOutcome> {
  splitSites(paths, result.model.program?.data.request_access_url);
  // The evidence files kept in the repository go to the auditor site alone, before any scan reads it.
  copyEvidenceFiles(paths.root, join(paths.staging, 'auditors'), auditorView(result).evidenceFiles);
  // Pagefind indexes in a process of its own while this one scans the pages; the indexes are scanned after.
  const indexing = indexSites(sites.map((site) => join(paths.staging, site)));
  const secrets = secretValues(result, options.grantSecret);
  const extras = {
    publicForbidden: historicalFragments(result, options.history ?? []),
    forbidden: secretFragments(secrets),
    allow: options.allow ?? [],
    templates: templateTexts(result),
  };
  const needles = new Map(sites.map((site) => [site, needlesFor(result, site, extras)] as const));
  const leaks = new Map<Site, Leak[]>();
  const record = (site: Site, found: Leak[]) => {
    if (found.length > 0) leaks.set(site, [...(leaks.get(site) ?? []), ...found]);
  };
  for (const site of sites) record(site, scanSite(join(paths.staging, site), needles.get(site)!, 'pages'));
  // No part of a document under NDA, in clear, in any file of the trust center (its grants publish ciphertext).
  record('public', scanRestricted(join(paths.staging, 'public'), restrictedRuns(result, paths.root, secrets)));
  const counts = await indexing;
  for (const site of sites) record(site, scanSite(join(paths.staging, site), needles.get(site)!, 'search-index'));
  if (leaks.size > 0) return { ok: false, leaks };
  swapIntoPlace(paths);
  return {
    ok: true,
    pages: Object.fromEntries(sites.map((site, index) => [site, counts[index]!])) as Record<Site, number>,
  };
}
