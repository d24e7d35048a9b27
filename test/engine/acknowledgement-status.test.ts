/**
 * Who must acknowledge which policy, by when, and whether they have (src/engine/acknowledgement-status.ts), on
 * models built by hand: each boundary held on the day itself and the day either side.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledgementState,
  acknowledgementStatus,
  acknowledgeWithinDays,
  allAcknowledgements,
  appliesTo,
  beforeApproval,
  countsForCurrentVersion,
  DEFAULT_ACKNOWLEDGE_DAYS,
  personAcknowledgements,
  textProblem,
  tracksAcknowledgements,
} from '../../src/engine/acknowledgement-status.ts';
import { addDays, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import { emptyModel, type Document, type ProgramModel } from '../../src/engine/model.ts';
import { policyTextHash } from '../../src/engine/policy-text.ts';
import type { AcknowledgementData, EvidenceData, PolicyData, Program, StaffData } from '../../src/schema/index.ts';

const BODY = '## Purpose\n\nThe backup policy.';
const HASH = policyTextHash(BODY);

function policy(id: string, data: Partial<PolicyData> = {}): Document<PolicyData> {
  return {
    kind: 'policy',
    id,
    file: `policies/${id}.mdx`,
    data: {
      version: '2.1',
      approved_by: 'ceo',
      approved: '2026-03-01',
      effective: '2026-03-10',
      ...data,
    } as PolicyData,
    body: BODY,
    bodyLine: 10,
    keyLines: { get: () => undefined } as never,
  };
}

function person(data: Partial<StaffData> = {}): StaffData {
  return { id: 'kofi', role: 'engineer', hired: '2026-01-05', trainings: [], ...data } as StaffData;
}

function ack(data: Partial<AcknowledgementData> = {}): AcknowledgementData {
  return { person: 'kofi', policy: 'backup', version: '2.1', sha256: HASH, date: '2026-03-20', ...data };
}

interface Setup {
  staff?: StaffData[];
  policies?: Document<PolicyData>[];
  acks?: AcknowledgementData[][];
  program?: Partial<Program>;
  evidence?: Partial<EvidenceData>[];
}

function model({ staff = [person()], policies = [policy('backup')], acks = [], program, evidence = [] }: Setup) {
  const built: ProgramModel = emptyModel();
  built.people = { file: 'content/people.yaml', data: { roles: [], staff }, keyLines: {} as never };
  built.policies = policies;
  built.acknowledgements = acks.map((list, index) => ({
    file: `content/acknowledgements/${index}.yaml`,
    data: { acknowledgements: list },
    keyLines: {} as never,
  }));
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
  return built;
}

const exception = (sample: string, remediated?: string) => ({
  period: '2026-Q1',
  description: 'late',
  disclosed: '2026-04-01',
  response: 'reminded',
  sample,
  ...(remediated ? { remediated } : {}),
});

/** Any day of 2024 to 2028, leap days and month ends included. */
const anyDay = fc
  .integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') })
  .map((day) => fromDayNumber(day));

describe('the days a person has to acknowledge', () => {
  it('are acknowledge_within_days when set, else 30', () => {
    expect(DEFAULT_ACKNOWLEDGE_DAYS).toBe(30);
    expect(acknowledgeWithinDays(model({}))).toBe(30);
    expect(acknowledgeWithinDays(model({ program: {} }))).toBe(30);
    expect(acknowledgeWithinDays(model({ program: { acknowledge_within_days: 14 } }))).toBe(14);
  });

  it('are tracked once the program records an acknowledgement or sets the form or the days', () => {
    expect(tracksAcknowledgements(model({}))).toBe(false);
    expect(tracksAcknowledgements(model({ program: {} }))).toBe(false);
    expect(tracksAcknowledgements(model({ acks: [[]] }))).toBe(true);
    expect(tracksAcknowledgements(model({ program: { acknowledge_url: 'https://forms.example/ack' } }))).toBe(true);
    expect(tracksAcknowledgements(model({ program: { acknowledge_within_days: 10 } }))).toBe(true);
  });
});

describe('the acknowledgements recorded', () => {
  it('are every file’s records in order, each with its file and its index in that file', () => {
    const first = ack({ date: '2026-03-11' });
    const second = ack({ date: '2026-03-12' });
    const third = ack({ date: '2026-03-13' });
    const built = model({ acks: [[first, second], [third]] });
    const all = allAcknowledgements(built);
    expect(all.map(({ data, file, index }) => [data.date, file, index])).toEqual([
      ['2026-03-11', 'content/acknowledgements/0.yaml', 0],
      ['2026-03-12', 'content/acknowledgements/0.yaml', 1],
      ['2026-03-13', 'content/acknowledgements/1.yaml', 0],
    ]);
    expect(all[2]!.record).toBe(built.acknowledgements[1]);
  });
});

