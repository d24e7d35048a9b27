/**
 * TB620 at its edges, calling the rule on a small program: which controls and series it asks about, the finding
 * it gives (severity, line, wording), and every boundary of an occurrence being shown, excused or not yet due:
 * an export made on the occurrence's last day or the day before, exports of adjacent periods or a day apart, an
 * exception sharing one day with the occurrence or none, the day a collection falls due and the day after, and a
 * control implemented or retired on an occurrence's last day. The date edges hold over every month of the window
 * and the leap year's February (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { controlOccurrencesRule, overlaps } from '../../src/engine/rules/control-occurrences.ts';
import { periodContaining } from '../../src/engine/periods.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';

const NOTE = 'frequency_note: "Each export lists every run of its period."\n';

/** A control at `frequency`, with `extra` front-matter lines (`implemented: …`). */
const control = (id: string, frequency: string, extra = '') => `---
id: ${id}
title: ${id} review
criteria: [CC7.2]
owner: engineer
frequency: ${frequency}
${extra}---

Reviewed.
`;

/** An evidence series of `controls` at `frequency`, with `extra` lines (the note, exceptions) after its artifacts. */
const series = (id: string, controls: string, frequency: string, artifacts: string[], extra = NOTE) =>
  `---
id: ${id}
title: ${id} exports
controls: [${controls}]
owner: engineer
frequency: ${frequency}
artifacts:
${artifacts.map((artifact) => `  - ${artifact}\n`).join('') || '  []\n'}${extra}---

Exported.
`.replace('artifacts:\n  []\n', 'artifacts: []\n');

/** An export made on `collected`, claiming `period` when given. */
const made = (collected: string, period?: string, more = '') =>
  `{ collected: ${collected}${period ? `, period: ${period}` : ''}, location: "https://docs.test.example/${collected}.csv"${more} }`;

/** A monthly export of each month given, made on the third of the next month. */
const monthly = (months: string[]) =>
  months.map((month) => made(addDays(periodContaining('month', `${month}-01`).end, 3), month));

const HALF = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
/** The window's months and December before it (2026-W01 starts on 2025-12-29; December is not needed for it). */
const WEEKS = ['2025-12', ...HALF];

interface Program {
  controls: Record<string, string>;
  series: Record<string, string>;
  program?: string;
}

function run(
  { controls, series: evidence, program }: Program,
  asOf = '2026-07-15',
  context: Partial<RuleContext> = {},
) {
  const files: Record<string, string> = {};
  for (const [id, text] of Object.entries(controls)) files[`content/controls/${id}.mdx`] = text;
  for (const [id, text] of Object.entries(evidence)) files[`evidence-index/${id}.mdx`] = text;
  if (program) files['content/program.yaml'] = program;
  return controlOccurrencesRule(smallModel(files), ruleContext(asOf, context));
}

/** One control CTL-01 at `frequency` with one noted series EV-01 at `filed`. */
const single = (frequency: string, filed: string, artifacts: string[], controlExtra = '', seriesExtra = NOTE) => ({
  controls: { 'CTL-01': control('CTL-01', frequency, controlExtra) },
  series: { 'EV-01': series('EV-01', 'CTL-01', filed, artifacts, seriesExtra) },
});

/** The periods each finding lists, by control. */
const unshown = (found: Diagnostic[]) => found.map((d) => d.message.replace(/^(\S+) runs .*: /, '$1: '));

/** Quarterly exports of a monthly control: Q1's made on `q1` (no period: it claims the quarter it was made in). */
const quarterly = (q1: string) => [made(q1), made('2026-07-03', '2026-Q2')];

