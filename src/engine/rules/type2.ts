/**
 * Type II: for each periodic evidence series, every occurrence of its frequency inside the audit window is
 * evidenced on time, or disclosed as an exception. Also the artifact dates every audit relies on: nothing
 * collected in the future, nothing dated before what it claims, one artifact per occurrence; and for a
 * Type I audit, evidence that existed on the report date.
 */
import type { EvidenceData } from '../../schema/index.ts';
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import {
  artifactPeriod,
  auditWindow,
  collectionGraceDays,
  implementedControlsOf,
  performedOn,
  periodsSpanned,
  predatesClaim,
  seriesTimeline,
  windowPeriods,
  type AuditWindow,
} from '../evidence-timeline.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { periodUnitOf, resolvePeriod } from '../periods.ts';
import { evidenceSeverity, plural, type Rule, type RuleContext } from './context.ts';

export const type2Rule: Rule = (model, context) => {
  const diagnostics: Diagnostic[] = [];
  const push = (list: Iterable<Diagnostic>) => {
    for (const diagnostic of list) diagnostics.push(diagnostic);
  };
  for (const series of model.evidence) push(checkArtifactDates(series, context.asOf));
  const window = auditWindow(model);
  if (window) {
    for (const series of model.evidence) {
      push(checkOccurrences(model, series, window, context));
      push(checkExceptions(series, window, context.asOf));
    }
  }
  push(checkTypeOneEvidence(model, context.asOf));
  return diagnostics;
};

function checkOccurrences(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  context: RuleContext,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unit = periodUnitOf(series.data.frequency);
  if (!unit) return diagnostics;
  const annual = unit === 'year';
  for (const cell of seriesTimeline(model, series, window, context.asOf)) {
    const subject = { kind: 'evidence' as const, id: series.id, period: cell.period.label };
    if (cell.state === 'missing') {
      diagnostics.push({
        ...evidenceSeverity(context),
        code: 'TB601',
        file: series.file,
        line: lineOf(series, 'artifacts'),
        subject,
        message: annual
          ? `${series.id} has no artifact performed inside the audit window ${window.start} to ${window.end} for a period of it`
          : `${series.id} has no artifact for ${cell.period.label} (${cell.period.start} to ${cell.period.end}), a ${series.data.frequency} period of the audit window`,
        hint: annual
          ? 'Add the artifact of this year’s occurrence under `artifacts:`. If the control did not operate, disclose it under `exceptions:`.'
          : `Add the artifact that covers it, with \`period: ${cell.period.label}\`. If the control did not operate then, disclose it under \`exceptions:\` (period, description, disclosed, response).`,
      });
    } else if (cell.state === 'late') {
      const index = cell.artifacts[0]!;
      const artifact = series.data.artifacts[index]!;
      const deadline = addDays(cell.period.end, collectionGraceDays[unit]);
      diagnostics.push({
        ...evidenceSeverity(context),
        code: 'TB605',
        file: series.file,
        line: lineOf(series, 'artifacts', index, artifact.performed ? 'performed' : 'collected'),
        subject,
        message: `the ${cell.period.label} occurrence of ${series.id} was performed ${performedOn(artifact)}, after ${deadline} (${collectionGraceDays[unit]} days past the period's end)`,
        hint: 'A control that operates late did not operate as described: disclose it under `exceptions:`. If it was in fact performed on time and only collected later, record the day it was done as `performed:`.',
      });
    }
  }
  const periods = windowPeriods(unit, window);
  series.data.artifacts.forEach((artifact, index) => {
    const spanned = periodsSpanned(artifact, unit, periods);
    if (spanned <= 1) return;
    diagnostics.push({
      severity: 'warning',
      code: 'TB604',
      file: series.file,
      line: lineOf(series, 'artifacts', index, 'period'),
      subject: { kind: 'evidence', id: series.id },
      message: `one artifact claims ${plural(spanned, `${series.data.frequency} period`)}; it evidences one occurrence, not ${spanned}`,
      hint: `A ${series.data.frequency} control needs the record of each occurrence: add one artifact per period, or, if the series really is collected less often, change its \`frequency\`.`,
    });
  });
  return diagnostics;
}

