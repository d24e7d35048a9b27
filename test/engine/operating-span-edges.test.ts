/**
 * TB621 at its date edges, on a model of one control and one series built from memory: an artifact performed on
 * the day a control was implemented and the day before; after retirement, on the last grace day of the series'
 * unit and the day after, and claiming a period that starts after the retirement day or holds it. Property tests
 * (fast-check) hold each edge over any day of 2025 to 2027, month ends and leap days included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { collectionGraceDays } from '../../src/engine/evidence-timeline.ts';
import { periodContaining, periodUnitOf } from '../../src/engine/periods.ts';
import { operatingSpanRule } from '../../src/engine/rules/operating-span.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const CONTROL = (id: string) => `content/controls/${id}.mdx`;
const EVIDENCE = 'evidence-index/EV-01.mdx';

const control = (id: string, frequency: string, dates: string) => `---
id: ${id}
title: ${id} control
criteria: [CC1.1]
owner: security-lead
frequency: ${frequency}
${dates}---

Runs.
`;

/** The series (artifacts from line 8, one a line), evidencing the controls given. */
const series = (frequency: string, artifacts: readonly string[], controls = ['CTL-01']) => `---
id: EV-01
title: Record
controls: [${controls.join(', ')}]
owner: security-lead
frequency: ${frequency}
artifacts:
${artifacts.map((artifact) => `  - ${artifact}\n`).join('')}---

Kept.
`;

const performed = (day: string, period?: string) =>
  `{ collected: ${day}${period ? `, period: ${period}` : ''}, location: "https://docs.test.example/${day}.pdf" }`;

function run(frequency: string, dates: string, artifacts: readonly string[]): Diagnostic[] {
  const model = smallModel({
    [CONTROL('CTL-01')]: control('CTL-01', frequency, dates),
    [EVIDENCE]: series(frequency, artifacts),
  });
  return operatingSpanRule(model, ruleContext('2026-07-15'));
}

/** The rule over one series evidencing two monthly controls, each with the dates given. */
function runTwo(first: string, second: string, artifacts: readonly string[]): Diagnostic[] {
  const model = smallModel({
    [CONTROL('CTL-01')]: control('CTL-01', 'monthly', first),
    [CONTROL('CTL-02')]: control('CTL-02', 'monthly', second),
    [EVIDENCE]: series('monthly', artifacts, ['CTL-01', 'CTL-02']),
  });
  return operatingSpanRule(model, ruleContext('2026-07-15'));
}

const day = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const frequencies = fc.constantFrom('daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual');

