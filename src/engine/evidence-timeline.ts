/**
 * The Type II timeline of an evidence series: one cell per occurrence of its frequency in the audit window,
 * and which artifact evidences it. A fact, computed here once; the Type II rule turns cells into findings,
 * and the auditor pages, the report and the exports draw the same cells.
 *
 * What an auditor counts as an occurrence:
 * - an artifact evidences one occurrence, however long the period it claims (one file for twelve months of a
 *   monthly control is one month's evidence);
 * - it counts for the occurrence in which the control operated (`performed`, else `collected`); an annual
 *   artifact counts for the window when it was performed inside it for a period that reaches into it;
 * - an artifact dated before the start of the period it claims evidences nothing;
 * - an occurrence performed after its period ended plus the grace days is late;
 * - periods in which no control of the series was in operation (before `implemented`, after `retired`) are
 *   not required; a disclosed exception turns a period into a reported deviation.
 */
import { memo } from './memo.ts';
import type { ArtifactData, ControlData, EvidenceData, ExceptionData } from '../schema/index.ts';
import { addDays } from './dates.ts';
import type { Document, ProgramModel } from './model.ts';
import {
  contains,
  periodContaining,
  periodsEndingWithin,
  periodUnitOf,
  resolvePeriod,
  type Period,
  type PeriodUnit,
} from './periods.ts';

/** Days after a period ends before its artifact is expected, and before an occurrence is late. */
export const collectionGraceDays: Record<PeriodUnit, number> = {
  day: 1,
  week: 3,
  month: 10,
  quarter: 30,
  half: 30,
  year: 30,
};

export type PeriodState = 'present' | 'missing' | 'not-yet-due' | 'late' | 'exception' | 'not-required';

export interface TimelineCell {
  period: Period;
  state: PeriodState;
  /** Indexes into the series' artifacts that evidence the occurrence. */
  artifacts: number[];
  /** Indexes into the series' exceptions that concern the period. */
  exceptions: number[];
}

export interface AuditWindow {
  start: string;
  end: string;
}

/** When the controls of a series were in operation; open ends are unbounded. */
export interface OperatingSpan {
  from?: string | undefined;
  to?: string | undefined;
}

/** The Type II window, or undefined for a Type I audit. */
export function auditWindow(model: ProgramModel): AuditWindow | undefined {
  const audit = model.program?.data.audit;
  return audit?.type === 'II' ? audit.period : undefined;
}

/** The day the control operated, as the artifact records it. */
export function performedOn(artifact: ArtifactData): string {
  return artifact.performed ?? artifact.collected;
}

/** The period an artifact claims: its `period`, or the period of the series' unit holding `performed`. */
export function artifactPeriod(artifact: ArtifactData, unit: PeriodUnit): Period | undefined {
  return artifact.period !== undefined ? resolvePeriod(artifact.period) : periodContaining(unit, performedOn(artifact));
}

/**
 * The artifact of a series collected last (the first of those collected that day, in file order); undefined
 * when the series has none. One answer for the staleness deadline, the exports and the evidence pages.
 */
export function latestArtifact(series: { data: Pick<EvidenceData, 'artifacts'> }): ArtifactData | undefined {
  const { artifacts } = series.data;
  return artifacts.length === 0
    ? undefined
    : artifacts.reduce((latest, artifact) => (artifact.collected > latest.collected ? artifact : latest));
}

/** True when the artifact is dated before the period it claims began, or collected before it was performed. */
export function predatesClaim(artifact: ArtifactData, claimed: Period | undefined): boolean {
  if (artifact.performed !== undefined && artifact.collected < artifact.performed) return true;
  return claimed !== undefined && performedOn(artifact) < claimed.start;
}

/** Whether a control of the series is in operation at the end of a period, so its occurrence is due. */
function isDue(period: Period, span: OperatingSpan): boolean {
  return (span.from === undefined || period.end >= span.from) && (span.to === undefined || period.end <= span.to);
}

/** The evidence series that name a control, indexed once per model. */
export function evidenceOfControl(model: ProgramModel, controlId: string): Document<EvidenceData>[] {
  const byControl = memo(model, 'series-by-control', () => {
    const index = new Map<string, Document<EvidenceData>[]>();
    for (const series of model.evidence) {
      for (const id of new Set(series.data.controls)) {
        const list = index.get(id);
        if (list) list.push(series);
        else index.set(id, [series]);
      }
    }
    return index;
  });
  return byControl.get(controlId) ?? [];
}

/** The controls of the series that count: implemented ones. */
export function implementedControlsOf(model: ProgramModel, series: { data: EvidenceData }): Document<ControlData>[] {
  const byId = memo(model, 'implemented-by-id', () => {
    const index = new Map<string, Document<ControlData>[]>();
    for (const control of model.controls) {
      if (control.data.status !== 'implemented') continue;
      const list = index.get(control.id);
      if (list) list.push(control);
      else index.set(control.id, [control]);
    }
    return index;
  });
  return [...new Set(series.data.controls)].flatMap((id) => byId.get(id) ?? []);
}

/**
 * When the series must show operation: from the earliest `implemented` to the latest `retired` of its
 * implemented controls. Undefined when none of them is implemented (planned or not applicable): such
 * evidence is not required to be complete.
 */
