/**
 * The Type II timeline at its edges: an occurrence is on time through the last grace day of its period and late
 * the day after; a period with no artifact is not yet due through that day and missing the day after (judged
 * on the evaluation date); an artifact dated on the first day of the period it claims counts and one dated the
 * day before does not; a control implemented or retired on a period's last day owes it. Each property holds
 * for every unit, over many periods, month ends and the leap day 2028-02-29 among them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import {
  artifactPeriod,
  auditWindow,
  collectionGraceDays,
  evidenceOfControl,
  evidenceTimeline,
  implementedControlsOf,
  latestArtifact,
  operatingSpan,
  performedOn,
  periodsSpanned,
  predatesClaim,
  seriesTimeline,
  windowPeriods,
  type AuditWindow,
  type OperatingSpan,
} from '../../src/engine/evidence-timeline.ts';
import type { ProgramModel } from '../../src/engine/model.ts';
import { periodContaining, type PeriodUnit } from '../../src/engine/periods.ts';
import type { ArtifactData, EvidenceData, ExceptionData } from '../../src/schema/index.ts';

type Frequency = EvidenceData['frequency'];

const series = (
  frequency: Frequency,
  artifacts: Partial<ArtifactData>[],
  exceptions: Partial<ExceptionData>[] = [],
): EvidenceData =>
  ({ id: 'EV', title: 'EV', controls: ['C'], owner: 'o', frequency, artifacts, exceptions, population: [] }) as never;

const artifact = (performed: string, extra: Partial<ArtifactData> = {}): Partial<ArtifactData> => ({
  collected: performed,
  performed,
  location: 'https://example.com/a',
  ...extra,
});

/** The unit each frequency is checked at, but for annual series (judged over the window as a whole). */
const periodic: [Frequency, PeriodUnit][] = [
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['continuous', 'month'],
  ['quarterly', 'quarter'],
  ['semiannual', 'half'],
];

/** A date from 2026 to 2029: month ends of every length and the leap day 2028-02-29 among them. */
const anyDate = fc.integer({ min: toDayNumber('2026-01-01'), max: toDayNumber('2029-12-31') }).map(fromDayNumber);

/** The single cell of a timeline over exactly one period. */
const onlyCell = (data: EvidenceData, window: AuditWindow, asOf: string, span: OperatingSpan = {}) => {
  const cells = evidenceTimeline(data, window, asOf, span);
  expect(cells).toHaveLength(1);
  return cells[0]!;
};

describe('grace days', () => {
  it('a period is on time through its last grace day and late the day after, for every unit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...periodic),
        anyDate,
        fc.integer({ min: -1, max: 3 }),
        ([frequency, unit], date, beyond) => {
          const period = periodContaining(unit, date);
          const grace = collectionGraceDays[unit];
          const performed = addDays(period.end, grace + beyond);
          const cell = onlyCell(
            series(frequency, [artifact(performed, { period: { start: period.start, end: period.end } })]),
            period,
            '2031-01-01',
          );
          expect(cell.state).toBe(beyond <= 0 ? 'present' : 'late');
          expect(cell.artifacts).toEqual([0]);
        },
      ),
    );
  });

  it('a period with no artifact is not yet due through its last grace day and missing the day after', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...periodic),
        anyDate,
        fc.integer({ min: -2, max: 3 }),
        ([frequency, unit], date, beyond) => {
          const period = periodContaining(unit, date);
          const asOf = addDays(period.end, collectionGraceDays[unit] + beyond);
          expect(onlyCell(series(frequency, []), period, asOf).state).toBe(beyond <= 0 ? 'not-yet-due' : 'missing');
        },
      ),
    );
  });

  it('an annual occurrence is not yet due through 30 days after the window and missing the day after', () => {
    const window = { start: '2027-03-01', end: '2028-02-29' };
    expect(onlyCell(series('annual', []), window, '2028-03-30').state).toBe('not-yet-due');
    expect(onlyCell(series('annual', []), window, '2028-03-31').state).toBe('missing');
  });

  it('a monthly artifact may arrive 10 days late: February 2028 through March 10th, not March 11th', () => {
    const february = { start: '2028-02-01', end: '2028-02-29' };
    const state = (performed: string) =>
      onlyCell(series('monthly', [artifact(performed, { period: '2028-02' })]), february, '2028-12-31').state;
    expect(state('2028-02-29')).toBe('present');
    expect(state('2028-03-10')).toBe('present');
    expect(state('2028-03-11')).toBe('late');
  });

  it('the grace days the docs state: a day 1, a week 3, a quarter and a half 30, each on time through its last', () => {
    const cases: [Frequency, ArtifactData['period'], AuditWindow, string][] = [
      ['daily', { start: '2028-02-28', end: '2028-02-28' }, { start: '2028-02-28', end: '2028-02-28' }, '2028-02-29'],
      ['weekly', '2028-W01', { start: '2028-01-03', end: '2028-01-09' }, '2028-01-12'],
      ['quarterly', '2028-Q1', { start: '2028-01-01', end: '2028-03-31' }, '2028-04-30'],
      ['semiannual', '2028-H1', { start: '2028-01-01', end: '2028-06-30' }, '2028-07-30'],
    ];
    for (const [frequency, period, window, lastOnTime] of cases) {
      const state = (performed: string) =>
        onlyCell(series(frequency, [artifact(performed, { period })]), window, '2028-12-31').state;
      expect(state(lastOnTime)).toBe('present');
      expect(state(addDays(lastOnTime, 1))).toBe('late');
    }
  });
});

