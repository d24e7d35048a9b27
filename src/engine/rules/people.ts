/** People: current staff have a background check and security training within 30 days of hire and yearly. */
import { addDays, addMonths } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import type { StaffData } from '../../schema/index.ts';
import type { Rule, RuleContext } from './context.ts';
import { dueFinding } from './expiry.ts';

/** Days a new hire has to complete security training. */
export const TRAINING_GRACE_DAYS = 30;

export function isCurrentStaff(person: StaffData, asOf: string): boolean {
  return person.hired <= asOf && (!person.left || person.left > asOf);
}

/** When a person's next security training is due. */
export function trainingDue(person: StaffData): string {
  const latest = [...person.trainings].sort().at(-1);
  return latest ? addMonths(latest, 12) : addDays(person.hired, TRAINING_GRACE_DAYS);
}

export const peopleRule: Rule = (model, context: RuleContext) => {
  const people = model.people;
  if (!people) return [];
  const diagnostics: Diagnostic[] = [];
  people.data.staff.forEach((person, index) => {
    if (!isCurrentStaff(person, context.asOf)) return;
    if (!person.background_check) {
      diagnostics.push({
        severity: 'error',
        code: 'TB508',
        file: people.file,
        line: lineOf(people, 'staff', index),
        message: `${person.id} has no background check on record`,
        hint: 'Record the date the check was completed as `background_check:` on the staff record.',
      });
    }
    const trained = person.trainings.length > 0;
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB507',
          document: people,
          path: ['staff', index, trained ? 'trainings' : 'id'],
          due: trainingDue(person),
          what: trained
            ? `the yearly security training of ${person.id}`
            : `the first security training of ${person.id} (hired ${person.hired})`,
          hint: 'Record the completion date under `trainings:` on the staff record.',
        },
        context,
      ),
    );
  });
  return diagnostics;
};
