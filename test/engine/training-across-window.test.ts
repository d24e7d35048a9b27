/**
 * Training throughout the window (TB526) called on its own: lapses closed the day before, on and after the day
 * training fell due, leavers at the window's edges, and new hires whose late first training is TB507's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import { trainedSpans, trainingAcrossWindowRule } from '../../src/engine/rules/training-across-window.ts';
import {
  exceptionsSeries,
  PEOPLE,
  peopleYaml,
  programYaml,
  ruleContext,
  smallModel,
} from '../helpers/small-program.ts';

function run(staff: string[], asOf = '2026-07-15', files: Record<string, string> = {}) {
  return trainingAcrossWindowRule(smallModel({ [PEOPLE]: peopleYaml(staff), ...files }), ruleContext(asOf));
}

const messages = (staff: string[], asOf?: string) => run(staff, asOf).map((d) => d.message);

/** On staff since 2024, trained on the days given. */
const veteran = (trainings: string, extra = '') =>
  `{ id: ada, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [${trainings}]${extra} }`;

describe('the days a person counts as trained', () => {
  it('are the thirty days from joining, then a year from each training', () => {
    expect(trainedSpans({ hired: '2026-01-31', trainings: ['2026-02-15', '2024-02-29'] })).toEqual([
      { start: '2026-01-31', end: '2026-03-01' },
      { start: '2026-02-15', end: '2027-02-14' },
      { start: '2024-02-29', end: '2025-02-27' },
    ]);
  });
});

/** The last day of the small program's Type II window. */
const WINDOW_END = '2026-06-30';