describe('the day an artifact is dated', () => {
  it('counts on the first day of the period it claims and evidences nothing the day before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...periodic), anyDate, ([frequency, unit], date) => {
        const period = periodContaining(unit, date);
        const cell = (performed: string) =>
          onlyCell(
            series(frequency, [artifact(performed, { period: { start: period.start, end: period.end } })]),
            period,
            '2031-01-01',
          );
        expect(cell(period.start)).toMatchObject({ state: 'present', artifacts: [0] });
        expect(cell(addDays(period.start, -1))).toMatchObject({ state: 'missing', artifacts: [] });
      }),
    );
  });

  it('counts for the period holding the day it was performed, from its first day to its last', () => {
    const window = { start: '2028-01-01', end: '2028-03-31' };
    const cells = (performed: string) =>
      evidenceTimeline(series('monthly', [artifact(performed)]), window, '2028-12-31').map((cell) => cell.artifacts);
    expect(cells('2028-02-01')).toEqual([[], [0], []]);
    expect(cells('2028-02-29')).toEqual([[], [0], []]);
    expect(cells('2028-01-31')).toEqual([[0], [], []]);
    expect(cells('2028-03-01')).toEqual([[], [], [0]]);
  });

  it('counts for the last period its claim covers when performed in a part of the claim before the window', () => {
    const window = { start: '2028-01-01', end: '2028-03-31' };
    const claim = { period: { start: '2027-12-01', end: '2028-02-29' } };
    const cells = evidenceTimeline(series('monthly', [artifact('2027-12-15', claim)]), window, '2028-12-31');
    expect(cells.map((cell) => cell.artifacts)).toEqual([[], [0], []]);
  });

  it('counts once, for the month it was performed in, when it claims a whole quarter', () => {
    const window = { start: '2028-01-01', end: '2028-06-30' };
    const cells = (performed: string) =>
      evidenceTimeline(series('monthly', [artifact(performed, { period: '2028-Q1' })]), window, '2028-12-31').map(
        (cell) => cell.artifacts,
      );
    expect(cells('2028-01-01')).toEqual([[0], [], [], [], [], []]);
    expect(cells('2028-02-29')).toEqual([[], [0], [], [], [], []]);
    expect(cells('2028-03-31')).toEqual([[], [], [0], [], [], []]);
    // Performed after the quarter it claims: it counts for the quarter's last month, late.
    expect(cells('2028-04-20')).toEqual([[], [], [0], [], [], []]);
  });

  it('evidences nothing when it claims a period that holds none of the window', () => {
    const window = { start: '2028-01-01', end: '2028-03-31' };
    const cells = evidenceTimeline(
      series('monthly', [artifact('2028-01-15', { period: { start: '2028-01-02', end: '2028-01-30' } })]),
      window,
      '2028-12-31',
    );
    expect(cells.map((cell) => cell.artifacts)).toEqual([[], [], []]);
  });

  it('evidences nothing when collected before it was performed, and counts when collected the same day', () => {
    const window = { start: '2028-02-01', end: '2028-02-29' };
    const state = (collected: string) =>
      onlyCell(
        series('monthly', [{ collected, performed: '2028-02-10', location: 'https://example.com/a' }]),
        window,
        '2028-12-31',
      ).state;
    expect(state('2028-02-10')).toBe('present');
    expect(state('2028-02-09')).toBe('missing');
    expect(state('2028-03-20')).toBe('present');
  });

  it('is the day performed, else the day collected', () => {
    expect(performedOn({ collected: '2028-03-05', performed: '2028-02-29' } as ArtifactData)).toBe('2028-02-29');
    expect(performedOn({ collected: '2028-03-05' } as ArtifactData)).toBe('2028-03-05');
  });
});