describe('the controls and series TB620 asks about', () => {
  it('reports a monthly control whose quarterly export was made mid-quarter', () => {
    expect(unshown(run(single('monthly', 'quarterly', quarterly('2026-02-10'))))).toEqual(['CTL-01: 2026-02, 2026-03']);
  });

  it('asks nothing without a Type II window', () => {
    const program = programYaml('', 'type: I\n  date: 2026-06-30');
    expect(run({ ...single('monthly', 'quarterly', quarterly('2026-02-10')), program })).toEqual([]);
  });

  it('asks nothing of a planned control, though a series it shares with an implemented one is required', () => {
    const found = run({
      controls: {
        'CTL-01': control('CTL-01', 'monthly', 'status: planned\n'),
        'CTL-02': control('CTL-02', 'monthly'),
      },
      series: { 'EV-01': series('EV-01', 'CTL-01, CTL-02', 'quarterly', quarterly('2026-02-10')) },
    });
    expect(unshown(found)).toEqual(['CTL-02: 2026-02, 2026-03']);
  });

  it('asks nothing of a per-event control, nor of a series filed per event', () => {
    expect(run(single('per-event', 'quarterly', quarterly('2026-02-10')))).toEqual([]);
    expect(run(single('monthly', 'per-event', [made('2026-02-10')]))).toEqual([]);
  });

  it('asks nothing when another series is frequent enough, or no series carries a note', () => {
    const enough = run({
      controls: { 'CTL-01': control('CTL-01', 'monthly') },
      series: {
        'EV-01': series('EV-01', 'CTL-01', 'quarterly', quarterly('2026-02-10')),
        // Frequent enough, though it holds nothing yet (TB601 reports its months): the note is not needed.
        'EV-02': series('EV-02', 'CTL-01', 'monthly', [], ''),
      },
    });
    expect(enough).toEqual([]);
    expect(run(single('monthly', 'quarterly', quarterly('2026-02-10'), '', ''))).toEqual([]);
  });
});

describe('the finding', () => {
  it('is an error at the note of the noted series, naming every series of the control', () => {
    const found = run({
      controls: { 'CTL-01': control('CTL-01', 'monthly') },
      series: {
        'EV-01': series('EV-01', 'CTL-01', 'quarterly', [made('2026-07-03', '2026-Q2')], ''),
        'EV-02': series('EV-02', 'CTL-01', 'quarterly', quarterly('2026-02-10')),
      },
    });
    expect(found).toEqual([
      {
        code: 'TB620',
        severity: 'error',
        file: 'evidence-index/EV-02.mdx',
        line: 10,
        subject: { kind: 'evidence', id: 'EV-02' },
        message:
          'CTL-01 runs monthly, but no artifact of EV-01, EV-02 records 2 of its occurrences in the window: 2026-02, 2026-03',
        hint: expect.stringMatching(
          /^The `frequency_note` explains evidence filed quarterly; .* \(every monthly run in it\)/,
        ),
      },
    ]);
  });

  it('is a deferred warning in readiness', () => {
    const [found] = run(single('monthly', 'quarterly', quarterly('2026-02-10')), '2026-07-15', { readiness: true });
    expect(found).toMatchObject({ severity: 'warning', deferred: true });
  });

  it('asks for the days of the first week inside the window only: no export of the December before it', () => {
    // 2026-W01 runs from 29 December 2025 to 4 January 2026; the window opens on 1 January.
    expect(run(single('weekly', 'monthly', monthly(HALF)))).toEqual([]);
    // January's export made on the 3rd records the window's days of week 1 (1 to 3 January) but not the 4th.
    const third = monthly(HALF).with(0, made('2026-01-03', '2026-01'));
    expect(unshown(run(single('weekly', 'monthly', third)))).toEqual([
      'CTL-01: 2026-W01, 2026-W02, 2026-W03, 2026-W04 and 1 more',
    ]);
    // A control implemented before the window is asked for week 1 from the window's first day, not from then.
    expect(run(single('weekly', 'monthly', monthly(HALF), 'implemented: 2025-06-01\n'))).toEqual([]);
    // Likewise a control implemented on Sunday 1 February: week 5 (from 26 January) is asked for from that day,
    // which February's export records; no January export is needed.
    const february = single('weekly', 'monthly', monthly(HALF.slice(1)), 'implemented: 2026-02-01\n');
    expect(run(february)).toEqual([]);
    // February's export made on the 5th records week 5's one day in operation, and no day of weeks 6 to 9.
    const fifth = [made('2026-02-05', '2026-02'), ...monthly(HALF.slice(2))];
    expect(unshown(run(single('weekly', 'monthly', fifth, 'implemented: 2026-02-01\n')))).toEqual([
      'CTL-01: 2026-W06, 2026-W07, 2026-W08, 2026-W09',
    ]);
  });

  it('lists four occurrences whole and says how many more there are after four', () => {
    const four = run(single('weekly', 'monthly', monthly(WEEKS).with(5, made('2026-05-08', '2026-05'))));
    expect(unshown(four)).toEqual(['CTL-01: 2026-W19, 2026-W20, 2026-W21, 2026-W22']);
    const five = run(single('weekly', 'monthly', monthly(WEEKS).with(5, made('2026-05-01', '2026-05'))));
    expect(unshown(five)).toEqual(['CTL-01: 2026-W18, 2026-W19, 2026-W20, 2026-W21 and 1 more']);
    expect(five[0]!.message).toContain('records 5 of its occurrences');
  });
});

