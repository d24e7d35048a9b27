/**
 * People: every current staff member has a background check on record (training dates are deadlines); every
 * new hire of the audit window was screened before reaching company systems (TB514); every leaver's access
 * was removed within the offboarding deadline (TB513). Leavers before the audit window are history; a leaver
 * whose last day is still to come is not due yet. A deviation disclosed as an exception about the person is
 * the auditor's record of it: a warning until remediated, then nothing.
 */
import { isCurrentStaff, TRAINING_GRACE_DAYS } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { disclosedDeviation, finding } from '../findings/finding.ts';
import { lineOf, type ProgramModel } from '../model.ts';
import { exceptionsAbout, offboardingOf, onboardingOf, personnelTestedFrom } from '../personnel.ts';
import type { Rule } from './context.ts';

/**
 * How a deviation about a person is reported: an error, or, once disclosed as an exception, a warning until
 * the exception is remediated (and nothing after). The message then names where it is disclosed.
 */
export function personDeviation(
  model: ProgramModel,
  personId: string,
  diagnostic: Diagnostic,
  item?: string,
): Diagnostic | undefined {
  const disclosed = exceptionsAbout(model, personId, item);
  if (disclosed.length === 0) return diagnostic;
  if (disclosed.every(({ exception }) => exception.remediated !== undefined)) return undefined;
  return disclosedDeviation(diagnostic, [...new Set(disclosed.map(({ series }) => series.id))].join(', '));
}

export const peopleRule: Rule = (model, context) => {
  const people = model.people;
  if (!people) return [];
  const days = model.program?.data.access_removal_days ?? 1;
  const from = personnelTestedFrom(model);
  const diagnostics: Diagnostic[] = [];
  const push = (personId: string, diagnostic: Diagnostic) => {
    const reported = personDeviation(model, personId, diagnostic);
    if (reported) diagnostics.push(reported);
  };
  people.data.staff.forEach((person, index) => {
    const subject = { kind: 'person' as const, id: person.id };
    const newHire = from !== undefined && person.hired >= from && person.hired <= context.asOf;
    if ((isCurrentStaff(person, context.asOf) || newHire) && !person.background_check) {
      diagnostics.push(
        finding('TB508', { file: people.file, line: lineOf(people, 'staff', index), subject }, person.id),
      );
    } else if (newHire) {
      const onboarding = onboardingOf({ person, index, date: person.hired });
      const trained = onboarding.firstTraining;
      const leftUntrained =
        trained === undefined &&
        person.left !== undefined &&
        person.left <= context.asOf &&
        onboarding.trainingDue < person.left;
      if ((trained !== undefined && trained > onboarding.trainingDue) || leftUntrained) {
        const where = {
          file: people.file,
          line: lineOf(people, 'staff', index, 'trainings'),
          subject,
          severity: 'error',
        } as const;
        const due = { person: person.id, due: onboarding.trainingDue };
        const late =
          trained !== undefined
            ? { ...due, trained, hired: person.hired, graceDays: TRAINING_GRACE_DAYS }
            : { ...due, left: person.left };
        push(person.id, finding('TB507', where, late));
      }
      if (onboarding.screenedBeforeAccess === false) {
        const late = onboarding.firstAccess === person.hired ? 'started work' : 'was given access';
        const where = { file: people.file, line: lineOf(people, 'staff', index, 'background_check'), subject };
        const screened = person.background_check;
        push(
          person.id,
          finding('TB514', { ...where, severity: 'error' }, person.id, late, onboarding.firstAccess, screened),
        );
      }
    }
    const { left } = person;
    if (left === undefined || left > context.asOf || (from !== undefined && left < from)) return;
    const offboarding = offboardingOf(model, person, context.asOf);
    if (offboarding.state === 'missing') {
      const where = {
        file: people.file,
        line: lineOf(people, 'staff', index, 'left'),
        subject,
        severity: 'error',
      } as const;
      push(person.id, finding('TB513', where, person.id, { left, deadline: offboarding.deadline }));
    } else if (offboarding.state === 'late') {
      const line = lineOf(people, 'staff', index, 'access_removed');
      const removal = { left, deadline: offboarding.deadline, removed: offboarding.accessRemoved, days };
      push(person.id, finding('TB513', { file: people.file, line, subject, severity: 'error' }, person.id, removal));
    }
  });
  return diagnostics;
};
