/**
 * Every dated obligation of the program: policy reviews, fresh evidence, vendor reviews and reports, risk
 * reviews and treatments, staff training, the system description's review. The expiry rules turn them into
 * findings; `check --upcoming`, the report and the calendars list them. One source, so they always agree.
 */
import type { Frequency, PolicyData } from '../schema/index.ts';
import { addDays, addMonths } from './dates.ts';
import type { Subject } from './diagnostics.ts';
import { latestArtifact, operatingSpan } from './evidence-timeline.ts';
import { deadlineHints } from './findings/catalogue.ts';
import type { KeyLines } from './frontmatter.ts';
import { lineOf, type ProgramModel } from './model.ts';
import { policyApproval } from './policy-approval.ts';

/** How old the newest artifact of a series may be, in days, before the evidence is stale. */
export const maxEvidenceAgeDays: Record<Frequency, number | undefined> = {
  daily: 2,
  weekly: 10,
  monthly: 41,
  continuous: 41,
  quarterly: 122,
  semiannual: 213,
  annual: 395,
  'per-event': undefined,
};

/** Frequencies whose staleness is worth a warning ahead of time; shorter ones would warn all the time. */
const warnAheadFrequencies = new Set<Frequency>(['quarterly', 'semiannual', 'annual']);

/** Days a new hire has to complete security training. */
export const TRAINING_GRACE_DAYS = 30;

export type DeadlineKind =
  | 'policy-review'
  | 'evidence'
  | 'vendor-review'
  | 'vendor-assurance'
  | 'risk-review'
  | 'risk-treatment'
  | 'training'
  | 'system-description-review';

export interface Deadline {
  kind: DeadlineKind;
  /** The finding it becomes when overdue or close. */
  code: DeadlineCode;
  file: string;
  /** What falls due. */
  subject: Subject;
  /** The line of the date it is computed from; worked out when read (most deadlines are never shown). */
  readonly line: number;
  due: string;
  /** What falls due, as a phrase: `the review of "Backup Policy"`. */
  what: string;
  /** What to do about it, written by the code's catalogue entry (`deadlineHints`). */
  hint: string;
  /** False where a warning ahead of time would be noise (monthly evidence is always due within a month). */
  warnAhead: boolean;
  /** Evidence deadlines are warnings, not errors, in readiness mode. */
  softInReadiness: boolean;
}

/** The codes a deadline becomes. */
export type DeadlineCode = keyof typeof deadlineHints;

export function isCurrentStaff(person: { hired: string; left?: string | undefined }, asOf: string): boolean {
  return person.hired <= asOf && (!person.left || person.left > asOf);
}

/** When a person's next security training is due: 30 days after hire, then a year after the last one. */
export function trainingDue(person: { hired: string; trainings: readonly string[] }): string {
  const latest = [...person.trainings].sort().at(-1);
  return latest ? addMonths(latest, 12) : addDays(person.hired, TRAINING_GRACE_DAYS);
}

/** When a vendor's next review is due: `review_months` after the last one. */
/** Whether the company had stopped using the vendor by `asOf` (its `removed` day or before). */
export function isRemovedVendor(vendor: { data: { removed?: string | undefined } }, asOf: string): boolean {
  return vendor.data.removed !== undefined && vendor.data.removed <= asOf;
}

export function vendorReviewDue(vendor: { data: { reviewed: string; review_months: number } }): string {
  return addMonths(vendor.data.reviewed, vendor.data.review_months);
}

/** When a policy's next review is due: `review_months` after its approval; none while it is a draft. */
export function policyReviewDue(policy: {
  data: Pick<PolicyData, 'approved' | 'approved_by' | 'effective' | 'review_months'>;
}): string | undefined {
  const approval = policyApproval(policy);
  return approval && addMonths(approval.on, policy.data.review_months);
}

