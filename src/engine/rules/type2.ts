/**
 * Type II: for each periodic evidence series, every occurrence of its frequency inside the audit window is
 * evidenced on time, or disclosed as an exception. Also the artifact dates every audit relies on: nothing
 * collected in the future, nothing dated before what it claims, one artifact per occurrence; and for a
 * Type I audit, evidence that existed on the report date.
 */
import type { EvidenceData } from '../../schema/index.ts';
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
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
import { evidenceSeverity, type Rule, type RuleContext } from './context.ts';

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
      const where = { ...evidenceSeverity(context), file: series.file, line: lineOf(series, 'artifacts'), subject };
      const missing = annual
        ? ({ annual: true, window } as const)
        : ({ annual: false, period: cell.period, frequency: series.data.frequency } as const);
      diagnostics.push(finding('TB601', where, series.id, missing));
    } else if (cell.state === 'late') {
      const index = cell.artifacts[0]!;
      const artifact = series.data.artifacts[index]!;
      const deadline = addDays(cell.period.end, collectionGraceDays[unit]);
      const where = {
        ...evidenceSeverity(context),
        file: series.file,
        line: lineOf(series, 'artifacts', index, artifact.performed ? 'performed' : 'collected'),
        subject,
      };
      const [label, performed, days] = [cell.period.label, performedOn(artifact), collectionGraceDays[unit]];
      diagnostics.push(finding('TB605', where, label, series.id, performed, deadline, days));
    }
  }
  const periods = windowPeriods(unit, window);
  series.data.artifacts.forEach((artifact, index) => {
    const spanned = periodsSpanned(artifact, unit, periods);
    if (spanned <= 1) return;
    const where = {
      file: series.file,
      line: lineOf(series, 'artifacts', index, 'period'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    diagnostics.push(finding('TB604', where, spanned, series.data.frequency));
  });
  return diagnostics;
}

function checkExceptions(series: Document<EvidenceData>, window: AuditWindow, asOf: string): Diagnostic[] {
  return series.data.exceptions.flatMap((exception, index): Diagnostic[] => {
    const range = resolvePeriod(exception.period);
    const line = lineOf(series, 'exceptions', index);
    const subject = { kind: 'evidence' as const, id: series.id, ...(range ? { period: range.label } : {}) };
    if (!range || range.end < window.start || range.start > window.end) {
      const where = { file: series.file, line: lineOf(series, 'exceptions', index, 'period'), subject };
      return [finding('TB607', where, range?.label ?? String(exception.period), window)];
    }
    const { disclosed, description, remediated } = exception;
    return [
      finding('TB606', { file: series.file, line, subject }, disclosed, range.label, description, remediated, asOf),
    ];
  });
}

function checkArtifactDates(series: Document<EvidenceData>, asOf: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unit = periodUnitOf(series.data.frequency);
  series.data.artifacts.forEach((artifact, index) => {
    const subject = { kind: 'evidence' as const, id: series.id, artifact: index };
    if (artifact.collected > asOf) {
      const where = { file: series.file, line: lineOf(series, 'artifacts', index, 'collected'), subject };
      diagnostics.push(finding('TB602', where, artifact.collected, asOf));
    }
    if (artifact.period !== undefined && !resolvePeriod(artifact.period)) {
      const where = { file: series.file, line: lineOf(series, 'artifacts', index, 'period'), subject };
      diagnostics.push(finding('TB104', where, { what: 'week', period: String(artifact.period) }));
      return;
    }
    const claimed = unit
      ? artifactPeriod(artifact, unit)
      : artifact.period !== undefined
        ? resolvePeriod(artifact.period)
        : undefined;
    if (predatesClaim(artifact, claimed)) {
      const collectedFirst = artifact.performed !== undefined && artifact.collected < artifact.performed;
      const field = collectedFirst ? 'collected' : artifact.performed ? 'performed' : 'collected';
      const where = { file: series.file, line: lineOf(series, 'artifacts', index, field), subject };
      const early = collectedFirst
        ? ({ collectedFirst: true, collected: artifact.collected, performed: artifact.performed } as const)
        : ({ collectedFirst: false, dated: performedOn(artifact), claimed: claimed! } as const);
      diagnostics.push(finding('TB603', where, early));
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
    const where = {
      file: series.file,
      line: lineOf(series, 'artifacts'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    diagnostics.push(finding('TB608', where, series.id, reportDate));
  }
  return diagnostics;
}
