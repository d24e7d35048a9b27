/**
 * The personnel part of the mock audit: every new hire and leaver of the window, with the onboarding or
 * offboarding facts an auditor inspects for each person and the result the check's findings give it. The
 * cohorts and facts come from the engine (src/engine/personnel.ts); results come from findings about the
 * person, never worked out another way.
 */
import { personAcknowledgements } from '../engine/acknowledgement-status.ts';
import { isBlocking } from '../engine/facts.ts';
import type { CheckResult } from '../engine/index.ts';
import { exceptionsAbout, type PersonnelReview } from '../engine/personnel.ts';
import type { ExceptionData, StaffData } from '../schema/index.ts';
import type { WorkpaperResult } from './workpaper-results.ts';

/** One fact inspected for a person: what, and what the records show. */
export interface PersonnelFact {
  label: string;
  value: string;
}

export interface PersonnelTest {
  person: string;
  name: string;
  role: string;
  /** The hire or leaving date that puts the person in the cohort. */
  date: string;
  facts: PersonnelFact[];
  result: WorkpaperResult;
  /** The check's blocking findings about the person, as sentences. */
  findings: string[];
  exceptions: ExceptionData[];
}

export interface PersonnelTests {
  newHires: PersonnelTest[];
  leavers: PersonnelTest[];
}

/** The window's new hires and leavers with what the dry run found for each. */
export function personnelTests(result: CheckResult, review: PersonnelReview): PersonnelTests {
  const { model, facts } = result;
  const asOf = facts.asOf;
  const roles = new Map((model.people?.data.roles ?? []).map((role) => [role.id, role.title]));
  const tracked = facts.tracksAcknowledgements();

  const outcome = (person: StaffData, facts: PersonnelFact[], date: string, kind: 'new-hire' | 'leaver') => {
    const personId = person.id;
    // The cohort is what is tested: onboarding findings for a new hire, offboarding ones for a leaver.
    const relevant = kind === 'new-hire' ? onboardingCodes : offboardingCodes;
    const blocking = result.facts
      .findingsAbout('person', personId)
      .filter((finding) => relevant.has(finding.code) && isBlocking(finding));
    const exceptions = exceptionsAbout(model, personId).map(({ exception }) => exception);
    const acknowledgementExceptions = model.policies
      .flatMap((policy) => exceptionsAbout(model, personId, `${personId}/${policy.id}`))
      .map(({ exception }) => exception);
    const disclosed = kind === 'new-hire' ? [...exceptions, ...acknowledgementExceptions] : exceptions;
    const testResult: WorkpaperResult =
      blocking.length > 0 ? 'evidence missing' : disclosed.length > 0 ? 'exception disclosed' : 'no exception';
    return {
      person: personId,
      name: person.name ?? personId,
      role: roles.get(person.role) ?? person.role,
      date,
      facts,
      result: testResult,
      findings: blocking.map((finding) => `${finding.code} ${finding.message}`),
      exceptions: [...new Set(disclosed)],
    };
  };

  const newHires = review.newHires.map((onboarding) => {
    const { person } = onboarding.member;
    const own = tracked ? personAcknowledgements(model, person, asOf) : [];
    const count = (state: string) => own.filter((row) => row.state.state === state).length;
    const left = person.left !== undefined && person.left <= asOf;
    const acknowledged = [
      `${count('acknowledged')} of ${own.length}`,
      count('overdue') > 0 ? `${count('overdue')} overdue${left ? ' when they left' : ''}` : '',
      count('due') > 0 ? `${count('due')} not yet due${left ? ' when they left' : ''}` : '',
    ].filter(Boolean);
    const facts: PersonnelFact[] = [
      {
        label: 'Background check',
        value:
          onboarding.backgroundCheck === undefined
            ? 'none recorded'
            : `${onboarding.backgroundCheck}${onboarding.screenedBeforeAccess ? ', before access' : `, after access on ${onboarding.firstAccess}`}`,
      },
      { label: 'Access granted', value: onboarding.accessGranted ?? 'not recorded' },
      {
        label: 'First training',
        value: onboarding.firstTraining ?? `not yet (due ${onboarding.trainingDue})`,
      },
      ...(tracked ? [{ label: 'Policies acknowledged', value: acknowledged.join('; ') }] : []),
    ];
    return outcome(person, facts, person.hired, 'new-hire');
  });

  const leavers = review.leavers.map((offboarding) => {
    const { person } = offboarding.member;
    const removal =
      offboarding.state === 'not-yet-due'
        ? `not yet recorded (due by ${offboarding.deadline})`
        : offboarding.accessRemoved === undefined
          ? `not recorded (due by ${offboarding.deadline})`
          : `${offboarding.accessRemoved}${offboarding.state === 'late' ? `, after the deadline ${offboarding.deadline}` : ', in time'}`;
    return outcome(person, [{ label: 'Access removed', value: removal }], offboarding.member.date, 'leaver');
  });

  return { newHires, leavers };
}

const onboardingCodes = new Set(['TB507', 'TB508', 'TB514', 'TB520']);
const offboardingCodes = new Set(['TB513']);
