/** The mutation run's modules split into shards for a CI matrix: every module in exactly one, weights balanced. */
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../scripts/mutation/shards.ts';

const weights: Record<string, number> = { a: 50, b: 40, c: 30, d: 20, e: 10, f: 10 };
const modules = Object.keys(weights);
const weight = (module: string) => weights[module]!;

describe('mutation shards', () => {
  it('put every module in exactly one shard, each shard listing its modules in their order', () => {
    const shards = [1, 2, 3].map((shard) => shardOf(modules, weight, shard, 3));
    expect(shards.flat().sort()).toEqual([...modules].sort());
    for (const shard of shards) expect(shard).toEqual(modules.filter((module) => shard.includes(module)));
  });

  it('give each module to the lightest shard, heaviest first', () => {
    // a (50) to 1, b (40) to 2, c (30) to 3, d (20) to 3 (30), e (10) to 2 (40), f (10) to 1 or 3 (50 each): 1.
    expect([1, 2, 3].map((shard) => shardOf(modules, weight, shard, 3))).toEqual([
      ['a', 'f'],
      ['b', 'e'],
      ['c', 'd'],
    ]);
  });

  it('are the same shards whatever order the modules come in', () => {
    const reversed = [...modules].reverse();
    expect(shardOf(reversed, weight, 2, 3).sort()).toEqual(shardOf(modules, weight, 2, 3).sort());
  });

  it('leave a shard empty when there are more shards than modules', () => {
    expect(shardOf(['a'], weight, 2, 2)).toEqual([]);
    expect(shardOf(['a'], weight, 1, 2)).toEqual(['a']);
  });

  it('are named K/N with K from 1 to N', () => {
    expect(parseShard('2/6')).toEqual({ shard: 2, count: 6 });
    expect(parseShard('2')).toBeUndefined();
    expect(parseShard('a/6')).toBeUndefined();
    expect(() => shardOf(modules, weight, 0, 3)).toThrow(RangeError);
    expect(() => shardOf(modules, weight, 4, 3)).toThrow('got 4/3');
  });
});
