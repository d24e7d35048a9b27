/** People: every current staff member has a background check on record. Training dates are deadlines. */
import { isCurrentStaff } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

export const peopleRule: Rule = (model, context) => {
  const people = model.people;
  if (!people) return [];
  return people.data.staff.flatMap((person, index): Diagnostic[] =>
    isCurrentStaff(person, context.asOf) && !person.background_check
      ? [
          {
            severity: 'error',
            code: 'TB508',
            file: people.file,
            line: lineOf(people, 'staff', index),
            subject: { kind: 'person', id: person.id },
            message: `${person.id} has no background check on record`,
            hint: 'Record the date the check was completed as `background_check:` on the staff record.',
          },
        ]
      : [],
  );
};