/** The labels of the periods of `unit` holding any day from `first` to `last`, in order. */
function periodsHolding(unit: 'day' | 'week', first: string, last: string): string[] {
  const labels: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const label = periodContaining(unit, day).label;
    if (labels.at(-1) !== label) labels.push(label);
  }
  return labels;
}

/** What `listPeriods` shows of these labels: four, then how many more. */
const listed = (labels: string[]) =>
  labels.length > 4 ? `${labels.slice(0, 4).join(', ')} and ${labels.length - 4} more` : labels.join(', ');

const dayIn = (from: string, to: string) =>
  fc
    .integer({ min: 0, max: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) })
    .map((n) => addDays(from, n));

describe('an export records its period up to the day it was made', () => {
  it('shows a month when the quarter’s export is made on its last day, and not the day before (any day of Q1)', () => {
    fc.assert(
      fc.property(dayIn('2026-01-01', '2026-03-31'), (madeOn) => {
        const months = ['2026-01', '2026-02', '2026-03'].filter(
          (month) => periodContaining('month', `${month}-01`).end > madeOn,
        );
        const expected = months.length === 0 ? [] : [`CTL-01: ${months.join(', ')}`];
        expect(unshown(run(single('monthly', 'quarterly', quarterly(madeOn))))).toEqual(expected);
      }),
      { numRuns: 10, examples: [['2026-01-31'], ['2026-02-27'], ['2026-02-28']] },
    );
  });

  it('shows a month’s last day when its export is made on it, and not the day before, leap days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2029 }), fc.integer({ min: 1, max: 6 }), (year, month) => {
        const months = ['01', '02', '03', '04', '05', '06'].map((m) => `${year}-${m}`);
        const label = months[month - 1]!;
        const last = periodContaining('month', `${label}-01`).end;
        const program = programYaml('', `type: II\n  period: { start: ${year}-01-01, end: ${year}-06-30 }`);
        const exports = (day: string) => monthly(months).with(month - 1, made(day, label));
        const asOf = `${year}-07-15`;
        expect(run({ ...single('daily', 'monthly', exports(last)), program }, asOf)).toEqual([]);
        expect(unshown(run({ ...single('daily', 'monthly', exports(addDays(last, -1))), program }, asOf))).toEqual([
          `CTL-01: ${last}`,
        ]);
      }),
      {
        numRuns: 6,
        examples: [
          [2028, 2],
          [2026, 2],
        ],
      },
    );
    expect(periodContaining('month', '2028-02-01').end).toBe('2028-02-29');
  });

  it('joins exports of adjacent months, and leaves the days after an early export unshown (any day of January)', () => {
    fc.assert(
      fc.property(dayIn('2026-01-01', '2026-01-31'), (madeOn) => {
        const exports = monthly(WEEKS).with(1, made(madeOn, '2026-01'));
        const weeks = madeOn === '2026-01-31' ? [] : periodsHolding('week', addDays(madeOn, 1), '2026-01-31');
        const expected = weeks.length === 0 ? [] : [`CTL-01: ${listed(weeks)}`];
        expect(unshown(run(single('weekly', 'monthly', exports)))).toEqual(expected);
      }),
      { numRuns: 8, examples: [['2026-01-25'], ['2026-01-30'], ['2026-01-31']] },
    );
  });

  it('needs one export to hold every day of a week: the end of January and the start of February a day apart leave week 5', () => {
    expect(unshown(run(single('weekly', 'monthly', monthly(WEEKS).with(1, made('2026-01-30', '2026-01')))))).toEqual([
      'CTL-01: 2026-W05',
    ]);
    // Made on the 25th, January records week 4 (19 to 25 January) whole, and week 5 (26 January to 1 February)
    // only from February on.
    expect(unshown(run(single('weekly', 'monthly', monthly(WEEKS).with(1, made('2026-01-25', '2026-01')))))).toEqual([
      'CTL-01: 2026-W05',
    ]);
  });

  it('reads exports in date order, whatever their order in the file', () => {
    expect(run(single('weekly', 'monthly', monthly(WEEKS).reverse()))).toEqual([]);
  });

  it('joins what several series record, a period inside another keeping the longer one', () => {
    const found = run({
      controls: { 'CTL-01': control('CTL-01', 'weekly') },
      series: {
        'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
          made('2026-01-05', '2025-Q4'),
          made('2026-04-05', '2026-Q1'),
          made('2026-07-03', '2026-Q2'),
        ]),
        'EV-02': series('EV-02', 'CTL-01', 'monthly', [made('2026-03-03', '2026-02')], ''),
      },
    });
    expect(found).toEqual([]);
  });

  it('takes nothing as recorded from a per-event series, even an artifact naming a period', () => {
    const found = run({
      controls: { 'CTL-01': control('CTL-01', 'monthly') },
      series: {
        'EV-01': series('EV-01', 'CTL-01', 'quarterly', quarterly('2026-02-10')),
        'EV-02': series('EV-02', 'CTL-01', 'per-event', [made('2026-04-02', '2026-03', ', sample: CHG-1')], ''),
      },
    });
    expect(unshown(found)).toEqual(['CTL-01: 2026-02, 2026-03']);
  });

  it('records up to the day the export was performed, when that is given', () => {
    const exports = monthly(HALF).with(2, made('2026-04-03', '2026-03', ', performed: 2026-03-25'));
    expect(unshown(run(single('daily', 'monthly', exports)))).toEqual([
      `CTL-01: ${listed(periodsHolding('day', '2026-03-26', '2026-03-31'))}`,
    ]);
  });

  it('records nothing after its period, even when made later', () => {
    // March's export is made on 3 April; April has no export, and an exception from 10 April on.
    const exports = monthly(HALF).filter((artifact) => !artifact.includes('2026-04,'));
    const exception =
      'exceptions:\n  - { period: { start: 2026-04-10, end: 2026-04-30 }, description: "Not run.", disclosed: 2026-05-02, response: "Resumed." }\n';
    expect(unshown(run(single('daily', 'monthly', exports, '', NOTE + exception)))).toEqual([
      `CTL-01: ${listed(periodsHolding('day', '2026-04-01', '2026-04-09'))}`,
    ]);
  });

  it('records nothing when collected before it was performed', () => {
    const exports = monthly(HALF).toSpliced(
      2,
      1,
      made('2026-03-05', '2026-03'),
      made('2026-03-10', '2026-03', ', performed: 2026-03-20'),
    );
    expect(unshown(run(single('daily', 'monthly', exports)))).toEqual([
      `CTL-01: ${listed(periodsHolding('day', '2026-03-06', '2026-03-31'))}`,
    ]);
  });
});

