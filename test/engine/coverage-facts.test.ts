/**
 * Coverage of the criteria, computed straight from a model (no check): on which days of the judged window each
 * criterion was met, held at the edges of `implemented`, `retired`, the window and the evaluation date.
 * validProgram(): window 2026-01-01..2026-06-30, evaluated 2026-07-15, one quarterly control BASE-01 for every
 * security criterion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  coverageByMonth,
  criterionState,
  describeShortfall,
  isInOperation,
  judgedWindow,
  operatingSpan,
  type CriterionCoverage,
} from '../../src/engine/coverage.ts';
import { addDays } from '../../src/engine/dates.ts';
import { buildModel, type ProgramModel } from '../../src/engine/index.ts';
import type { ControlData } from '../../src/schema/index.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const ASOF = '2026-07-15';
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

/** A control as the schema gives it, with only what coverage reads. */
const control = (data: Partial<ControlData>) =>
  ({ id: 'C', data: { status: 'implemented', criteria: [], ...data } }) as never as Parameters<typeof isInOperation>[0];

const withControlDates = (dates: string, files: Files = validProgram()) =>
  edit(files, CONTROL, 'frequency: quarterly', `frequency: quarterly\n${dates}`);

/** A second control for every security criterion, with its own quarterly evidence on time. */
const secondControl = (dates: string, files: Files = validProgram()): Files => {
  const valid = validProgram();
  return {
    ...files,
    'content/controls/BASE-02.mdx': valid[CONTROL]!.replace('id: BASE-01', 'id: BASE-02').replace(
      'frequency: quarterly',
      `frequency: quarterly\n${dates}`,
    ),
    'evidence-index/EV-BASE-02.mdx': valid[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-BASE-02').replace(
      'controls: [BASE-01]',
      'controls: [BASE-02]',
    ),
  };
};

/** BASE-01 deviated in a quarter: with two occurrences and a sample of two, it did not operate effectively. */
const ineffective = (files: Files = validProgram(), quarter = '2026-Q1') =>
  edit(
    files,
    EVIDENCE,
    '---\n\nExported',
    `exceptions:\n  - { period: ${quarter}, description: "The review did not run.", disclosed: 2026-07-05, response: "Run it now." }\n---\n\nExported`,
  );

const withScope = (scope: string, files: Files = validProgram()) => edit(files, PROGRAM, 'scope: [security]', scope);

const typeOne = (files: Files = validProgram()) =>
  edit(files, PROGRAM, 'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }', 'type: I\n  date: 2026-06-30');

/** The coverage of one criterion (CC1.1 unless said) as of a date. */
function criterion(files: Files, asOf = ASOF, id = 'CC1.1'): CriterionCoverage {
  const model = modelOf(files);
  return computeCoverage(model, asOf)
    .flatMap((category) => category.criteria)
    .find((entry) => entry.criterion.id === id)!;
}

const idsOf = (entry: CriterionCoverage) => ({
  controls: entry.controls.map((c) => c.id),
  ineffective: entry.ineffective.map((c) => c.id),
  gaps: entry.gaps,
  unmet: entry.unmet,
  state: criterionState(entry),
});

const months = (files: Files, asOf = ASOF, id = 'CC1.1') => {
  const model = modelOf(files);
  const entry = computeCoverage(model, asOf)
    .flatMap((category) => category.criteria)
    .find((candidate) => candidate.criterion.id === id)!;
  return coverageByMonth(model, asOf, entry).map((month) => `${month.month} ${month.state}`);
};

