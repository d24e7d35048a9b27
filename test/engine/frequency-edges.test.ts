/**
 * The frequency rule (TB406) at its edges: evidence exactly as frequent as its control, one step less frequent,
 * continuous controls evidenced monthly, per-event controls and series, a `frequency_note` (which excuses a
 * periodic control, never a per-event one), a control that is not implemented, and the line and words of the
 * finding. The order of frequencies is held by property tests over every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frequency } from '../../src/schema/index.ts';
import { frequencies } from '../../src/schema/common.ts';
import { frequencyRule, isFrequentEnough, occurrencesPerYear } from '../../src/engine/rules/frequency.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

/** Most frequent first. */
const PERIODIC = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;

const control = (frequency: string, extra = '') => `---
id: C-1
title: A control
criteria: [CC6.1]
owner: engineer
frequency: ${frequency}
${extra}---

The engineer runs it.
`;

const series = (id: string, frequency: string, extra = '') => `---
id: ${id}
title: ${id} record
controls: [C-1]
owner: engineer
frequency: ${frequency}
${extra}artifacts: []
---

Kept.
`;

/** TB406's findings, as `code control line: message`, for C-1 at `frequency` and one series per entry. */
function run(frequency: string, evidence: readonly (readonly [string, string?])[], extra = '') {
  const files: Record<string, string> = { 'content/controls/C-1.mdx': control(frequency, extra) };
  evidence.forEach(([cadence, note], index) => {
    files[`evidence-index/EV-${index + 1}.mdx`] = series(
      `EV-${index + 1}`,
      cadence,
      note ? `frequency_note: ${note}\n` : '',
    );
  });
  return frequencyRule(smallModel(files), ruleContext('2026-07-15')).map(
    (d) => `${d.code} ${d.subject?.id} ${d.line}: ${d.message}`,
  );
}

describe('the order of frequencies', () => {
  it('counts the occurrences of a year, continuous as monthly', () => {
    expect(occurrencesPerYear).toEqual({
      daily: 365,
      weekly: 52,
      monthly: 12,
      continuous: 12,
      quarterly: 4,
      semiannual: 2,
      annual: 1,
    });
  });

  it('accepts evidence as frequent as the control or more, and refuses one step less (property)', () => {
    const periodic = fc.constantFrom(...PERIODIC.keys());
    fc.assert(
      fc.property(periodic, periodic, (control, evidence) => {
        expect(isFrequentEnough(PERIODIC[control]!, PERIODIC[evidence]!)).toBe(evidence <= control);
      }),
    );
  });

  it('holds continuous controls to monthly evidence, and accepts continuous evidence as monthly', () => {
    expect(isFrequentEnough('continuous', 'monthly')).toBe(true);
    expect(isFrequentEnough('continuous', 'quarterly')).toBe(false);
    expect(isFrequentEnough('monthly', 'continuous')).toBe(true);
    expect(isFrequentEnough('weekly', 'continuous')).toBe(false);
  });

  it('matches per-event with per-event only, either way round (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Frequency>(...frequencies), (other) => {
        expect(isFrequentEnough('per-event', other)).toBe(other === 'per-event');
        expect(isFrequentEnough(other, 'per-event')).toBe(other === 'per-event');
      }),
    );
  });
});

describe('TB406', () => {
  it('is reported for evidence one step less frequent than its control, on the `frequency` line', () => {
    expect(run('monthly', [['quarterly']])).toEqual([
      'TB406 C-1 6: C-1 operates monthly, but its evidence is collected less often: EV-1 (quarterly)',
    ]);
    expect(run('monthly', [['monthly']])).toEqual([]);
    expect(run('monthly', [['weekly']])).toEqual([]);
  });

  it('is not reported when one series of several is frequent enough, and lists them all when none is', () => {
    expect(run('quarterly', [['annual'], ['quarterly']])).toEqual([]);
    expect(run('quarterly', [['annual'], ['semiannual']])).toEqual([
      'TB406 C-1 6: C-1 operates quarterly, but its evidence is collected less often: EV-1 (annual), EV-2 (semiannual)',
    ]);
  });

  it('is excused for a periodic control by a `frequency_note` on any of its series', () => {
    expect(run('daily', [['monthly', 'The monthly export lists every daily run.']])).toEqual([]);
    expect(run('daily', [['annual'], ['monthly', 'The monthly export lists every daily run.']])).toEqual([]);
  });

  it('is reported for a per-event control evidenced periodically, whatever the note says', () => {
    expect(run('per-event', [['monthly', 'The monthly export lists every event.']])).toEqual([
      'TB406 C-1 6: C-1 operates per event, but its evidence is periodic: EV-1 (monthly); the auditor samples events from a population',
    ]);
    expect(run('per-event', [['per-event']])).toEqual([]);
  });

  it('is reported for a periodic control evidenced only per event', () => {
    expect(run('quarterly', [['per-event']])).toEqual([
      'TB406 C-1 6: C-1 operates quarterly, but its evidence is collected less often: EV-1 (per-event)',
    ]);
  });

  it('asks nothing of a control without evidence, or one that is planned or does not apply', () => {
    expect(run('monthly', [])).toEqual([]);
    expect(run('monthly', [['annual']], 'status: planned\n')).toEqual([]);
    expect(run('monthly', [['annual']], 'status: not-applicable\njustification: No such system.\n')).toEqual([]);
  });
});
