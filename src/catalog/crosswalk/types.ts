/**
 * The shape of Trustbook's crosswalk: pairs from a SOC 2 criterion to a requirement of another framework, each
 * typed with one of the four relationships OSCAL's control mapping model uses, read from the criterion's side.
 */

/**
 * How the SOC 2 criterion (the source) relates to the other framework's requirement (the target), in OSCAL's
 * terms: `equivalent-to` both ask for the same thing; `subset-of` everything the criterion asks for is also asked
 * by the target, which asks for more; `superset-of` the criterion asks for everything the target does, and more;
 * `intersects-with` they share some ground and each asks for something the other does not.
 */
export type MappingRelationship = 'equivalent-to' | 'subset-of' | 'superset-of' | 'intersects-with';

/**
 * The four relationships, strongest first: the order `map suggest` proposes in. A `subset-of` pair ranks above
 * `superset-of` because a control meeting part of the criterion then certainly works toward the target, while
 * under `superset-of` it may be meeting a part of the criterion the target does not ask for.
 */
export const mappingRelationships: readonly MappingRelationship[] = [
  'equivalent-to',
  'subset-of',
  'superset-of',
  'intersects-with',
];

/** A framework the crosswalk maps the SOC 2 criteria to. */
export type CrosswalkTarget = 'iso27001' | 'csf';

/** One pair of the crosswalk. */
export interface CrosswalkPair {
  /** The SOC 2 criterion, e.g. `CC6.1`. */
  source: string;
  /** The target framework's requirement, as a control would cite it: `A.5.15`, `6.1.2`, `PR.AA-05`. */
  target: string;
  relationship: MappingRelationship;
  /** Why the two meet, and where they part, in a line of our own. */
  rationale: string;
  /** Who last reviewed the pair. */
  reviewer: string;
  /** When it was last reviewed (`YYYY-MM-DD`). */
  reviewed: string;
}

/** The crosswalk to one framework. */
export interface Crosswalk {
  target: CrosswalkTarget;
  /** The SPDX identifier of the data's licence. */
  licence: string;
  pairs: readonly CrosswalkPair[];
  /**
   * Criteria deliberately left without a pair, with the reason: better no pair than a forced one, since a pair
   * turns into a suggestion someone may accept.
   */
  unmapped: Readonly<Record<string, string>>;
}

/** A row as the modules write it: the target, the relationship, the rationale. */
export type PairRow = readonly [target: string, relationship: MappingRelationship, rationale: string];

/** Reviewer and date given once per module and put on each of its pairs (a pair may carry its own instead). */
export interface Review {
  reviewer: string;
  reviewed: string;
}

/** Turns a module's rows, grouped by criterion, into pairs. */
export function pairsFrom(rows: Readonly<Record<string, readonly PairRow[]>>, review: Review): CrosswalkPair[] {
  return Object.entries(rows).flatMap(([source, pairs]) =>
    pairs.map(([target, relationship, rationale]) => ({ source, target, relationship, rationale, ...review })),
  );
}

/**
 * The crosswalk's data licence. CC0 rather than CC-BY-4.0: the gap this data fills is that no open mapping may be
 * freely merged into other tools' libraries, and an attribution condition travels with every copy and every
 * derived mapping; under CC0 anyone may take it, whole or in part, with no condition at all.
 */
export const CROSSWALK_LICENCE = 'CC0-1.0';

/**
 * The review every pair of the first edition carries. It was written and reviewed inside the project, from the
 * catalogs' own labels and a working knowledge of each framework, not checked against ISO's text (which is sold,
 * and was not at hand) nor reviewed by an independent assessor.
 */
export const FIRST_REVIEW: Review = { reviewer: 'Trustbook maintainers', reviewed: '2026-12-07' };
