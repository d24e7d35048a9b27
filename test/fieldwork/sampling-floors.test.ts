import { describe, expect, it } from 'vitest';
import {
  defaultPerEventSampling,
  defaultSampleSizes,
  drawSamples,
  perEventSamplingFloor,
  sampleSize,
  sampleSizeFloors,
} from '../../src/engine/sampling.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';

/** The test program with a `sampling:` table (lines from 12 on). */
const withSampling = (table: string) =>
  check(edit(validProgram(), PROGRAM, 'warn_within_days: 30\n', `warn_within_days: 30\nsampling:\n${table}`));

describe('sampling floors', () => {
  it('keep the default table at or above every floor', () => {
    for (const [frequency, floor] of Object.entries(sampleSizeFloors)) {
      expect(defaultSampleSizes[frequency as keyof typeof sampleSizeFloors]).toBeGreaterThanOrEqual(floor);
    }
    expect(defaultPerEventSampling.percent).toBeGreaterThanOrEqual(perEventSamplingFloor.percent);
    expect(defaultPerEventSampling.min).toBeGreaterThanOrEqual(perEventSamplingFloor.min);
    expect(defaultPerEventSampling.max).toBeGreaterThanOrEqual(perEventSamplingFloor.max);
  });

  it('accept a firm table that raises sizes, and one exactly at every floor', () => {
    expect(findings(withSampling('  monthly: 5\n  daily: 40\n'), 'TB907')).toEqual([]);
    const atFloors =
      '  annual: 1\n  semiannual: 1\n  quarterly: 2\n  monthly: 2\n  weekly: 5\n  daily: 20\n  per_event: { percent: 10, min: 5, max: 25 }\n';
    expect(findings(withSampling(atFloors), 'TB907')).toEqual([]);
  });

  it('report an entry one below its floor, at its line', () => {
    expect(findings(withSampling('  monthly: 5\n  daily: 19\n'), 'TB907')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: PROGRAM,
        line: 14,
        message: '`sampling.daily: 19` is below the floor of 20 items for a daily control',
      }),
    ]);
    expect(findings(withSampling('  monthly: 1\n'), 'TB907')).toEqual([expect.objectContaining({ line: 13 })]);
    expect(findings(withSampling('  weekly: 4\n'), 'TB907')).toHaveLength(1);
  });

  it('report each per-event bound below its floor', () => {
    const result = withSampling('  per_event:\n    percent: 1\n    min: 4\n    max: 24\n');
    expect(findings(result, 'TB907').map((finding) => [finding.line, finding.message])).toEqual([
      [14, '`sampling.per_event.percent: 1` is below the floor of 10 percent of a per-event population'],
      [15, '`sampling.per_event.min: 4` is below the floor of 5 items of a per-event population'],
      [16, '`sampling.per_event.max: 24` is below the floor of 25 items as the most a per-event population is tested'],
    ]);
  });
});

describe('semiannual and continuous controls', () => {
  it('test one half of two, or the one half due', () => {
    expect(sampleSize('semiannual', 2)).toBe(1);
    expect(sampleSize('semiannual', 1)).toBe(1);
    expect(sampleSize('semiannual', 2, { semiannual: 2 })).toBe(2);
  });

  it('sample a semiannual series from its halves', () => {
    const files = edit(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: semiannual'),
      'evidence-index/EV-BASE-01.mdx',
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: semiannual\nartifacts:\n  - { collected: 2026-07-03, period: 2026-H1, location: "https://docs.test.example/h1.pdf" }\n',
    );
    const [sample] = drawSamples(check(files).model, '2026-07-15', 1);
    expect(sample).toMatchObject({ kind: 'periods', population: { size: 1 }, size: 1, items: ['2026-H1'] });
  });

  it('sample a continuous series by its months, at the monthly size and floor', () => {
    expect(sampleSize('continuous', 12)).toBe(3);
    expect(sampleSize('continuous', 12, { monthly: 2 })).toBe(2);
    const files = edit(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: continuous'),
      'evidence-index/EV-BASE-01.mdx',
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: continuous\nartifacts:\n${['01', '02', '03', '04', '05', '06']
        .map(
          (m) => `  - { collected: 2026-${m}-28, period: 2026-${m}, location: "https://docs.test.example/${m}.pdf" }\n`,
        )
        .join('')}`,
    );
    const [sample] = drawSamples(check(files).model, '2026-07-15', 1);
    expect(sample).toMatchObject({ kind: 'periods', population: { size: 6 }, size: 3 });
  });
});