describe('a lapse in training during the window (TB526)', () => {
  it('is none for a training on the day the last one ran out, and one day for a training the day after', () => {
    expect(run([veteran('2025-02-01, 2026-02-01')])).toEqual([]);
    expect(messages([veteran('2025-02-01, 2026-02-02')])).toEqual([
      'ada went without current security training on 2026-02-01, while employed in the audit window',
    ]);
  });

  it('names the days it lasted, and the line of the trainings', () => {
    const found = run([
      '{ id: bo, role: engineer, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01, 2026-02-01] }',
      veteran('2025-02-01, 2026-03-15'),
    ]);
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'TB526',
        file: PEOPLE,
        line: 5,
        subject: { kind: 'person', id: 'ada' },
        message:
          'ada went without current security training from 2026-02-01 to 2026-03-14, while employed in the audit window',
        hint: 'Training is due within the grace days of joining and then every year: a lapse in the window is a deviation even if a later training closed it. Disclose it as an exception (`sample:` the person’s id) of the series that evidences training, or record the training date that is missing.',
      },
    ]);
  });

  it('is TB507’s while still open on someone on staff, and TB526’s once a training closed it', () => {
    expect(run([veteran('2025-02-01')])).toEqual([]);
    expect(messages([veteran('2025-02-01, 2026-07-15')])).toEqual([
      'ada went without current security training from 2026-02-01 to 2026-06-30, while employed in the audit window',
    ]);
  });

  it('is judged up to the evaluation date while the window runs', () => {
    expect(messages([veteran('2025-02-01, 2026-02-10')], '2026-02-10')).toEqual([
      'ada went without current security training from 2026-02-01 to 2026-02-09, while employed in the audit window',
    ]);
  });

  it('lasted until a leaver’s last day: none when they left on the last day trained, one day when the day after', () => {
    expect(run([veteran('2025-02-01', ', left: 2026-01-31, access_removed: 2026-01-31')])).toEqual([]);
    expect(messages([veteran('2025-02-01', ', left: 2026-02-01, access_removed: 2026-02-01')])).toEqual([
      'ada went without current security training on 2026-02-01, while employed in the audit window',
    ]);
  });

  it('points at the hire date of someone never trained', () => {
    const found = run([
      '{ id: ada, role: engineer,\n      hired: 2025-11-01,\n      background_check: 2025-10-01,\n      left: 2026-01-05, access_removed: 2026-01-05 }',
    ]);
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [
        5,
        'ada went without current security training from 2026-01-01 to 2026-01-05, while employed in the audit window',
      ],
    ]);
  });

  it('is a new hire’s late first training for TB507, but a later lapse is TB526’s', () => {
    const hire = (trainings: string) =>
      `{ id: ada, role: engineer, hired: 2026-01-01, background_check: 2025-12-01, trainings: [${trainings}] }`;
    // First due 2026-01-31, trained 2026-02-05: TB507 reports it.
    expect(run([hire('2026-02-05')])).toEqual([]);
    // Hired the day before the window, the same lapse is tested here.
    const before = `{ id: ada, role: engineer, hired: 2025-12-31, background_check: 2025-12-01, trainings: [2026-02-05] }`;
    expect(messages([before])).toEqual([
      'ada went without current security training from 2026-01-30 to 2026-02-04, while employed in the audit window',
    ]);
    // A new hire trained before joining, whose training then ran out in the window: not TB507's.
    const trainedBefore = `{ id: ada, role: engineer, hired: 2026-01-01, background_check: 2025-12-01, trainings: [2025-03-01, 2026-03-10] }`;
    expect(messages([trainedBefore])).toEqual([
      'ada went without current security training from 2026-03-01 to 2026-03-09, while employed in the audit window',
    ]);
    // Nor is one of someone on staff before the window.
    const lapsedLater = `{ id: ada, role: engineer, hired: 2025-01-10, background_check: 2025-01-01, trainings: [2025-01-20, 2026-03-01] }`;
    expect(messages([lapsedLater])).toEqual([
      'ada went without current security training from 2026-01-20 to 2026-02-28, while employed in the audit window',
    ]);
  });

  it('is not tested for someone who left before the window or joins after the evaluation date', () => {
    expect(run([veteran('2025-02-01', ', left: 2025-12-31, access_removed: 2025-12-31')])).toEqual([]);
    expect(run(['{ id: ada, role: engineer, hired: 2026-07-16, background_check: 2026-07-01 }'])).toEqual([]);
  });

  it('is not tested without a Type II window, or before it opens', () => {
    const typeOne = { 'content/program.yaml': programYaml('', 'type: I\n  date: 2026-06-30') };
    expect(run([veteran('2025-02-01, 2026-03-15')], '2026-07-15', typeOne)).toEqual([]);
    expect(run([veteran('2024-02-01, 2025-12-15')], '2025-12-31')).toEqual([]);
    expect(trainingAcrossWindowRule(smallModel({}), ruleContext('2026-07-15'))).toEqual([]);
  });

  it('is a warning once disclosed as an exception about the person, and nothing once remediated', () => {
    const staff = [veteran('2025-02-01, 2026-03-15')];
    const disclosed = run(staff, '2026-07-15', {
      'evidence-index/EV-TR.mdx': exceptionsSeries('EV-TR', [['ada']]),
    });
    expect(disclosed.map((d) => d.severity)).toEqual(['warning']);
    const remediated = run(staff, '2026-07-15', {
      'evidence-index/EV-TR.mdx': exceptionsSeries('EV-TR', [['ada', '2026-04-01']]),
    });
    expect(remediated).toEqual([]);
  });

  it('exists exactly when the next training came more than a year after the last (property)', () => {
    const lastDay = fc
      .integer({ min: toDayNumber('2025-01-02'), max: toDayNumber('2025-06-30') })
      .map((day) => fromDayNumber(day));
    fc.assert(
      fc.property(lastDay, fc.integer({ min: -5, max: 5 }), (last, offset) => {
        const due = addMonths(last, 12);
        const next = addDays(due, offset);
        const found = run([veteran(`${last}, ${next}`)]);
        expect(found.length).toBe(offset > 0 ? 1 : 0);
        // The lapse runs from the day training fell due to the day before the next, cut at the window's end.
        const lapseEnd = [addDays(next, -1), WINDOW_END].sort()[0]!;
        if (offset > 0) {
          expect(found[0]!.message).toContain(lapseEnd === due ? `on ${due},` : `from ${due} to ${lapseEnd},`);
        }
      }),
      {
        numRuns: 200,
        examples: [
          ['2025-06-30', 2],
          ['2025-06-30', 1],
          ['2025-01-02', 5],
        ],
      },
    );
  });
});
