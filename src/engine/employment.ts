/**
 * Who could act for the company on a given day: the staff employed that day (from `hired` to `left`, both
 * included: `left` is the last day of work), and for a role, whoever on staff held it. A person has one role
 * in content/people.yaml, so a role's holders on a day are the people with that role employed that day.
 * One computation for the employment rule (TB809, TB810) and anything that shows who acted.
 */
import type { PeopleData, StaffData } from '../schema/index.ts';

/** Whether the person was on staff on `date`. */
export function employedOn(person: Pick<StaffData, 'hired' | 'left'>, date: string): boolean {
  return person.hired <= date && (person.left === undefined || date <= person.left);
}

/** What an `owner`, `approved_by` or `signed_by` id names, and who could have acted under it on a day. */
export type Actor =
  /** A staff member: `holders` is them, if employed on the day. */
  | { kind: 'person'; person: StaffData; holders: StaffData[] }
  /** A role some staff record holds: `holders` are those employed on the day. */
  | { kind: 'role'; everyone: StaffData[]; holders: StaffData[] }
  /**
   * A role no staff record holds, or an id people.yaml does not know (TB206 reports that): the register does
   * not say who acted, so nothing is judged.
   */
  | { kind: 'unknown' };

export function actorOn(people: PeopleData | undefined, id: string, date: string): Actor {
  const staff = people?.staff ?? [];
  const person = staff.find((candidate) => candidate.id === id);
  if (person) return { kind: 'person', person, holders: employedOn(person, date) ? [person] : [] };
  const everyone = staff.filter((candidate) => candidate.role === id);
  if (everyone.length === 0) return { kind: 'unknown' };
  return { kind: 'role', everyone, holders: everyone.filter((holder) => employedOn(holder, date)) };
}

/** A person's time on staff, for a message: "hired 2024-01-10, left 2026-03-31". */
export function tenure(person: Pick<StaffData, 'hired' | 'left'>): string {
  return `hired ${person.hired}${person.left !== undefined ? `, left ${person.left}` : ''}`;
}