export function operatingSpan(model: ProgramModel, series: { data: EvidenceData }): OperatingSpan | undefined {
  const controls = implementedControlsOf(model, series);
  if (controls.length === 0) return undefined;
  const starts = controls.map((control) => control.data.implemented);
  const ends = controls.map((control) => control.data.retired);
  return {
    from: starts.includes(undefined) ? undefined : starts.sort().at(0),
    to: ends.includes(undefined) ? undefined : ends.sort().at(-1),
  };
}

function exceptionRange(exception: ExceptionData): Period | undefined {
  return resolvePeriod(exception.period);
}

function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The occurrence an artifact evidences among the window's periods: of those its claimed period covers, the
 * one holding the day it was performed, else the last. Undefined when it covers none.
 */
function occurrenceOf(artifact: ArtifactData, claimed: Period, periods: Period[]): number | undefined {
  const covered = periods.flatMap((period, index) => (contains(claimed, period) ? [index] : []));
  if (covered.length === 0) return undefined;
  const day = performedOn(artifact);
  return covered.find((index) => periods[index]!.start <= day && day <= periods[index]!.end) ?? covered.at(-1);
}

/**
 * The window's one annual occurrence, when the artifact evidences it: performed inside the window, for a period
 * that reaches into it. Last year's report filed during the window shows last year, not this one.
 */
function annualOccurrence(artifact: ArtifactData, claimed: Period, window: AuditWindow): 0 | undefined {
  const day = performedOn(artifact);
  if (day < window.start || day > window.end) return undefined;
  return claimed.start <= window.end && claimed.end >= window.start ? 0 : undefined;
}

/** The periods of a unit whose occurrences the window asks for: the window itself for annual series. */
export function windowPeriods(unit: PeriodUnit, window: AuditWindow): Period[] {
  return unit === 'year'
    ? [{ label: `${window.start}..${window.end}`, start: window.start, end: window.end }]
    : periodsEndingWithin(unit, window.start, window.end);
}

/** How many of the window's periods an artifact's claimed period spans (for the "one artifact, many periods" finding). */
export function periodsSpanned(artifact: ArtifactData, unit: PeriodUnit, periods: readonly Period[]): number {
  const claimed = artifactPeriod(artifact, unit);
  if (!claimed || unit === 'year') return claimed ? 1 : 0;
  let count = 0;
  for (const period of periods) if (contains(claimed, period)) count++;
  return count;
}

/** One cell per period of the series' frequency in the window; empty for per-event series. */
export function evidenceTimeline(
  series: EvidenceData,
  window: AuditWindow,
  asOf: string,
  span: OperatingSpan = {},
): TimelineCell[] {
  const unit = periodUnitOf(series.frequency);
  if (!unit) return [];
  const grace = collectionGraceDays[unit];
  const periods = windowPeriods(unit, window);

  const byPeriod = periods.map(() => [] as number[]);
  series.artifacts.forEach((artifact, index) => {
    const claimed = artifactPeriod(artifact, unit);
    if (!claimed || predatesClaim(artifact, claimed)) return;
    const occurrence =
      unit === 'year' ? annualOccurrence(artifact, claimed, window) : occurrenceOf(artifact, claimed, periods);
    if (occurrence !== undefined) byPeriod[occurrence]!.push(index);
  });

  const ranges = series.exceptions.map(exceptionRange);
  return periods.map((period, position) => {
    const artifacts = byPeriod[position]!;
    const exceptions = ranges.flatMap((range, index) => (range && overlaps(range, period) ? [index] : []));
    const onTime = artifacts.some((index) => performedOn(series.artifacts[index]!) <= addDays(period.end, grace));
    let state: PeriodState;
    if (!isDue(period, unit === 'year' ? yearSpan(span, period) : span)) state = 'not-required';
    else if (exceptions.length > 0) state = 'exception';
    else if (onTime) state = 'present';
    else if (artifacts.length > 0) state = 'late';
    else state = addDays(period.end, grace) < asOf ? 'missing' : 'not-yet-due';
    return { period, state, artifacts, exceptions };
  });
}

/** The window as a single annual occurrence is due when a control operated at any time inside it. */
function yearSpan(span: OperatingSpan, window: Period): OperatingSpan {
  const operated =
    (span.from === undefined || span.from <= window.end) && (span.to === undefined || span.to >= window.start);
  return operated ? {} : { from: addDays(window.end, 1) };
}

/**
 * The timeline of a series as the check sees it: with the operating span of its implemented controls. Worked
 * out once per model, series, window and date: the Type II rule, effectiveness, sampling and the pages ask.
 */
export function seriesTimeline(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): TimelineCell[] {
  const cache = memo(model, 'timelines', () => new Map<string, TimelineCell[]>());
  const key = `${series.file}\u0000${window.start}\u0000${window.end}\u0000${asOf}`;
  let cells = cache.get(key);
  if (!cells) {
    // Evidence of controls that are only planned or not applicable: drawn, nothing required.
    const span = operatingSpan(model, series) ?? { from: '9999-12-31' };
    cache.set(key, (cells = evidenceTimeline(series.data, window, asOf, span)));
  }
  return cells;
}
