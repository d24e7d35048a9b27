/**
 * Operating effectiveness, computed straight from a model (no check): the occurrences a window has asked for,
 * the deviations among them, and the tolerable count 4 × D × n ≤ N (docs/sampling.md, "Tolerable
 * deviations"), each held at its edge. validProgram(): window 2026-01-01..2026-06-30, evaluated 2026-07-15,
 * one quarterly control BASE-01 evidenced by EV-BASE-01 (Q1 and Q2 on time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlEffectiveness, deviationsOf, tolerableDeviations } from '../../src/engine/effectiveness.ts';
import { buildModel, type ProgramModel } from '../../src/engine/index.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const ASOF = '2026-07-15';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

const exception = (period: string) =>
  `  - { period: ${period}, description: "The review did not run.", disclosed: 2026-07-05, response: "Run it now." }\n`;

const withExceptions = (entries: string, files: Files = validProgram()) =>
  edit(files, EVIDENCE, '---\n\nExported', `exceptions:\n${entries}---\n\nExported`);

/** EV-BASE-01 as a per-event series whose population export, kept at a URL, lists `rows` events. */
const perEvent = (rows: number, exceptions = '', files: Files = validProgram()) =>
  edit(
    files,
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts: []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: ${rows}, location: "https://docs.test.example/changes.csv" }\n${
      exceptions ? `exceptions:\n${exceptions}` : ''
    }`,
  );

/** A second quarterly series for BASE-01, EV-BASE-01B, with the given artifacts and exceptions. */
const secondSeries = (body: string, files: Files = validProgram()): Files => ({
  ...files,
  'evidence-index/EV-BASE-01B.mdx': `---
id: EV-BASE-01B
title: Second baseline record
controls: [BASE-01]
owner: security-lead
frequency: quarterly
${body}---