describe('an artifact and the day its control was implemented', () => {
  it('is accepted on that day and reported the day before, for any day', () => {
    fc.assert(
      fc.property(day, (implemented) => {
        expect(run('monthly', `implemented: ${implemented}\n`, [performed(implemented)])).toEqual([]);
        expect(run('monthly', `implemented: ${implemented}\n`, [performed(addDays(implemented, -1))])).toEqual([
          expect.objectContaining({ code: 'TB621', line: 8 }),
        ]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('an artifact performed after its control was retired', () => {
  it('is accepted through the unit’s last grace day when it claims the period holding the retirement, and reported the day after', () => {
    fc.assert(
      fc.property(day, frequencies, (retired, frequency) => {
        const unit = periodUnitOf(frequency as never)!;
        const held = periodContaining(unit, retired);
        const label = `{ start: ${held.start}, end: ${held.end} }`;
        const grace = collectionGraceDays[unit];
        const last = addDays(retired, grace);
        expect(run(frequency, `retired: ${retired}\n`, [performed(last, label)])).toEqual([]);
        expect(run(frequency, `retired: ${retired}\n`, [performed(addDays(last, 1), label)])).toEqual([
          expect.objectContaining({ code: 'TB621', line: 8 }),
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it('is reported when it claims a period starting after the retirement day, even within the grace days', () => {
    fc.assert(
      fc.property(day, (retired) => {
        const next = periodContaining('month', addDays(periodContaining('month', retired).end, 1)).label;
        expect(run('monthly', `retired: ${retired}\n`, [performed(addDays(retired, 1), next)])).toEqual([
          expect.objectContaining({ code: 'TB621' }),
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it('without a period is judged by the period holding its day: the month after a month-end retirement is reported', () => {
    expect(run('monthly', 'retired: 2026-02-28\n', [performed('2026-03-01')])).toEqual([
      expect.objectContaining({ code: 'TB621' }),
    ]);
    expect(run('monthly', 'retired: 2026-02-27\n', [performed('2026-02-28')])).toEqual([]);
    expect(run('monthly', 'retired: 2028-02-28\n', [performed('2028-02-29')])).toEqual([]);
  });

  it('on or before the retirement day is not judged by the period it claims', () => {
    expect(run('monthly', 'retired: 2026-03-31\n', [performed('2026-03-31', '2026-04')])).toEqual([]);
  });

  it('claiming a week that does not exist is judged by its day alone', () => {
    // 2025 has 52 ISO weeks: 2025-W53 names no period, so nothing says it starts after the retirement.
    expect(run('weekly', 'retired: 2025-12-28\n', [performed('2025-12-29', '2025-W53')])).toEqual([]);
  });

  it('of a per-event control is reported from the day after retirement (no grace days)', () => {
    expect(run('per-event', 'retired: 2026-03-31\n', [performed('2026-03-31')])).toEqual([]);
    expect(run('per-event', 'retired: 2026-03-31\n', [performed('2026-04-01')])).toEqual([
      expect.objectContaining({ code: 'TB621' }),
    ]);
  });
});

describe('a series of two controls', () => {
  it('is bounded by the earliest implementation, naming the controls implemented that day', () => {
    const found = runTwo('implemented: 2026-03-01\n', 'implemented: 2026-02-01\n', [
      performed('2026-01-31'),
      performed('2026-02-01'),
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'EV-01 has an artifact of CTL-02 running before it was implemented (2026-02-01): 2026-01-31',
    ]);
  });

  it('is unbounded when one of them has no implementation date, or no retirement date', () => {
    expect(runTwo('implemented: 2026-03-01\n', '', [performed('2026-01-31')])).toEqual([]);
    expect(runTwo('retired: 2026-03-01\n', '', [performed('2026-06-30')])).toEqual([]);
  });

  it('is bounded by the latest retirement, naming every control retired that day', () => {
    const found = runTwo('retired: 2026-03-31\n', 'retired: 2026-03-31\n', [performed('2026-05-02')]);
    expect(found.map((d) => d.message)).toEqual([
      'EV-01 has an artifact of CTL-01, CTL-02 running after it was retired (2026-03-31): 2026-05-02',
    ]);
    expect(runTwo('retired: 2026-02-28\n', 'retired: 2026-03-31\n', [performed('2026-03-31')])).toEqual([]);
    expect(runTwo('retired: 2026-03-31\n', 'retired: 2026-02-28\n', [performed('2026-03-31')])).toEqual([]);
  });
});

describe('the finding', () => {
  it('lists four days and counts the rest, pointing at the first artifact’s `performed` when it has one', () => {
    const days = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10'];
    const artifacts = [
      '{ collected: 2026-01-20, performed: 2026-01-05, location: "https://docs.test.example/a.pdf" }',
      ...days.slice(1).map((d) => performed(d)),
    ];
    const [found] = run('daily', 'implemented: 2026-02-01\n', artifacts);
    expect(found).toMatchObject({
      line: 8,
      subject: { kind: 'evidence', id: 'EV-01', artifact: 0 },
      message:
        'EV-01 has 6 artifacts of CTL-01 running before it was implemented (2026-02-01): 2026-01-05, 2026-01-06, 2026-01-07, 2026-01-08 and 2 more',
    });
    const block = smallModel({
      [CONTROL('CTL-01')]: control('CTL-01', 'daily', 'implemented: 2026-02-01\n'),
      [EVIDENCE]: series('daily', [
        'collected: 2026-01-20\n    location: "https://docs.test.example/a.pdf"\n    performed: 2026-01-05',
      ]),
    });
    expect(operatingSpanRule(block, ruleContext('2026-07-15')).map((d) => d.line)).toEqual([10]);
    const collected = smallModel({
      [CONTROL('CTL-01')]: control('CTL-01', 'daily', 'implemented: 2026-02-01\n'),
      [EVIDENCE]: series('daily', ['location: "https://docs.test.example/a.pdf"\n    collected: 2026-01-20']),
    });
    expect(operatingSpanRule(collected, ruleContext('2026-07-15')).map((d) => d.line)).toEqual([9]);
  });

  it('lists four days in full', () => {
    const days = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
    const [found] = run(
      'daily',
      'implemented: 2026-02-01\n',
      days.map((d) => performed(d)),
    );
    expect(found?.message).toBe(
      'EV-01 has 4 artifacts of CTL-01 running before it was implemented (2026-02-01): 2026-01-05, 2026-01-06, 2026-01-07, 2026-01-08',
    );
  });

  it('is one for the artifacts before implementation and one for those after retirement', () => {
    const found = run('monthly', 'implemented: 2026-02-01\nretired: 2026-04-30\n', [
      performed('2026-01-31'),
      performed('2026-03-01'),
      performed('2026-05-11'),
    ]);
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [8, 'EV-01 has an artifact of CTL-01 running before it was implemented (2026-02-01): 2026-01-31'],
      [10, 'EV-01 has an artifact of CTL-01 running after it was retired (2026-04-30): 2026-05-11'],
    ]);
  });
});

describe('a control implemented and retired', () => {
  it('on the same day bounds its series on both sides; retired before implemented is TB808’s alone', () => {
    expect(run('monthly', 'implemented: 2026-03-10\nretired: 2026-03-10\n', [performed('2026-03-09')])).toHaveLength(1);
    expect(run('monthly', 'implemented: 2026-03-10\nretired: 2026-03-09\n', [performed('2026-01-01')])).toEqual([]);
  });

  it('not in operation (planned) asks nothing of its series', () => {
    expect(run('monthly', 'status: planned\nimplemented: 2026-03-10\n', [performed('2026-01-01')])).toEqual([]);
  });
});
