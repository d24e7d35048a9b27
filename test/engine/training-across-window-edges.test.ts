/**
 * Training throughout the window (TB526) at an edge training-across-window.test.ts leaves open: written in block
 * style, the finding points at the `trainings` line of someone with trainings, and at `hired` of someone without.
 */
import { describe, expect, it } from 'vitest';
import { trainingAcrossWindowRule } from '../../src/engine/rules/training-across-window.ts';
import { PEOPLE, ruleContext, smallModel } from '../helpers/small-program.ts';

const people = (fields: string) =>
  `roles:\n  - { id: engineer, title: Engineer }\nstaff:\n  - id: ada\n    role: engineer\n    hired: 2024-01-10\n    background_check: 2024-01-02\n${fields}`;

const lines = (yaml: string) =>
  trainingAcrossWindowRule(smallModel({ [PEOPLE]: yaml }), ruleContext('2026-07-15')).map((d) => [d.code, d.line]);

describe('TB526 in block style', () => {
  it('points at the trainings line when there are trainings', () => {
    expect(lines(people('    trainings: [2025-02-01, 2026-02-02]\n'))).toEqual([['TB526', 8]]);
  });

  it('points at the hired line when there are none', () => {
    expect(lines(people('    left: 2026-03-01\n    access_removed: 2026-03-01\n'))).toEqual([['TB526', 6]]);
  });
});
