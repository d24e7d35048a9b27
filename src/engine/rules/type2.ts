/**
 * Type II: for each periodic evidence series, every period of its frequency inside the audit window has an
 * artifact. Also exposes the per-period timeline the auditor site draws.
 */
import type { ArtifactData, EvidenceData } from '../../schema/index.ts';
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import {
  contains,
  periodContaining,
  periodsEndingWithin,
  periodUnitOf,
  resolvePeriod,
  type Period,
  type PeriodUnit,
} from '../periods.ts';
import type { Rule } from './context.ts';

/** Days after a period ends before its artifact is expected. */
export const collectionGraceDays: Record<PeriodUnit, number> = {
  day: 1,
  week: 3,
  month: 10,
  quarter: 30,
  half: 30,
  year: 30,
};

export type PeriodState = 'present' | 'missing' | 'not-yet-due';

export interface TimelineCell {
  period: Period;
  state: PeriodState;
  /** Indexes into the series' artifacts that cover the period. */
  artifacts: number[];
}

export interface AuditWindow {
  start: string;
  end: string;
}

/** The period an artifact covers: its `period`, or the period of the series' frequency holding `collected`. */
export function artifactPeriod(artifact: ArtifactData, unit: PeriodUnit): Period | undefined {
  return artifact.period !== undefined ? resolvePeriod(artifact.period) : periodContaining(unit, artifact.collected);
}

/** One cell per period of the series' frequency in the window; empty for per-event series. */
export function evidenceTimeline(series: EvidenceData, window: AuditWindow, asOf: string): TimelineCell[] {
  const unit = periodUnitOf(series.frequency);
  if (!unit) return [];
  const grace = collectionGraceDays[unit];
  const dueState = (period: Period, artifacts: number[]): PeriodState =>
    artifacts.length > 0 ? 'present' : addDays(period.end, grace) < asOf ? 'missing' : 'not-yet-due';

  if (unit === 'year') {
    const period = { label: `${window.start}..${window.end}`, start: window.start, end: window.end };
    const artifacts = series.artifacts.flatMap((artifact, index) =>
      artifact.collected >= window.start && artifact.collected <= window.end ? [index] : [],
    );
    return [{ period, state: dueState(period, artifacts), artifacts }];
  }
  const covered = series.artifacts.map((artifact) => artifactPeriod(artifact, unit));
  return periodsEndingWithin(unit, window.start, window.end).map((period) => {
    const artifacts = covered.flatMap((range, index) => (range && contains(range, period) ? [index] : []));
    return { period, state: dueState(period, artifacts), artifacts };
  });
}

/** The Type II window, or undefined for a Type I audit. */
export function auditWindow(model: ProgramModel): AuditWindow | undefined {
  const audit = model.program?.data.audit;
  return audit?.type === 'II' ? audit.period : undefined;
}

export const type2Rule: Rule = (model, context) => {
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    for (const diagnostic of checkArtifactDates(series, context.asOf)) diagnostics.push(diagnostic);
  }
  const window = auditWindow(model);
  if (!window) return diagnostics;
  for (const series of model.evidence) {
    for (const cell of evidenceTimeline(series.data, window, context.asOf)) {
      if (cell.state !== 'missing') continue;
      diagnostics.push({
        severity: context.readiness ? 'warning' : 'error',
        code: 'TB601',
        file: series.file,
        line: lineOf(series, 'artifacts'),
        message:
          series.data.frequency === 'annual'
            ? `${series.id} has no artifact collected inside the audit window ${window.start} to ${window.end}`
            : `${series.id} has no artifact for ${cell.period.label} (${cell.period.start} to ${cell.period.end}), a ${series.data.frequency} period of the audit window`,
        hint:
          series.data.frequency === 'annual'
            ? 'Add the artifact of this year’s occurrence under `artifacts:`.'
            : `Add the artifact that covers it, with \`period: ${cell.period.label}\`. If the control did not operate then, that is an exception to disclose to the auditor.`,
      });
    }
  }
  return diagnostics;
};

function checkArtifactDates(series: Document<EvidenceData>, asOf: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  series.data.artifacts.forEach((artifact, index) => {
    if (artifact.collected > asOf) {
      diagnostics.push({
        severity: 'error',
        code: 'TB602',
        file: series.file,
        line: lineOf(series, 'artifacts', index, 'collected'),
        message: `artifact collected ${artifact.collected}, after the evaluation date ${asOf}`,
        hint: 'Evidence cannot be collected in the future: correct `collected`, or check the `as_of` date.',
      });
    }
    if (artifact.period !== undefined && !resolvePeriod(artifact.period)) {
      diagnostics.push({
        severity: 'error',
        code: 'TB104',
        file: series.file,
        line: lineOf(series, 'artifacts', index, 'period'),
        message: `period \`${String(artifact.period)}\` does not exist (that year has fewer ISO weeks)`,
        hint: 'Use a week number that exists in that year, or write the period as `{ start, end }`.',
      });
    }
  });
  return diagnostics;
}