describe('whom a policy applies to', () => {
  it('is everyone when it names no roles, else only the roles it names', () => {
    expect(appliesTo(policy('backup'), person())).toBe(true);
    expect(appliesTo(policy('backup', { applies_to: ['engineer'] }), person())).toBe(true);
    expect(appliesTo(policy('backup', { applies_to: ['ceo'] }), person())).toBe(false);
  });
});

describe('the text an acknowledgement names', () => {
  it('is refused when its version is later than the current one', () => {
    expect(textProblem(policy('backup'), ack({ version: '2.2' }))).toBe(
      'version 2.2 of backup never existed (the current version is 2.1)',
    );
    expect(textProblem(policy('backup'), ack({ version: '3.0', sha256: 'f'.repeat(64) }))).toMatch(/^version 3.0 /);
  });

  it('must carry the current text’s hash when it names the current version', () => {
    expect(textProblem(policy('backup'), ack())).toBeUndefined();
    expect(textProblem(policy('backup'), ack({ sha256: 'a'.repeat(64) }))).toBe(
      `the sha256 aaaaaaaaaaaa… matches no text of backup version 2.1: the current text's is ${HASH.slice(0, 12)}…`,
    );
  });

  it('cannot be verified for an older version, nor for the current one written another way, and is kept', () => {
    expect(textProblem(policy('backup'), ack({ version: '2.0', sha256: 'a'.repeat(64) }))).toBeUndefined();
    // `2.1.0` orders equal to `2.1` but is not the text the hash was taken of.
    expect(textProblem(policy('backup'), ack({ version: '2.1.0', sha256: 'a'.repeat(64) }))).toBeUndefined();
  });
});

describe('an acknowledgement dated before its version was approved (TB525)', () => {
  it('cannot have happened on the day before approval, and can on the day itself', () => {
    const backup = policy('backup', { approved: '2026-03-01' });
    expect(beforeApproval(backup, ack({ date: '2026-02-28' }))).toBe(true);
    expect(beforeApproval(backup, ack({ date: '2026-03-01' }))).toBe(false);
    expect(beforeApproval(backup, ack({ date: '2026-03-02' }))).toBe(false);
  });

  it('is only judged for the current version: an older one was approved earlier', () => {
    expect(beforeApproval(policy('backup'), ack({ version: '2.0', date: '2026-02-01' }))).toBe(false);
  });

  it('does not count for the current version', () => {
    const backup = policy('backup', { approved: '2026-03-01' });
    expect(countsForCurrentVersion(backup, person(), ack({ date: '2026-02-28' }), '2026-07-01')).toBe(false);
    expect(countsForCurrentVersion(backup, person(), ack({ date: '2026-03-01' }), '2026-07-01')).toBe(true);
  });
});

describe('an acknowledgement that counts for the current version', () => {
  it('counts from the person’s first day, not the day before', () => {
    const backup = policy('backup', { approved: '2026-01-01' });
    const hired = person({ hired: '2026-02-01' });
    expect(countsForCurrentVersion(backup, hired, ack({ date: '2026-02-01' }), '2026-07-01')).toBe(true);
    expect(countsForCurrentVersion(backup, hired, ack({ date: '2026-01-31' }), '2026-07-01')).toBe(false);
  });

  it('counts on the evaluation date, not from the day after', () => {
    expect(countsForCurrentVersion(policy('backup'), person(), ack({ date: '2026-03-20' }), '2026-03-20')).toBe(true);
    expect(countsForCurrentVersion(policy('backup'), person(), ack({ date: '2026-03-21' }), '2026-03-20')).toBe(false);
  });

  it('names the same major version with a text that existed', () => {
    const backup = policy('backup');
    expect(
      countsForCurrentVersion(backup, person(), ack({ version: '2.0', sha256: 'a'.repeat(64) }), '2026-07-01'),
    ).toBe(true);
    expect(countsForCurrentVersion(backup, person(), ack({ version: '1.9' }), '2026-07-01')).toBe(false);
    expect(countsForCurrentVersion(backup, person(), ack({ sha256: 'a'.repeat(64) }), '2026-07-01')).toBe(false);
    expect(countsForCurrentVersion(backup, person(), ack({ version: '2.2' }), '2026-07-01')).toBe(false);
  });

  it('counts on every day from both the first day and the approval to the evaluation date (property)', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, anyDay, (hired, approved, date, asOf) => {
        const backup = policy('backup', { approved, effective: approved });
        const counts = countsForCurrentVersion(backup, person({ hired }), ack({ date }), asOf);
        expect(counts).toBe(date >= hired && date >= approved && date <= asOf);
      }),
    );
  });
});

