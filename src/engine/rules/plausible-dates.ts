/**
 * Dates that cannot be true: records dated after the evaluation date, a policy in force before it was
 * approved or not yet in force, someone leaving before being hired, a background check long after hire,
 * and a control retired before it was implemented.
 */
import { addDays } from '../dates.ts';
import type { Diagnostic, Subject } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import type { KeyLines } from '../frontmatter.ts';
import { personnelTestedFrom } from '../personnel.ts';
import { policyApproval } from '../policy-approval.ts';
import { lineOf, type ProgramModel } from '../model.ts';
import type { Rule, RuleContext } from './context.ts';

/** Days after hire by which a background check must be complete. */
export const BACKGROUND_CHECK_GRACE_DAYS = 30;

export const plausibleDatesRule: Rule = (model, context) => [
  ...findFutureRecords(model, context),
  ...checkPolicyDates(model, context),
  ...checkStaffDates(model),
  ...checkControlDates(model, context),
];

interface DatedRecord {
  date: string | undefined;
  file: string;
  at: [{ keyLines: KeyLines }, ...PropertyKey[]];
  subject: Subject;
  /** What the date records, as a phrase: `policy "Backup Policy" approved`. */
  what: string;
}

/** Every date that records something done: none of them can lie after the evaluation date. */
function recordedDates(model: ProgramModel): DatedRecord[] {
  const records: DatedRecord[] = [];
  for (const policy of model.policies) {
    records.push({
      date: policy.data.approved,
      file: policy.file,
      at: [policy, 'approved'],
      subject: { kind: 'policy', id: policy.id },
      what: `"${policy.data.title}" approved`,
    });
  }
  for (const vendor of model.vendors) {
    const subject = { kind: 'vendor' as const, id: vendor.id };
    records.push({
      date: vendor.data.reviewed,
      file: vendor.file,
      at: [vendor, 'reviewed'],
      subject,
      what: `vendor ${vendor.data.name} reviewed`,
    });
    records.push({
      date: vendor.data.assurance?.period_end,
      file: vendor.file,
      at: [vendor, 'assurance', 'period_end'],
      subject,
      what: `the assurance report of ${vendor.data.name} ending`,
    });
  }
  for (const risk of model.risks) {
    records.push({
      date: risk.data.reviewed,
      file: risk.file,
      at: [risk, 'reviewed'],
      subject: { kind: 'risk', id: risk.id },
      what: `risk ${risk.id} reviewed`,
    });
  }
  for (const series of model.evidence) {
    const subject = { kind: 'evidence' as const, id: series.id };
    series.data.artifacts.forEach((artifact, index) =>
      records.push({
        date: artifact.performed,
        file: series.file,
        at: [series, 'artifacts', index, 'performed'],
        subject,
        what: 'an artifact performed',
      }),
    );
    series.data.exceptions.forEach((exception, index) => {
      records.push({
        date: exception.disclosed,
        file: series.file,
        at: [series, 'exceptions', index, 'disclosed'],
        subject,
        what: 'an exception disclosed',
      });
      records.push({
        date: exception.remediated,
        file: series.file,
        at: [series, 'exceptions', index, 'remediated'],
        subject,
        what: 'an exception remediated',
      });
    });
    series.data.population.forEach((population, index) =>
      records.push({
        date: population.exported,
        file: series.file,
        at: [series, 'population', index, 'exported'],
        subject,
        what: `the population from ${population.source} exported`,
      }),
    );
  }
  const description = model.systemDescription;
  if (description) {
    records.push({
      date: description.data.reviewed,
      file: description.file,
      at: [description, 'reviewed'],
      subject: { kind: 'system-description', id: description.id },
      what: 'the system description reviewed',
    });
  }
  const assertion = model.assertion;
  if (assertion) {
    records.push({
      date: assertion.data.date,
      file: assertion.file,
      at: [assertion, 'date'],
      subject: { kind: 'assertion', id: assertion.id },
      what: "management's assertion signed",
    });
  }
  const people = model.people;
  people?.data.staff.forEach((person, index) => {
    const subject = { kind: 'person' as const, id: person.id };
    records.push({
      date: person.background_check,
      file: people.file,
      at: [people, 'staff', index, 'background_check'],
      subject,
      what: `the background check of ${person.id} completed`,
    });
    person.trainings.forEach((date, training) =>
      records.push({
        date,
        file: people.file,
        at: [people, 'staff', index, 'trainings', training],
        subject,
        what: `security training of ${person.id} completed`,
      }),
    );
  });
  return records;
}

