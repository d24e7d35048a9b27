/**
 * An OSCAL 1.1 component definition: the system as a component, with one control implementation per framework
 * in scope (SOC 2 always, then ISO/IEC 27001, HIPAA and CSF as the program adds them), each with one implemented
 * requirement per requirement that an implemented control cites. UUIDs are derived from names (version 5 style)
 * so the same program always exports the same document.
 */
import { createHash } from 'node:crypto';
import { findCriterion, findFrameworkRequirement } from '../catalog/index.ts';
import {
  citationsOf,
  frameworksInScope,
  requirementsInScope,
  type AddedFramework,
} from '../engine/framework-coverage.ts';
import type { CheckResult } from '../engine/index.ts';
import type { Document } from '../engine/model.ts';
import type { ControlData } from '../schema/index.ts';

export const OSCAL_VERSION = '1.1.2';
/** Names the TSC catalog in `source`: there is no official OSCAL catalog of the criteria to point to. */
export const TSC_SOURCE = 'urn:aicpa:tsc:2017';

/** Our namespace for props OSCAL has no field for: the control implementing a requirement, the id as cited. */
export const TRUSTBOOK_OSCAL_NS = 'urn:trustbook:oscal';

/**
 * What each added framework's `source` names. No OSCAL catalog of ISO/IEC 27001 may be published (its text is
 * sold), nor is there an official one of the HIPAA Security Rule, so those two are named by a standard URN and by
 * the regulation's eCFR address; CSF 2.0 by NIST's own OSCAL catalog of the Core.
 */
export const FRAMEWORK_SOURCES: Record<AddedFramework, string> = {
  iso27001: 'urn:iso:std:iso-iec:27001:ed-3',
  hipaa: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C',
  csf: 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/CSF/v2.0/json/NIST_CSF_v2.0_catalog.json',
};

/** Short names for titles and descriptions. */
const shortNames: Record<AddedFramework, string> = {
  iso27001: 'ISO/IEC 27001:2022',
  hipaa: 'the HIPAA Security Rule',
  csf: 'NIST CSF 2.0',
};

const implementationDescriptions: Record<AddedFramework, string> = {
  iso27001:
    'ISO/IEC 27001:2022 clauses and Annex A controls cited by the implemented controls of the program. Control ids are ' +
    'the numbers as cited, made OSCAL tokens: a clause gains `clause-` (clause-6.1.3), an Annex A control is a.5.15.',
  hipaa:
    'HIPAA Security Rule standards and implementation specifications (45 CFR 164.308-164.316) cited by the ' +
    'implemented controls of the program. Control ids are the paragraphs as cited, made OSCAL tokens: ' +
    '164.308(a)(1)(ii)(A) is cfr-164.308.a.1.ii.a.',
  csf: 'NIST CSF 2.0 subcategories cited by the implemented controls of the program, ids in lower case (gv.oc-01).',
};

/**
 * A requirement's id as an OSCAL `control-id`, a token that starts with a letter and holds only letters, digits,
 * dots, hyphens and underscores: lower case, as the TSC ids are written; an ISO clause number gains `clause-`; a
 * HIPAA paragraph's brackets become dots after `cfr-`. The id as cited rides along in a prop.
 */
export function oscalControlId(framework: AddedFramework, id: string): string {
  const lower = id.toLowerCase();
  if (framework === 'hipaa') return `cfr-${lower.replace(/\(([^)]*)\)/g, '.$1')}`;
  if (framework === 'iso27001' && /^\d/.test(lower)) return `clause-${lower}`;
  return lower;
}

/** A deterministic RFC 4122 version 5 style UUID from a name. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`trustbook:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** One control point per control, in the namespace of our props. */
const implementationPoints = (controls: readonly Document<ControlData>[]) =>
  controls.map((control) => ({
    name: 'implementation-point',
    value: control.id,
    ns: TRUSTBOOK_OSCAL_NS,
    class: 'control',
  }));

