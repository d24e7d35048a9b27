/**
 * Operating effectiveness over the Type II window: how many occurrences of a control the window has asked
 * for, how many of them deviated (a disclosed exception, or operation after the grace days), and whether
 * that many deviations is more than an auditor's sample tolerates. A disclosed exception makes a deviation
 * honest; it does not make the control pass. docs/sampling.md ("Tolerable deviations") states the rule.
 *
 * Missing occurrences are not counted here: each is an error of its own (TB601), and counting it twice
 * would turn one gap into a cascade.
 */
import { memo } from './memo.ts';
import type { ControlData, EvidenceData } from '../schema/index.ts';
import { auditWindow, evidenceOfControl, seriesTimeline, type AuditWindow } from './evidence-timeline.ts';
import type { Document, ProgramModel } from './model.ts';
import { periodUnitOf, resolvePeriod } from './periods.ts';
import { populationOf, sampleSize } from './sampling.ts';

export interface SeriesDeviations {
  series: Document<EvidenceData>;
  /** Occurrences the window has asked for so far (periods come due, or events in the population). */
  occurrences: number;
  /** Of them, the ones that deviated: disclosed as exceptions, or performed late. */
  deviations: number;
  /** The sample an auditor draws from those occurrences. */
  sampleSize: number;
  /** Every occurrence due is a disclosed exception with no artifact: the control never ran. */
  neverRan: boolean;
}

export interface Effectiveness {
  occurrences: number;
  deviations: number;
  sampleSize: number;
  /** The most deviations the control may have and still count as operating effectively. */
  tolerable: number;
  /** Series of the control that never ran in the window. */
  neverRan: Document<EvidenceData>[];
  effective: boolean;
}

/**
 * The most deviations a sample of `sampleSize` drawn from `occurrences` tolerates: as many as keep the
 * deviations an auditor's sample is expected to hold at or below a quarter of one
 * (deviations × sampleSize / occurrences ≤ 1/4), in integers. None for annual, semiannual and quarterly
 * controls; one in a year of monthly occurrences.
 */
export function tolerableDeviations(occurrences: number, sampleSize: number): number {
  if (occurrences <= 0 || sampleSize <= 0) return 0;
  return Math.floor(occurrences / (4 * sampleSize));
}

/** Whether an exception concerns a day of the window. */
function inWindow(period: { start: string; end: string } | undefined, window: AuditWindow): boolean {
  return period !== undefined && period.start <= window.end && period.end >= window.start;
}

function seriesDeviations(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): SeriesDeviations {
  const sampling = model.program?.data.sampling;
  if (periodUnitOf(series.data.frequency) === undefined) {
    // A per-event control: the events of its population, and each disclosed exception inside the window.
    const occurrences = populationOf(model, series, window, asOf).items.length;
    const deviations = series.data.exceptions.filter((exception) =>
      inWindow(resolvePeriod(exception.period), window),
    ).length;
    return {
      series,
      occurrences,
      deviations,
      sampleSize: sampleSize(series.data.frequency, occurrences, sampling),
      neverRan: false,
    };
  }
  const due = seriesTimeline(model, series, window, asOf).filter(
    (cell) => cell.state !== 'not-required' && cell.state !== 'not-yet-due',
  );
  const deviations = due.filter((cell) => cell.state === 'exception' || cell.state === 'late').length;
  return {
    series,
    occurrences: due.length,
    deviations,
    sampleSize: sampleSize(series.data.frequency, due.length, sampling),
    neverRan: due.length > 0 && due.every((cell) => cell.state === 'exception' && cell.artifacts.length === 0),
  };
}

/** The deviations of one series over the window as of a date; undefined without a Type II window. */
export function deviationsOf(
  model: ProgramModel,
  series: Document<EvidenceData>,
  asOf: string,
): SeriesDeviations | undefined {
  const window = auditWindow(model);
  if (!window) return undefined;
  const cache = memo(model, 'deviations', () => new Map<string, SeriesDeviations>());
  const key = `${asOf}\u0000${series.file}`;
  let deviations = cache.get(key);
  if (!deviations) cache.set(key, (deviations = seriesDeviations(model, series, window, asOf)));
  return deviations;
}

/**
 * Whether a control operated effectively over the window as of a date: its series' deviations added up and
 * weighed against the sample its occurrences call for. Undefined without a Type II window.
 */
export function controlEffectiveness(
  model: ProgramModel,
  control: Document<ControlData>,
  asOf: string,
): Effectiveness | undefined {
  if (!auditWindow(model)) return undefined;
  const series = evidenceOfControl(model, control.id).flatMap(
    (candidate) => deviationsOf(model, candidate, asOf) ?? [],
  );
  const occurrences = series.reduce((sum, entry) => sum + entry.occurrences, 0);
  const deviations = series.reduce((sum, entry) => sum + entry.deviations, 0);
  const size = series.reduce((sum, entry) => sum + entry.sampleSize, 0);
  const tolerable = tolerableDeviations(occurrences, size);
  const neverRan = series.filter((entry) => entry.neverRan).map((entry) => entry.series);
  return {
    occurrences,
    deviations,
    sampleSize: size,
    tolerable,
    neverRan,
    effective: deviations <= tolerable && neverRan.length === 0,
  };
}
