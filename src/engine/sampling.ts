/**
 * Sampling an auditor can re-derive: the population of each evidence series in the audit window (the rows of
 * its population export, or the periods of its frequency that have come due), a sample size from a
 * documented table, and a systematic selection from a seeded start that can be redone by hand or in a
 * spreadsheet. docs/sampling.md states the method; nothing here touches the disk.
 */
import { createHash } from 'node:crypto';
import type { EvidenceData, Frequency, Program, SampledSeries } from '../schema/index.ts';
import {
  auditWindow,
  evidenceTimeline,
  implementedControlsOf,
  operatingSpan,
  seriesTimeline,
  type AuditWindow,
} from './evidence-timeline.ts';
import type { Diagnostic } from './diagnostics.ts';
import { lineOf, type Document, type ProgramModel } from './model.ts';
import { periodUnitOf } from './periods.ts';
import { cohortMembers } from './personnel.ts';

/** How many occurrences to test, by frequency: the common practitioner table for a year's window. */
export const defaultSampleSizes: Record<Exclude<Frequency, 'per-event' | 'continuous'>, number> = {
  annual: 1,
  semiannual: 1,
  quarterly: 2,
  monthly: 3,
  weekly: 10,
  daily: 25,
};

/** Per-event controls: a share of the population, within bounds. */
export const defaultPerEventSampling = { percent: 10, min: 10, max: 40 };

/**
 * The least a program's own `sampling:` table may ask for, by frequency: the low end of the practitioner
 * figures docs/sampling.md cites (the AICPA Audit Sampling guide's small-population table and the usual daily
 * figures). An audit firm may test more; a table below these tests too little to support an opinion.
 */
export const sampleSizeFloors: Record<keyof typeof defaultSampleSizes, number> = {
  annual: 1,
  semiannual: 1,
  quarterly: 2,
  monthly: 2,
  weekly: 5,
  daily: 20,
};

/** The per-event floor: at least 5 items, a tenth of the population, and up to 25 for large populations. */
export const perEventSamplingFloor = { percent: 10, min: 5, max: 25 };

export const SAMPLING_METHOD =
  'systematic selection from a seeded start: with s = seed + the sum of the character codes of the series id, the items at positions ((s mod N) + quotient(i * N, n)) mod N, for i = 0 .. n-1, in population order (docs/sampling.md)';

/**
 * The words earlier records give for the same selection: floor((s mod N) + i * N / n) is the same number as
 * (s mod N) + quotient(i * N, n) in exact arithmetic, so such a record is redrawn the same way.
 */
const EQUIVALENT_METHODS: readonly string[] = [
  SAMPLING_METHOD,
  'systematic selection from a seeded start: with s = seed + the sum of the character codes of the series id, the items at positions floor((s mod N) + i * N / n) mod N, for i = 0 .. n-1, in population order (docs/sampling.md)',
];

/** Whether a record's `method` is the documented selection, which the check can redo. */
export function isDocumentedMethod(method: string): boolean {
  return EQUIVALENT_METHODS.includes(method.trim());
}

/** The series' own offset to the seed: the sum of the character codes of its id, so each series starts elsewhere. */
export function seriesOffset(seriesId: string): number {
  let sum = 0;
  for (let i = 0; i < seriesId.length; i++) sum += seriesId.charCodeAt(i);
  return sum;
}

/** The sample size for a series: the table's (or the program's) figure, never more than the population. */
export function sampleSize(frequency: Frequency, populationSize: number, sampling: Program['sampling'] = {}): number {
  if (populationSize === 0) return 0;
  if (frequency === 'per-event') {
    const { percent, min, max } = { ...defaultPerEventSampling, ...sampling.per_event };
    const share = Math.ceil((populationSize * percent) / 100);
    return Math.min(populationSize, Math.max(min, Math.min(max, share)));
  }
  const key = frequency === 'continuous' ? 'monthly' : frequency;
  return Math.min(populationSize, sampling[key] ?? defaultSampleSizes[key]);
}

/** How often each frequency occurs, for comparing them: per-event counts as the most frequent (every event). */
const occurrenceRank: Record<Frequency, number> = {
  'per-event': 7,
  daily: 6,
  weekly: 5,
  monthly: 4,
  continuous: 4,
  quarterly: 3,
  semiannual: 2,
  annual: 1,
};

/**
 * The frequency a series is sampled at: its own, unless it is filed less often than a control it evidences
 * and says why (`frequency_note`, e.g. a monthly export of daily runs). Then the occurrences to test are the
 * control's (its days, its events), and so is the sample size: how often evidence is filed does not make a
 * daily control a monthly one.
 */
export function samplingFrequency(model: ProgramModel, series: Document<EvidenceData>): Frequency {
  const own = series.data.frequency;
  if (series.data.frequency_note === undefined) return own;
  let frequency = own;
  for (const control of implementedControlsOf(model, series)) {
    if (occurrenceRank[control.data.frequency] > occurrenceRank[frequency]) frequency = control.data.frequency;
  }
  return frequency;
}

/**
 * Positions (0-based) of the selected items: evenly spaced through the population from a start the seed
 * sets, so every part of the window is represented and the same seed always gives the same items.
 */
