/**
 * Sampling, computed straight from a model (no check): the sample-size table at its edges, the systematic
 * selection, the population of a series, and the findings that make a population unfit to sample
 * (docs/sampling.md). validProgram(): window 2026-01-01..2026-06-30, evaluated 2026-07-15, one quarterly control
 * BASE-01 evidenced by EV-BASE-01.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Diagnostic, type ProgramModel } from '../../src/engine/index.ts';
import {
  SAMPLING_METHOD,
  drawSamples,
  drawSeries,
  isDocumentedMethod,
  listedEvents,
  makesPopulationUnfit,
  populationHash,
  populationOf,
  sampleSize,
  samplingFrequency,
  selectPositions,
  seriesOffset,
} from '../../src/engine/sampling.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const ASOF = '2026-07-15';
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

/** EV-BASE-01 as a per-event series with the given population entries (YAML flow mappings). */
const perEvent = (populations: string[], extra = '', files: Files = validProgram()) =>
  edit(
    files,
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts: []\n${
      populations.length > 0 ? `population:\n${populations.map((entry) => `  - ${entry}\n`).join('')}` : ''
    }${extra}`,
  );

const atUrl = (rows: number) =>
  `{ source: Tickets, exported: 2026-07-01, rows: ${rows}, location: "https://docs.test.example/${rows}.csv" }`;
const inFile = (file: string, rows: number) =>
  `{ source: Tickets, exported: 2026-07-01, rows: ${rows}, file: ${file}, sha256: ${'a'.repeat(64)} }`;

/** The model with each CSV export present and listing the given ids. */
function withCsv(files: Files, csv: Record<string, string[]>): ProgramModel {
  const model = modelOf(files);
  for (const [file, ids] of Object.entries(csv))
    model.artifactFiles.set(file, { status: 'present', sha256: 'a'.repeat(64), csvIds: ids });
  return model;
}

const populationIn = (model: ProgramModel, asOf = ASOF) => populationOf(model, model.evidence[0]!, WINDOW, asOf);

describe('the sample size', () => {
  it('follows the table for each frequency, never more than the population', () => {
    expect(sampleSize('annual', 1)).toBe(1);
    expect(sampleSize('semiannual', 2)).toBe(1);
    expect(sampleSize('quarterly', 4)).toBe(2);
    expect(sampleSize('quarterly', 1)).toBe(1);
    expect(sampleSize('monthly', 12)).toBe(3);
    expect(sampleSize('continuous', 12)).toBe(3);
    expect(sampleSize('weekly', 52)).toBe(10);
    expect(sampleSize('weekly', 9)).toBe(9);
    expect(sampleSize('daily', 365)).toBe(25);
    expect(sampleSize('daily', 0)).toBe(0);
    expect(sampleSize('per-event', 0)).toBe(0);
  });

  it('takes the program’s own figure for a frequency, and the table for the others', () => {
    expect(sampleSize('monthly', 12, { monthly: 5 })).toBe(5);
    expect(sampleSize('continuous', 12, { monthly: 5 })).toBe(5);
    expect(sampleSize('quarterly', 4, { monthly: 5 })).toBe(2);
    expect(sampleSize('monthly', 4, { monthly: 5 })).toBe(4);
  });

  it('samples a tenth of a per-event population, at least 10 and at most 40, never more than it holds', () => {
    expect(sampleSize('per-event', 9)).toBe(9);
    expect(sampleSize('per-event', 10)).toBe(10);
    expect(sampleSize('per-event', 100)).toBe(10);
    expect(sampleSize('per-event', 101)).toBe(11);
    expect(sampleSize('per-event', 250)).toBe(25);
    expect(sampleSize('per-event', 400)).toBe(40);
    expect(sampleSize('per-event', 401)).toBe(40);
    expect(sampleSize('per-event', 5000)).toBe(40);
  });

  it('takes the program’s per-event share and bounds, each falling back to the table’s', () => {
    const table = { percent: 20, min: 5, max: 30 };
    expect(sampleSize('per-event', 20, { per_event: table })).toBe(5);
    expect(sampleSize('per-event', 3, { per_event: table })).toBe(3);
    expect(sampleSize('per-event', 100, { per_event: table })).toBe(20);
    expect(sampleSize('per-event', 1000, { per_event: table })).toBe(30);
    expect(sampleSize('per-event', 300, { per_event: { percent: 5 } as never })).toBe(15);
    expect(sampleSize('per-event', 300, { per_event: { max: 12 } as never })).toBe(12);
    expect(sampleSize('per-event', 30, { per_event: { min: 20 } as never })).toBe(20);
  });

  it('never exceeds the population nor drops below the bounds for any per-event population', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (population) => {
        const size = sampleSize('per-event', population);
        expect(size).toBe(Math.min(population, Math.max(10, Math.min(40, Math.ceil(population / 10)))));
      }),
    );
  });
});

describe('the systematic selection', () => {
  it('picks evenly spaced positions from the seeded start, in order', () => {
    expect(selectPositions(7, 10, 3)).toEqual([0, 3, 7]);
    expect(selectPositions(17, 10, 3)).toEqual([0, 3, 7]);
    expect(selectPositions(0, 10, 2)).toEqual([0, 5]);
    expect(selectPositions(4, 5, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(selectPositions(12, 100, 4)).toEqual([12, 37, 62, 87]);
  });

  it('divides in whole numbers, as a spreadsheet’s QUOTIENT does', () => {
    // 11 × 30 / 22 is 14.999… in floating point; the item at 15 is the one a spreadsheet picks.
    expect(selectPositions(0, 30, 22)).toContain(15);
    expect(selectPositions(0, 30, 22)).toHaveLength(22);
  });

  it('selects nothing from an empty population or for an empty sample', () => {
    expect(selectPositions(5, 0, 3)).toEqual([]);
    expect(selectPositions(5, 10, 0)).toEqual([]);
  });

  it('selects distinct positions inside the population', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 40 }), (seed, n, k) => {
        const size = Math.min(n, k);
        const positions = selectPositions(seed, n, size);
        expect(new Set(positions).size).toBe(size);
        expect(positions.every((p) => Number.isInteger(p) && p >= 0 && p < n)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions).toContain(seed % n);
      }),
    );
  });

  it('offsets each series by the sum of its id’s character codes', () => {
    expect(seriesOffset('')).toBe(0);
    expect(seriesOffset('AB')).toBe(131);
    expect(seriesOffset('EV-1')).toBe(69 + 86 + 45 + 49);
  });

  it('recognises the documented method in either wording, and no other', () => {
    expect(isDocumentedMethod(SAMPLING_METHOD)).toBe(true);
    expect(isDocumentedMethod(`  ${SAMPLING_METHOD}\n`)).toBe(true);
    expect(isDocumentedMethod(SAMPLING_METHOD.replace('quotient(i * N, n)', 'floor(i * N / n)'))).toBe(false);
    expect(
      isDocumentedMethod(
        'systematic selection from a seeded start: with s = seed + the sum of the character codes of the series id, the items at positions floor((s mod N) + i * N / n) mod N, for i = 0 .. n-1, in population order (docs/sampling.md)',
      ),
    ).toBe(true);
    expect(isDocumentedMethod('random')).toBe(false);
  });

  it('hashes a population’s items one per line', () => {
    expect(populationHash(['CHG-1', 'CHG-2'])).toBe(createHash('sha256').update('CHG-1\nCHG-2').digest('hex'));
    expect(populationHash([])).toBe(createHash('sha256').update('').digest('hex'));
  });
});

describe('the frequency a series is sampled at', () => {
  const noted = (control: string, series: string) =>
    modelOf(
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: ${control}`),
        EVIDENCE,
        'frequency: quarterly',
        `frequency: ${series}\nfrequency_note: "A monthly export of the control's runs."`,
      ),
    );

  it('is its own without a note, whatever its control', () => {
    const model = modelOf(edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: daily'));
    expect(samplingFrequency(model, model.evidence[0]!)).toBe('quarterly');
  });

  it('is its control’s when the control occurs more often and the series says why', () => {
    const daily = noted('daily', 'monthly');
    expect(samplingFrequency(daily, daily.evidence[0]!)).toBe('daily');
    const event = noted('per-event', 'weekly');
    expect(samplingFrequency(event, event.evidence[0]!)).toBe('per-event');
  });

  it('stays its own when the control occurs as often or less often', () => {
    const annual = noted('annual', 'monthly');
    expect(samplingFrequency(annual, annual.evidence[0]!)).toBe('monthly');
    const continuous = noted('continuous', 'monthly');
    expect(samplingFrequency(continuous, continuous.evidence[0]!)).toBe('monthly');
    const planned = modelOf(
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: daily\nstatus: planned'),
        EVIDENCE,
        'frequency: quarterly',
        `frequency: monthly\nfrequency_note: "A monthly export."`,
      ),
    );
    expect(samplingFrequency(planned, planned.evidence[0]!)).toBe('monthly');
  });
});

