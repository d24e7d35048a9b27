/**
 * Trustbook's own crosswalk from the SOC 2 criteria to other frameworks, one module per target. It only ever
 * suggests: coverage of any framework comes from what a control cites, never from a pair here.
 */
import { tscToCsf } from './tsc-csf.ts';
import { tscToIso27001 } from './tsc-iso27001.ts';
import type { Crosswalk, CrosswalkPair, CrosswalkTarget } from './types.ts';

export * from './types.ts';
export {
  suggestCitations,
  type ControlCitations,
  type CitationSuggestion,
  type PairSource,
  type SuggestionPath,
} from './suggest.ts';

/** The crosswalk to each target framework. */
export const crosswalks: Record<CrosswalkTarget, Crosswalk> = { iso27001: tscToIso27001, csf: tscToCsf };

/** The targets in the order commands list them. */
export const crosswalkTargets: readonly CrosswalkTarget[] = ['iso27001', 'csf'];

const bySource = new Map(
  crosswalkTargets.map((target) => {
    const index = new Map<string, CrosswalkPair[]>();
    for (const pair of crosswalks[target].pairs) index.set(pair.source, [...(index.get(pair.source) ?? []), pair]);
    return [target, index];
  }),
);

/** The pairs from one SOC 2 criterion to a target framework, in the module's order (empty when none). */
export function pairsOf(criterion: string, target: CrosswalkTarget): readonly CrosswalkPair[] {
  return bySource.get(target)!.get(criterion) ?? [];
}
