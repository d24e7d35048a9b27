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
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { periodUnitOf, resolvePeriod } from '../periods.ts';
import { listedEvents } from '../sampling.ts';
import { plural, type Rule } from './context.ts';

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
        diagnostics.push({
          severity: 'error',
          code: 'TB610',
          file: series.file,
          line: lineOf(series, 'exceptions'),
          subject: { kind: 'evidence', id: series.id },
          message: `every occurrence of ${series.id} due in the window (${plural(deviations.occurrences, `${series.data.frequency} period`)}) is a disclosed exception with no artifact: the control never ran`,
          hint: 'Disclosing that a control never ran is honest, but the control did not operate: the auditor will report it. If it did run in some periods, record those artifacts and narrow the exceptions to the periods it missed.',
        });
      }
      continue;
    }
    diagnostics.push({
      severity: 'warning',
      code: 'TB609',
      file: control.file,
      line: lineOf(control, 'frequency'),
      subject: { kind: 'control', id: control.id },
      message: `${control.id} deviated in ${effectiveness.deviations} of ${plural(effectiveness.occurrences, 'occurrence')} of the window; a sample of ${effectiveness.sampleSize} tolerates ${effectiveness.tolerable === 0 ? 'none' : `at most ${effectiveness.tolerable}`}, so it did not operate effectively throughout the period`,
      hint: 'The auditor will report the deviations as exceptions to this control. Its criteria stay met only where another control addressing them operated effectively (TB315 says where none did). See docs/sampling.md, "Tolerable deviations".',
    });
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
      {
        severity: 'error',
        code: 'TB611',
        file: series.file,
        line: lineOf(series, 'exceptions', index, early),
        subject: { kind: 'evidence', id: series.id, period: range.label },
        message: `exception for ${range.label} was ${early} ${exception[early]}, before the period began on ${range.start}`,
        hint: 'A deviation is disclosed and remediated after it happened: correct the exception’s `period` to the period in which the control failed, or the dates.',
      },
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
          {
            severity: 'error',
            code: 'TB612',
            file: series.file,
            line: lineOf(series, 'exceptions', index, 'sample'),
            subject: { kind: 'evidence', id: series.id },
            message: `exception names event ${exception.sample}, which the population of ${series.id} does not list`,
            hint: 'An exception concerns an event of the population: name it by its id in the population export (its first column), or correct the population, which is then not complete.',
          },
        ],
  );
}