describe('the period an artifact claims', () => {
  it('is its own period when it names one, else the period of the unit holding the day it was performed', () => {
    expect(artifactPeriod({ collected: '2028-04-02', period: '2028-Q1' } as ArtifactData, 'month')).toMatchObject({
      start: '2028-01-01',
      end: '2028-03-31',
    });
    expect(
      artifactPeriod({ collected: '2028-04-02', performed: '2028-02-29' } as ArtifactData, 'quarter'),
    ).toMatchObject({ label: '2028-Q1' });
    expect(artifactPeriod({ collected: '2028-04-02' } as ArtifactData, 'month')).toMatchObject({ label: '2028-04' });
  });

  it('predates it when performed before its first day or collected before it was performed', () => {
    const q1 = periodContaining('quarter', '2028-02-01');
    expect(predatesClaim({ collected: '2028-01-01' } as ArtifactData, q1)).toBe(false);
    expect(predatesClaim({ collected: '2027-12-31' } as ArtifactData, q1)).toBe(true);
    expect(predatesClaim({ collected: '2028-04-01', performed: '2027-12-31' } as ArtifactData, q1)).toBe(true);
    expect(predatesClaim({ collected: '2028-04-01', performed: '2028-01-01' } as ArtifactData, q1)).toBe(false);
    expect(predatesClaim({ collected: '2028-01-09', performed: '2028-01-10' } as ArtifactData, q1)).toBe(true);
    expect(predatesClaim({ collected: '2028-01-10', performed: '2028-01-10' } as ArtifactData, q1)).toBe(false);
    expect(predatesClaim({ collected: '2027-12-31' } as ArtifactData, undefined)).toBe(false);
  });

  it('spans the periods of the window it contains whole; an annual or unreadable claim counts as one or none', () => {
    const months = windowPeriods('month', { start: '2028-01-01', end: '2028-06-30' });
    const spanned = (period: ArtifactData['period'], unit: PeriodUnit = 'month') =>
      periodsSpanned({ collected: '2028-07-01', period } as ArtifactData, unit, months);
    expect(spanned('2028-Q1')).toBe(3);
    expect(spanned('2028-H1')).toBe(6);
    expect(spanned({ start: '2028-01-02', end: '2028-03-31' })).toBe(2);
    expect(spanned({ start: '2028-01-01', end: '2028-02-28' })).toBe(1);
    expect(spanned('2028-Q1', 'year')).toBe(1);
    expect(spanned('2028-Q9', 'year')).toBe(0);
    expect(spanned('2028-Q9')).toBe(0);
  });
});