function checkExceptions(series: Document<EvidenceData>, window: AuditWindow, asOf: string): Diagnostic[] {
  return series.data.exceptions.flatMap((exception, index): Diagnostic[] => {
    const range = resolvePeriod(exception.period);
    const line = lineOf(series, 'exceptions', index);
    const subject = { kind: 'evidence' as const, id: series.id, ...(range ? { period: range.label } : {}) };
    if (!range || range.end < window.start || range.start > window.end) {
      return [
        {
          severity: 'error',
          code: 'TB607',
          file: series.file,
          line: lineOf(series, 'exceptions', index, 'period'),
          subject,
          message: `exception for ${range?.label ?? String(exception.period)} lies outside the audit window ${window.start} to ${window.end}`,
          hint: 'An exception reports a period of the audit window in which the control did not operate: correct its `period`.',
        },
      ];
    }
    return [
      {
        severity: 'warning',
        code: 'TB606',
        file: series.file,
        line,
        subject,
        message: `exception disclosed ${exception.disclosed} for ${range.label}: ${exception.description}${
          exception.remediated
            ? ` (remediated ${exception.remediated})`
            : exception.disclosed <= asOf
              ? ' (not yet remediated)'
              : ''
        }`,
        hint: 'The auditor will report this deviation with management’s response. Nothing to fix here; record `remediated:` once the cause is dealt with.',
      },
    ];
  });
}

function checkArtifactDates(series: Document<EvidenceData>, asOf: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unit = periodUnitOf(series.data.frequency);
  series.data.artifacts.forEach((artifact, index) => {
    const subject = { kind: 'evidence' as const, id: series.id, artifact: index };
    if (artifact.collected > asOf) {
      diagnostics.push({
        severity: 'error',
        code: 'TB602',
        file: series.file,
        line: lineOf(series, 'artifacts', index, 'collected'),
        subject,
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
        subject,
        message: `period \`${String(artifact.period)}\` does not exist (that year has fewer ISO weeks)`,
        hint: 'Use a week number that exists in that year, or write the period as `{ start, end }`.',
      });
      return;
    }
    const claimed = unit
      ? artifactPeriod(artifact, unit)
      : artifact.period !== undefined
        ? resolvePeriod(artifact.period)
        : undefined;
    if (predatesClaim(artifact, claimed)) {
      const collectedFirst = artifact.performed !== undefined && artifact.collected < artifact.performed;
      diagnostics.push({
        severity: 'error',
        code: 'TB603',
        file: series.file,
        line: lineOf(
          series,
          'artifacts',
          index,
          collectedFirst ? 'collected' : artifact.performed ? 'performed' : 'collected',
        ),
        subject,
        message: collectedFirst
          ? `artifact collected ${artifact.collected}, before the control was performed (${artifact.performed})`
          : `artifact dated ${performedOn(artifact)} claims ${claimed!.label}, which only began ${claimed!.start}`,
        hint: 'Evidence of a period cannot exist before the period began: correct `period` to the period it really covers, or the dates.',
      });
    }
  });
  return diagnostics;
}

/** Type I: each implemented control shows evidence that existed on the report date. */
function checkTypeOneEvidence(model: ProgramModel, asOf: string): Diagnostic[] {
  const audit = model.program?.data.audit;
  if (audit?.type !== 'I' || !audit.date || asOf < audit.date) return [];
  const reportDate = audit.date;
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    if (series.data.artifacts.length === 0 || implementedControlsOf(model, series).length === 0) continue;
    if (series.data.artifacts.some((artifact) => artifact.collected <= reportDate)) continue;
    diagnostics.push({
      severity: 'error',
      code: 'TB608',
      file: series.file,
      line: lineOf(series, 'artifacts'),
      subject: { kind: 'evidence', id: series.id },
      message: `every artifact of ${series.id} was collected after the Type I report date ${reportDate}`,
      hint: 'A Type I report speaks for the design on its date: add the evidence that existed then, or move the report date.',
    });
  }
  return diagnostics;
}
