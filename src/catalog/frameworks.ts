/**
 * The frameworks a program can be judged against, seen through one shape: a flat list of requirements per
 * framework, each an id a control may cite and a label. Scope, citation checks, did-you-mean and coverage work
 * on this list alone; pages that need a framework's own structure (Annex A themes, HIPAA's required and
 * addressable marks, CSF functions) read the framework's module.
 */

import { criteria, categoryLabels } from './criteria.ts';
import { csfCategories, csfSubcategories } from './csf.ts';
import { hipaaRequirements, hipaaSections } from './hipaa.ts';
import { isoClauseNames, isoClauses, isoControls, isoThemeLabels } from './iso27001.ts';

/** `soc2` is always in scope; the others are chosen per program. */
export type FrameworkId = 'soc2' | 'iso27001' | 'hipaa' | 'csf';

export const frameworkIds: readonly FrameworkId[] = ['soc2', 'iso27001', 'hipaa', 'csf'];

/** Full names, with the edition each catalog holds. */
export const frameworkNames: Record<FrameworkId, string> = {
  soc2: 'SOC 2 (Trust Services Criteria 2017, points of focus 2022)',
  iso27001: 'ISO/IEC 27001:2022',
  hipaa: 'HIPAA Security Rule (45 CFR 164.308–164.316)',
  csf: 'NIST Cybersecurity Framework 2.0',
};

/** The key a control lists its citations of each framework under. */
export const citationKeys: Record<FrameworkId, string> = {
  soc2: 'criteria',
  iso27001: 'iso',
  hipaa: 'hipaa',
  csf: 'csf',
};

/** What kind of requirement an entry is, in its framework's own terms. */
export type RequirementKind =
  'criterion' | 'clause' | 'annex-a-control' | 'standard' | 'implementation-specification' | 'subcategory';

/** One requirement a control can cite and coverage is counted for. */
export interface FrameworkRequirement {
  framework: FrameworkId;
  /** The id as a control cites it: `CC6.1`, `6.1.3`, `A.5.15`, `164.308(a)(1)(ii)(A)`, `GV.OC-01`. */
  id: string;
  kind: RequirementKind;
  /** Our label; for CSF, NIST's outcome statement. */
  label: string;
  /** The heading it is listed under: a TSC category, an ISO clause or theme, a CFR section, a CSF category. */
  group: string;
}

const isoRequirements: readonly FrameworkRequirement[] = [
  ...isoClauses.map((clause) => ({
    framework: 'iso27001' as const,
    id: clause.id,
    kind: 'clause' as const,
    label: clause.label,
    group: `${clause.clause} ${isoClauseNames[clause.clause]}`,
  })),
  ...isoControls.map((control) => ({
    framework: 'iso27001' as const,
    id: control.id,
    kind: 'annex-a-control' as const,
    label: control.label,
    group: `Annex A: ${isoThemeLabels[control.theme]}`,
  })),
];

const sectionLabels = new Map(hipaaSections.map((entry) => [entry.section, `§ ${entry.section} ${entry.label}`]));

const hipaaFrameworkRequirements: readonly FrameworkRequirement[] = hipaaRequirements.map((requirement) => ({
  framework: 'hipaa',
  id: requirement.id,
  kind: 'status' in requirement ? 'implementation-specification' : 'standard',
  label: requirement.label,
  group: sectionLabels.get(requirement.section)!,
}));

const csfCategoryNames = new Map(csfCategories.map((category) => [category.id, `${category.name} (${category.id})`]));

const csfRequirements: readonly FrameworkRequirement[] = csfSubcategories.map((subcategory) => ({
  framework: 'csf',
  id: subcategory.id,
  kind: 'subcategory',
  label: subcategory.outcome,
  group: csfCategoryNames.get(subcategory.category)!,
}));

const soc2Requirements: readonly FrameworkRequirement[] = criteria.map((criterion) => ({
  framework: 'soc2',
  id: criterion.id,
  kind: 'criterion',
  label: criterion.label,
  group: categoryLabels[criterion.category],
}));

const requirementsByFramework: Record<FrameworkId, readonly FrameworkRequirement[]> = {
  soc2: soc2Requirements,
  iso27001: isoRequirements,
  hipaa: hipaaFrameworkRequirements,
  csf: csfRequirements,
};

const byFramework = new Map(
  frameworkIds.map((framework) => [
    framework,
    new Map(requirementsByFramework[framework].map((requirement) => [requirement.id, requirement])),
  ]),
);

/**
 * Every requirement of a framework, in its own order. ISO: the 30 clause requirements, then the 93 Annex A
 * controls. HIPAA: each implementation specification, and each standard that has none. CSF: the 106
 * subcategories. SOC 2: the 61 criteria (which of them are in scope depends on the program's categories).
 */
export function frameworkRequirements(framework: FrameworkId): readonly FrameworkRequirement[] {
  return requirementsByFramework[framework];
}

/** The requirement with that id in that framework, or undefined. */
export function findFrameworkRequirement(framework: FrameworkId, id: string): FrameworkRequirement | undefined {
  return byFramework.get(framework)!.get(id);
}

/** The ids a citation of that framework may use, for did-you-mean suggestions. */
export function frameworkRequirementIds(framework: FrameworkId): readonly string[] {
  return requirementsByFramework[framework].map((requirement) => requirement.id);
}