describe("the window's periods", () => {
  it('are the window itself for an annual series, and the periods ending inside it otherwise', () => {
    const window = { start: '2027-03-01', end: '2028-02-29' };
    expect(windowPeriods('year', window)).toEqual([
      { label: '2027-03-01..2028-02-29', start: '2027-03-01', end: '2028-02-29' },
    ]);
    expect(windowPeriods('quarter', window).map((p) => p.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });

  it('are none for a per-event series', () => {
    expect(evidenceTimeline(series('per-event', []), { start: '2028-01-01', end: '2028-12-31' }, '2029-01-01')).toEqual(
      [],
    );
  });
});

describe('an annual occurrence', () => {
  const window = { start: '2027-03-01', end: '2028-02-29' };
  const cell = (performed: string, period: ArtifactData['period'] = { start: '2027-01-01', end: '2027-12-31' }) =>
    onlyCell(series('annual', [artifact(performed, { period })]), window, '2029-01-01');

  it("counts when performed on the window's first or last day, and not the day before or after", () => {
    expect(cell('2027-03-01').state).toBe('present');
    expect(cell('2028-02-29').state).toBe('present');
    expect(cell('2027-02-28').artifacts).toEqual([]);
    expect(cell('2028-03-01').artifacts).toEqual([]);
  });

  it('counts for a period that reaches into the window by one day, and not for one that ends the day before', () => {
    expect(cell('2027-06-01', { start: '2026-03-01', end: '2027-03-01' }).state).toBe('present');
    expect(cell('2027-06-01', { start: '2026-03-01', end: '2027-02-28' }).state).toBe('missing');
    expect(cell('2027-06-01', { start: '2027-06-01', end: '2028-02-29' }).state).toBe('present');
  });

  it('does not count a claim that starts after the window, even when performed inside it', () => {
    // Dated before the period it claims, it would predate its claim; a claimed start after the window is the edge.
    const late = (start: string) =>
      onlyCell(
        series('annual', [{ collected: '2028-03-05', performed: '2028-03-05', period: { start, end: '2028-12-31' } }]),
        { start: '2027-03-05', end: '2028-03-05' },
        '2029-01-01',
      ).state;
    expect(late('2028-03-05')).toBe('present');
    expect(late('2028-03-06')).toBe('missing');
  });

  it('is owed when a control operated on any day of the window, and not otherwise', () => {
    const state = (span: OperatingSpan) => onlyCell(series('annual', []), window, '2029-01-01', span).state;
    expect(state({})).toBe('missing');
    expect(state({ from: '2028-02-29' })).toBe('missing');
    expect(state({ from: '2028-03-01' })).toBe('not-required');
    expect(state({ to: '2027-03-01' })).toBe('missing');
    expect(state({ to: '2027-02-28' })).toBe('not-required');
    expect(state({ from: '2026-01-01', to: '2029-01-01' })).toBe('missing');
  });
});

describe('when an occurrence is owed', () => {
  it('a control in operation on the last day of a period owes it; one implemented the day after does not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...periodic), anyDate, ([frequency, unit], date) => {
        const period = periodContaining(unit, date);
        const state = (span: OperatingSpan) => onlyCell(series(frequency, []), period, '2031-01-01', span).state;
        expect(state({ from: period.end })).toBe('missing');
        expect(state({ from: addDays(period.end, 1) })).toBe('not-required');
        expect(state({ to: period.end })).toBe('missing');
        expect(state({ to: addDays(period.end, -1) })).toBe('not-required');
        expect(state({ from: period.start, to: period.end })).toBe('missing');
      }),
    );
  });
});

describe('disclosed exceptions', () => {
  it('mark a period they share a day with, and not one that ends the day before they begin', () => {
    const window = { start: '2028-01-01', end: '2028-03-31' };
    const states = (period: ExceptionData['period']) =>
      evidenceTimeline(
        series('monthly', [artifact('2028-01-10'), artifact('2028-02-10'), artifact('2028-03-10')], [{ period }]),
        window,
        '2028-12-31',
      ).map((cell) => cell.state);
    expect(states('2028-02')).toEqual(['present', 'exception', 'present']);
    expect(states({ start: '2028-01-31', end: '2028-02-01' })).toEqual(['exception', 'exception', 'present']);
    expect(states({ start: '2028-02-29', end: '2028-03-01' })).toEqual(['present', 'exception', 'exception']);
    expect(states('2028-Q2')).toEqual(['present', 'present', 'present']);
    expect(states('2028-Q9')).toEqual(['present', 'present', 'present']);
  });

  it('are listed by index on the cells they concern', () => {
    const cells = evidenceTimeline(
      series('monthly', [], [{ period: '2028-03' }, { period: '2028-01' }]),
      { start: '2028-01-01', end: '2028-03-31' },
      '2028-12-31',
    );
    expect(cells.map((cell) => cell.exceptions)).toEqual([[1], [], [0]]);
  });
});

