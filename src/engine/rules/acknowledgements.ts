/**
 * Policy acknowledgements: every current staff member acknowledges each policy that applies to them within
 * `acknowledge_within_days` of joining or of a new major version (TB520, once the program tracks
 * acknowledgements: see `tracksAcknowledgements`); each record names a real person,
 * policy and text (TB521, TB522) and a possible date (TB523). Leavers are not chased, but one who left during the
 * audit window with an acknowledgement overdue is reported: the auditor testing leavers would find it.
 */
import {
  allAcknowledgements,
  beforeApproval,
  personAcknowledgements,
  textProblem,
  tracksAcknowledgements,
} from '../acknowledgement-status.ts';
import { isCurrentStaff } from '../deadlines.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { auditWindow } from '../evidence-timeline.ts';
import { lineOf, PEOPLE_FILE } from '../model.ts';
import { policyApproval } from '../policy-approval.ts';
import { majorVersion } from '../policy-text.ts';
import { closest } from '../validate.ts';
import type { Rule } from './context.ts';
import { personDeviation } from './people.ts';

export const acknowledgementsRule: Rule = (model, context) => {
  const diagnostics: Diagnostic[] = [];
  const staff = new Map((model.people?.data.staff ?? []).map((person) => [person.id, person]));
  const policies = new Map(model.policies.map((policy) => [policy.id, policy]));
  const records = allAcknowledgements(model);

  for (const { data, file, index, record } of records) {
    const at = (field: string) => lineOf(record, 'acknowledgements', index, field);
    const person = staff.get(data.person);
    const policy = policies.get(data.policy);
    if (model.people && !person) {
      const suggestion = closest(data.person, [...staff.keys()]);
      const where = { file, line: at('person'), subject: { kind: 'person' as const, id: data.person } };
      diagnostics.push(finding('TB522', where, { what: 'person', id: data.person, file: PEOPLE_FILE, suggestion }));
    }
    if (!policy) {
      if (!model.knownIds.policy.has(data.policy)) {
        const suggestion = closest(data.policy, [...policies.keys()]);
        const where = { file, line: at('policy'), subject: { kind: 'policy' as const, id: data.policy } };
        diagnostics.push(finding('TB522', where, { what: 'policy', id: data.policy, suggestion }));
      }
    } else {
      const problem = textProblem(policy, data);
      if (problem) {
        const line = at(problem.startsWith('version') ? 'version' : 'sha256');
        const where = { file, line, subject: { kind: 'person' as const, id: data.person } };
        diagnostics.push(finding('TB521', where, data.person, policy.id, problem));
      }
    }
    const dated = { file, line: at('date'), subject: { kind: 'person' as const, id: data.person } };
    const approved = policy && policyApproval(policy)?.on;
    if (policy && approved !== undefined && beforeApproval(policy, data)) {
      diagnostics.push(finding('TB525', dated, data.person, policy.id, String(data.version), data.date, approved));
    }
    const acknowledged = { person: data.person, policy: data.policy, date: data.date };
    if (data.date > context.asOf) {
      diagnostics.push(finding('TB523', dated, { ...acknowledged, what: 'future', asOf: context.asOf }));
    } else if (person && data.date < person.hired) {
      diagnostics.push(finding('TB523', dated, { ...acknowledged, what: 'before-hire', hired: person.hired }));
    }
  }

  const people = model.people;
  if (!people || !tracksAcknowledgements(model)) return diagnostics;
  const window = auditWindow(model);
  people.data.staff.forEach((person, index) => {
    const current = isCurrentStaff(person, context.asOf);
    // Leavers are not chased; but what was overdue on the last day of someone who left during the window was a
    // deviation in the window, as an auditor testing that cohort would find.
    const left = person.left;
    const leftInWindow =
      !current && left !== undefined && window !== undefined && left >= window.start && left <= context.asOf;
    if (!current && !leftInWindow) return;
    for (const { policy, state } of personAcknowledgements(model, person, context.asOf, records)) {
      if (state.state === 'acknowledged') {
        // Acknowledged after the deadline is a deviation in the window, like a late first training.
        if (!state.late || window === undefined || state.due < window.start || state.due > window.end) continue;
        const where = {
          file: people.file,
          line: lineOf(people, 'staff', index),
          subject: { kind: 'person' as const, id: person.id },
        };
        const major = majorVersion(policy.data.version);
        const late = finding('TB524', { ...where, severity: 'error' }, person.id, policy.id, major, state.due);
        const reported = personDeviation(model, person.id, late, `${person.id}/${policy.id}`);
        if (reported) diagnostics.push(reported);
        continue;
      }
      if (state.state === 'due' && (!current || state.days > context.warnWithinDays)) continue;
      const major = majorVersion(policy.data.version);
      const where = {
        file: people.file,
        line: lineOf(people, 'staff', index),
        subject: { kind: 'person' as const, id: person.id },
      };
      const due = { person: person.id, policy: policy.id, major, due: state.due, days: state.days };
      if (state.state === 'due') {
        diagnostics.push(finding('TB520', { ...where, severity: 'warning' }, { ...due, state: 'due' }));
        continue;
      }
      // Overdue is a deviation; disclosed as an exception about this acknowledgement, the auditor knows of it.
      const overdue = finding('TB520', { ...where, severity: 'error' }, { ...due, state: 'overdue', current, left });
      const reported = personDeviation(model, person.id, overdue, `${person.id}/${policy.id}`);
      if (reported) diagnostics.push(reported);
    }
  });
  return diagnostics;
};