A second record.
`,
});

/** validProgram() with no artifact for the second quarter. */
const withoutSecondQuarter = () => edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, '');

const effectivenessOf = (files: Files, asOf = ASOF) => {
  const model = modelOf(files);
  return controlEffectiveness(model, model.controls[0]!, asOf);
};

const seriesOf = (files: Files, asOf = ASOF, id = 'EV-BASE-01') => {
  const model = modelOf(files);
  const { series, ...figures } = deviationsOf(
    model,
    model.evidence.find((entry) => entry.id === id)!,
    asOf,
  )!;
  return { ...figures, series: series.id };
};

describe('tolerable deviations', () => {
  it('are the most deviations D with 4 × D × n ≤ N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 60 }), (occurrences, size) => {
        const tolerable = tolerableDeviations(occurrences, size);
        expect(4 * tolerable * size).toBeLessThanOrEqual(occurrences);
        expect(4 * (tolerable + 1) * size).toBeGreaterThan(occurrences);
      }),
    );
  });

  it('are one at exactly four samples of occurrences and none one occurrence short', () => {
    expect(tolerableDeviations(40, 10)).toBe(1);
    expect(tolerableDeviations(39, 10)).toBe(0);
    expect(tolerableDeviations(80, 10)).toBe(2);
    expect(tolerableDeviations(79, 10)).toBe(1);
  });

  it('are none without a sample or without occurrences', () => {
    expect(tolerableDeviations(0, 0)).toBe(0);
    expect(tolerableDeviations(40, 0)).toBe(0);
    expect(tolerableDeviations(0, 10)).toBe(0);
  });
});

describe('a per-event control', () => {
  it('counts its population and its exceptions, and stays effective at the tolerable limit', () => {
    expect(effectivenessOf(perEvent(40, exception('2026-03')))).toEqual({
      occurrences: 40,
      deviations: 1,
      sampleSize: 10,
      tolerable: 1,
      neverRan: [],
      effective: true,
    });
  });

  it('is ineffective one deviation over the limit, or one occurrence short of it', () => {
    expect(effectivenessOf(perEvent(39, exception('2026-03')))).toMatchObject({
      occurrences: 39,
      deviations: 1,
      sampleSize: 10,
      tolerable: 0,
      effective: false,
    });
    expect(effectivenessOf(perEvent(40, exception('2026-03') + exception('2026-04')))).toMatchObject({
      deviations: 2,
      tolerable: 1,
      effective: false,
    });
    expect(effectivenessOf(perEvent(80, exception('2026-03') + exception('2026-04')))).toMatchObject({
      deviations: 2,
      tolerable: 2,
      effective: true,
    });
  });

  it('counts an exception that touches the window on its first or last day, and none that ends before or starts after', () => {
    const deviations = (period: string) => seriesOf(perEvent(40, exception(period))).deviations;
    expect(deviations('{ start: 2025-12-01, end: 2025-12-31 }')).toBe(0);
    expect(deviations('{ start: 2025-12-01, end: 2026-01-01 }')).toBe(1);
    expect(deviations('{ start: 2026-06-30, end: 2026-07-31 }')).toBe(1);
    expect(deviations('{ start: 2026-07-01, end: 2026-07-31 }')).toBe(0);
    expect(deviations('2025-12')).toBe(0);
    expect(deviations('2026-01')).toBe(1);
  });

  it('ignores an exception for a period that does not exist (a week 53 in a year of 52)', () => {
    expect(seriesOf(perEvent(40, exception('2025-W53')))).toMatchObject({ deviations: 0, neverRan: false });
  });

  it('is never "never run", even with every event an exception', () => {
    expect(seriesOf(perEvent(1, exception('2026-03')))).toEqual({
      series: 'EV-BASE-01',
      occurrences: 1,
      deviations: 1,
      sampleSize: 1,
      neverRan: false,
    });
  });
});

describe('a periodic control', () => {
  it('counts the periods due and the disclosed exceptions among them', () => {
    expect(seriesOf(validProgram())).toEqual({
      series: 'EV-BASE-01',
      occurrences: 2,
      deviations: 0,
      sampleSize: 2,
      neverRan: false,
    });
    expect(effectivenessOf(withExceptions(exception('2026-Q1')))).toEqual({
      occurrences: 2,
      deviations: 1,
      sampleSize: 2,
      tolerable: 0,
      neverRan: [],
      effective: false,
    });
  });

  it('counts an occurrence performed on its last grace day as on time and the day after as a deviation', () => {
    const collected = (date: string) =>
      seriesOf(edit(validProgram(), EVIDENCE, 'collected: 2026-04-05', `collected: ${date}`)).deviations;
    expect(collected('2026-04-30')).toBe(0);
    expect(collected('2026-05-01')).toBe(1);
  });

  it('leaves out the periods before the control was implemented and those not yet due', () => {
    const implemented = edit(
      validProgram(),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-04-01',
    );
    expect(seriesOf(implemented)).toMatchObject({ occurrences: 1, sampleSize: 1 });
    // Without its artifact the second quarter is not yet due through 2026-07-30 (30 grace days), and missing after.
    expect(seriesOf(withoutSecondQuarter(), '2026-07-30')).toMatchObject({ occurrences: 1, sampleSize: 1 });
    expect(seriesOf(withoutSecondQuarter(), '2026-07-31')).toMatchObject({ occurrences: 2, sampleSize: 2 });
  });

  it('never ran when every occurrence due is an exception with no artifact', () => {
    const noArtifacts = (files: Files) => edit(files, EVIDENCE, /artifacts:\n(.*\n){2}/, 'artifacts: []\n');
    expect(effectivenessOf(noArtifacts(withExceptions(exception('2026-Q1') + exception('2026-Q2'))))).toMatchObject({
      occurrences: 2,
      deviations: 2,
      neverRan: [expect.objectContaining({ id: 'EV-BASE-01' })],
      effective: false,
    });
    // An exception beside an artifact: the control ran, if not as described.
    expect(seriesOf(withExceptions(exception('2026-Q1') + exception('2026-Q2'))).neverRan).toBe(false);
    // One period an exception, the other simply missing: the control did not run, but not by its own account.
    const oneDisclosed = noArtifacts(withExceptions(exception('2026-Q1')));
    expect(seriesOf(oneDisclosed, '2026-07-31')).toMatchObject({ occurrences: 2, deviations: 1, neverRan: false });
  });

  it('did not "never run" when nothing was due yet', () => {
    const later = edit(
      validProgram(),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-07-01',
    );
    expect(effectivenessOf(later)).toEqual({
      occurrences: 0,
      deviations: 0,
      sampleSize: 0,
      tolerable: 0,
      neverRan: [],
      effective: true,
    });
  });
});

describe('a control with several series', () => {
  it('adds up their occurrences, deviations and samples', () => {
    const files = secondSeries(`artifacts: []\nexceptions:\n${exception('2026-Q2')}`);
    expect(effectivenessOf(files)).toEqual({
      occurrences: 4,
      deviations: 1,
      sampleSize: 4,
      tolerable: 0,
      neverRan: [],
      effective: false,
    });
  });

  it('is not effective when one series never ran, even with its deviations tolerated', () => {
    // 200 events (a sample of 20) and two quarters that never ran: 202 occurrences, a sample of 22, 2 tolerated.
    const files = secondSeries(
      `artifacts: []\nexceptions:\n${exception('2026-Q1')}${exception('2026-Q2')}`,
      perEvent(200),
    );
    expect(effectivenessOf(files)).toMatchObject({
      occurrences: 202,
      deviations: 2,
      sampleSize: 22,
      tolerable: 2,
      neverRan: [expect.objectContaining({ id: 'EV-BASE-01B' })],
      effective: false,
    });
  });
});

describe('the evaluation date and the audit type', () => {
  it('answers for each evaluation date of one model, and for each series on its own', () => {
    const model = modelOf(secondSeries(`artifacts: []\nexceptions:\n${exception('2026-Q1')}`, withoutSecondQuarter()));
    const [first, second] = model.evidence;
    expect(deviationsOf(model, first!, '2026-07-31')!.occurrences).toBe(2);
    expect(deviationsOf(model, first!, ASOF)!.occurrences).toBe(1);
    expect(deviationsOf(model, first!, '2026-07-31')!.occurrences).toBe(2);
    expect(deviationsOf(model, second!, ASOF)).toMatchObject({ deviations: 1 });
    expect(deviationsOf(model, first!, ASOF)).toMatchObject({ deviations: 0 });
  });

  it('works out a series once per model and date', () => {
    const model = modelOf(validProgram());
    const series = model.evidence[0]!;
    expect(deviationsOf(model, series, ASOF)).toBe(deviationsOf(model, series, ASOF));
    expect(deviationsOf(model, series, '2026-07-31')).not.toBe(deviationsOf(model, series, ASOF));
  });

  it('gives no figures for a Type I audit', () => {
    const typeOne = edit(
      validProgram(),
      'content/program.yaml',
      'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
      'type: I\n  date: 2026-06-30',
    );
    const model = modelOf(typeOne);
    expect(deviationsOf(model, model.evidence[0]!, ASOF)).toBeUndefined();
    expect(controlEffectiveness(model, model.controls[0]!, ASOF)).toBeUndefined();
  });
});
