/**
 * Operating effectiveness over the Type II window: a control with more disclosed deviations than its sample
 * tolerates did not operate effectively (TB609), a series whose every occurrence is a disclosed exception
 * never ran (TB610), and an exception must concern something real: a period it was disclosed after, and an
 * event the population lists (TB611, TB612).
 */
import type { EvidenceData } from '../../schema/index.ts';
import { judgedWindow, operatingSpan } from '../coverage.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { controlEffectiveness, deviationsOf } from '../effectiveness.ts';
import { auditWindow } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { periodUnitOf, resolvePeriod } from '../periods.ts';
import { listedEvents } from '../sampling.ts';
import type { Rule } from './context.ts';

const evidence = (series: Document<EvidenceData>) => ({ kind: 'evidence' as const, id: series.id });

export const operatingEffectivenessRule: Rule = (model, context) => {
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    for (const diagnostic of checkExceptionDates(series)) diagnostics.push(diagnostic);
    for (const diagnostic of checkExceptionEvents(model, series, context.asOf)) diagnostics.push(diagnostic);
  }
  const judged = judgedWindow(model, context.asOf);
  if (!judged) return diagnostics;
  const reportedNeverRan = new Set<Document<EvidenceData>>();
  for (const control of model.controls) {
    if (!operatingSpan(control, judged)) continue;
    const effectiveness = controlEffectiveness(model, control, context.asOf);
    if (!effectiveness || effectiveness.effective) continue;
    if (effectiveness.neverRan.length > 0) {
      for (const series of effectiveness.neverRan) {
        if (reportedNeverRan.has(series)) continue;
        reportedNeverRan.add(series);
        const deviations = deviationsOf(model, series, context.asOf)!;
        const where = { file: series.file, line: lineOf(series, 'exceptions'), subject: evidence(series) };
        diagnostics.push(finding('TB610', where, series.id, deviations.occurrences, series.data.frequency));
      }
      continue;
    }
    const subject = { kind: 'control' as const, id: control.id };
    diagnostics.push(
      finding('TB609', { file: control.file, line: lineOf(control, 'frequency'), subject }, control.id, effectiveness),
    );
  }
  return diagnostics;
};

/** An exception cannot be disclosed, or remediated, before the period it concerns began. */
function checkExceptionDates(series: Document<EvidenceData>): Diagnostic[] {
  return series.data.exceptions.flatMap((exception, index): Diagnostic[] => {
    const range = resolvePeriod(exception.period);
    if (!range) return [];
    const early = (['disclosed', 'remediated'] as const).find((field) => {
      const date = exception[field];
      return date !== undefined && date < range.start;
    });
    if (!early) return [];
    return [
      finding(
        'TB611',
        {
          file: series.file,
          line: lineOf(series, 'exceptions', index, early),
          subject: { kind: 'evidence', id: series.id, period: range.label },
        },
        range.label,
        early,
        exception[early]!,
        range.start,
      ),
    ];
  });
}

/** A per-event exception names an event of the population the auditor samples from. */
function checkExceptionEvents(model: ProgramModel, series: Document<EvidenceData>, asOf: string): Diagnostic[] {
  const window = auditWindow(model);
  if (!window || periodUnitOf(series.data.frequency) !== undefined) return [];
  if (!series.data.exceptions.some((exception) => exception.sample !== undefined)) return [];
  const listed = listedEvents(model, series, window, asOf);
  if (!listed) return [];
  return series.data.exceptions.flatMap((exception, index): Diagnostic[] =>
    exception.sample === undefined || listed.has(exception.sample)
      ? []
      : [
          finding(
            'TB612',
            { file: series.file, line: lineOf(series, 'exceptions', index, 'sample'), subject: evidence(series) },
            exception.sample,
            series.id,
          ),
        ],
  );
}