describe('where a person stands with a policy', () => {
  it('is due within the days allowed from the later of the first day and the version’s effective date', () => {
    const built = model({});
    // Effective 2026-03-10 is later than the hire on 2026-01-05.
    expect(acknowledgementState(built, policy('backup'), person(), '2026-03-10')).toEqual({
      state: 'due',
      due: '2026-04-09',
      days: 30,
    });
    // Hired after the version took effect: the days run from the first day.
    expect(acknowledgementState(built, policy('backup'), person({ hired: '2026-05-01' }), '2026-05-01')).toEqual({
      state: 'due',
      due: '2026-05-31',
      days: 30,
    });
    const shorter = model({ program: { acknowledge_within_days: 7 } });
    expect(acknowledgementState(shorter, policy('backup'), person(), '2026-03-10')).toMatchObject({
      due: '2026-03-17',
    });
  });

  it('is due on the due date itself and overdue from the day after', () => {
    const built = model({});
    expect(acknowledgementState(built, policy('backup'), person(), '2026-04-09')).toEqual({
      state: 'due',
      due: '2026-04-09',
      days: 0,
    });
    expect(acknowledgementState(built, policy('backup'), person(), '2026-04-10')).toEqual({
      state: 'overdue',
      due: '2026-04-09',
      days: 1,
    });
  });

  it('is acknowledged on time through the due date, and late from the day after (TB524)', () => {
    const onTime = model({ acks: [[ack({ date: '2026-04-09' })]] });
    expect(acknowledgementState(onTime, policy('backup'), person(), '2026-07-01')).toEqual({
      state: 'acknowledged',
      version: '2.1',
      date: '2026-04-09',
      due: '2026-04-09',
      late: false,
    });
    const late = model({ acks: [[ack({ date: '2026-04-10' })]] });
    expect(acknowledgementState(late, policy('backup'), person(), '2026-07-01')).toMatchObject({
      state: 'acknowledged',
      late: true,
    });
  });

  it('is acknowledged on the first day for someone hired after the version took effect', () => {
    const built = model({ acks: [[ack({ date: '2026-05-01' })]] });
    expect(acknowledgementState(built, policy('backup'), person({ hired: '2026-05-01' }), '2026-05-01')).toEqual({
      state: 'acknowledged',
      version: '2.1',
      date: '2026-05-01',
      due: '2026-05-31',
      late: false,
    });
  });

  it('shows the latest acknowledgement and judges lateness on the first, whatever their order', () => {
    const records = [ack({ date: '2026-03-20', version: '2.0', sha256: 'a'.repeat(64) }), ack({ date: '2026-06-01' })];
    for (const list of [records, [...records].reverse()]) {
      expect(acknowledgementState(model({ acks: [list] }), policy('backup'), person(), '2026-07-01')).toEqual({
        state: 'acknowledged',
        version: '2.1',
        date: '2026-06-01',
        due: '2026-04-09',
        late: false,
      });
    }
    const lateThenAgain = [ack({ date: '2026-05-01' }), ack({ date: '2026-06-01', version: '2.0' })];
    for (const list of [lateThenAgain, [...lateThenAgain].reverse()]) {
      expect(acknowledgementState(model({ acks: [list] }), policy('backup'), person(), '2026-07-01')).toMatchObject({
        version: '2.0',
        date: '2026-06-01',
        late: true,
      });
    }
  });

  it('counts only the person’s own acknowledgements of this policy', () => {
    const built = model({ acks: [[ack({ person: 'ama' }), ack({ policy: 'access' })]] });
    expect(acknowledgementState(built, policy('backup'), person(), '2026-03-20')).toMatchObject({ state: 'due' });
  });

  it('is overdue exactly when the evaluation date is past the due date (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -60, max: 60 }), (hired, offset) => {
        const backup = policy('backup', { approved: '2024-01-01', effective: '2024-01-01' });
        const due = addDays(hired, 30);
        const state = acknowledgementState(model({}), backup, person({ hired }), addDays(due, offset));
        expect(state).toEqual(
          offset > 0 ? { state: 'overdue', due, days: offset } : { state: 'due', due, days: Math.abs(offset) },
        );
      }),
    );
  });
});

