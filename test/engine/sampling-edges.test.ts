/**
 * Sampling (src/engine/sampling.ts) at what sampling.test.ts leaves open: the floors a program's own `sampling:`
 * table may not go below, as docs/sampling.md states them (the rule that reports an entry below its floor,
 * TB907, reads them from here).
 */
import { describe, expect, it } from 'vitest';
import { perEventSamplingFloor, sampleSizeFloors } from '../../src/engine/sampling.ts';

describe('the floors of a program’s sampling table', () => {
  it('are docs/sampling.md’s: 1 annual and semiannual, 2 quarterly and monthly, 5 weekly, 20 daily', () => {
    expect(sampleSizeFloors).toEqual({ annual: 1, semiannual: 1, quarterly: 2, monthly: 2, weekly: 5, daily: 20 });
  });

  it('are, per event, a tenth of the population, at least 5 items and up to 25', () => {
    expect(perEventSamplingFloor).toEqual({ percent: 10, min: 5, max: 25 });
  });
});
