/**
 * Personnel populations: the audit window's new hires and leavers, taken from content/people.yaml, with the
 * onboarding and offboarding facts an auditor tests for each person. One computation for the rules (TB508,
 * TB513, TB514, TB408), sampling, the workpaper and the auditor site, so they always agree.
 */
import type { EvidenceData, ExceptionData, StaffData } from '../schema/index.ts';
import { addDays } from './dates.ts';
import { trainingDue } from './deadlines.ts';
import { auditWindow, type AuditWindow } from './evidence-timeline.ts';
import type { ArtifactFileState, Document, ProgramModel } from './model.ts';

export type Cohort = NonNullable<EvidenceData['cohort']>;

export const cohortLabels: Record<Cohort, string> = {
  'new-hires': 'new hires',
  leavers: 'leavers',
};

/** One person of a cohort: their record, its index in people.yaml, and the day that puts them in it. */
export interface CohortMember {
  person: StaffData;
  index: number;
  /** `hired` for a new hire, `left` for a leaver. */
  date: string;
}

/** The date that puts a person in a cohort, if they have one. */
export function cohortDate(person: StaffData, cohort: Cohort): string | undefined {
  return cohort === 'new-hires' ? person.hired : person.left;
}

/**
 * The people who joined (or left) inside the window, up to the evaluation date: the register's population of
 * onboarding (or offboarding) events, in date order.
 */
export function cohortMembers(model: ProgramModel, cohort: Cohort, window: AuditWindow, asOf: string): CohortMember[] {
  const end = window.end < asOf ? window.end : asOf;
  return (model.people?.data.staff ?? [])
    .flatMap((person, index): CohortMember[] => {
      const date = cohortDate(person, cohort);
      return date !== undefined && date >= window.start && date <= end ? [{ person, index, date }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.person.id.localeCompare(b.person.id));
}

/**
 * From when joiners and leavers are tested: the start of the window (Type II), or a year before the report
 * date (Type I). Undefined when the program has neither.
 */
export function personnelTestedFrom(model: ProgramModel): string | undefined {
  const window = auditWindow(model);
  const date = model.program?.data.audit.date;
  return window?.start ?? (date !== undefined ? addDays(date, -365) : undefined);
}

export type StaffCohort = 'current' | 'new-hire' | 'leaver' | 'former';

/**
 * Where a person stands for the audit window, as of `asOf`: on staff since before it (`current`), joined
 * during it and still on staff (`new-hire`), left during it (`leaver`), or left before it (`former`). Without a
 * window, everyone on staff is `current` and everyone who left a `leaver`.
 */
export function staffCohort(person: StaffData, window: AuditWindow | undefined, asOf: string): StaffCohort {
  const left = person.left !== undefined && person.left <= asOf;
  if (left) return window !== undefined && person.left! < window.start ? 'former' : 'leaver';
  return window !== undefined && person.hired >= window.start ? 'new-hire' : 'current';
}

/** What an auditor tests for a new hire: screened before access, trained in time, access recorded. */
export interface Onboarding {
  member: CohortMember;
  backgroundCheck: string | undefined;
  /** The first day the person could reach company systems: the earlier of `access_granted` and `hired`. */
  firstAccess: string;
  /** Whether the check was completed on or before the first access; undefined when no check is recorded. */
  screenedBeforeAccess: boolean | undefined;
  accessGranted: string | undefined;
  /** The first training on or after the hire date, if any. */
  firstTraining: string | undefined;
  /** When the first training was due. */
  trainingDue: string;
}

export function onboardingOf(member: CohortMember): Onboarding {
  const { person } = member;
  const firstAccess =
    person.access_granted !== undefined && person.access_granted < person.hired ? person.access_granted : person.hired;
  const check = person.background_check;
  return {
    member,
    backgroundCheck: check,
    firstAccess,
    screenedBeforeAccess: check === undefined ? undefined : check <= firstAccess,
    accessGranted: person.access_granted,
    firstTraining: [...person.trainings].sort().find((date) => date >= person.hired),
    trainingDue: trainingDue({ hired: person.hired, trainings: [] }),
  };
}

export type RemovalState = 'on-time' | 'late' | 'missing' | 'not-yet-due';

/** What an auditor tests for a leaver: every access removed within the deadline after the last day. */
export interface Offboarding {
  member: CohortMember;
  accessRemoved: string | undefined;
  deadline: string;
  state: RemovalState;
}

/** Days after the last day by which a leaver's access must be gone: `access_removal_days`, else 1. */
export function accessRemovalDays(model: ProgramModel): number {
  return model.program?.data.access_removal_days ?? 1;
}

export function offboardingOf(model: ProgramModel, person: StaffData, asOf: string): Omit<Offboarding, 'member'> {
  const left = person.left ?? asOf;
  const deadline = addDays(left, accessRemovalDays(model));
  const removed = person.access_removed;
  const state: RemovalState =
    removed === undefined ? (deadline >= asOf ? 'not-yet-due' : 'missing') : removed > deadline ? 'late' : 'on-time';
  return { accessRemoved: removed, deadline, state };
}

/** The window's personnel populations with each person's facts. */
export interface PersonnelReview {
  newHires: Onboarding[];
  leavers: Offboarding[];
}

export function personnelReview(model: ProgramModel, window: AuditWindow, asOf: string): PersonnelReview {
  return {
    newHires: cohortMembers(model, 'new-hires', window, asOf).map(onboardingOf),
    leavers: cohortMembers(model, 'leavers', window, asOf).map((member) => ({
      member,
      ...offboardingOf(model, member.person, asOf),
    })),
  };
}

/**
 * The person each row of a population export is about: its `person` column, else its first. Undefined when
 * the export is not a CSV kept in the repository.
 */
export function exportPeople(state: ArtifactFileState | undefined): { item: string; person: string }[] | undefined {
  if (state?.status !== 'present' || !state.csvRows || !state.csvHeader) return undefined;
  const column = state.csvHeader.findIndex((name) => name.toLowerCase() === 'person');
  return state.csvRows.map((row) => ({ item: row[0] ?? '', person: row[column < 0 ? 0 : column] ?? '' }));
}

/** A disclosed exception about a person, with the series that discloses it. */
export interface PersonException {
  series: Document<EvidenceData>;
  exception: ExceptionData;
}

/**
 * Exceptions disclosed about a person: any series' exception whose `sample` is the person's id, or, in a
 * cohort series, the id of the export row about them (an offboarding ticket, say). With `item`, only
 * exceptions naming exactly that item count (`kofi-mensah/backup` for one acknowledgement).
 */
export function exceptionsAbout(model: ProgramModel, personId: string, item?: string): PersonException[] {
  const found: PersonException[] = [];
  for (const series of model.evidence) {
    if (series.data.exceptions.length === 0) continue;
    const items = new Set([item ?? personId]);
    if (item === undefined && series.data.cohort !== undefined) {
      for (const population of series.data.population) {
        const rows = exportPeople(population.file ? model.artifactFiles.get(population.file) : undefined) ?? [];
        for (const row of rows) if (row.person === personId) items.add(row.item);
      }
    }
    for (const exception of series.data.exceptions) {
      if (exception.sample !== undefined && items.has(exception.sample)) found.push({ series, exception });
    }
  }
  return found;
}