/** Every deadline, in no particular order; `asOf` only decides which staff records count. */
export function deadlines(model: ProgramModel, asOf: string): Deadline[] {
  const list: Deadline[] = [];
  type Item = Omit<Deadline, 'line' | 'warnAhead' | 'softInReadiness'> &
    Partial<Pick<Deadline, 'warnAhead' | 'softInReadiness'>> & { at: [{ keyLines: KeyLines }, ...PropertyKey[]] };
  const push = ({ at: [document, ...path], ...item }: Item) =>
    list.push({
      warnAhead: true,
      softInReadiness: false,
      ...item,
      get line() {
        return lineOf(document, ...path);
      },
    });

  for (const policy of model.policies) {
    // A draft's first review counts from the approval it still awaits (TB214).
    const due = policyReviewDue(policy);
    if (due === undefined) continue;
    push({
      kind: 'policy-review',
      code: 'TB501',
      file: policy.file,
      subject: { kind: 'policy', id: policy.id },
      at: [policy, 'approved'],
      due,
      what: `the review of "${policy.data.title}"`,
      hint: deadlineHints.TB501,
    });
  }

  for (const series of model.evidence) {
    const maxAge = maxEvidenceAgeDays[series.data.frequency];
    const newest = latestArtifact(series);
    if (maxAge === undefined || !newest) continue;
    // Evidence of controls not in operation (planned, not applicable, or retired) does not go stale.
    const span = operatingSpan(model, series);
    if (!span || (span.to !== undefined && span.to < asOf)) continue;
    push({
      kind: 'evidence',
      code: 'TB502',
      file: series.file,
      subject: { kind: 'evidence', id: series.id },
      at: [series, 'artifacts', series.data.artifacts.indexOf(newest), 'collected'],
      due: addDays(newest.collected, maxAge),
      what: `the next ${series.data.frequency} artifact of ${series.id} (last collected ${newest.collected})`,
      hint: deadlineHints.TB502(series.data.frequency, maxAge),
      warnAhead: warnAheadFrequencies.has(series.data.frequency),
      softInReadiness: true,
    });
  }

  for (const vendor of model.vendors) {
    // Nothing more is due from a vendor the company no longer uses.
    if (isRemovedVendor(vendor, asOf)) continue;
    const { name, assurance } = vendor.data;
    push({
      kind: 'vendor-review',
      code: 'TB503',
      file: vendor.file,
      subject: { kind: 'vendor', id: vendor.id },
      at: [vendor, 'reviewed'],
      due: vendorReviewDue(vendor),
      what: `the review of vendor ${name}`,
      hint: deadlineHints.TB503,
    });
    if (assurance?.period_end) {
      // A report speaks for its period; a year on it is stale, unless a bridge letter carries it further.
      const reportDue = addMonths(assurance.period_end, 12);
      const letter = assurance.bridge_letter;
      const bridged = letter !== undefined && letter.covers_until > reportDue;
      push({
        kind: 'vendor-assurance',
        code: 'TB504',
        file: vendor.file,
        subject: { kind: 'vendor', id: vendor.id },
        at: bridged ? [vendor, 'assurance', 'bridge_letter', 'covers_until'] : [vendor, 'assurance', 'period_end'],
        due: bridged ? letter.covers_until : reportDue,
        what: bridged
          ? `a newer ${assurance.type} report from ${name} (its bridge letter covers until ${letter.covers_until})`
          : `a newer ${assurance.type} report from ${name}`,
        hint: deadlineHints.TB504('report'),
      });
    }
    if (assurance?.expires) {
      push({
        kind: 'vendor-assurance',
        code: 'TB504',
        file: vendor.file,
        subject: { kind: 'vendor', id: vendor.id },
        at: [vendor, 'assurance', 'expires'],
        due: assurance.expires,
        what: `the renewal of ${name}'s ${assurance.type} certificate`,
        hint: deadlineHints.TB504('certificate'),
      });
    }
  }

  for (const risk of model.risks) {
    push({
      kind: 'risk-review',
      code: 'TB505',
      file: risk.file,
      subject: { kind: 'risk', id: risk.id },
      at: [risk, 'reviewed'],
      due: addMonths(risk.data.reviewed, 12),
      what: `the yearly review of risk ${risk.id}`,
      hint: deadlineHints.TB505,
    });
    if (risk.data.due) {
      push({
        kind: 'risk-treatment',
        code: 'TB506',
        file: risk.file,
        subject: { kind: 'risk', id: risk.id },
        at: [risk, 'due'],
        due: risk.data.due,
        what: `the treatment of risk ${risk.id}`,
        hint: deadlineHints.TB506,
      });
    }
  }

  const description = model.systemDescription;
  if (description) {
    push({
      kind: 'system-description-review',
      code: 'TB509',
      file: description.file,
      subject: { kind: 'system-description', id: description.id },
      at: [description, 'reviewed'],
      due: addMonths(description.data.reviewed, 12),
      what: 'the yearly review of the system description',
      hint: deadlineHints.TB509,
    });
  }

  const people = model.people;
  people?.data.staff.forEach((person, index) => {
    if (!isCurrentStaff(person, asOf)) return;
    const trained = person.trainings.length > 0;
    push({
      kind: 'training',
      code: 'TB507',
      file: people.file,
      subject: { kind: 'person', id: person.id },
      at: [people, 'staff', index, trained ? 'trainings' : 'id'],
      due: trainingDue(person),
      what: trained
        ? `the yearly security training of ${person.id}`
        : `the first security training of ${person.id} (hired ${person.hired})`,
      hint: deadlineHints.TB507,
    });
  });
  return list;
}

/** Deadlines from the evaluation date up to `days` ahead (and any already overdue), soonest first. */
export function upcomingDeadlines(model: ProgramModel, asOf: string, days: number): Deadline[] {
  const horizon = addDays(asOf, days);
  return deadlines(model, asOf)
    .filter((deadline) => deadline.due <= horizon)
    .sort((a, b) => a.due.localeCompare(b.due) || a.file.localeCompare(b.file) || a.line - b.line);
}
