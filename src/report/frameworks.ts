/**
 * The frameworks besides SOC 2, requirement by requirement, as the readiness report and the auditor site's framework
 * pages show them: what each requirement needs, what covers it, and whether it is covered throughout what is judged.
 * Read from the facts (`result.facts.frameworkCoverage`), so neither the report nor a page can disagree with the check.
 */
import {
  csfFunctions,
  findHipaaSpecification,
  frameworkNames,
  frameworkRequirements,
  type RequirementKind,
} from '../catalog/index.ts';
import type { CheckResult } from '../engine/index.ts';
import { describeShortfall } from '../engine/coverage.ts';
import { hipaaOutOfScope, type AddedFramework, type RequirementCoverage } from '../engine/framework-coverage.ts';
import type { HipaaDecision, SoaEntry } from '../schema/index.ts';

/**
 * Where a requirement stands:
 * - `covered`: a control citing it was in operation and effective throughout what is judged;
 * - `documents only`: an applicable Annex A control implemented by the policies or procedures the statement names;
 * - `excluded`: decided not to apply (an SoA exclusion, an addressable HIPAA specification not reasonable and appropriate);
 * - `not met for part of the period`, `not met`: Type II, controls cite it but not on every day, or not effectively;
 * - `gap`: nothing covers it;
 * - `not decided`: an Annex A control without an entry in the statement, an addressable HIPAA specification without
 *   its recorded decision.
 */
export type RequirementStatus =
  'covered' | 'documents only' | 'excluded' | 'not met for part of the period' | 'not met' | 'gap' | 'not decided';

/** The statuses that count a requirement as met, as excluded criteria count for SOC 2. */
const settled: ReadonlySet<RequirementStatus> = new Set(['covered', 'documents only', 'excluded']);

/** One requirement of an added framework, with what covers it. */
export interface RequirementReadiness {
  id: string;
  label: string;
  kind: RequirementKind;
  /** HIPAA implementation specifications: whether the rule requires it or makes it addressable. */
  hipaaStatus?: 'required' | 'addressable';
  controls: { id: string; title: string }[];
  status: RequirementStatus;
  /** Whether the status counts as met (covered, implemented by documents, or decided not to apply). */
  met: boolean;
  /** Type II: what kept it from being met on every day of the window. */
  shortfall?: string;
  /** ISO Annex A: the Statement of Applicability's decision for it. */
  soa?: { applicable: boolean; justification: string; status?: string; documents: string[] };
  /** HIPAA addressable specifications: the recorded decision, in words. */
  decision?: { decision: HipaaDecision['decision']; words: string; approvedBy: string; approved: string };
}

/** One heading of a framework (an ISO clause or Annex A theme, a CFR section, a CSF category). */
export interface RequirementGroup {
  heading: string;
  requirements: RequirementReadiness[];
}

/** One added framework in scope. */
export interface FrameworkReadiness {
  id: AddedFramework;
  name: string;
  /** Requirements met (covered, implemented by documents, or decided not to apply) and in scope. */
  met: number;
  total: number;
  groups: RequirementGroup[];
  /** Requirements not met, in the framework's order. */
  uncovered: { id: string; label: string; status: RequirementStatus }[];
  /** ISO/IEC 27001: the Statement of Applicability's state; undefined for the other frameworks. */
  soa?: { present: boolean; applicable: number; excluded: number; undecided: number; approved?: string };
  /** HIPAA: how the addressable specifications in scope were decided; undefined for the other frameworks. */
  addressable?: Record<HipaaDecision['decision'] | 'undecided', number>;
  /** What the program's scope parameters leave out, and why: HIPAA requirements that do not bind it, CSF functions. */
  outOfScope: { id: string; label: string; reason: string }[];
}

/** The requirements or functions of a framework the program's scope parameters leave out. */
function leftOut(result: CheckResult, framework: AddedFramework): FrameworkReadiness['outOfScope'] {
  const chosen = result.model.program?.data.frameworks;
  if (framework === 'hipaa' && chosen?.hipaa) {
    const hipaa = chosen.hipaa;
    return frameworkRequirements('hipaa').flatMap((requirement) => {
      const reason = hipaaOutOfScope(requirement.id, hipaa);
      return reason ? [{ id: requirement.id, label: requirement.label, reason }] : [];
    });
  }
  if (framework === 'csf' && chosen?.csf?.functions) {
    const functions = new Set<string>(chosen.csf.functions);
    return csfFunctions
      .filter((entry) => !functions.has(entry.id))
      .map((entry) => ({ id: entry.id, label: entry.name, reason: 'a function the program leaves out of scope' }));
  }
  return [];
}

const soaStatusWords: Record<NonNullable<SoaEntry['status']>, string> = {
  implemented: 'implemented',
  'partially-implemented': 'partially implemented',
  planned: 'planned',
};