describe('a person’s acknowledgements', () => {
  it('are those of every policy that applies to them', () => {
    const policies = [policy('backup'), policy('access', { applies_to: ['ceo'] }), policy('privacy')];
    const rows = personAcknowledgements(model({ policies }), person(), '2026-03-20');
    expect(rows.map((row) => row.policy.id)).toEqual(['backup', 'privacy']);
  });

  it('stand as of the last day of someone who left, and as of the evaluation date otherwise', () => {
    const built = model({});
    const leftOverdue = person({ left: '2026-04-10' });
    expect(personAcknowledgements(built, leftOverdue, '2026-07-01')[0]!.state).toEqual({
      state: 'overdue',
      due: '2026-04-09',
      days: 1,
    });
    const leftOnDue = person({ left: '2026-04-09' });
    expect(personAcknowledgements(built, leftOnDue, '2026-07-01')[0]!.state).toMatchObject({ state: 'due', days: 0 });
    // Leaving after the evaluation date changes nothing yet.
    const leaving = person({ left: '2026-08-01' });
    expect(personAcknowledgements(built, leaving, '2026-04-09')[0]!.state).toMatchObject({ state: 'due', days: 0 });
    // Leaving on the evaluation date: as of that day.
    expect(personAcknowledgements(built, person({ left: '2026-04-10' }), '2026-04-10')[0]!.state).toMatchObject({
      state: 'overdue',
      days: 1,
    });
  });

  it('count an acknowledgement made before someone left, not one dated after', () => {
    const built = model({ acks: [[ack({ date: '2026-04-05' })]] });
    expect(personAcknowledgements(built, person({ left: '2026-04-05' }), '2026-07-01')[0]!.state).toMatchObject({
      state: 'acknowledged',
    });
    expect(personAcknowledgements(built, person({ left: '2026-04-04' }), '2026-07-01')[0]!.state).toMatchObject({
      state: 'due',
    });
  });
});

describe('the acknowledgement status', () => {
  it('has a row per person on record and policy that applies to them, from their first day', () => {
    const staff = [
      person(),
      person({ id: 'ama', role: 'ceo', hired: '2026-03-20' }),
      person({ id: 'kai', hired: '2026-03-21' }),
    ];
    const policies = [policy('backup'), policy('access', { applies_to: ['ceo'] })];
    const rows = acknowledgementStatus(model({ staff, policies }), '2026-03-20');
    expect(rows.map((row) => `${row.person.id}/${row.policy.id}`)).toEqual(['kofi/backup', 'ama/backup', 'ama/access']);
  });

  it('is empty without a staff register', () => {
    const built = model({});
    delete built.people;
    expect(acknowledgementStatus(built, '2026-03-20')).toEqual([]);
  });

  it('takes the policies it is given', () => {
    const policies = [policy('backup'), policy('access')];
    const rows = acknowledgementStatus(model({ policies }), '2026-03-20', [policies[1]!]);
    expect(rows.map((row) => row.policy.id)).toEqual(['access']);
  });

  it('shows the state of someone on staff, and of a leaver only what they acknowledged', () => {
    const staff = [
      person(),
      person({ id: 'ama', left: '2026-04-01' }),
      person({ id: 'kai', left: '2026-04-01' }),
      person({ id: 'lea', left: '2026-04-02' }),
    ];
    const built = model({ staff, acks: [[ack({ person: 'kai', date: '2026-03-25' })]] });
    const rows = acknowledgementStatus(built, '2026-04-01');
    expect(rows.map((row) => [row.person.id, row.status.state])).toEqual([
      ['kofi', 'due'],
      ['ama', 'left'],
      ['kai', 'acknowledged'],
      ['lea', 'due'],
    ]);
    expect(rows[1]).toMatchObject({ status: { state: 'left' }, disclosed: false });
  });

  it('marks a row disclosed by an exception naming that person and policy, and no other', () => {
    const staff = [person(), person({ id: 'ama' }), person({ id: 'kai' })];
    const policies = [policy('backup'), policy('access')];
    const evidence = [{ exceptions: [exception('kofi/backup'), exception('ama')] }];
    const rows = acknowledgementStatus(model({ staff, policies, evidence }), '2026-04-20');
    expect(rows.filter((row) => row.disclosed).map((row) => `${row.person.id}/${row.policy.id}`)).toEqual([
      'kofi/backup',
    ]);
  });
});
