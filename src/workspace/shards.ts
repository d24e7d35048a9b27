/**
 * Client shards for a CI matrix: the clients split into at most N groups of nearly equal size, in the order
 * the workspace lists them, as GitHub Actions reads a matrix (`{ include: [...] }`). GitHub runs at most 256
 * jobs from one matrix, so more shards than that are refused rather than silently dropped.
 */

/** The most jobs GitHub Actions makes from one matrix. */
export const MATRIX_JOB_LIMIT = 256;

export interface MatrixEntry {
  shard: number;
  /** The shard's client names, separated by spaces, for `trustbook build --workspace ${{ matrix.clients }}`. */
  clients: string;
}

export function clientShards(clients: readonly string[], shards: number): { include: MatrixEntry[] } {
  const count = Math.min(shards, clients.length);
  const include: MatrixEntry[] = [];
  let start = 0;
  for (let shard = 0; shard < count; shard++) {
    // The first (length % count) shards take one client more.
    const size = Math.floor(clients.length / count) + (shard < clients.length % count ? 1 : 0);
    include.push({ shard: shard + 1, clients: clients.slice(start, start + size).join(' ') });
    start += size;
  }
  return { include };
}
