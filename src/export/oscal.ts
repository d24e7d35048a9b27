/**
 * An OSCAL 1.1 component definition: the system as a component, with one implemented requirement per
 * criterion that an implemented control addresses. UUIDs are derived from names (version 5 style) so the
 * same program always exports the same document.
 */
import { createHash } from 'node:crypto';
import { findCriterion } from '../catalog/index.ts';
import type { CheckResult } from '../engine/index.ts';

export const OSCAL_VERSION = '1.1.2';
/** Names the TSC catalog in `source`: there is no official OSCAL catalog of the criteria to point to. */
export const TSC_SOURCE = 'urn:aicpa:tsc:2017';

/** A deterministic RFC 4122 version 5 style UUID from a name. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`trustbook:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function oscalComponentDefinition(result: CheckResult) {
  const { model } = result;
  const program = model.program!.data;
  const implemented = model.controls.filter((control) => control.data.status === 'implemented');
  const criteria = [...new Set(implemented.flatMap((control) => control.data.criteria))]
    .filter((id) => findCriterion(id))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const requirements = criteria.map((criterionId) => {
    const controls = implemented.filter((control) => control.data.criteria.includes(criterionId));
    return {
      uuid: nameUuid(`requirement:${criterionId}`),
      'control-id': criterionId.toLowerCase(),
      description: `${findCriterion(criterionId)!.label}. Addressed by ${controls
        .map((control) => `${control.id} (${control.data.title})`)
        .join('; ')}.`,
      props: controls.map((control) => ({
        name: 'implementation-point',
        value: control.id,
        ns: 'urn:trustbook:oscal',
        class: 'control',
      })),
    };
  });
  return {
    'component-definition': {
      uuid: nameUuid(`component-definition:${program.organization}:${program.system}`),
      metadata: {
        title: `${program.system} SOC 2 controls`,
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
          ],
        },
      ],
    },
  };
}

export function oscalJson(result: CheckResult): string {
  return `${JSON.stringify(oscalComponentDefinition(result), null, 2)}\n`;
}