describe('the population of a series', () => {
  it('of a periodic series is the periods due in the window', () => {
    const model = modelOf(validProgram());
    expect(populationIn(model)).toEqual({ kind: 'periods', items: ['2026-Q1', '2026-Q2'], fromFile: true });
    const later = modelOf(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nimplemented: 2026-04-01'),
    );
    expect(populationIn(later).items).toEqual(['2026-Q2']);
    // Without its artifact the second quarter is not due until its 30 grace days have passed.
    const uncollected = modelOf(edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, ''));
    expect(populationIn(uncollected, '2026-07-30').items).toEqual(['2026-Q1']);
    expect(populationIn(uncollected, '2026-07-31').items).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('of a periodic series whose controls are all planned is empty: none of its periods is owed', () => {
    const planned = modelOf(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned'),
    );
    expect(populationIn(planned)).toEqual({ kind: 'periods', items: [], fromFile: true });
  });

  it('of a series filed less often than its control is the control’s periods', () => {
    const model = modelOf(
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly\nimplemented: 2026-05-01'),
        EVIDENCE,
        'frequency: quarterly',
        'frequency: quarterly\nfrequency_note: "A quarterly export of the monthly runs."',
      ),
    );
    expect(populationIn(model)).toEqual({ kind: 'periods', items: ['2026-05', '2026-06'], fromFile: true });
  });

  it('of a per-event series kept at a URL is its rows, numbered across its exports', () => {
    expect(populationIn(modelOf(perEvent([atUrl(2), atUrl(3)])))).toEqual({
      kind: 'events',
      items: ['row 1', 'row 2', 'row 3', 'row 4', 'row 5'],
      fromFile: false,
    });
    expect(populationIn(modelOf(perEvent([atUrl(1)])))).toEqual({ kind: 'events', items: ['row 1'], fromFile: false });
  });

  it('of a per-event series kept in the repository is the ids its export lists, blank rows left out', () => {
    const model = withCsv(perEvent([inFile('files/a.csv', 3), inFile('files/b.csv', 1)]), {
      'files/a.csv': ['CHG-1', '', 'CHG-2'],
      'files/b.csv': ['CHG-3'],
    });
    expect(populationIn(model)).toEqual({ kind: 'events', items: ['CHG-1', 'CHG-2', 'CHG-3'], fromFile: true });
    expect(listedEvents(model, model.evidence[0]!, WINDOW, ASOF)).toEqual(new Set(['CHG-1', 'CHG-2', 'CHG-3']));
  });

  it('falls back to numbered rows when an export is missing, and then lists no events', () => {
    const model = withCsv(perEvent([inFile('files/a.csv', 1), inFile('files/b.csv', 2)]), { 'files/a.csv': ['CHG-1'] });
    model.artifactFiles.set('files/b.csv', { status: 'missing' });
    expect(populationIn(model)).toEqual({ kind: 'events', items: ['CHG-1', 'row 2', 'row 3'], fromFile: false });
    expect(listedEvents(model, model.evidence[0]!, WINDOW, ASOF)).toBeUndefined();
  });

  it('lists no events for an export with none', () => {
    const model = withCsv(perEvent([inFile('files/a.csv', 0).replace('}', ', note: "No changes." }')]), {
      'files/a.csv': [],
    });
    expect(populationIn(model)).toEqual({ kind: 'events', items: [], fromFile: true });
    expect(listedEvents(model, model.evidence[0]!, WINDOW, ASOF)).toBeUndefined();
  });

  it('of a per-event series with neither an export nor a cohort is empty, whoever joined or left in the window', () => {
    const files = edit(
      perEvent([]),
      'content/people.yaml',
      'staff:\n',
      'staff:\n  - { id: lu, role: ceo, hired: 2025-01-06, left: 2026-03-05, background_check: 2025-01-02, trainings: [2025-01-06] }\n',
    );
    expect(populationIn(modelOf(files))).toEqual({ kind: 'events', items: [], fromFile: true });
  });

  it('of a personnel series without an export is the register’s cohort in the window, up to the evaluation date', () => {
    const files = edit(
      perEvent([], 'cohort: new-hires\n'),
      'content/people.yaml',
      'staff:\n',
      'staff:\n  - { id: cy, role: ceo, hired: 2026-03-05, background_check: 2026-03-01, trainings: [2026-03-05] }\n  - { id: bo, role: ceo, hired: 2026-02-01, background_check: 2026-01-20, trainings: [2026-02-01] }\n',
    );
    expect(populationIn(modelOf(files))).toEqual({ kind: 'events', items: ['bo', 'cy'], fromFile: true });
    expect(populationIn(modelOf(files), '2026-03-04').items).toEqual(['bo']);
    const withExport = edit(
      files,
      EVIDENCE,
      'cohort: new-hires\n',
      `population:\n  - ${atUrl(2)}\ncohort: new-hires\n`,
    );
    expect(populationIn(modelOf(withExport)).items).toEqual(['row 1', 'row 2']);
  });
});

