/**
 * Who must acknowledge which policy, by when, and whether they have: one computation for the rules (TB520,
 * TB521), the auditor site and any export, so they always agree.
 *
 * Only the current text of a policy is in the model. An acknowledgement of the current version must carry its
 * hash; one of an older version cannot be verified and is kept as history. An acknowledgement counts for the
 * current version when it names the same major version (the part before the first dot) no later than the
 * current one: a minor version does not ask everyone to read again, a major version does.
 */
import type { AcknowledgementData, PolicyData, StaffData } from '../schema/index.ts';
import { addDays, daysBetween } from './dates.ts';
import { isCurrentStaff } from './deadlines.ts';
import type { Document, ProgramModel, YamlFile } from './model.ts';
import { exceptionsAbout } from './personnel.ts';
import { policyApproval } from './policy-approval.ts';
import { compareVersions, majorVersion, policyTextHash } from './policy-text.ts';

/** Days a person has to acknowledge a policy when `acknowledge_within_days` is not set. */
export const DEFAULT_ACKNOWLEDGE_DAYS = 30;

/** One acknowledgement with where it is written. */
export interface AcknowledgementRecord {
  data: AcknowledgementData;
  file: string;
  /** Its index in the file's `acknowledgements` list. */
  index: number;
  record: YamlFile<unknown>;
}

export type AcknowledgementState =
  | {
      state: 'acknowledged';
      version: string;
      date: string;
      /** When the first acknowledgement that counts was due. */
      due: string;
      /** Acknowledged, but first after it was due: a deviation, not an on-time acknowledgement. */
      late: boolean;
    }
  | { state: 'overdue'; due: string; days: number }
  | { state: 'due'; due: string; days: number };

/** Days a person has to acknowledge a policy: `acknowledge_within_days`, else 30. */
export function acknowledgeWithinDays(model: ProgramModel): number {
  return model.program?.data.acknowledge_within_days ?? DEFAULT_ACKNOWLEDGE_DAYS;
}

/**
 * Whether the program tracks acknowledgements: it records some, or sets `acknowledge_url` or
 * `acknowledge_within_days`. A program adopting Trustbook starts being chased (TB520) from its first import.
 */
export function tracksAcknowledgements(model: ProgramModel): boolean {
  const program = model.program?.data;
  return (
    model.acknowledgements.length > 0 ||
    program?.acknowledge_url !== undefined ||
    program?.acknowledge_within_days !== undefined
  );
}

/** Every acknowledgement recorded, in file order. */
export function allAcknowledgements(model: ProgramModel): AcknowledgementRecord[] {
  return model.acknowledgements.flatMap((record) =>
    record.data.acknowledgements.map((data, index) => ({ data, file: record.file, index, record })),
  );
}

/**
 * Whether a policy applies to a person: it names their role in `applies_to`, or names no roles at all. A draft
 * (not yet approved) applies to no one: there is no approved text to acknowledge yet.
 */
export function appliesTo(policy: { data: PolicyData }, person: StaffData): boolean {
  if (!policyApproval(policy)) return false;
  return policy.data.applies_to === undefined || policy.data.applies_to.includes(person.role);
}

/**
 * What is wrong with an acknowledgement's version and hash, if anything: a version later than the current one
 * never existed, and the current version's hash must be the current text's.
 */
export function textProblem(policy: Document<PolicyData>, acknowledgement: AcknowledgementData): string | undefined {
  const current = policy.data.version;
  const order = compareVersions(acknowledgement.version, current);
  if (order > 0) {
    return `version ${acknowledgement.version} of ${policy.id} never existed (the current version is ${current})`;
  }
  if (acknowledgement.version === current && acknowledgement.sha256 !== policyTextHash(policy.body)) {
    return `the sha256 ${acknowledgement.sha256.slice(0, 12)}… matches no text of ${policy.id} version ${current}: the current text's is ${policyTextHash(policy.body).slice(0, 12)}…`;
  }
  return undefined;
}

