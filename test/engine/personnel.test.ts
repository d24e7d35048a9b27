/**
 * The window's new hires and leavers and what an auditor tests of each (src/engine/personnel.ts), on models built
 * by hand: hires and leavers on the window's first and last day and the evaluation date, and the days either side.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import { emptyModel, type ArtifactFileState, type ProgramModel } from '../../src/engine/model.ts';
import {
  accessRemovalDays,
  cohortDate,
  cohortLabels,
  cohortMembers,
  exceptionsAbout,
  exportPeople,
  offboardingOf,
  onboardingOf,
  personnelReview,
  personnelTestedFrom,
  staffCohort,
} from '../../src/engine/personnel.ts';
import type { EvidenceData, Program, StaffData } from '../../src/schema/index.ts';

const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

function person(id: string, data: Partial<StaffData> = {}): StaffData {
  return { id, role: 'engineer', hired: '2024-01-10', trainings: [], ...data } as StaffData;
}

function model(
  staff: StaffData[] = [],
  program?: Partial<Program>,
  evidence: Partial<EvidenceData>[] = [],
  files: [string, ArtifactFileState][] = [],
): ProgramModel {
  const built = emptyModel();
  built.people = { file: 'content/people.yaml', data: { roles: [], staff }, keyLines: {} as never };
  if (program) built.program = { file: 'content/program.yaml', data: program as Program, keyLines: {} as never };
  built.evidence = evidence.map((data, index) => ({
    kind: 'evidence',
    id: `EV-${index}`,
    file: `evidence-index/EV-${index}.mdx`,
    data: { exceptions: [], population: [], ...data } as EvidenceData,
    body: '',
    bodyLine: 1,
    keyLines: {} as never,
  }));
  built.artifactFiles = new Map(files);
  return built;
}

const exception = (sample: string | undefined, remediated?: string) => ({
  period: '2026-Q1',
  description: 'late',
  disclosed: '2026-04-01',
  response: 'fixed',
  ...(sample !== undefined ? { sample } : {}),
  ...(remediated ? { remediated } : {}),
});

const anyDay = fc
  .integer({ min: toDayNumber('2025-06-01'), max: toDayNumber('2027-06-30') })
  .map((day) => fromDayNumber(day));

describe('the cohorts', () => {
  it('are labelled for people to read', () => {
    expect(cohortLabels).toEqual({ 'new-hires': 'new hires', leavers: 'leavers' });
  });

  it('put a person in by the day they joined, or the day they left', () => {
    const kofi = person('kofi', { hired: '2026-02-01', left: '2026-05-01' });
    expect(cohortDate(kofi, 'new-hires')).toBe('2026-02-01');
    expect(cohortDate(kofi, 'leavers')).toBe('2026-05-01');
    expect(cohortDate(person('ama'), 'leavers')).toBeUndefined();
  });

  it('hold who joined from the window’s first day through its last, and no one a day outside', () => {
    const staff = [
      person('before', { hired: '2025-12-31' }),
      person('first', { hired: '2026-01-01' }),
      person('last', { hired: '2026-06-30' }),
      person('after', { hired: '2026-07-01' }),
    ];
    const members = cohortMembers(model(staff), 'new-hires', WINDOW, '2026-07-15');
    expect(members.map(({ person, index, date }) => [person.id, index, date])).toEqual([
      ['first', 1, '2026-01-01'],
      ['last', 2, '2026-06-30'],
    ]);
  });

  it('end on the evaluation date while the window is still open', () => {
    const staff = [
      person('today', { left: '2026-04-15' }),
      person('tomorrow', { left: '2026-04-16' }),
      person('stays'),
    ];
    expect(cohortMembers(model(staff), 'leavers', WINDOW, '2026-04-15').map((m) => m.person.id)).toEqual(['today']);
  });

  it('are in date order, then by id', () => {
    const staff = [
      person('cy', { hired: '2026-03-01' }),
      person('bo', { hired: '2026-02-01' }),
      person('al', { hired: '2026-03-01' }),
    ];
    expect(cohortMembers(model(staff), 'new-hires', WINDOW, '2026-07-15').map((m) => m.person.id)).toEqual([
      'bo',
      'al',
      'cy',
    ]);
  });

  it('hold a day exactly when it is in the window and not after the evaluation date (property)', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (hired, asOf) => {
        const members = cohortMembers(model([person('kofi', { hired })]), 'new-hires', WINDOW, asOf);
        expect(members.length).toBe(hired >= WINDOW.start && hired <= WINDOW.end && hired <= asOf ? 1 : 0);
      }),
    );
  });

  it('are empty without a staff register', () => {
    const built = emptyModel();
    expect(cohortMembers(built, 'leavers', WINDOW, '2026-07-15')).toEqual([]);
  });
});

describe('from when joiners and leavers are tested', () => {
  it('is the window’s start (Type II), a year before the report date (Type I), or never', () => {
    expect(personnelTestedFrom(model([], { audit: { type: 'II', period: WINDOW } } as never))).toBe('2026-01-01');
    expect(personnelTestedFrom(model([], { audit: { type: 'I', date: '2026-06-30' } } as never))).toBe('2025-06-30');
    expect(personnelTestedFrom(emptyModel())).toBeUndefined();
  });
});

describe('where a person stands for the window', () => {
  it('is a leaver from their last day, even when it is the evaluation date', () => {
    expect(staffCohort(person('kofi', { left: '2026-04-15' }), WINDOW, '2026-04-15')).toBe('leaver');
    expect(staffCohort(person('kofi', { left: '2026-04-16' }), WINDOW, '2026-04-15')).toBe('current');
  });

  it('is former only for someone who left before the window’s first day', () => {
    expect(staffCohort(person('kofi', { left: '2025-12-31' }), WINDOW, '2026-04-15')).toBe('former');
    expect(staffCohort(person('kofi', { left: '2026-01-01' }), WINDOW, '2026-04-15')).toBe('leaver');
    expect(staffCohort(person('kofi', { left: '2025-12-31' }), undefined, '2026-04-15')).toBe('leaver');
  });

  it('is a new hire from the window’s first day, and current when hired the day before or without a window', () => {
    expect(staffCohort(person('kofi', { hired: '2026-01-01' }), WINDOW, '2026-04-15')).toBe('new-hire');
    expect(staffCohort(person('kofi', { hired: '2025-12-31' }), WINDOW, '2026-04-15')).toBe('current');
    expect(staffCohort(person('kofi', { hired: '2026-01-01' }), undefined, '2026-04-15')).toBe('current');
  });
});

describe('what an auditor tests for a new hire', () => {
  const member = (data: Partial<StaffData>) => {
    const hire = person('kofi', { hired: '2026-02-01', ...data });
    return { person: hire, index: 3, date: hire.hired };
  };

  it('screened on or before the first day of work, not after', () => {
    expect(onboardingOf(member({ background_check: '2026-02-01' }))).toMatchObject({
      backgroundCheck: '2026-02-01',
      firstAccess: '2026-02-01',
      screenedBeforeAccess: true,
      accessGranted: undefined,
    });
    expect(onboardingOf(member({ background_check: '2026-02-02' })).screenedBeforeAccess).toBe(false);
    expect(onboardingOf(member({})).screenedBeforeAccess).toBeUndefined();
  });

  it('counts access given before the first day as the first access, and access after it not', () => {
    const early = onboardingOf(member({ access_granted: '2026-01-30', background_check: '2026-01-31' }));
    expect(early).toMatchObject({
      firstAccess: '2026-01-30',
      screenedBeforeAccess: false,
      accessGranted: '2026-01-30',
    });
    const late = onboardingOf(member({ access_granted: '2026-02-03', background_check: '2026-02-01' }));
    expect(late).toMatchObject({ firstAccess: '2026-02-01', screenedBeforeAccess: true });
    const sameDay = onboardingOf(member({ access_granted: '2026-02-01', background_check: '2026-02-01' }));
    expect(sameDay).toMatchObject({ firstAccess: '2026-02-01', screenedBeforeAccess: true });
  });

  it('takes the first training on or after the first day, whatever order they are written in', () => {
    const trained = onboardingOf(member({ trainings: ['2026-03-05', '2026-01-20', '2026-02-01', '2026-02-20'] }));
    expect(trained).toMatchObject({ firstTraining: '2026-02-01', trainingDue: '2026-03-03' });
    expect(onboardingOf(member({ trainings: ['2026-01-31'] })).firstTraining).toBeUndefined();
    expect(onboardingOf(member({ trainings: ['2026-03-05', '2026-02-20'] })).firstTraining).toBe('2026-02-20');
  });

  it('keeps the cohort member it was given', () => {
    const given = member({});
    expect(onboardingOf(given).member).toBe(given);
  });
});

describe('what an auditor tests for a leaver', () => {
  it('allows access_removal_days, else one day', () => {
    expect(accessRemovalDays(model())).toBe(1);
    expect(accessRemovalDays(model([], { access_removal_days: 3 }))).toBe(3);
  });

  it('is on time through the deadline and late the day after', () => {
    const built = model();
    const leaver = (removed: string) => person('kofi', { left: '2026-04-15', access_removed: removed });
    expect(offboardingOf(built, leaver('2026-04-16'), '2026-07-01')).toEqual({
      accessRemoved: '2026-04-16',
      deadline: '2026-04-16',
      state: 'on-time',
    });
    expect(offboardingOf(built, leaver('2026-04-17'), '2026-07-01')).toEqual({
      accessRemoved: '2026-04-17',
      deadline: '2026-04-16',
      state: 'late',
    });
    expect(offboardingOf(model([], { access_removal_days: 3 }), leaver('2026-04-18'), '2026-07-01')).toMatchObject({
      deadline: '2026-04-18',
      state: 'on-time',
    });
  });

  it('is not yet due through the deadline, and missing from the day after', () => {
    const leaver = person('kofi', { left: '2026-04-15' });
    expect(offboardingOf(model(), leaver, '2026-04-16')).toEqual({
      accessRemoved: undefined,
      deadline: '2026-04-16',
      state: 'not-yet-due',
    });
    expect(offboardingOf(model(), leaver, '2026-04-17').state).toBe('missing');
  });

  it('counts from the evaluation date for someone with no last day', () => {
    expect(offboardingOf(model(), person('kofi'), '2026-04-15')).toMatchObject({ deadline: '2026-04-16' });
  });

  it('is late exactly when the removal is after the deadline (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -3, max: 10 }), fc.integer({ min: 0, max: 5 }), (left, after, days) => {
        const removed = addDays(left, after);
        const state = offboardingOf(
          model([], { access_removal_days: days }),
          person('kofi', { left, access_removed: removed }),
          '2028-01-01',
        ).state;
        expect(state).toBe(after > days ? 'late' : 'on-time');
      }),
    );
  });
});

describe('the window’s personnel review', () => {
  it('holds the new hires’ onboarding and the leavers’ offboarding', () => {
    const staff = [
      person('kofi', { hired: '2026-02-01', background_check: '2026-01-20' }),
      person('ama', { left: '2026-03-01', access_removed: '2026-03-05' }),
      person('kai', { hired: '2026-03-01', left: '2026-04-01' }),
    ];
    const review = personnelReview(model(staff), WINDOW, '2026-07-15');
    expect(review.newHires.map((hire) => [hire.member.person.id, hire.screenedBeforeAccess])).toEqual([
      ['kofi', true],
      ['kai', undefined],
    ]);
    expect(review.leavers.map((leaver) => [leaver.member.person.id, leaver.member.date, leaver.state])).toEqual([
      ['ama', '2026-03-01', 'late'],
      ['kai', '2026-04-01', 'missing'],
    ]);
    expect(review.leavers[1]!.deadline).toBe('2026-04-02');
  });
});

describe('the people of a population export', () => {
  const csv = (header: string[], rows: string[][]): ArtifactFileState => ({
    status: 'present',
    sha256: 'x',
    csvHeader: header,
    csvRows: rows,
  });

  it('are read from its person column, whatever its case, else its first', () => {
    expect(
      exportPeople(
        csv(
          ['ticket', 'Person'],
          [
            ['T-1', 'kofi'],
            ['T-2', 'ama'],
          ],
        ),
      ),
    ).toEqual([
      { item: 'T-1', person: 'kofi' },
      { item: 'T-2', person: 'ama' },
    ]);
    expect(exportPeople(csv(['ticket', 'name'], [['T-1', 'kofi']]))).toEqual([{ item: 'T-1', person: 'T-1' }]);
    expect(exportPeople(csv(['ticket', 'person'], [['T-1'], []]))).toEqual([
      { item: 'T-1', person: '' },
      { item: '', person: '' },
    ]);
  });

  it('are unknown for an export that is missing or not a CSV', () => {
    expect(exportPeople(undefined)).toBeUndefined();
    expect(exportPeople({ status: 'missing' })).toBeUndefined();
    expect(exportPeople({ status: 'present', sha256: 'x', csvHeader: ['person'] })).toBeUndefined();
    expect(exportPeople({ status: 'present', sha256: 'x', csvRows: [['kofi']] })).toBeUndefined();
  });
});

describe('the exceptions disclosed about a person', () => {
  it('are those whose sample is the person’s id, in every series', () => {
    const evidence = [
      { exceptions: [exception('kofi'), exception('ama'), exception(undefined)] },
      { exceptions: [] },
      { exceptions: [exception('kofi', '2026-05-01')] },
    ];
    const found = exceptionsAbout(model([], undefined, evidence), 'kofi');
    expect(found.map(({ series, exception }) => [series.id, exception.remediated])).toEqual([
      ['EV-0', undefined],
      ['EV-2', '2026-05-01'],
    ]);
  });

  it('include, in a cohort series, those naming the export row about the person', () => {
    const population = [{ file: 'files/leavers.csv' }, {}];
    const files: [string, ArtifactFileState][] = [
      [
        'files/leavers.csv',
        {
          status: 'present',
          sha256: 'x',
          csvHeader: ['ticket', 'person'],
          csvRows: [
            ['OFF-1', 'kofi'],
            ['OFF-2', 'ama'],
          ],
        },
      ],
    ];
    const exceptions = [exception('OFF-1'), exception('OFF-2')];
    const cohort = model([], undefined, [{ cohort: 'leavers', population, exceptions } as never], files);
    expect(exceptionsAbout(cohort, 'kofi').map(({ exception }) => exception.sample)).toEqual(['OFF-1']);
    // Outside a cohort series, an export row is not about a person.
    const plain = model([], undefined, [{ population, exceptions } as never], files);
    expect(exceptionsAbout(plain, 'kofi')).toEqual([]);
  });

  it('with an item, are only those naming exactly that item', () => {
    const evidence = [{ exceptions: [exception('kofi'), exception('kofi/backup'), exception('kofi/access')] }];
    const found = exceptionsAbout(model([], undefined, evidence), 'kofi', 'kofi/backup');
    expect(found.map(({ exception }) => exception.sample)).toEqual(['kofi/backup']);
    const population = [{ file: 'files/leavers.csv' }];
    const files: [string, ArtifactFileState][] = [
      ['files/leavers.csv', { status: 'present', sha256: 'x', csvHeader: ['person'], csvRows: [['kofi']] }],
    ];
    const cohort = model(
      [],
      undefined,
      [{ cohort: 'leavers', population, exceptions: [exception('kofi')] } as never],
      files,
    );
    expect(exceptionsAbout(cohort, 'kofi', 'kofi/backup')).toEqual([]);
  });
});
