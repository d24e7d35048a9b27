/**
 * Per-event controls (every change approved, every new hire screened) are tested by sampling their
 * population: the complete list of events of the window. A per-event series needs that list for the whole
 * window, or a statement that no event occurred, and evidence of events inside the window.
 */
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { auditWindow, operatingSpan, performedOn, type AuditWindow } from '../evidence-timeline.ts';
import { lineOf, type Document } from '../model.ts';
import { resolvePeriod, type Period } from '../periods.ts';
import type { EvidenceData, PopulationData } from '../../schema/index.ts';
import { evidenceSeverity, type Rule, type RuleContext } from './context.ts';

/** Days after a period ends by which its population should have been exported. */
export const POPULATION_GRACE_DAYS = 30;

/** The period a population claims: its own, else the audit window. */
export function populationPeriod(population: PopulationData, window: AuditWindow): Period | undefined {
  if (population.period === undefined) return { label: `${window.start}..${window.end}`, ...window };
  return resolvePeriod(population.period);
}

/**
 * The part of the window the populations must cover by now: from its start to its end, or, while it is
 * still running, to the evaluation date less the grace days. Undefined when nothing is due yet.
 */
export function requiredPopulationRange(
  window: AuditWindow,
  asOf: string,
  from?: string,
  to?: string,
): Period | undefined {
  const start = from !== undefined && from > window.start ? from : window.start;
  const dueBy = addDays(asOf, -POPULATION_GRACE_DAYS);
  let end = window.end < dueBy ? window.end : dueBy;
  if (to !== undefined && to < end) end = to;
  return start <= end ? { label: `${start}..${end}`, start, end } : undefined;
}

/** The first day of `range` that no population period covers, if any. */
export function firstUncoveredDay(range: Period, periods: Period[]): string | undefined {
  let next = range.start;
  for (const period of [...periods].sort((a, b) => a.start.localeCompare(b.start))) {
    if (period.start > next) break;
    if (period.end >= next) next = addDays(period.end, 1);
    if (next > range.end) return undefined;
  }
  return next <= range.end ? next : undefined;
}

export const populationRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    if (series.data.frequency !== 'per-event') continue;
    const span = operatingSpan(model, series);
    if (!span) continue;
    for (const diagnostic of checkSeries(series, window, context, span)) diagnostics.push(diagnostic);
  }
  return diagnostics;
};

function checkSeries(
  series: Document<EvidenceData>,
  window: AuditWindow,
  context: RuleContext,
  span: { from?: string | undefined; to?: string | undefined },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const subject = { kind: 'evidence' as const, id: series.id };
  const valid: Period[] = [];
  series.data.population.forEach((population, index) => {
    const period = populationPeriod(population, window);
    if (!period) return;
    if (period.start > window.end || period.end < window.start) {
      diagnostics.push({
        severity: 'error',
        code: 'TB405',
        file: series.file,
        line: lineOf(series, 'population', index, 'period'),
        subject,
        message: `the population from ${population.source} covers ${period.label}, outside the audit window ${window.start} to ${window.end}`,
        hint: 'Export the events of the audit window, and set `period` to the part of the window the export covers.',
      });
      return;
    }
    if (population.exported < period.end) {
      diagnostics.push({
        severity: 'error',
        code: 'TB405',
        file: series.file,
        line: lineOf(series, 'population', index, 'exported'),
        subject,
        message: `the population from ${population.source} was exported ${population.exported}, before the end of the period it lists (${period.end}): events after the export are missing from it`,
        hint: 'Export the list again after the period has ended, or set `period` to end on the export date.',
      });
      return;
    }
    valid.push(period);
  });

  const required = requiredPopulationRange(window, context.asOf, span.from, span.to);
  const gap = required ? firstUncoveredDay(required, valid) : undefined;
  if (required && gap !== undefined) {
    diagnostics.push({
      ...evidenceSeverity(context),
      code: 'TB403',
      file: series.file,
      line: lineOf(series, series.data.population.length > 0 ? 'population' : 'frequency'),
      subject,
      message:
        series.data.population.length === 0
          ? `${series.id} is per-event and has no population for the audit window: the auditor cannot sample its events`
          : `the population of ${series.id} does not cover ${gap} to ${required.end}`,
      hint: 'Add under `population:` the list of every event of the window (`source`, `query`, `exported`, `rows`, and a `file` with its `sha256` or a `location`); if no event occurred, `rows: 0` with a `note` saying how that is known.',
    });
  }

  const noEvents = series.data.population.length > 0 && series.data.population.every((entry) => entry.rows === 0);
  const inWindow = series.data.artifacts.some((artifact) => {
    const day = performedOn(artifact);
    return day >= window.start && day <= window.end;
  });
  if (!noEvents && !inWindow && required && series.data.artifacts.length > 0) {
    diagnostics.push({
      ...evidenceSeverity(context),
      code: 'TB404',
      file: series.file,
      line: lineOf(series, 'artifacts'),
      subject,
      message: `${series.id} has no artifact of an event inside the audit window ${window.start} to ${window.end}`,
      hint: 'Evidence of events before the window says nothing about it: add the records of events in the window (the auditor samples them from the population).',
    });
  }
  return diagnostics;
}