describe('a control in operation on a date', () => {
  it('is in operation from its implementation day through its retirement day', () => {
    const dated = control({ implemented: '2026-03-10', retired: '2026-05-20' });
    expect(isInOperation(dated, '2026-03-09')).toBe(false);
    expect(isInOperation(dated, '2026-03-10')).toBe(true);
    expect(isInOperation(dated, '2026-05-20')).toBe(true);
    expect(isInOperation(dated, '2026-05-21')).toBe(false);
    expect(isInOperation(control({}), '2026-05-21')).toBe(true);
  });

  it('is in operation only when implemented, dated or not', () => {
    expect(isInOperation(control({ status: 'planned' }), '2026-05-21')).toBe(false);
    expect(isInOperation(control({ status: 'planned' }), undefined)).toBe(false);
    expect(isInOperation(control({ status: 'not-applicable' }), undefined)).toBe(false);
    expect(isInOperation(control({ implemented: '2027-01-01', retired: '2025-01-01' }), undefined)).toBe(true);
  });

  it('operates on the days of a span between its implementation and retirement, both included', () => {
    expect(operatingSpan(control({}), WINDOW)).toEqual(WINDOW);
    expect(operatingSpan(control({ implemented: '2026-01-02', retired: '2026-06-29' }), WINDOW)).toEqual({
      start: '2026-01-02',
      end: '2026-06-29',
    });
    expect(operatingSpan(control({ implemented: '2025-01-02', retired: '2027-06-29' }), WINDOW)).toEqual(WINDOW);
    expect(operatingSpan(control({ implemented: '2026-06-30' }), WINDOW)).toEqual({
      start: '2026-06-30',
      end: '2026-06-30',
    });
    expect(operatingSpan(control({ implemented: '2026-07-01' }), WINDOW)).toBeUndefined();
    expect(operatingSpan(control({ retired: '2025-12-31' }), WINDOW)).toBeUndefined();
    expect(operatingSpan(control({ status: 'planned' }), WINDOW)).toBeUndefined();
  });
});

describe('the judged window', () => {
  it('runs from the window start to the evaluation date while the window runs, and to its end after', () => {
    const model = modelOf(validProgram());
    expect(judgedWindow(model, '2025-12-31')).toBeUndefined();
    expect(judgedWindow(model, '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-01-01' });
    expect(judgedWindow(model, '2026-03-15')).toEqual({ start: '2026-01-01', end: '2026-03-15' });
    expect(judgedWindow(model, '2026-06-30')).toEqual(WINDOW);
    expect(judgedWindow(model, '2026-07-01')).toEqual(WINDOW);
  });

  it('does not exist for a Type I audit', () => {
    expect(judgedWindow(modelOf(typeOne()), ASOF)).toBeUndefined();
  });
});