export function selectPositions(seed: number, populationSize: number, size: number): number[] {
  if (size <= 0 || populationSize <= 0) return [];
  const start = seed % populationSize;
  // Whole numbers only: i * N / n in floating point lands a hair below a whole number for some N and n
  // (N = 30, n = 22, i = 11 gives 14.999…), and the floor then picks another item than a spreadsheet's QUOTIENT.
  return Array.from({ length: size }, (_, i) => (start + quotient(i * populationSize, size)) % populationSize).sort(
    (a, b) => a - b,
  );
}

/** Integer division of whole numbers, exact while `dividend` is a safe integer. */
function quotient(dividend: number, divisor: number): number {
  return (dividend - (dividend % divisor)) / divisor;
}

export interface Population {
  kind: SampledSeries['kind'];
  /** The items in order: event ids, or period labels. */
  items: string[];
  /** False when a per-event series keeps its population outside the repository (rows are then numbered). */
  fromFile: boolean;
}

/**
 * The population a series is sampled from. Per-event: every row of its population exports in the order
 * listed (the first column is the event's id; an export kept only at a URL gives `row 1` .. `row N`); a
 * personnel series without an export: the register's new hires or leavers of the window, by date.
 * Periodic: the periods of the window that have come due while its controls were in operation, of the
 * frequency it is sampled at (see `samplingFrequency`).
 */
export function populationOf(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): Population {
  const frequency = samplingFrequency(model, series);
  if (periodUnitOf(frequency) === undefined) {
    const cohort = series.data.cohort;
    if (cohort !== undefined && series.data.population.length === 0) {
      const items = cohortMembers(model, cohort, window, asOf).map((member) => member.person.id);
      return { kind: 'events', items, fromFile: true };
    }
    const items: string[] = [];
    let fromFile = true;
    for (const population of series.data.population) {
      const state = population.file ? model.artifactFiles.get(population.file) : undefined;
      const ids = state?.status === 'present' ? state.csvIds : undefined;
      // A blank row names no event: it is never sampled (TB411 reports it).
      if (ids) items.push(...ids.filter((id) => id !== ''));
      else {
        fromFile = false;
        for (let row = 1; row <= population.rows; row++) items.push(`row ${items.length + 1}`);
      }
    }
    return { kind: 'events', items, fromFile };
  }
  const timeline =
    frequency === series.data.frequency
      ? seriesTimeline(model, series, window, asOf)
      : evidenceTimeline({ ...series.data, frequency }, window, asOf, operatingSpan(model, series));
  const items = timeline
    .filter((cell) => cell.state !== 'not-required' && cell.state !== 'not-yet-due')
    .map((cell) => cell.period.label);
  return { kind: 'periods', items, fromFile: true };
}

/**
 * The event ids a per-event series' population export lists, for telling whether a record names a real event;
 * undefined when the population cannot say (kept outside the repository, or empty).
 */
export function listedEvents(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): Set<string> | undefined {
  const population = populationOf(model, series, window, asOf);
  return population.fromFile && population.items.length > 0 ? new Set(population.items) : undefined;
}

/** SHA-256 of a population's items, one per line: what the sample record keeps to notice a changed population. */
export function populationHash(items: readonly string[]): string {
  return createHash('sha256').update(items.join('\n')).digest('hex');
}

/** Draws the sample of every series evidencing a control in operation in the window (or of one control's). */
export function drawSamples(model: ProgramModel, asOf: string, seed: number, onlyControl?: string): SampledSeries[] {
  const window = auditWindow(model);
  if (!window) return [];
  return [...model.evidence]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .flatMap((series): SampledSeries[] => {
      const controls = implementedControlsOf(model, series).map((control) => control.id);
      if (controls.length === 0 || (onlyControl !== undefined && !controls.includes(onlyControl))) return [];
      return [drawSeries(model, series, window, asOf, seed)];
    });
}

/** The sample of one series, as the documented method draws it from `seed`: what a record must hold. */
export function drawSeries(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
  seed: number,
): SampledSeries {
  const population = populationOf(model, series, window, asOf);
  const size = sampleSize(samplingFrequency(model, series), population.items.length, model.program?.data.sampling);
  return {
    series: series.id,
    controls: implementedControlsOf(model, series).map((control) => control.id),
    kind: population.kind,
    population: { size: population.items.length, sha256: populationHash(population.items) },
    size,
    items: selectPositions(seed + seriesOffset(series.id), population.items.length, size).map(
      (position) => population.items[position]!,
    ),
  };
}

/**
 * Whether a finding about a series makes its population unfit to sample: missing or incomplete (TB403,
 * TB405), listing an event twice, a blank row, overlapping exports or a contradicted "no events" (TB410–TB413), or its export missing, altered or outside evidence-index/ (TB701–TB703 on a population's file;
 * the same codes on an artifact's file concern that artifact, not the population).
 */
export function makesPopulationUnfit(series: Document<EvidenceData>, finding: Diagnostic): boolean {
  if (finding.severity !== 'error' && finding.deferred !== true) return false;
  if (['TB403', 'TB405', 'TB410', 'TB411', 'TB412', 'TB413'].includes(finding.code)) return true;
  if (finding.code !== 'TB701' && finding.code !== 'TB702' && finding.code !== 'TB703') return false;
  return series.data.population.some((_, index) => lineOf(series, 'population', index, 'file') === finding.line);
}
