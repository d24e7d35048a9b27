/**
 * The modules of a mutation run split into shards for a CI matrix, so that no runner gets the whole run: each
 * module goes, heaviest first, to the shard with the least weight so far (a module's weight is the size of its
 * source, which its number of mutants follows). The same modules and sizes always give the same shards.
 */

/** Shard `shard` (1 to `count`) of `modules`, in the order they are listed. */
export function shardOf(
  modules: readonly string[],
  weight: (module: string) => number,
  shard: number,
  count: number,
): string[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(shard) || shard < 1 || shard > count) {
    throw new RangeError(`a shard is K/N with 1 <= K <= N (got ${shard}/${count})`);
  }
  const loads = Array.from({ length: count }, () => 0);
  const assigned = new Map<string, number>();
  const heaviestFirst = [...modules].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  for (const module of heaviestFirst) {
    const lightest = loads.indexOf(Math.min(...loads));
    assigned.set(module, lightest);
    loads[lightest]! += weight(module);
  }
  return modules.filter((module) => assigned.get(module) === shard - 1);
}

/** `K/N` as numbers; undefined when the text is not of that form. */
export function parseShard(text: string): { shard: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  return match ? { shard: Number(match[1]), count: Number(match[2]) } : undefined;
}
