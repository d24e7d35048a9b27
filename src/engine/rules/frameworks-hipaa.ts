/**
 * The HIPAA Security Rule's own obligations besides coverage: a recorded decision for every addressable
 * implementation specification in scope (TB352; 164.306(d)(3)) that says what was adopted and why (TB353), is
 * approved by someone who exists (TB350) and decides only what is addressable (TB340, TB354); and documentation
 * kept six years from when it was last in effect (TB355; 164.316(b)(2)(i)).
 */
import { findHipaaSpecification, findHipaaStandard, frameworkNames } from '../../catalog/index.ts';
import type { HipaaDecision } from '../../schema/index.ts';
import { addMonths } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { frameworkCoverage, hipaaOutOfScope } from '../framework-coverage.ts';
import { lineOf, PROGRAM_FILE, type ProgramModel } from '../model.ts';
import { closest } from '../validate.ts';
import type { Rule } from './context.ts';
import { isSubstantiveReason } from './coverage.ts';
import { unknownRequirementAdvice } from './frameworks.ts';

/** Six years, in the rule's words: from creation or from when last in effect, whichever is later. */
export const HIPAA_RETENTION_YEARS = 6;

export const hipaaRule: Rule = (model, context) => {
  const hipaa = model.program?.data.frameworks?.hipaa;
  if (!hipaa) return [];
  const found: Diagnostic[] = [];
  for (const [id, decision] of Object.entries(hipaa.decisions)) found.push(...decisionFindings(model, id, decision));
  const program = model.program!;
  const undecidedLine = lineOf(
    program,
    'frameworks',
    'hipaa',
    ...(Object.keys(hipaa.decisions).length > 0 ? ['decisions'] : []),
  );
  for (const entry of frameworkCoverage(model, context.asOf, 'hipaa')) {
    if (entry.need !== 'decision') continue;
    found.push(
      finding(
        'TB352',
        { file: PROGRAM_FILE, line: undecidedLine, subject: { kind: 'program', id: entry.requirement.id } },
        entry.requirement.id,
        entry.requirement.label,
      ),
    );
  }
  if (hipaa.retention_years < HIPAA_RETENTION_YEARS) {
    found.push(
      finding(
        'TB355',
        {
          file: PROGRAM_FILE,
          line: lineOf(program, 'frameworks', 'hipaa', 'retention_years'),
          subject: { kind: 'program', id: 'hipaa' },
        },
        hipaa.retention_years,
        earliestTooSoon(model, hipaa.retention_years),
      ),
    );
  }
  return found;
};

function decisionFindings(model: ProgramModel, id: string, decision: HipaaDecision): Diagnostic[] {
  const program = model.program!;
  const at = (...path: PropertyKey[]) => ({
    file: PROGRAM_FILE,
    line: lineOf(program, 'frameworks', 'hipaa', 'decisions', id, ...path),
    subject: { kind: 'program' as const, id },
  });
  const specification = findHipaaSpecification(id);
  if (!specification) {
    if (findHipaaStandard(id)) return [finding('TB354', at(), id, 'a standard')];
    return [
      finding(
        'TB340',
        at(),
        id,
        `an implementation specification of ${frameworkNames.hipaa}`,
        unknownRequirementAdvice('hipaa', id),
      ),
    ];
  }
  const outOfScope = hipaaOutOfScope(id, model.program!.data.frameworks!.hipaa!);
  if (outOfScope) return [finding('TB354', at(), id, outOfScope)];
  if (specification.status === 'required')
    return [finding('TB354', at(), id, 'a required implementation specification')];
  const found: Diagnostic[] = [];
  const reasons: ('alternative' | 'rationale')[] =
    decision.decision === 'alternative'
      ? ['alternative', 'rationale']
      : decision.decision === 'not-reasonable'
        ? ['rationale']
        : [];
  for (const field of reasons) {
    const written = decision[field];
    if (written === undefined || !isSubstantiveReason(written)) {
      found.push(
        finding('TB353', at(written === undefined ? 'decision' : field), id, decision.decision, field, written),
      );
    }
  }
  if (model.people) {
    const people = [...model.people.data.roles, ...model.people.data.staff].map((person) => person.id);
    if (!people.includes(decision.approved_by)) {
      found.push(
        finding(
          'TB350',
          at('approved_by'),
          `the decision for ${id}`,
          'person',
          decision.approved_by,
          closest(decision.approved_by, people),
        ),
      );
    }
  }
  return found;
}

/**
 * The oldest artifact of the evidence index, with the day a store keeping documentation `years` would dispose of
 * it and the day the rule keeps it until: an artifact records an action, in effect from when it was collected.
 */
function earliestTooSoon(model: ProgramModel, years: number): string | undefined {
  let oldest: { series: string; collected: string } | undefined;
  for (const series of model.evidence) {
    for (const artifact of series.data.artifacts) {
      if (!oldest || artifact.collected < oldest.collected)
        oldest = { series: series.id, collected: artifact.collected };
    }
  }
  if (!oldest) return undefined;
  const disposed = addMonths(oldest.collected, years * 12);
  const keptUntil = addMonths(oldest.collected, HIPAA_RETENTION_YEARS * 12);
  return `${oldest.series}'s artifact collected on ${oldest.collected} would be gone on ${disposed}, though it must be kept until ${keptUntil}`;
}