describe('an exception excuses the occurrences it shares a day with', () => {
  it('excuses February or March when it reaches one of their days, and not otherwise', () => {
    fc.assert(
      fc.property(dayIn('2026-01-20', '2026-04-10'), fc.integer({ min: 0, max: 40 }), (start, length) => {
        const end = addDays(start, length);
        const exception = `exceptions:\n  - { period: { start: ${start}, end: ${end} }, description: "Not run.", disclosed: 2026-06-01, response: "Resumed." }\n`;
        const left = [
          { label: '2026-02', start: '2026-02-01', end: '2026-02-28' },
          { label: '2026-03', start: '2026-03-01', end: '2026-03-31' },
        ].filter((month) => !(start <= month.end && month.start <= end));
        const expected = left.length === 0 ? [] : [`CTL-01: ${left.map((month) => month.label).join(', ')}`];
        expect(unshown(run(single('monthly', 'quarterly', quarterly('2026-02-10'), '', NOTE + exception)))).toEqual(
          expected,
        );
      }),
      { numRuns: 15 },
    );
  });

  it('excuses nothing when its period names no period (2025 has no week 53), after one that does', () => {
    const exception =
      'exceptions:\n  - { period: { start: 2026-02-20, end: 2026-02-25 }, description: "Not run.", disclosed: 2026-06-01, response: "Resumed." }\n  - { period: 2025-W53, description: "Not run.", disclosed: 2026-06-01, response: "Resumed." }\n';
    expect(unshown(run(single('monthly', 'quarterly', quarterly('2026-02-10'), '', NOTE + exception)))).toEqual([
      'CTL-01: 2026-03',
    ]);
  });

  it('excuses an occurrence it touches on the occurrence’s first or last day only', () => {
    const withException = (start: string, end: string) =>
      unshown(
        run(
          single(
            'monthly',
            'quarterly',
            quarterly('2026-02-10'),
            '',
            `${NOTE}exceptions:\n  - { period: { start: ${start}, end: ${end} }, description: "Not run.", disclosed: 2026-06-01, response: "Resumed." }\n`,
          ),
        ),
      );
    expect(withException('2026-01-15', '2026-02-01')).toEqual(['CTL-01: 2026-03']);
    expect(withException('2026-01-15', '2026-01-31')).toEqual(['CTL-01: 2026-02, 2026-03']);
    expect(withException('2026-03-31', '2026-04-15')).toEqual(['CTL-01: 2026-02']);
    expect(withException('2026-04-01', '2026-04-15')).toEqual(['CTL-01: 2026-02, 2026-03']);
  });
});

