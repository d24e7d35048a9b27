/**
 * The build's grant log: for each current grant, what it gave and the SHA-256 of each stamped copy, so a copy
 * that turns up elsewhere can be traced to its recipient. Written beside the three sites in dist/, never inside
 * one (no site serves it), and kept as a CI artifact by the deploy job.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GrantLogEntry } from '../trust-center/grant-files.ts';

export const GRANT_LOG_FILE = 'grant-log.json';

export function writeGrantLog(dist: string, asOf: string, grants: readonly GrantLogEntry[]): void {
  writeFileSync(join(dist, GRANT_LOG_FILE), `${JSON.stringify({ built: asOf, grants }, null, 2)}\n`);
}
