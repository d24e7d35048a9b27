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
import { auditWindow } from '../evidence-timeline.ts';
import { lineOf, PEOPLE_FILE } from '../model.ts';
import { majorVersion } from '../policy-text.ts';
import { closest } from '../validate.ts';
import { plural, type Rule } from './context.ts';
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
      diagnostics.push({
        severity: 'error',
        code: 'TB522',
        file,
        line: at('person'),
        subject: { kind: 'person', id: data.person },
        message: `the acknowledgement names \`${data.person}\`, who is not on staff in ${PEOPLE_FILE}`,
        hint: suggestion
          ? `Did you mean \`${suggestion}\`?`
          : `Name a staff id from ${PEOPLE_FILE}, or add the person's staff record.`,
      });
    }
    if (!policy) {
      if (!model.knownIds.policy.has(data.policy)) {
        const suggestion = closest(data.policy, [...policies.keys()]);
        diagnostics.push({
          severity: 'error',
          code: 'TB522',
          file,
          line: at('policy'),
          subject: { kind: 'policy', id: data.policy },
          message: `the acknowledgement names policy \`${data.policy}\`, which does not exist`,
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Name a policy id from policies/.',
        });
      }
    } else {
      const problem = textProblem(policy, data);
      if (problem) {
        diagnostics.push({
          severity: 'error',
          code: 'TB521',
          file,
          line: at(problem.startsWith('version') ? 'version' : 'sha256'),
          subject: { kind: 'person', id: data.person },
          message: `${data.person}'s acknowledgement of ${policy.id}: ${problem}`,
          hint: 'An acknowledgement must name a text that existed: the version and the sha256 the employee portal links with. Correct the record from the form export, or ask the person to acknowledge the current text.',
        });
      }
    }
    if (policy && beforeApproval(policy, data)) {
      diagnostics.push({
        severity: 'error',
        code: 'TB525',
        file,
        line: at('date'),
        subject: { kind: 'person', id: data.person },
        message: `${data.person}'s acknowledgement of ${policy.id} version ${data.version} is dated ${data.date}, before that version was approved (${policy.data.approved})`,
        hint: 'Nobody can acknowledge a text before it exists: correct the date or the version from the form export. Such a record does not count.',
      });
    }
    if (data.date > context.asOf) {
      diagnostics.push({
        severity: 'error',
        code: 'TB523',
        file,
        line: at('date'),
        subject: { kind: 'person', id: data.person },
        message: `${data.person}'s acknowledgement of ${data.policy} is dated ${data.date}, in the future (as of ${context.asOf})`,
        hint: 'Record the day the person acknowledged the policy, from the form export.',
      });
    } else if (person && data.date < person.hired) {
      diagnostics.push({
        severity: 'error',
        code: 'TB523',
        file,
        line: at('date'),
        subject: { kind: 'person', id: data.person },
        message: `${data.person}'s acknowledgement of ${data.policy} is dated ${data.date}, before they were hired (${person.hired})`,
        hint: 'Check the date and the person: an acknowledgement before the first day of work does not count.',
      });
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
        const reported = personDeviation(
          model,
          person.id,
          {
            severity: 'error',
            code: 'TB524',
            file: people.file,
            line: lineOf(people, 'staff', index),
            subject: { kind: 'person', id: person.id },
            message: `${person.id} acknowledged ${policy.id} version ${majorVersion(policy.data.version)}.x only after it was due (${state.due})`,
            hint: `A late acknowledgement is a deviation in the audit window: disclose it as an exception with \`sample: ${person.id}/${policy.id}\` in the series that evidences acknowledgements, or correct the date if it is wrong.`,
          },
          `${person.id}/${policy.id}`,
        );
        if (reported) diagnostics.push(reported);
        continue;
      }
      if (state.state === 'due' && (!current || state.days > context.warnWithinDays)) continue;
      const major = majorVersion(policy.data.version);
      const finding = {
        file: people.file,
        line: lineOf(people, 'staff', index),
        subject: { kind: 'person' as const, id: person.id },
        code: 'TB520' as const,
      };
      const ask = `Ask ${person.id} to read the policy on the employee portal and acknowledge it, then import the form's export with \`trustbook acknowledgements import\`.`;
      if (state.state === 'due') {
        diagnostics.push({
          ...finding,
          severity: 'warning',
          message: `${person.id} must acknowledge ${policy.id} version ${major}.x by ${state.due} (in ${plural(state.days, 'day')})`,
          hint: ask,
        });
        continue;
      }
      // Overdue is a deviation; disclosed as an exception about this acknowledgement, the auditor knows of it.
      const reported = personDeviation(
        model,
        person.id,
        {
          ...finding,
          severity: 'error',
          message: current
            ? `${person.id} has not acknowledged ${policy.id} version ${major}.x (due ${state.due}, ${plural(state.days, 'day')} overdue)`
            : `${person.id} had not acknowledged ${policy.id} version ${major}.x when they left on ${left} (due ${state.due}, ${plural(state.days, 'day')} overdue)`,
          hint: `${ask} To disclose it to the auditor, add an exception with \`sample: ${person.id}/${policy.id}\` to the series that evidences acknowledgements.`,
        },
        `${person.id}/${policy.id}`,
      );
      if (reported) diagnostics.push(reported);
    }
  });
  return diagnostics;
};
