/**
 * Trustbook's crosswalk as files other tools load: a CSV of every pair, and a JSON document in our own format
 * whose fields follow OSCAL 1.2's control mapping model (`mapping-collection`). The OSCAL version this package
 * validates against, 1.1.2, has no mapping model, and the 1.2 schema is not part of the package, so the JSON is
 * not validated against any OSCAL schema and does not claim an `oscal-version`.
 */
import { CROSSWALK_LICENCE, crosswalks, crosswalkTargets, type CrosswalkTarget } from '../catalog/crosswalk/index.ts';
import { findCriterion, findFrameworkRequirement, frameworkNames } from '../catalog/index.ts';
import { toCsv } from './csv.ts';
import { nameUuid, TSC_SOURCE } from './oscal.ts';

/** Where each target framework's catalog is named in `target-resource`; neither has an OSCAL catalog we ship. */
export const CROSSWALK_TARGET_SOURCES: Record<CrosswalkTarget, string> = {
  iso27001: 'urn:iso:std:iso-iec:27001:ed-3',
  csf: 'https://doi.org/10.6028/NIST.CSWP.29',
};

/** Our namespace for the props OSCAL has no field for (reviewer, review date, licence). */
export const CROSSWALK_NS = 'urn:trustbook:crosswalk';

export const CROSSWALK_CSV_HEADER = [
  'source_framework',
  'source_id',
  'source_label',
  'relationship',
  'target_framework',
  'target_id',
  'target_label',
  'rationale',
  'reviewer',
  'reviewed',
] as const;

/** One row per pair, every target framework in turn, in the crosswalk's own order. */
export function crosswalkCsv(): string {
  const rows = crosswalkTargets.flatMap((target) =>
    crosswalks[target].pairs.map((pair) => [
      'soc2',
      pair.source,
      findCriterion(pair.source)!.label,
      pair.relationship,
      target,
      pair.target,
      findFrameworkRequirement(target, pair.target)!.label,
      pair.rationale,
      pair.reviewer,
      pair.reviewed,
    ]),
  );
  return toCsv(CROSSWALK_CSV_HEADER, rows);
}

const latestReview = (): string =>
  crosswalkTargets
    .flatMap((target) => crosswalks[target].pairs.map((pair) => pair.reviewed))
    .reduce((latest, date) => (date > latest ? date : latest));

export function crosswalkMappingCollection() {
  const reviewed = latestReview();
  return {
    'mapping-collection': {
      uuid: nameUuid('mapping-collection:trustbook-crosswalk'),
      metadata: {
        title: `Trustbook crosswalk: SOC 2 Trust Services Criteria to ${crosswalkTargets
          .map((target) => frameworkNames[target])
          .join(' and ')}`,
        'last-modified': `${reviewed}T00:00:00Z`,
        version: reviewed,
        props: [
          { name: 'licence', ns: CROSSWALK_NS, value: CROSSWALK_LICENCE },
          { name: 'format', ns: CROSSWALK_NS, value: 'oscal-1.2-mapping-fields-not-validated' },
        ],
        remarks:
          "Trustbook's own format, with the field names of OSCAL 1.2's mapping-collection; not validated against " +
          'an OSCAL schema. Ids are as a control cites them. A pair only suggests a citation: coverage comes from ' +
          'what a control cites, never from this mapping.',
      },
      provenance: {
        method: 'human',
        'matching-rationale': 'semantic',
        status: 'draft',
        'mapping-description':
          'Each pair relates a SOC 2 criterion (source) to a requirement of the target framework, judged by the ' +
          'Trustbook project from the requirements as it paraphrases them.',
      },
      mappings: crosswalkTargets.map((target) => {
        const crosswalk = crosswalks[target];
        const unmapped = Object.entries(crosswalk.unmapped);
        return {
          uuid: nameUuid(`mapping:soc2:${target}`),
          'source-resource': { type: 'catalog', href: TSC_SOURCE },
          'target-resource': { type: 'catalog', href: CROSSWALK_TARGET_SOURCES[target] },
          maps: crosswalk.pairs.map((pair) => ({
            uuid: nameUuid(`map:soc2:${target}:${pair.source}:${pair.target}`),
            relationship: pair.relationship,
            sources: [{ type: 'control', 'id-ref': pair.source }],
            targets: [{ type: 'control', 'id-ref': pair.target }],
            props: [
              { name: 'reviewer', ns: CROSSWALK_NS, value: pair.reviewer },
              { name: 'reviewed', ns: CROSSWALK_NS, value: pair.reviewed },
            ],
            remarks: pair.rationale,
          })),
          ...(unmapped.length === 0
            ? {}
            : {
                remarks: `Not mapped, on purpose: ${unmapped.map(([id, reason]) => `${id} (${reason})`).join('; ')}.`,
              }),
        };
      }),
    },
  };
}

export function crosswalkJson(): string {
  return `${JSON.stringify(crosswalkMappingCollection(), null, 2)}\n`;
}

/** What `trustbook export crosswalk` writes: the files, by name. */
export const crosswalkFiles: readonly { file: string; write: () => string }[] = [
  { file: 'crosswalk.csv', write: crosswalkCsv },
  { file: 'crosswalk.json', write: crosswalkJson },
];