const addressedBy = (controls: readonly Document<ControlData>[]) =>
  `Addressed by ${controls.map((control) => `${control.id} (${control.data.title})`).join('; ')}.`;

/**
 * The control implementation of an added framework: each in-scope requirement an implemented control cites, in
 * catalog order. A citation the check refuses (an unknown id, a requirement out of scope) is left out here, as an
 * unknown criterion is for SOC 2.
 */
function frameworkImplementation(
  result: CheckResult,
  framework: AddedFramework,
  implemented: readonly Document<ControlData>[],
) {
  const { model } = result;
  const program = model.program!.data;
  const inScope = requirementsInScope(program, framework);
  const requirements = inScope.flatMap((requirement) => {
    const controls = implemented.filter((control) => citationsOf(control.data, framework).includes(requirement.id));
    if (controls.length === 0) return [];
    return [
      {
        uuid: nameUuid(`requirement:${framework}:${requirement.id}`),
        'control-id': oscalControlId(framework, requirement.id),
        description: `${findFrameworkRequirement(framework, requirement.id)!.label}. ${addressedBy(controls)}`,
        props: [
          { name: 'requirement-id', value: requirement.id, ns: TRUSTBOOK_OSCAL_NS },
          ...implementationPoints(controls),
        ],
      },
    ];
  });
  return {
    uuid: nameUuid(`implementation:${program.system}:${framework}`),
    source: FRAMEWORK_SOURCES[framework],
    description: implementationDescriptions[framework],
    'implemented-requirements': requirements,
  };
}

export function oscalComponentDefinition(result: CheckResult) {
  const { model } = result;
  const program = model.program!.data;
  const implemented = model.controls.filter((control) => control.data.status === 'implemented');
  const criteria = [...new Set(implemented.flatMap((control) => control.data.criteria))]
    .filter((id) => findCriterion(id))
    .sort(byNumber);
  const requirements = criteria.map((criterionId) => {
    const controls = implemented.filter((control) => control.data.criteria.includes(criterionId));
    return {
      uuid: nameUuid(`requirement:${criterionId}`),
      'control-id': criterionId.toLowerCase(),
      description: `${findCriterion(criterionId)!.label}. ${addressedBy(controls)}`,
      props: implementationPoints(controls),
    };
  });
  // OSCAL wants at least one implemented requirement in a control implementation: a framework no control cites
  // yet is left out rather than written empty.
  const added = frameworksInScope(program)
    .map((framework) => ({ framework, implementation: frameworkImplementation(result, framework, implemented) }))
    .filter(({ implementation }) => implementation['implemented-requirements'].length > 0);
  const names = ['SOC 2', ...added.map(({ framework }) => shortNames[framework])];
  const title =
    names.length === 1
      ? `${program.system} SOC 2 controls`
      : `${program.system} controls for ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return {
    'component-definition': {
      uuid: nameUuid(`component-definition:${program.organization}:${program.system}`),
      metadata: {
        title,
        'last-modified': `${result.summary.asOf}T00:00:00Z`,
        version: result.summary.asOf,
        'oscal-version': OSCAL_VERSION,
        parties: [
          {
            uuid: nameUuid(`party:${program.organization}`),
            type: 'organization',
            name: program.organization,
            'email-addresses': [program.contact],
          },
        ],
      },
      components: [
        {
          uuid: nameUuid(`component:${program.system}`),
          type: 'service',
          title: program.system,
          description: `${program.system}, operated by ${program.organization}; in scope for SOC 2: ${program.scope.join(', ')}.`,
          'control-implementations': [
            {
              uuid: nameUuid(`implementation:${program.system}:tsc-2017`),
              source: TSC_SOURCE,
              description:
                'Trust Services Criteria (2017, points of focus revised 2022) addressed by the controls of the program.',
              'implemented-requirements': requirements,
            },
            ...added.map(({ implementation }) => implementation),
          ],
        },
      ],
    },
  };
}

export function oscalJson(result: CheckResult): string {
  return `${JSON.stringify(oscalComponentDefinition(result), null, 2)}\n`;
}