describe('a criterion over the window', () => {
  it('is met by a control in operation and effective every day of it', () => {
    expect(idsOf(criterion(validProgram()))).toEqual({
      controls: ['BASE-01'],
      ineffective: [],
      gaps: [],
      unmet: [],
      state: 'met',
    });
    const model = modelOf(validProgram());
    expect(computeCoverage(model, ASOF)).toEqual([
      expect.objectContaining({ category: 'security', covered: 33, total: 33 }),
    ]);
  });

  it('has a gap before the day its only control was implemented, and none when it was implemented on the first day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 181 }), (offset) => {
        const implemented = addDays(WINDOW.start, offset);
        const entry = criterion(withControlDates(`implemented: ${implemented}`));
        if (offset <= 0) expect(idsOf(entry)).toMatchObject({ controls: ['BASE-01'], gaps: [], state: 'met' });
        else if (implemented > WINDOW.end)
          expect(idsOf(entry)).toMatchObject({ controls: [], gaps: [], state: 'not met' });
        else
          expect(idsOf(entry)).toMatchObject({
            controls: ['BASE-01'],
            gaps: [{ start: WINDOW.start, end: addDays(implemented, -1) }],
            state: 'partly met',
          });
      }),
      { numRuns: 40, examples: [[0], [1], [180], [181], [-1]] },
    );
  });

  it('has a gap after the day its only control was retired, and none when it was retired on the last day or after', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 15 }), (offset) => {
        const retired = addDays(WINDOW.end, -offset);
        const entry = criterion(withControlDates(`retired: ${retired}`));
        if (offset <= 0) expect(idsOf(entry)).toMatchObject({ controls: ['BASE-01'], gaps: [], state: 'met' });
        else
          expect(idsOf(entry)).toMatchObject({
            controls: ['BASE-01'],
            gaps: [{ start: addDays(retired, 1), end: WINDOW.end }],
            state: 'partly met',
          });
      }),
      { numRuns: 20, examples: [[0], [1], [-1]] },
    );
  });

  it('is judged only up to the evaluation date while the window runs', () => {
    const files = withControlDates('implemented: 2026-02-01');
    expect(idsOf(criterion(files, '2026-03-15'))).toMatchObject({
      gaps: [{ start: '2026-01-01', end: '2026-01-31' }],
      state: 'partly met',
    });
    expect(idsOf(criterion(withControlDates('implemented: 2026-03-16'), '2026-03-15'))).toMatchObject({
      controls: [],
      state: 'not met',
    });
    expect(idsOf(criterion(withControlDates('implemented: 2026-03-15'), '2026-03-15'))).toMatchObject({
      controls: ['BASE-01'],
      gaps: [{ start: '2026-01-01', end: '2026-03-14' }],
    });
  });

  it('is not met on the days its only control operated ineffectively, and is met where another operated effectively', () => {
    expect(idsOf(criterion(ineffective()))).toEqual({
      controls: ['BASE-01'],
      ineffective: ['BASE-01'],
      gaps: [],
      unmet: [WINDOW],
      state: 'not met',
    });
    expect(idsOf(criterion(secondControl('implemented: 2026-04-01', ineffective())))).toEqual({
      controls: ['BASE-01', 'BASE-02'],
      ineffective: ['BASE-01'],
      gaps: [],
      unmet: [{ start: '2026-01-01', end: '2026-03-31' }],
      state: 'partly met',
    });
    expect(idsOf(criterion(secondControl('', ineffective())))).toMatchObject({
      ineffective: ['BASE-01'],
      unmet: [],
      state: 'met',
    });
  });

  it('counts the days no control operated as a gap, not as unmet', () => {
    expect(idsOf(criterion(ineffective(withControlDates('implemented: 2026-02-01'))))).toMatchObject({
      gaps: [{ start: '2026-01-01', end: '2026-01-31' }],
      unmet: [{ start: '2026-02-01', end: '2026-06-30' }],
      state: 'not met',
    });
    // BASE-02 effective until 2026-01-31, nothing until 2026-03-14, then BASE-01, which deviated in Q2.
    const handOver = secondControl(
      'retired: 2026-01-31',
      ineffective(withControlDates('implemented: 2026-03-15'), '2026-Q2'),
    );
    expect(idsOf(criterion(handOver))).toEqual({
      controls: ['BASE-01', 'BASE-02'],
      ineffective: ['BASE-01'],
      gaps: [{ start: '2026-02-01', end: '2026-03-14' }],
      unmet: [{ start: '2026-03-15', end: '2026-06-30' }],
      state: 'partly met',
    });
  });

  it('has neither gaps nor unmet days without any control, and is not met', () => {
    expect(idsOf(criterion(withScope('scope: [security, availability]'), ASOF, 'A1.1'))).toEqual({
      controls: [],
      ineffective: [],
      gaps: [],
      unmet: [],
      state: 'not met',
    });
  });
});

describe('a criterion judged on the evaluation date alone', () => {
  it('before the window opens, counts the controls in operation that day', () => {
    expect(idsOf(criterion(withControlDates('implemented: 2025-12-20'), '2025-12-20'))).toMatchObject({
      controls: ['BASE-01'],
      gaps: [],
      unmet: [],
      state: 'met',
    });
    expect(idsOf(criterion(withControlDates('implemented: 2025-12-21'), '2025-12-20'))).toMatchObject({
      controls: [],
      state: 'not met',
    });
  });

  it('for a Type I audit, counts the controls in operation on the evaluation date', () => {
    expect(idsOf(criterion(typeOne(withControlDates('implemented: 2026-07-15'))))).toMatchObject({
      controls: ['BASE-01'],
      gaps: [],
      state: 'met',
    });
    expect(idsOf(criterion(typeOne(withControlDates('retired: 2026-07-14'))))).toMatchObject({
      controls: [],
      gaps: [],
      state: 'not met',
    });
  });
});

