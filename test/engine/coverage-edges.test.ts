/**
 * Coverage at the edges coverage-facts.test.ts leaves open: the answer the frameworks' coverage shares (the
 * controls in operation, worked out once per model and date, and their spans when only the evaluation date is
 * judged), and the first month of the window when only its first day goes uncovered.
 * validProgram(): window 2026-01-01..2026-06-30, evaluated 2026-07-15, one quarterly control BASE-01.
 */
import { describe, expect, it } from 'vitest';
import { computeCoverage, controlsInOperation, coverageByMonth } from '../../src/engine/coverage.ts';
import { buildModel, type ProgramModel } from '../../src/engine/index.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const ASOF = '2026-07-15';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

const withControlDates = (dates: string, files: Files = validProgram()) =>
  edit(files, CONTROL, 'frequency: quarterly', `frequency: quarterly\n${dates}`);

const typeOne = (files: Files = validProgram()) =>
  edit(files, PROGRAM, 'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }', 'type: I\n  date: 2026-06-30');

/** CC1.1 month by month. */
function months(files: Files, asOf = ASOF): string[] {
  const model = modelOf(files);
  const entry = computeCoverage(model, asOf)[0]!.criteria.find((candidate) => candidate.criterion.id === 'CC1.1')!;
  return coverageByMonth(model, asOf, entry).map((month) => `${month.month} ${month.state}`);
}

describe('the controls in operation', () => {
  it('are worked out once per model and date: the same answer again for the same date, another for another date', () => {
    const model = modelOf(validProgram());
    const after = controlsInOperation(model, ASOF);
    expect(controlsInOperation(model, ASOF)).toBe(after);
    const running = controlsInOperation(model, '2026-03-15');
    expect(running).not.toBe(after);
    expect(running.judged).toEqual({ start: '2026-01-01', end: '2026-03-15' });
    expect(controlsInOperation(model, '2026-03-15')).toBe(running);
  });

  it('span the evaluation date alone for a Type I audit, with none judged ineffective', () => {
    const model = modelOf(typeOne());
    const found = controlsInOperation(model, ASOF);
    expect(found.judged).toBeUndefined();
    expect(found.operating.map((control) => control.id)).toEqual(['BASE-01']);
    expect(found.spans.get(found.operating[0]!)).toEqual({ start: ASOF, end: ASOF });
    expect(found.ineffective.size).toBe(0);
  });

  it('span the evaluation date alone before the window opens, from the day a control is implemented', () => {
    const found = controlsInOperation(modelOf(withControlDates('implemented: 2025-12-20')), '2025-12-20');
    expect(found.judged).toBeUndefined();
    expect([...found.spans.values()]).toEqual([{ start: '2025-12-20', end: '2025-12-20' }]);
    expect(controlsInOperation(modelOf(withControlDates('implemented: 2025-12-21')), '2025-12-20').operating).toEqual(
      [],
    );
  });
});

describe('the first month of the window', () => {
  it('is met when the only control was implemented on the window’s first day', () => {
    expect(months(withControlDates('implemented: 2026-01-01'))[0]).toBe('2026-01 met');
  });

  it('is partly met when the only control was implemented on the second day: the first day alone is a gap', () => {
    expect(months(withControlDates('implemented: 2026-01-02'))[0]).toBe('2026-01 partly met');
  });

  it('is partly met when a window starting mid-month misses its own first day, and met when it does not', () => {
    const midJanuary = (implemented: string) =>
      edit(
        withControlDates(`implemented: ${implemented}`),
        PROGRAM,
        'start: 2026-01-01, end: 2026-06-30',
        'start: 2026-01-15, end: 2026-06-30',
      );
    expect(months(midJanuary('2026-01-16'))[0]).toBe('2026-01 partly met');
    expect(months(midJanuary('2026-01-15'))[0]).toBe('2026-01 met');
  });
});