/** An acknowledgement of the current version dated before that version was approved: it cannot have happened. */
export function beforeApproval(policy: Document<PolicyData>, acknowledgement: AcknowledgementData): boolean {
  const approval = policyApproval(policy);
  return (
    approval !== undefined && acknowledgement.version === policy.data.version && acknowledgement.date < approval.on
  );
}

/** Whether an acknowledgement counts for the policy's current major version, as of `asOf`. */
export function countsForCurrentVersion(
  policy: Document<PolicyData>,
  person: StaffData,
  acknowledgement: AcknowledgementData,
  asOf: string,
): boolean {
  return (
    acknowledgement.date <= asOf &&
    acknowledgement.date >= person.hired &&
    !beforeApproval(policy, acknowledgement) &&
    majorVersion(acknowledgement.version) === majorVersion(policy.data.version) &&
    textProblem(policy, acknowledgement) === undefined
  );
}

/**
 * Whether `person` has acknowledged the current major version of `policy`, and if not, when it is due: within
 * `acknowledge_within_days` of the later of their hire date and the current version's `effective` date.
 */
export function acknowledgementState(
  model: ProgramModel,
  policy: Document<PolicyData>,
  person: StaffData,
  asOf: string,
  records: readonly AcknowledgementRecord[] = allAcknowledgements(model),
): AcknowledgementState {
  const counted = records
    .map((record) => record.data)
    .filter(
      (data) =>
        data.person === person.id && data.policy === policy.id && countsForCurrentVersion(policy, person, data, asOf),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
  const within = acknowledgeWithinDays(model);
  // Only approved policies apply to anyone (appliesTo); a draft has no effective day, so it counts from the hire.
  const effective = policyApproval(policy)?.effective ?? person.hired;
  const start = person.hired > effective ? person.hired : effective;
  const due = addDays(start, within);
  const latest = counted[0];
  if (latest) {
    // Lateness is judged on the first acknowledgement that counts: a second one later does not make it late.
    const first = counted.at(-1)!;
    return { state: 'acknowledged', version: latest.version, date: latest.date, due, late: first.date > due };
  }
  const days = daysBetween(asOf, due);
  return days < 0 ? { state: 'overdue', due, days: -days } : { state: 'due', due, days };
}

/**
 * Where each policy that applies to a person stands, as of the evaluation date or, for someone who has left,
 * as of their last day: what they had acknowledged, and what was overdue, while on staff.
 */
export function personAcknowledgements(
  model: ProgramModel,
  person: StaffData,
  asOf: string,
  records: readonly AcknowledgementRecord[] = allAcknowledgements(model),
): { policy: Document<PolicyData>; state: AcknowledgementState }[] {
  const until = person.left !== undefined && person.left < asOf ? person.left : asOf;
  return model.policies
    .filter((policy) => appliesTo(policy, person))
    .map((policy) => ({ policy, state: acknowledgementState(model, policy, person, until, records) }));
}

/** One row of the acknowledgement status: a person, a policy that applies to them, and where it stands. */
export interface AcknowledgementStatusRow {
  person: StaffData;
  policy: Document<PolicyData>;
  /** Leavers are not chased: for them only an acknowledgement is shown, never a due date. */
  status: AcknowledgementState | { state: 'left' };
  /** Whether an exception discloses this acknowledgement (`sample: <person>/<policy>`). */
  disclosed: boolean;
}

/** The status of every person on record (leavers included) for every policy that applies to them. */
export function acknowledgementStatus(
  model: ProgramModel,
  asOf: string,
  policies: readonly Document<PolicyData>[] = model.policies,
): AcknowledgementStatusRow[] {
  const records = allAcknowledgements(model);
  const rows: AcknowledgementStatusRow[] = [];
  for (const person of model.people?.data.staff ?? []) {
    if (person.hired > asOf) continue;
    for (const policy of policies) {
      if (!appliesTo(policy, person)) continue;
      const state = acknowledgementState(model, policy, person, asOf, records);
      const status =
        isCurrentStaff(person, asOf) || state.state === 'acknowledged' ? state : { state: 'left' as const };
      const disclosed = exceptionsAbout(model, person.id, `${person.id}/${policy.id}`).length > 0;
      rows.push({ person, policy, status, disclosed });
    }
  }
  return rows;
}
