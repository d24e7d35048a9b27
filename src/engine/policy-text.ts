/**
 * The text of a policy as a person reads it, and its SHA-256: the employee portal's "Acknowledge" link carries
 * the hash, acknowledgements record it, and the check compares it, so all three must compute it here.
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a policy's body as written in its file: the MDX after the frontmatter, with line endings
 * made `\n` (so a checkout on Windows hashes the same) and surrounding blank space trimmed.
 */
export function policyTextHash(body: string): string {
  return createHash('sha256').update(body.replace(/\r\n?/g, '\n').trim()).digest('hex');
}

/** The major version: the part of `version` before its first dot (`3` of `3.1`). */
export function majorVersion(version: string): string {
  return version.split('.')[0]!.trim();
}

/**
 * Compares two versions part by part, numerically where both parts are numbers (`3.10` is after `3.9`):
 * negative when `a` comes first, positive when `b` does, 0 when equal.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index] ?? '0';
    const y = right[index] ?? '0';
    const order =
      /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y, 'en', { numeric: true });
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The link to the company's acknowledgement form for one policy text: `policy`, `version` and `sha256` added
 * to the query of `acknowledgeUrl` (keeping any query it has), so the form records what was read.
 */
export function acknowledgeLink(
  acknowledgeUrl: string,
  policy: { id: string; version: string; sha256: string },
): string {
  const url = new URL(acknowledgeUrl);
  url.searchParams.set('policy', policy.id);
  url.searchParams.set('version', policy.version);
  url.searchParams.set('sha256', policy.sha256);
  return url.toString();
}
