import { describe, expect, it } from 'vitest';
import {
  CROSSWALK_LICENCE,
  crosswalks,
  crosswalkTargets,
  mappingRelationships,
  pairsOf,
  suggestCitations,
  type CrosswalkPair,
  type PairSource,
} from '../../src/catalog/crosswalk/index.ts';
import { criteria, criteriaOf, findCriterion, findFrameworkRequirement } from '../../src/catalog/index.ts';

const shipped = (target: 'iso27001' | 'csf'): PairSource => ({
  name: 'trustbook',
  pairsOf: (criterion) => pairsOf(criterion, target),
});

describe.each(crosswalkTargets)('the crosswalk from SOC 2 to %s', (target) => {
  const crosswalk = crosswalks[target];

  it('names only criteria and requirements that exist in their catalogs', () => {
    const unknownSources = crosswalk.pairs.filter((pair) => !findCriterion(pair.source)).map((pair) => pair.source);
    const unknownTargets = crosswalk.pairs
      .filter((pair) => !findFrameworkRequirement(target, pair.target))
      .map((pair) => `${pair.source} -> ${pair.target}`);
    expect(unknownSources).toEqual([]);
    expect(unknownTargets).toEqual([]);
    expect(Object.keys(crosswalk.unmapped).filter((id) => !findCriterion(id))).toEqual([]);
  });

  it('holds each pair once', () => {
    const keys = crosswalk.pairs.map((pair) => `${pair.source} -> ${pair.target}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('maps every common criterion at least once', () => {
    const mapped = new Set(crosswalk.pairs.map((pair) => pair.source));
    expect(criteriaOf('security').filter((criterion) => !mapped.has(criterion.id))).toEqual([]);
  });

  it('maps every other criterion, or says why it does not, and never both', () => {
    const mapped = new Set(crosswalk.pairs.map((pair) => pair.source));
    const unmapped = new Set(Object.keys(crosswalk.unmapped));
    expect(criteria.filter((criterion) => !mapped.has(criterion.id) && !unmapped.has(criterion.id))).toEqual([]);
    expect([...unmapped].filter((id) => mapped.has(id))).toEqual([]);
    expect(Object.values(crosswalk.unmapped).every((reason) => reason.trim().length > 0)).toBe(true);
  });

  it("types every pair with one of OSCAL's four relationships", () => {
    expect(crosswalk.pairs.filter((pair) => !mappingRelationships.includes(pair.relationship))).toEqual([]);
  });

  it('gives every pair a rationale, a reviewer and a calendar date of review', () => {
    const incomplete = crosswalk.pairs.filter(
      (pair: CrosswalkPair) =>
        pair.rationale.trim().length < 10 ||
        pair.reviewer.trim() === '' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(pair.reviewed) ||
        Number.isNaN(Date.parse(`${pair.reviewed}T00:00:00Z`)),
    );
    expect(incomplete).toEqual([]);
  });

  it('carries the CC0 data licence', () => {
    expect(crosswalk.licence).toBe(CROSSWALK_LICENCE);
    expect(CROSSWALK_LICENCE).toBe('CC0-1.0');
  });

  it('keeps equivalence rare: most pairs only intersect', () => {
    const intersecting = crosswalk.pairs.filter((pair) => pair.relationship === 'intersects-with').length;
    expect(intersecting / crosswalk.pairs.length).toBeGreaterThan(0.9);
  });
});

describe('suggestCitations', () => {
  const control = (criteriaIds: string[], cited: string[] = []) => ({
    id: 'AC-01',
    file: 'content/controls/AC-01.mdx',
    criteria: criteriaIds,
    cited,
  });

  it('proposes the requirements a criterion leads to, strongest relationship first', () => {
    const [result] = suggestCitations([control(['CC7.3'])], 'iso27001', [shipped('iso27001')]);
    expect(result!.suggestions.map((s) => [s.target, s.relationship])).toEqual([
      ['A.5.25', 'superset-of'],
      ['A.6.8', 'intersects-with'],
    ]);
    expect(result!.suggestions[0]!.label).toBe('Deciding which events are incidents');
  });

  it('leaves out what the control already cites', () => {
    const [result] = suggestCitations([control(['CC7.3'], ['A.5.25'])], 'iso27001', [shipped('iso27001')]);
    expect(result!.suggestions.map((s) => s.target)).toEqual(['A.6.8']);
  });

  it('puts a requirement reached from two criteria once, with both paths, ahead of one reached from one', () => {
    const [result] = suggestCitations([control(['CC1.1', 'CC1.5'])], 'iso27001', [shipped('iso27001')]);
    const targets = result!.suggestions.map((s) => s.target);
    expect(targets.filter((t) => t === 'A.5.4')).toHaveLength(1);
    const a54 = result!.suggestions.find((s) => s.target === 'A.5.4')!;
    expect(a54.paths.map((p) => p.criterion)).toEqual(['CC1.1', 'CC1.5']);
    // 5.3 is reached from CC1.5 only, A.6.4 from both: the two-path ones lead.
    expect(targets.indexOf('A.6.4')).toBeLessThan(targets.indexOf('5.3'));
    expect(targets.indexOf('A.5.4')).toBeLessThan(targets.indexOf('5.3'));
  });

  it('proposes nothing for a criterion without pairs, or for an unknown one', () => {
    const [result] = suggestCitations([control(['P1.1', 'CC9.9'])], 'csf', [shipped('csf')]);
    expect(result!.suggestions).toEqual([]);
  });

  it('labels a path by its source and passes over a pair naming a requirement the catalog lacks', () => {
    const imported: PairSource = {
      name: 'scf-2025',
      pairsOf: (criterion) =>
        criterion === 'P1.1'
          ? [
              {
                source: 'P1.1',
                target: 'GV.OC-03',
                relationship: 'intersects-with',
                rationale: 'x',
                reviewer: '',
                reviewed: '',
              },
              {
                source: 'P1.1',
                target: 'PR.AC-01',
                relationship: 'intersects-with',
                rationale: 'x',
                reviewer: '',
                reviewed: '',
              },
            ]
          : [],
    };
    const [result] = suggestCitations([control(['P1.1'])], 'csf', [shipped('csf'), imported]);
    expect(result!.suggestions.map((s) => [s.target, s.paths[0]!.source])).toEqual([['GV.OC-03', 'scf-2025']]);
  });
});