describe('drawing the samples', () => {
  it('draws nothing for a Type I audit', () => {
    const typeOne = edit(
      validProgram(),
      'content/program.yaml',
      'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
      'type: I\n  date: 2026-06-30',
    );
    expect(drawSamples(modelOf(typeOne), ASOF, 1)).toEqual([]);
  });

  it('draws each series of a control in operation, in the order of their ids, numbers by value', () => {
    const files = validProgram();
    const series = (id: string, control = 'BASE-01') =>
      files[EVIDENCE]!.replace('id: EV-BASE-01', `id: ${id}`).replace('controls: [BASE-01]', `controls: [${control}]`);
    const model = modelOf({
      ...files,
      'evidence-index/EV-10.mdx': series('EV-10'),
      'evidence-index/EV-9.mdx': series('EV-9'),
      'evidence-index/EV-PLANNED.mdx': series('EV-PLANNED', 'BASE-02'),
      'content/controls/BASE-02.mdx': files[CONTROL]!.replace('id: BASE-01', 'id: BASE-02').replace(
        'frequency: quarterly',
        'frequency: quarterly\nstatus: planned',
      ),
    });
    expect(drawSamples(model, ASOF, 1).map((sample) => sample.series)).toEqual(['EV-9', 'EV-10', 'EV-BASE-01']);
    expect(drawSamples(model, ASOF, 1, 'BASE-01')).toHaveLength(3);
    expect(drawSamples(model, ASOF, 1, 'BASE-02')).toEqual([]);
  });

  it('records the population, its hash and the items the seed selects', () => {
    const model = withCsv(perEvent([inFile('files/a.csv', 12)]), {
      'files/a.csv': Array.from({ length: 12 }, (_, i) => `CHG-${i + 1}`),
    });
    const items = Array.from({ length: 12 }, (_, i) => `CHG-${i + 1}`);
    // s = 3 + 625 (EV-BASE-01's offset); start 628 mod 12 = 4; a sample of 10 at 4 + quotient(12i, 10), mod 12.
    expect(seriesOffset('EV-BASE-01')).toBe(625);
    expect(drawSeries(model, model.evidence[0]!, WINDOW, ASOF, 3)).toEqual({
      series: 'EV-BASE-01',
      controls: ['BASE-01'],
      kind: 'events',
      population: { size: 12, sha256: populationHash(items) },
      size: 10,
      items: ['CHG-1', 'CHG-2', 'CHG-3', 'CHG-5', 'CHG-6', 'CHG-7', 'CHG-8', 'CHG-9', 'CHG-11', 'CHG-12'],
    });
    expect(drawSamples(model, ASOF, 3)).toEqual([drawSeries(model, model.evidence[0]!, WINDOW, ASOF, 3)]);
  });

  it('sizes the sample from the default table for a model without its program', () => {
    const model = modelOf(validProgram());
    delete model.program;
    expect(drawSeries(model, model.evidence[0]!, WINDOW, ASOF, 0)).toMatchObject({ population: { size: 2 }, size: 2 });
  });

  it('sizes the sample at the control’s frequency when the series is filed less often', () => {
    const model = modelOf(
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
        EVIDENCE,
        'frequency: quarterly',
        'frequency: quarterly\nfrequency_note: "A quarterly export of the monthly runs."',
      ),
    );
    expect(drawSeries(model, model.evidence[0]!, WINDOW, ASOF, 0)).toMatchObject({
      kind: 'periods',
      population: { size: 6 },
      size: 3,
    });
  });
});

