/**
 * Proposes citations of another framework for a program's controls, from the SOC 2 criteria each control cites,
 * through the crosswalk (and any mapping the user imported). A proposal for a person to confirm: nothing here is
 * written to a control, and nothing here counts toward coverage.
 */
import { findFrameworkRequirement, frameworkRequirementIds } from '../frameworks.ts';
import type { CrosswalkPair, CrosswalkTarget, MappingRelationship } from './types.ts';
import { mappingRelationships } from './types.ts';

/** What a control cites, read from its frontmatter. */
export interface ControlCitations {
  id: string;
  /** The file, relative to the program's root. */
  file: string;
  /** Its SOC 2 criteria (`criteria:`). */
  criteria: readonly string[];
  /** What it already cites of the target framework (empty when the field is absent). */
  cited: readonly string[];
}

/** One way a suggestion was reached: a criterion of the control and a pair from it. */
export interface SuggestionPath {
  criterion: string;
  relationship: MappingRelationship;
  rationale: string;
  /** `trustbook` for the shipped crosswalk; otherwise the name of the imported mapping. */
  source: string;
}

/** A requirement of the target framework proposed for a control. */
export interface CitationSuggestion {
  target: string;
  /** The requirement's label in our catalog. */
  label: string;
  /** The strongest relationship among its paths. */
  relationship: MappingRelationship;
  /** Every criterion that leads to it, strongest first. */
  paths: SuggestionPath[];
}

/** A source of pairs: the shipped crosswalk, or an imported mapping under its name. */
export interface PairSource {
  name: string;
  pairsOf: (criterion: string) => readonly CrosswalkPair[];
}

const rank = (relationship: MappingRelationship): number => mappingRelationships.indexOf(relationship);

/**
 * For each control, the requirements of `target` its criteria lead to and it does not cite yet: strongest
 * relationship first, then those reached from more of its criteria, then in the framework's own order. Pairs
 * naming a requirement the catalog does not hold are passed over (an imported file may name anything).
 */
export function suggestCitations(
  controls: readonly ControlCitations[],
  target: CrosswalkTarget,
  sources: readonly PairSource[],
): { control: ControlCitations; suggestions: CitationSuggestion[] }[] {
  const order = new Map(frameworkRequirementIds(target).map((id, index) => [id, index]));
  return controls.map((control) => {
    const cited = new Set(control.cited);
    const found = new Map<string, SuggestionPath[]>();
    for (const criterion of new Set(control.criteria)) {
      for (const source of sources) {
        for (const pair of source.pairsOf(criterion)) {
          if (cited.has(pair.target) || !order.has(pair.target)) continue;
          const path = { criterion, relationship: pair.relationship, rationale: pair.rationale, source: source.name };
          found.set(pair.target, [...(found.get(pair.target) ?? []), path]);
        }
      }
    }
    const suggestions = [...found].map(([id, paths]) => {
      paths.sort((a, b) => rank(a.relationship) - rank(b.relationship));
      return {
        target: id,
        label: findFrameworkRequirement(target, id)!.label,
        relationship: paths[0]!.relationship,
        paths,
      };
    });
    suggestions.sort(
      (a, b) =>
        rank(a.relationship) - rank(b.relationship) ||
        new Set(b.paths.map((p) => p.criterion)).size - new Set(a.paths.map((p) => p.criterion)).size ||
        order.get(a.target)! - order.get(b.target)!,
    );
    return { control, suggestions };
  });
}
