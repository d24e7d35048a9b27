import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applicabilities,
  criteria,
  pointOfFocus,
  pointOfFocusCounts,
  pointsOfFocus,
  pointsOfFocusOf,
} from '../../src/catalog/index.ts';

/** The shared reference file: the framework's facts, and the AICPA headings our labels must not repeat. */
interface ReferencePoint {
  n: number;
  title: string;
  scope: string;
  origin: 'COSO' | 'TSC';
  privacy_role?: 'P' | 'C' | 'P,C';
  group?: string;
}
const reference = JSON.parse(
  readFileSync(new URL('../../../shared/reference/points-of-focus.json', import.meta.url), 'utf8'),
) as { scope_values: Record<string, string>; criteria: Record<string, ReferencePoint[]> };

const referencePoints = Object.entries(reference.criteria).flatMap(([criterion, points]) =>
  points.map((point) => ({ criterion, ...point })),
);

/** Lowercase words, apostrophes dropped and other punctuation treated as a space. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The runs of `length` consecutive words of a text, each padded with spaces for whole-word matching. */
function runs(text: string, length: number): string[] {
  const all = words(text);
  return Array.from({ length: all.length - length + 1 }, (_, i) => ` ${all.slice(i, i + length).join(' ')} `);
}

describe('the points of focus', () => {
  it('number 330: CC 232, A 16, C 5, PI 19, P 58', () => {
    expect(pointsOfFocus).toHaveLength(330);
    expect(pointOfFocusCounts()).toEqual({ CC: 232, A: 16, C: 5, PI: 19, P: 58 });
  });

  it('give every one of the 61 criteria at least one point, and no other criterion any', () => {
    const ids = criteria.map((criterion) => criterion.id);
    expect(ids).toHaveLength(61);
    for (const id of ids) expect(pointsOfFocusOf(id).length, id).toBeGreaterThan(0);
    expect(new Set(pointsOfFocus.map((point) => point.criterion))).toEqual(new Set(ids));
  });

  it('are numbered 1 to k within each criterion, with unique ids of the form criterion.n', () => {
    for (const { id: criterion } of criteria) {
      const points = pointsOfFocusOf(criterion);
      expect(
        points.map((point) => point.n),
        criterion,
      ).toEqual(Array.from({ length: points.length }, (_, i) => i + 1));
      for (const point of points) expect(point.id).toBe(`${criterion}.${point.n}`);
    }
    expect(new Set(pointsOfFocus.map((point) => point.id)).size).toBe(pointsOfFocus.length);
  });

  it('are found by id, and an unknown id or criterion finds nothing', () => {
    expect(pointOfFocus('CC6.1.3')).toMatchObject({ criterion: 'CC6.1', n: 3 });
    expect(pointOfFocus('CC6.1.99')).toBeUndefined();
    expect(pointsOfFocusOf('CC9.9')).toEqual([]);
  });

  it('agree with the reference file on count, order, applicability, origin, role and group', () => {
    const origins = { COSO: 'COSO', TSC: 'supplemental' } as const;
    const roles = { P: 'processor', C: 'controller', 'P,C': 'both' } as const;
    const groups: Record<string, string> = {
      'Operations Objectives': 'operations',
      'External Financial Reporting Objectives': 'external financial reporting',
      'External Nonfinancial Reporting Objectives': 'external non-financial reporting',
      'Internal Reporting Objectives': 'internal reporting',
      'Compliance Objectives': 'compliance',
    };
    expect(Object.keys(reference.criteria)).toEqual(criteria.map((criterion) => criterion.id));
    for (const [criterion, expected] of Object.entries(reference.criteria)) {
      const actual = pointsOfFocusOf(criterion).map(({ n, applies, origin, role, group }) => ({
        n,
        applies,
        origin,
        role,
        group,
      }));
      expect(actual, criterion).toEqual(
        expected.map((point) => ({
          n: point.n,
          applies: point.scope.replaceAll('_', '-'),
          origin: origins[point.origin],
          role: point.privacy_role && roles[point.privacy_role],
          group: point.group && groups[point.group],
        })),
      );
    }
  });

  it('know every applicability the reference file uses', () => {
    const referenceValues = Object.keys(reference.scope_values).map((scope) => scope.replaceAll('_', '-'));
    expect([...applicabilities].sort()).toEqual(referenceValues.sort());
  });

  it('have labels of 3 to 9 words, distinct within each criterion', () => {
    for (const point of pointsOfFocus) {
      expect(words(point.label).length, point.id).toBeGreaterThanOrEqual(3);
      expect(words(point.label).length, point.id).toBeLessThanOrEqual(9);
    }
    for (const { id } of criteria) {
      const labels = pointsOfFocusOf(id).map((point) => point.label.toLowerCase());
      expect(new Set(labels).size, id).toBe(labels.length);
    }
  });

  it('never repeat an AICPA heading: no label holds a run of 4 words (or a whole shorter heading) of any title', () => {
    for (const { criterion, n, title } of referencePoints) {
      expect(pointOfFocus(`${criterion}.${n}`)?.label.toLowerCase(), `${criterion}.${n}`).not.toBe(title.toLowerCase());
    }
    const titleRuns = new Set(referencePoints.flatMap(({ title }) => runs(title, Math.min(4, words(title).length))));
    const echoes = pointsOfFocus.flatMap((point) => {
      const label = ` ${words(point.label).join(' ')} `;
      return [...titleRuns].filter((run) => label.includes(run)).map((run) => `${point.id}:${run}`);
    });
    expect(echoes).toEqual([]);
  });
});
