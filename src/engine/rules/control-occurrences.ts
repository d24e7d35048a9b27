/**
 * A `frequency_note` explains why evidence is filed less often than its control runs (a monthly export of
 * every daily run); it never lowers the number of times the control had to run. When a periodic control's
 * only evidence is filed less often, each occurrence of the control's own frequency in the window must lie
 * inside what an artifact records (its period, up to the day it was made), or inside a disclosed exception.
 * A month of daily runs that no export covers is a month the control is not shown to have run.
 */
import type { ControlData, EvidenceData } from '../../schema/index.ts';
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import {
  artifactPeriod,
  auditWindow,
  collectionGraceDays,
  evidenceOfControl,
  performedOn,
  predatesClaim,
  seriesTimeline,
  windowPeriods,
  type AuditWindow,
} from '../evidence-timeline.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { periodContaining, periodUnitOf, resolvePeriod, type Period } from '../periods.ts';
import { isFrequentEnough } from './frequency.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const controlOccurrencesRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    if (control.data.status !== 'implemented') continue;
    const unit = periodUnitOf(control.data.frequency);
    if (!unit || unit === 'year') continue; // per-event: TB406; annual: nothing is less frequent
    const series = evidenceOfControl(model, control.id);
    if (series.length === 0) continue; // TB401
    if (series.some((candidate) => isFrequentEnough(control.data.frequency, candidate.data.frequency))) continue;
    const noted = series.find((candidate) => candidate.data.frequency_note !== undefined);
    if (!noted) continue; // TB406
    const unshown = unshownOccurrences(model, control, series, noted, window, context.asOf);
    if (unshown.length === 0) continue;
    const where = {
      ...evidenceSeverity(context),
      file: noted.file,
      line: lineOf(noted, 'frequency_note'),
      subject: { kind: 'evidence' as const, id: noted.id },
    };
    const ids = series.map((s) => s.id).join(', ');
    const { frequency } = control.data;
    diagnostics.push(
      finding('TB620', where, control.id, frequency, ids, unshown.length, listPeriods(unshown), noted.data.frequency),
    );
  }
  return diagnostics;
};

/**
 * The occurrences of the control's frequency, due and in operation, that no artifact of its series records
 * and no exception discloses. Occurrences inside a period of the noted series that is missing altogether are
 * left to TB601, which already names that period.
 */
function unshownOccurrences(
  model: ProgramModel,
  control: Document<ControlData>,
  series: Document<EvidenceData>[],
  noted: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): Period[] {
  const controlUnit = periodUnitOf(control.data.frequency)!;
  const notedUnit = periodUnitOf(noted.data.frequency);
  if (!notedUnit) return [];
  // Occurrences come in order, so each list is walked once: a long window of a daily control stays fast.
  const recorded = new Sweep(
    mergeSpans(series.flatMap((candidate) => recordedSpans(candidate.data).map((e) => e.span))),
  );
  const disclosed = new Sweep(mergeSpans(series.flatMap((candidate) => disclosedPeriods(candidate.data))));
  // A period of the noted series not required (the control retired before it ended) still holds the
  // occurrences that ended while the control operated: those are asked for here, as no other rule asks.
  const leftToTypeTwo = new Sweep(
    seriesTimeline(model, noted, window, asOf)
      .filter((cell) => cell.state === 'missing' || cell.state === 'not-yet-due')
      .map((cell) => cell.period),
  );
  const { implemented, retired } = control.data;
  // An occurrence is asked for from the first day it could have run: the window's first day, or the control's
  // first day in operation (a window opening mid-week needs no export of the days before it).
  const firstDay = implemented !== undefined && implemented > window.start ? implemented : window.start;
  return windowPeriods(controlUnit, window).filter((occurrence) => {
    if (implemented !== undefined && occurrence.end < implemented) return false;
    if (retired !== undefined && occurrence.end > retired) return false;
    if (!isCollectionDue(occurrence, notedUnit, window, asOf)) return false;
    if (leftToTypeTwo.overlaps(occurrence) || disclosed.overlaps(occurrence)) return false;
    return !recorded.covers(occurrence.start < firstDay ? { ...occurrence, start: firstDay } : occurrence);
  });
}

/** Spans sorted by start, with overlapping or adjacent ones joined. */
function mergeSpans(spans: Period[]): Period[] {
  const merged: Period[] = [];
  for (const span of [...spans].sort((a, b) => a.start.localeCompare(b.start))) {
    const last = merged.at(-1);
    if (last && addDays(last.end, 1) >= span.start) {
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end };
    } else merged.push({ ...span });
  }
  return merged;
}

/** Sorted, disjoint periods asked about in ascending order of the periods asked about. */
class Sweep {
  private next = 0;
  private readonly periods: Period[];

  constructor(periods: Period[]) {
    this.periods = periods;
  }

  private skipBefore(day: string): void {
    while (this.next < this.periods.length && this.periods[this.next]!.end < day) this.next++;
  }

  /** Whether any period shares a day with `period`. */
  overlaps(period: Period): boolean {
    this.skipBefore(period.start);
    const candidate = this.periods[this.next];
    return candidate !== undefined && candidate.start <= period.end;
  }

  /** Whether one period holds every day of `period` (the periods are merged, so one must). */
  covers(period: Period): boolean {
    this.skipBefore(period.start);
    const candidate = this.periods[this.next];
    return candidate !== undefined && candidate.start <= period.start && candidate.end >= period.end;
  }
}

/**
 * What each artifact of a periodic series records: the period it claims, up to the day it was made (an export
 * made on the 10th lists nothing after the 10th). Artifacts dated before their claim record nothing.
 */
export function recordedSpans(series: EvidenceData): { index: number; span: Period }[] {
  const unit = periodUnitOf(series.frequency);
  if (!unit) return [];
  return series.artifacts.flatMap((artifact, index) => {
    const claimed = artifactPeriod(artifact, unit);
    if (!claimed || predatesClaim(artifact, claimed)) return [];
    const end = performedOn(artifact) < claimed.end ? performedOn(artifact) : claimed.end;
    return [{ index, span: { label: claimed.label, start: claimed.start, end } }];
  });
}

/** The periods a series' exceptions disclose. */
export function disclosedPeriods(series: EvidenceData): Period[] {
  return series.exceptions.flatMap((exception) => resolvePeriod(exception.period) ?? []);
}

/** Whether the noted series' artifact holding this occurrence should have been filed by the evaluation date. */
export function isCollectionDue(
  occurrence: Period,
  unit: NonNullable<ReturnType<typeof periodUnitOf>>,
  window: AuditWindow,
  asOf: string,
): boolean {
  const filedFor = unit === 'year' ? window.end : periodContaining(unit, occurrence.end).end;
  return addDays(filedFor, collectionGraceDays[unit]) < asOf;
}

export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function listPeriods(periods: readonly Period[]): string {
  const shown = periods.slice(0, 4).map((period) => period.label);
  return periods.length > 4 ? `${shown.join(', ')} and ${periods.length - 4} more` : shown.join(', ');
}