describe('excluded criteria', () => {
  const excluding = (ids: string[]) =>
    withScope(
      `scope: [security, availability]\nexcluded_criteria:\n${ids.map((id) => `  - { id: ${id}, reason: "No availability commitments." }\n`).join('')}`,
    );

  it('count as covered unless the whole category is excluded', () => {
    const one = computeCoverage(modelOf(excluding(['A1.1'])), ASOF)[1]!;
    expect(one).toMatchObject({ category: 'availability', covered: 1, total: 3 });
    expect(one.criteria.map((entry) => [entry.criterion.id, criterionState(entry), entry.exclusion])).toEqual([
      ['A1.1', 'excluded', 'No availability commitments.'],
      ['A1.2', 'not met', undefined],
      ['A1.3', 'not met', undefined],
    ]);
    expect(computeCoverage(modelOf(excluding(['A1.1', 'A1.2', 'A1.3'])), ASOF)[1]).toMatchObject({
      covered: 0,
      total: 3,
    });
  });

  it('stay excluded when the controls addressing them did not operate effectively', () => {
    const files = ineffective(
      edit(excluding(['CC1.1']), 'content/program.yaml', 'scope: [security, availability]', 'scope: [security]'),
    );
    const entry = criterion(files);
    expect(entry).toMatchObject({ exclusion: 'No availability commitments.' });
    expect(criterionState(entry)).toBe('excluded');
    expect(criterionState(criterion(ineffective()))).toBe('not met');
  });
});

describe('the state of a criterion', () => {
  const day = { start: '2026-03-01', end: '2026-03-01' };

  it('is met, partly met, not met or excluded by its controls, gaps and unmet days', () => {
    // Worked out inside the test: coverage computed while the file loads would make its mutants static.
    const base = criterion(validProgram());
    const entry = (over: Partial<CriterionCoverage>): CriterionCoverage => ({ ...base, ...over });
    expect(criterionState(entry({}))).toBe('met');
    expect(criterionState(entry({ gaps: [day] }))).toBe('partly met');
    expect(criterionState(entry({ unmet: [day] }))).toBe('partly met');
    expect(criterionState(entry({ controls: [] }))).toBe('not met');
    expect(criterionState(entry({ ineffective: base.controls }))).toBe('not met');
    expect(criterionState(entry({ controls: [], exclusion: 'n/a here' }))).toBe('excluded');
    expect(criterionState(entry({ ineffective: base.controls, exclusion: 'n/a here' }))).toBe('excluded');
    expect(criterionState(entry({ exclusion: 'n/a here' }))).toBe('met');
    expect(criterionState(entry({ exclusion: 'n/a here', gaps: [day] }))).toBe('partly met');
  });
});

describe('coverage worked out once per model and date', () => {
  it('answers for each evaluation date, and the same answer again for the same date', () => {
    const model = modelOf(withControlDates('implemented: 2026-02-01'));
    const running = computeCoverage(model, '2026-01-15');
    const after = computeCoverage(model, ASOF);
    expect(after[0]!.criteria[0]!.gaps).toEqual([{ start: '2026-01-01', end: '2026-01-31' }]);
    expect(running[0]!.criteria[0]!.controls).toEqual([]);
    expect(computeCoverage(model, '2026-01-15')).toBe(running);
    expect(computeCoverage(model, ASOF)).toBe(after);
  });

  it('is empty without a program', () => {
    expect(computeCoverage(modelOf(without(validProgram(), PROGRAM)), ASOF)).toEqual([]);
  });
});

