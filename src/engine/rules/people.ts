/**
 * People: every current staff member has a background check on record (training dates are deadlines), and
 * every leaver's access was removed within the offboarding deadline. Leavers before the audit window are
 * history; a leaver whose last day is still to come is not due yet.
 */
import { addDays } from '../dates.ts';
import { isCurrentStaff } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { auditWindow } from '../evidence-timeline.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

export const peopleRule: Rule = (model, context) => {
  const people = model.people;
  if (!people) return [];
  const days = model.program?.data.access_removal_days ?? 1;
  const window = auditWindow(model);
  const audit = model.program?.data.audit;
  // Offboarding is checked from the start of the window (Type II) or a year before the report date (Type I).
  const from = window?.start ?? (audit?.date ? addDays(audit.date, -365) : undefined);
  const diagnostics: Diagnostic[] = [];
  people.data.staff.forEach((person, index) => {
    const subject = { kind: 'person' as const, id: person.id };
    if (isCurrentStaff(person, context.asOf) && !person.background_check) {
      diagnostics.push({
        severity: 'error',
        code: 'TB508',
        file: people.file,
        line: lineOf(people, 'staff', index),
        subject,
        message: `${person.id} has no background check on record`,
        hint: 'Record the date the check was completed as `background_check:` on the staff record.',
      });
    }
    const { left, access_removed } = person;
    if (left === undefined || left > context.asOf || (from !== undefined && left < from)) return;
    const deadline = addDays(left, days);
    if (access_removed === undefined) {
      if (deadline >= context.asOf) return; // still within the deadline
      diagnostics.push({
        severity: 'error',
        code: 'TB513',
        file: people.file,
        line: lineOf(people, 'staff', index, 'left'),
        subject,
        message: `${person.id} left ${left}, and no removal of their access is recorded (due by ${deadline})`,
        hint: 'Record the day the last of their access was removed as `access_removed:`, from the offboarding ticket.',
      });
    } else if (access_removed > deadline) {
      diagnostics.push({
        severity: 'error',
        code: 'TB513',
        file: people.file,
        line: lineOf(people, 'staff', index, 'access_removed'),
        subject,
        message: `${person.id}'s access was removed ${access_removed}, after the deadline ${deadline} (${days} day${days === 1 ? '' : 's'} after leaving on ${left})`,
        hint: 'Late removal is a deviation: disclose it to the auditor as an exception of the offboarding evidence series, or correct the date if it is wrong.',
      });
    }
  });
  return diagnostics;
};