describe('the occurrences due', () => {
  it('asks for an occurrence once its export’s grace days have passed: May and June from 31 July, not on 30 July', () => {
    fc.assert(
      fc.property(dayIn('2026-07-10', '2026-08-20'), (asOf) => {
        const exports = [made('2026-04-05', '2026-Q1'), made('2026-05-10')];
        const expected = asOf > '2026-07-30' ? ['CTL-01: 2026-05, 2026-06'] : [];
        expect(unshown(run(single('monthly', 'quarterly', exports), asOf))).toEqual(expected);
      }),
      { numRuns: 8, examples: [['2026-07-30'], ['2026-07-31']] },
    );
  });

  it('asks for a week once the month holding its last day is due: week 5 (to 1 February) from 11 March', () => {
    const exports = monthly(WEEKS).with(1, made('2026-01-25', '2026-01'));
    expect(run(single('weekly', 'monthly', exports), '2026-03-10')).toEqual([]);
    expect(unshown(run(single('weekly', 'monthly', exports), '2026-03-11'))).toEqual(['CTL-01: 2026-W05']);
  });

  it('asks an annual series for its occurrences 30 days after the window ends, not after its year ends', () => {
    const annual = single('quarterly', 'annual', [made('2026-02-15')]);
    expect(run(annual, '2026-07-30')).toEqual([]);
    expect(unshown(run(annual, '2026-07-31'))).toEqual(['CTL-01: 2026-Q1, 2026-Q2']);
  });

  it('owes every occurrence ending on or after the day the control was implemented (any day to April)', () => {
    fc.assert(
      fc.property(dayIn('2026-01-01', '2026-04-30'), (implemented) => {
        const months = [
          { label: '2026-02', end: '2026-02-28' },
          { label: '2026-03', end: '2026-03-31' },
        ].filter((month) => month.end >= implemented);
        const expected = months.length === 0 ? [] : [`CTL-01: ${months.map((month) => month.label).join(', ')}`];
        const program = single('monthly', 'quarterly', quarterly('2026-02-10'), `implemented: ${implemented}\n`);
        expect(unshown(run(program))).toEqual(expected);
      }),
      { numRuns: 10, examples: [['2026-03-31'], ['2026-04-01'], ['2026-02-28'], ['2026-03-01']] },
    );
  });

  it('owes every occurrence ending on or before the day the control was retired', () => {
    fc.assert(
      fc.property(dayIn('2026-02-01', '2026-04-30'), (retired) => {
        const months = [
          { label: '2026-02', end: '2026-02-28' },
          { label: '2026-03', end: '2026-03-31' },
        ].filter((month) => month.end <= retired);
        const found = run({
          controls: {
            'CTL-01': control('CTL-01', 'monthly', `retired: ${retired}\n`),
            'CTL-02': control('CTL-02', 'monthly'),
          },
          series: { 'EV-01': series('EV-01', 'CTL-01, CTL-02', 'quarterly', quarterly('2026-02-10')) },
        });
        const expected = months.length === 0 ? [] : [`CTL-01: ${months.map((month) => month.label).join(', ')}`];
        expect(unshown(found).filter((line) => line.startsWith('CTL-01'))).toEqual(expected);
      }),
      { numRuns: 10, examples: [['2026-03-31'], ['2026-03-30'], ['2026-02-28'], ['2026-02-27']] },
    );
  });

  it('leaves to TB601 a quarter with no export at all', () => {
    expect(run(single('monthly', 'quarterly', [made('2026-07-03', '2026-Q2')]))).toEqual([]);
  });

  it('asks for the months a control ran in the quarter it was retired in, though that quarter is not required', () => {
    // Retired on 15 February: the quarter is not due (the control did not operate at its end), so no other rule
    // asks for it; January ended while the control operated, and no export records it.
    const retired = 'retired: 2026-02-15\n';
    expect(unshown(run(single('monthly', 'quarterly', [made('2026-07-03', '2026-Q2')], retired)))).toEqual([
      'CTL-01: 2026-01',
    ]);
    // An export of the quarter made once the control stopped records January; February ended after it stopped.
    expect(run(single('monthly', 'quarterly', [made('2026-02-16', '2026-Q1')], retired))).toEqual([]);
    // Retired on 31 January, and the quarter's export made that day: January is recorded to its last day.
    expect(run(single('monthly', 'quarterly', [made('2026-01-31', '2026-Q1')], 'retired: 2026-01-31\n'))).toEqual([]);
  });
});

describe('two periods overlap', () => {
  it('when they share a day, either way round, and not when one ends the day before the other starts', () => {
    const march = { label: '2026-03', start: '2026-03-01', end: '2026-03-31' };
    const from = (start: string, end: string) => ({ label: `${start}..${end}`, start, end });
    expect(overlaps(march, from('2026-03-31', '2026-04-05'))).toBe(true);
    expect(overlaps(from('2026-03-31', '2026-04-05'), march)).toBe(true);
    expect(overlaps(march, from('2026-02-20', '2026-03-01'))).toBe(true);
    expect(overlaps(from('2026-02-20', '2026-03-01'), march)).toBe(true);
    expect(overlaps(march, from('2026-04-01', '2026-04-05'))).toBe(false);
    expect(overlaps(from('2026-02-20', '2026-02-28'), march)).toBe(false);
  });
});