describe('a population unfit to sample', () => {
  const model = () => modelOf(perEvent([inFile('files/a.csv', 2)], '', validProgram()));
  const finding = (code: Diagnostic['code'], line: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    severity: 'error',
    code,
    file: EVIDENCE,
    line,
    message: code,
    hint: 'h',
    ...extra,
  });

  it('is missing, incomplete, or lists events twice, blank or overlapping, or contradicts "no events"', () => {
    const series = model().evidence[0]!;
    for (const code of ['TB403', 'TB405', 'TB410', 'TB411', 'TB412', 'TB413'] as const) {
      expect(makesPopulationUnfit(series, finding(code, 1))).toBe(true);
      expect(makesPopulationUnfit(series, finding(code, 1, { severity: 'warning', deferred: true }))).toBe(true);
      expect(makesPopulationUnfit(series, finding(code, 1, { severity: 'warning' }))).toBe(false);
    }
    expect(makesPopulationUnfit(series, finding('TB601', 1))).toBe(false);
  });

  it('has its export missing, altered or out of place: on the population’s line, not an artifact’s', () => {
    const series = model().evidence[0]!;
    // The population entry is on line 9 of the series file.
    expect(series.keyLines).toBeDefined();
    const populationLine = [...Array(30).keys()].find((line) => makesPopulationUnfit(series, finding('TB701', line)));
    expect(populationLine).toBe(9);
    for (const code of ['TB701', 'TB702', 'TB703'] as const) {
      expect(makesPopulationUnfit(series, finding(code, 9))).toBe(true);
      expect(makesPopulationUnfit(series, finding(code, 8))).toBe(false);
    }
    expect(makesPopulationUnfit(series, finding('TB704', 9))).toBe(false);
  });

  it('has the export of any of its populations missing: on that entry’s `file` line, not its first', () => {
    const entry = (file: string, rows: number) =>
      `  - source: Tickets\n    exported: 2026-07-01\n    rows: ${rows}\n    file: ${file}\n    sha256: ${'a'.repeat(64)}\n`;
    const files = edit(
      validProgram(),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts: []\npopulation:\n${entry('files/a.csv', 2)}${entry('files/b.csv', 1)}`,
    );
    const series = modelOf(files).evidence[0]!;
    // Entries start on lines 9 and 14 (`source`); their `file` keys are on lines 12 and 17.
    expect([...Array(30).keys()].filter((line) => makesPopulationUnfit(series, finding('TB701', line)))).toEqual([
      12, 17,
    ]);
  });
});