function findFutureRecords(model: ProgramModel, context: RuleContext): Diagnostic[] {
  return recordedDates(model).flatMap(({ date, file, at: [document, ...path], subject, what }): Diagnostic[] =>
    date !== undefined && date > context.asOf
      ? [finding('TB802', { file, line: lineOf(document, ...path), subject }, what, date, context.asOf)]
      : [],
  );
}

function checkPolicyDates(model: ProgramModel, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const policy of model.policies) {
    const { effective, title } = policy.data;
    const approved = policyApproval(policy)?.on;
    // A draft has no approval to weigh (TB214 says so), and an approval without `effective` takes effect that day.
    if (approved === undefined || effective === undefined) continue;
    const subject = { kind: 'policy' as const, id: policy.id };
    if (effective < approved) {
      diagnostics.push(
        finding('TB803', { file: policy.file, line: lineOf(policy, 'effective'), subject }, title, effective, approved),
      );
    }
    if (effective > context.asOf) {
      diagnostics.push(
        finding('TB804', { file: policy.file, line: lineOf(policy, 'effective'), subject }, title, effective),
      );
    }
  }
  return diagnostics;
}

function checkStaffDates(model: ProgramModel): Diagnostic[] {
  const people = model.people;
  if (!people) return [];
  const diagnostics: Diagnostic[] = [];
  const testedFrom = personnelTestedFrom(model);
  people.data.staff.forEach((person, index) => {
    const subject = { kind: 'person' as const, id: person.id };
    if (person.left !== undefined && person.left < person.hired) {
      const where = { file: people.file, line: lineOf(people, 'staff', index, 'left'), subject };
      diagnostics.push(finding('TB805', where, person.id, person.left, person.hired));
    }
    const latest = addDays(person.hired, BACKGROUND_CHECK_GRACE_DAYS);
    // Joiners of the tested period are screened before access (TB514); this is about the records before it.
    const tested = testedFrom !== undefined && person.hired >= testedFrom;
    if (!tested && person.background_check !== undefined && person.background_check > latest) {
      const where = { file: people.file, line: lineOf(people, 'staff', index, 'background_check'), subject };
      const days = BACKGROUND_CHECK_GRACE_DAYS;
      diagnostics.push(finding('TB806', where, person.id, person.background_check, days, person.hired));
    }
  });
  return diagnostics;
}

function checkControlDates(model: ProgramModel, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    const { implemented, retired, status } = control.data;
    const subject = { kind: 'control' as const, id: control.id };
    if (implemented !== undefined && retired !== undefined && retired < implemented) {
      const where = { file: control.file, line: lineOf(control, 'retired'), subject, severity: 'error' } as const;
      diagnostics.push(finding('TB808', where, { what: 'retired-first', control: control.id, retired, implemented }));
    } else if (status === 'implemented' && implemented !== undefined && implemented > context.asOf) {
      const where = { file: control.file, line: lineOf(control, 'implemented'), subject, severity: 'warning' } as const;
      diagnostics.push(finding('TB808', where, { what: 'not-yet', control: control.id, implemented }));
    } else if (status !== 'implemented' && (implemented !== undefined || retired !== undefined)) {
      const field = implemented !== undefined ? 'implemented' : 'retired';
      const where = { file: control.file, line: lineOf(control, field), subject, severity: 'error' } as const;
      diagnostics.push(finding('TB808', where, { what: 'not-implemented', control: control.id, status, field }));
    }
  }
  return diagnostics;
}
