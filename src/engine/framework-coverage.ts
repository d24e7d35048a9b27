/**
 * Coverage of the frameworks besides SOC 2 (ISO/IEC 27001, HIPAA, CSF), worked out the way SOC 2 coverage is
 * (`coverage.ts`): a requirement is met on a day when a control citing it was in operation that day and operated
 * effectively over the window; before the window opens, and for a Type I, on the evaluation date alone. What a
 * program decided needs no control (an Annex A control its Statement of Applicability excludes, an addressable
 * HIPAA specification found not reasonable and appropriate) is marked, not judged.
 */
import { memo } from './memo.ts';
import {
  findHipaaSpecification,
  frameworkRequirements,
  type FrameworkId,
  type FrameworkRequirement,
} from '../catalog/index.ts';
import type { ControlData, FrameworksData, Program, SoaData } from '../schema/index.ts';
import { controlsInOperation } from './coverage.ts';
import type { Document, ProgramModel } from './model.ts';
import { clip, union, uncovered, type DateSpan } from './spans.ts';

/** The frameworks a program may add to SOC 2. */
export type AddedFramework = Exclude<FrameworkId, 'soc2'>;

export const addedFrameworks: readonly AddedFramework[] = ['iso27001', 'hipaa', 'csf'];

/** The control field citing each added framework. */
export const citationField = { iso27001: 'iso', hipaa: 'hipaa', csf: 'csf' } as const satisfies Record<
  AddedFramework,
  keyof ControlData
>;

/** What a control cites of a framework. */
export function citationsOf(control: ControlData, framework: AddedFramework): readonly string[] {
  return control[citationField[framework]] ?? [];
}

/** The added frameworks a program has in scope, in catalog order. */
export function frameworksInScope(program: Program | undefined): AddedFramework[] {
  const chosen = program?.frameworks;
  return chosen ? addedFrameworks.filter((framework) => chosen[framework] !== undefined) : [];
}

/**
 * Why a HIPAA requirement does not bind this program, from its scope parameters: 164.314(b) binds only the sponsor
 * of a group health plan, 164.308(a)(4)(ii)(A) only a clearinghouse inside a larger organization, 164.314(a)(2)(ii)
 * only government entities. Undefined when it binds the program.
 */
export function hipaaOutOfScope(id: string, hipaa: NonNullable<FrameworksData['hipaa']>): string | undefined {
  if (id.startsWith('164.314(b)') && !hipaa.group_health_plan) {
    return 'a group health plan requirement, out of scope without `group_health_plan: true`';
  }
  if (id === '164.308(a)(4)(ii)(A)' && !hipaa.clearinghouse) {
    return 'a clearinghouse requirement, out of scope without `clearinghouse: true`';
  }
  if (id === '164.314(a)(2)(ii)' && !hipaa.government_entity) {
    return 'a requirement for government entities, out of scope without `government_entity: true`';
  }
  return undefined;
}

/**
 * A framework's requirements the program is judged on: every ISO clause and Annex A control, every HIPAA
 * requirement that binds it (`hipaaOutOfScope`), the subcategories of the CSF
 * functions in scope. Empty when the framework is not in scope.
 */
export function requirementsInScope(program: Program | undefined, framework: AddedFramework): FrameworkRequirement[] {
  const chosen = program?.frameworks;
  const all = frameworkRequirements(framework);
  if (framework === 'iso27001') return chosen?.iso27001 ? [...all] : [];
  if (framework === 'hipaa') {
    const hipaa = chosen?.hipaa;
    if (!hipaa) return [];
    return all.filter((requirement) => hipaaOutOfScope(requirement.id, hipaa) === undefined);
  }
  const csf = chosen?.csf;
  if (!csf) return [];
  const functions = new Set<string>(csf.functions ?? ['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
  return all.filter((requirement) => functions.has(requirement.id.slice(0, 2)));
}

/**
 * What a requirement asks of the program:
 * - `control`: a control citing it, in operation and effective throughout what is judged;
 * - `soa`: an Annex A control, decided in the Statement of Applicability (applicable ones also need what implements them);
 * - `decision`: an addressable HIPAA specification still waiting for its recorded decision;
 * - `excluded`: decided not to apply (an SoA exclusion, a HIPAA specification not reasonable and appropriate).
 */
export type RequirementNeed = 'control' | 'soa' | 'decision' | 'excluded';

export interface RequirementCoverage {
  requirement: FrameworkRequirement;
  need: RequirementNeed;
  /** Controls citing it and in operation on the evaluation date, or at some time in the judged window. */
  controls: Document<ControlData>[];
  /** Type II: stretches of the judged window in which no control citing it was in operation. */
  gaps: DateSpan[];
  /** Type II: stretches in which controls were in operation, but none operated effectively. */
  unmet: DateSpan[];
  /** Controls in operation that did not operate effectively over the window. */
  ineffective: Document<ControlData>[];
}

/** What a requirement needs, from the program's decisions. */
export function requirementNeed(
  requirement: FrameworkRequirement,
  program: Program,
  soa: SoaData | undefined,
): RequirementNeed {
  if (requirement.kind === 'annex-a-control') {
    const entry = soa?.controls[requirement.id];
    if (!entry) return 'soa';
    return entry.applicable ? 'soa' : 'excluded';
  }
  if (requirement.framework === 'hipaa' && findHipaaSpecification(requirement.id)?.status === 'addressable') {
    const decision = program.frameworks?.hipaa?.decisions[requirement.id];
    if (!decision) return 'decision';
    return decision.decision === 'not-reasonable' ? 'excluded' : 'control';
  }
  return 'control';
}

/** Coverage of one added framework's in-scope requirements as of the evaluation date, worked out once per model. */
export function frameworkCoverage(model: ProgramModel, asOf: string, framework: AddedFramework): RequirementCoverage[] {
  const byKey = memo(model, 'framework-coverage', () => new Map<string, RequirementCoverage[]>());
  const key = `${framework} ${asOf}`;
  let coverage = byKey.get(key);
  if (!coverage) byKey.set(key, (coverage = coverageOn(model, asOf, framework)));
  return coverage;
}

function coverageOn(model: ProgramModel, asOf: string, framework: AddedFramework): RequirementCoverage[] {
  const program = model.program?.data;
  if (!program) return [];
  const found = controlsInOperation(model, asOf);
  const { judged, spans, ineffective } = found;
  const operating = found.operating.filter((control) => citationsOf(control.data, framework).length > 0);
  return requirementsInScope(program, framework).map((requirement): RequirementCoverage => {
    const controls = operating.filter((control) => citationsOf(control.data, framework).includes(requirement.id));
    const inOperation = controls.map((control) => spans.get(control)!);
    const effective = controls.filter((control) => !ineffective.has(control)).map((control) => spans.get(control)!);
    const judge = judged && controls.length > 0;
    return {
      requirement,
      need: requirementNeed(requirement, program, model.soa?.data),
      controls,
      gaps: judge ? uncovered(judged, inOperation) : [],
      unmet: judge
        ? uncovered(judged, effective).flatMap((stretch) =>
            union(inOperation).flatMap((span) => clip(span, stretch) ?? []),
          )
        : [],
      ineffective: controls.filter((control) => ineffective.has(control)),
    };
  });
}
