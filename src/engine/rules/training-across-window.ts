/**
 * Security training throughout the window: everyone employed during the Type II window, leavers included,
 * was trained within the training interval on every day of their employment in it (a first training within
 * the grace days of joining, then one a year). A lapse that a later training closed, or that lasted until the
 * person left, was a deviation in the window even though nothing is overdue today (TB526). A lapse still open
 * on the evaluation date, and a new hire's late first training, are TB507's.
 */
import { addDays, addMonths } from '../dates.ts';
import { isCurrentStaff, TRAINING_GRACE_DAYS } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import { personnelTestedFrom } from '../personnel.ts';
import { clip, describeSpan, uncovered, type DateSpan } from '../spans.ts';
import { judgedWindow } from '../coverage.ts';
import type { Rule } from './context.ts';
import { personDeviation } from './people.ts';

/**
 * The days a person counted as trained: the grace days after joining, then a year after each training, up to
 * the day before the next one is due (a training on its due date leaves no lapse; a day later leaves one).
 */
export function trainedSpans(person: { hired: string; trainings: readonly string[] }): DateSpan[] {
  return [
    { start: person.hired, end: addDays(person.hired, TRAINING_GRACE_DAYS - 1) },
    ...person.trainings.map((date) => ({ start: date, end: addDays(addMonths(date, 12), -1) })),
  ];
}

export const trainingAcrossWindowRule: Rule = (model, context) => {
  const people = model.people;
  const judged = judgedWindow(model, context.asOf);
  if (!people || !judged) return [];
  const testedFrom = personnelTestedFrom(model);
  const diagnostics: Diagnostic[] = [];
  people.data.staff.forEach((person, index) => {
    const employed = clip({ start: person.hired, end: person.left ?? judged.end }, judged);
    if (!employed) return;
    const current = isCurrentStaff(person, context.asOf);
    const newHire = testedFrom !== undefined && person.hired >= testedFrom;
    const firstDue = addDays(person.hired, TRAINING_GRACE_DAYS);
    for (const lapse of uncovered(employed, trainedSpans(person))) {
      // Not closed by a later training, on someone still on staff: TB507 says it is overdue.
      if (current && !person.trainings.some((date) => date > lapse.end)) continue;
      // A new hire's late first training: TB507 reports it.
      if (newHire && lapse.start === firstDue) continue;
      const where = {
        severity: 'error' as const,
        file: people.file,
        line: lineOf(people, 'staff', index, person.trainings.length > 0 ? 'trainings' : 'hired'),
        subject: { kind: 'person' as const, id: person.id },
      };
      const reported = personDeviation(model, person.id, finding('TB526', where, person.id, describeSpan(lapse)));
      if (reported) diagnostics.push(reported);
    }
  });
  return diagnostics;
};