function decisionWords(decision: HipaaDecision): string {
  if (decision.decision === 'implemented') return 'Implemented as written';
  if (decision.decision === 'alternative') {
    return `Equivalent alternative: ${decision.alternative ?? ''}${decision.rationale ? ` Why: ${decision.rationale}` : ''}`;
  }
  return `Not reasonable and appropriate: ${decision.rationale ?? ''}`;
}

function statusOf(entry: RequirementCoverage, soa: SoaEntry | undefined): RequirementStatus {
  if (entry.need === 'excluded') return 'excluded';
  if (entry.need === 'decision') return 'not decided';
  if (entry.need === 'soa' && !soa) return 'not decided';
  if (entry.controls.length === 0) return entry.need === 'soa' && soa?.documents?.length ? 'documents only' : 'gap';
  if (entry.controls.length === entry.ineffective.length) return 'not met';
  return entry.gaps.length > 0 || entry.unmet.length > 0 ? 'not met for part of the period' : 'covered';
}

function requirementReadiness(result: CheckResult, entry: RequirementCoverage): RequirementReadiness {
  const { requirement } = entry;
  const soaEntry = requirement.kind === 'annex-a-control' ? result.model.soa?.data.controls[requirement.id] : undefined;
  const specification = requirement.framework === 'hipaa' ? findHipaaSpecification(requirement.id) : undefined;
  const decision =
    specification?.status === 'addressable'
      ? result.model.program?.data.frameworks?.hipaa?.decisions[requirement.id]
      : undefined;
  const status = statusOf(entry, soaEntry);
  const shortfall = describeShortfall(entry);
  return {
    id: requirement.id,
    label: requirement.label,
    kind: requirement.kind,
    ...(specification ? { hipaaStatus: specification.status } : {}),
    controls: entry.controls.map((control) => ({ id: control.id, title: control.data.title })),
    status,
    met: settled.has(status),
    ...(shortfall && status === 'not met for part of the period' ? { shortfall } : {}),
    ...(soaEntry
      ? {
          soa: {
            applicable: soaEntry.applicable,
            justification: soaEntry.applicable
              ? [soaEntry.risks?.length ? `Risks: ${soaEntry.risks.join(', ')}.` : '', soaEntry.reason ?? '']
                  .filter((part) => part !== '')
                  .join(' ')
              : (soaEntry.justification ?? ''),
            ...(soaEntry.applicable && soaEntry.status ? { status: soaStatusWords[soaEntry.status] } : {}),
            documents: soaEntry.documents ?? [],
          },
        }
      : {}),
    ...(decision
      ? {
          decision: {
            decision: decision.decision,
            words: decisionWords(decision),
            approvedBy: decision.approved_by,
            approved: decision.approved,
          },
        }
      : {}),
  };
}

/** Each added framework the program has in scope, requirement by requirement, under its headings. */
export function frameworkReadiness(result: CheckResult): FrameworkReadiness[] {
  return result.facts.frameworksInScope().map((framework): FrameworkReadiness => {
    const coverage = result.facts.frameworkCoverage(framework);
    const groups: RequirementGroup[] = [];
    const rows = coverage.map((entry) => {
      const row = requirementReadiness(result, entry);
      const heading = entry.requirement.group;
      const last = groups.at(-1);
      if (last?.heading === heading) last.requirements.push(row);
      else groups.push({ heading, requirements: [row] });
      return row;
    });
    const count = (test: (row: RequirementReadiness) => boolean) => rows.filter(test).length;
    const annexA = rows.filter((row) => row.kind === 'annex-a-control');
    const addressable = rows.filter((row) => row.hipaaStatus === 'addressable');
    const soa = result.model.soa?.data;
    return {
      id: framework,
      name: frameworkNames[framework],
      met: count((row) => row.met),
      total: rows.length,
      groups,
      uncovered: rows.filter((row) => !row.met).map(({ id, label, status }) => ({ id, label, status })),
      outOfScope: leftOut(result, framework),
      ...(framework === 'iso27001'
        ? {
            soa: {
              present: soa !== undefined,
              applicable: annexA.filter((row) => row.soa?.applicable === true).length,
              excluded: annexA.filter((row) => row.soa?.applicable === false).length,
              undecided: annexA.filter((row) => !row.soa).length,
              ...(soa ? { approved: soa.approved } : {}),
            },
          }
        : {}),
      ...(framework === 'hipaa'
        ? {
            addressable: {
              implemented: addressable.filter((row) => row.decision?.decision === 'implemented').length,
              alternative: addressable.filter((row) => row.decision?.decision === 'alternative').length,
              'not-reasonable': addressable.filter((row) => row.decision?.decision === 'not-reasonable').length,
              undecided: addressable.filter((row) => !row.decision).length,
            },
          }
        : {}),
    };
  });
}