describe('a criterion month by month', () => {
  it('is met, not met, or not yet, month by month up to the evaluation date', () => {
    expect(months(withControlDates('implemented: 2026-02-01'), '2026-03-15')).toEqual([
      '2026-01 not met',
      '2026-02 met',
      '2026-03 met',
      '2026-04 not yet',
      '2026-05 not yet',
      '2026-06 not yet',
    ]);
    expect(months(withControlDates('implemented: 2026-02-01'), '2026-03-31')).toContain('2026-03 met');
    expect(months(withControlDates('implemented: 2026-02-01'), '2026-04-01')).toContain('2026-04 met');
  });

  it('is partly met in a month with a single day uncovered, at its start or its end', () => {
    expect(months(withControlDates('implemented: 2026-04-02'))).toEqual([
      '2026-01 not met',
      '2026-02 not met',
      '2026-03 not met',
      '2026-04 partly met',
      '2026-05 met',
      '2026-06 met',
    ]);
    expect(months(withControlDates('retired: 2026-05-30'))).toEqual([
      '2026-01 met',
      '2026-02 met',
      '2026-03 met',
      '2026-04 met',
      '2026-05 partly met',
      '2026-06 not met',
    ]);
  });

  it('is not met in every month when no control operated effectively, and unmet days count as missing', () => {
    expect(months(ineffective())).toEqual([
      '2026-01 not met',
      '2026-02 not met',
      '2026-03 not met',
      '2026-04 not met',
      '2026-05 not met',
      '2026-06 not met',
    ]);
    expect(months(secondControl('implemented: 2026-04-16', ineffective()))).toEqual([
      '2026-01 not met',
      '2026-02 not met',
      '2026-03 not met',
      '2026-04 partly met',
      '2026-05 met',
      '2026-06 met',
    ]);
  });

  it('leaves an excluded criterion partly met, never not met, in a month no control covered', () => {
    const files = edit(
      withControlDates('implemented: 2026-04-01'),
      PROGRAM,
      'scope: [security]',
      'scope: [security]\nexcluded_criteria:\n  - { id: CC1.1, reason: "Covered elsewhere." }',
    );
    expect(months(files)).toEqual([
      '2026-01 partly met',
      '2026-02 partly met',
      '2026-03 partly met',
      '2026-04 met',
      '2026-05 met',
      '2026-06 met',
    ]);
    const allIneffective = ineffective(
      edit(
        validProgram(),
        PROGRAM,
        'scope: [security]',
        'scope: [security]\nexcluded_criteria:\n  - { id: CC1.1, reason: "Covered elsewhere." }',
      ),
    );
    expect(months(allIneffective)).toEqual(Array.from({ length: 6 }, (_, i) => `2026-0${i + 1} partly met`));
  });

  it('covers a window that starts mid-month and ends on a month’s first day, across a leap day', () => {
    const files = edit(
      edit(
        withControlDates('implemented: 2028-02-29'),
        PROGRAM,
        'start: 2026-01-01, end: 2026-06-30',
        'start: 2028-01-15, end: 2028-03-01',
      ),
      PROGRAM,
      'as_of: 2026-07-15',
      'as_of: 2028-07-15',
    );
    expect(months(files, '2028-07-15')).toEqual(['2028-01 not met', '2028-02 partly met', '2028-03 met']);
    expect(months(files, '2028-02-29')).toEqual(['2028-01 not met', '2028-02 partly met', '2028-03 not yet']);
    expect(months(files, '2028-02-28')).toEqual(['2028-01 not met', '2028-02 not met', '2028-03 not yet']);
  });

  it('is empty for a Type I audit and before the window opens', () => {
    expect(months(typeOne())).toEqual([]);
    expect(months(validProgram(), '2025-12-31')).toEqual([]);
  });
});

describe('the shortfall in words', () => {
  it('names the gaps and the controls that did not operate effectively, and nothing when the criterion is met', () => {
    expect(describeShortfall(criterion(validProgram()))).toBeUndefined();
    expect(describeShortfall(criterion(ineffective(withControlDates('implemented: 2026-01-02'))))).toBe(
      'no control in operation on 2026-01-01; BASE-01 did not operate effectively from 2026-01-02 to 2026-06-30',
    );
    const both = criterion(ineffective());
    const two = { ...both, ineffective: [...both.ineffective, { id: 'BASE-02' }] } as CriterionCoverage;
    expect(describeShortfall(two)).toBe('BASE-01, BASE-02 did not operate effectively from 2026-01-01 to 2026-06-30');
  });
});