describe('the controls behind a series', () => {
  const control = (id: string, data: Record<string, unknown>) => ({ kind: 'control', id, file: `${id}.mdx`, data });
  const evidence = (id: string, controls: string[], frequency: Frequency = 'monthly') => ({
    kind: 'evidence',
    id,
    file: `evidence-index/${id}.mdx`,
    data: { ...series(frequency, []), id, controls },
  });
  const model = (controls: unknown[], evidenceList: unknown[] = [], type = 'II') =>
    ({
      program: { data: { audit: { type, period: { start: '2028-01-01', end: '2028-03-31' } } } },
      controls,
      evidence: evidenceList,
    }) as unknown as ProgramModel;

  it('are the implemented ones, each once', () => {
    const m = model([
      control('A', { status: 'implemented' }),
      control('B', { status: 'planned' }),
      control('C', { status: 'implemented' }),
    ]);
    expect(implementedControlsOf(m, { data: series('monthly', []) }).map((c) => c.id)).toEqual(['C']);
    const data = { ...series('monthly', []), controls: ['A', 'B', 'C', 'A'] };
    expect(implementedControlsOf(m, { data }).map((c) => c.id)).toEqual(['A', 'C']);
  });

  it('are every implemented document of an id written twice', () => {
    const first = control('A', { status: 'implemented' });
    const second = control('A', { status: 'implemented', implemented: '2028-02-01' });
    const data = { ...series('monthly', []), controls: ['A'] };
    expect(implementedControlsOf(model([first, second]), { data })).toEqual([first, second]);
  });

  it('operate from the earliest implemented to the latest retired', () => {
    const span = (...controls: Record<string, unknown>[]) => {
      const ids = controls.map((_, index) => `C${index}`);
      const m = model(controls.map((data, index) => control(ids[index]!, { status: 'implemented', ...data })));
      return operatingSpan(m, { data: { ...series('monthly', []), controls: ids } });
    };
    expect(
      span(
        { implemented: '2028-02-01', retired: '2028-05-01' },
        { implemented: '2028-01-15', retired: '2028-09-30' },
        { implemented: '2028-03-01', retired: '2028-06-30' },
      ),
    ).toEqual({ from: '2028-01-15', to: '2028-09-30' });
    expect(span({ implemented: '2028-02-01' }, { retired: '2028-06-30' })).toEqual({ from: undefined, to: undefined });
    expect(span({ status: 'planned', implemented: '2020-01-01' })).toBeUndefined();
  });

  it('find the series that name a control, each once', () => {
    const first = evidence('EV-1', ['A', 'A', 'B']);
    const second = evidence('EV-2', ['A']);
    const m = model([], [first, second]);
    expect(evidenceOfControl(m, 'A')).toEqual([first, second]);
    expect(evidenceOfControl(m, 'B')).toEqual([first]);
    expect(evidenceOfControl(m, 'Z')).toEqual([]);
  });

  it('give the window of a Type II audit, and none for a Type I', () => {
    expect(auditWindow(model([]))).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(auditWindow(model([], [], 'I'))).toBeUndefined();
    expect(auditWindow({ controls: [], evidence: [] } as unknown as ProgramModel)).toBeUndefined();
  });

  it('decide the timeline the check sees, on each evaluation date', () => {
    const ev = evidence('EV-1', ['A']);
    const m = model([control('A', { status: 'implemented', implemented: '2028-02-01' })], [ev]);
    const window = { start: '2028-01-01', end: '2028-03-31' };
    const states = (asOf: string) => seriesTimeline(m, ev as never, window, asOf).map((cell) => cell.state);
    expect(states('2028-12-31')).toEqual(['not-required', 'missing', 'missing']);
    expect(states('2028-03-10')).toEqual(['not-required', 'not-yet-due', 'not-yet-due']);
    expect(states('2028-03-11')).toEqual(['not-required', 'missing', 'not-yet-due']);
    expect(states('2028-12-31')).toEqual(['not-required', 'missing', 'missing']);
    const planned = model([control('A', { status: 'planned' })], [ev]);
    expect(seriesTimeline(planned, ev as never, window, '2028-12-31').map((cell) => cell.state)).toEqual([
      'not-required',
      'not-required',
      'not-required',
    ]);
  });
});

describe('the latest artifact of a series', () => {
  it('is the one collected last, the first in file order of those collected that day, and none without artifacts', () => {
    const earlier = artifact('2028-02-28') as ArtifactData;
    const latest = artifact('2028-02-29') as ArtifactData;
    const sameDay = artifact('2028-02-29', { location: 'https://example.com/b' }) as ArtifactData;
    expect(latestArtifact({ data: { artifacts: [] } })).toBeUndefined();
    expect(latestArtifact({ data: { artifacts: [earlier, latest, sameDay] } })).toBe(latest);
    expect(latestArtifact({ data: { artifacts: [latest, earlier] } })).toBe(latest);
  });
});
