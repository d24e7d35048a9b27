import { describe, expect, it } from 'vitest';
import { originalText, scoreModule, type ReportMutant } from '../../scripts/mutation/score.ts';

const source = ['export function clip(a: number, b: number) {', '  return a > b ? a : b;', '}'].join('\n');

/** A mutant of `a > b` on line 2 (columns 10 to 15, end exclusive). */
const mutant = (status: string, replacement = 'a >= b', mutatorName = 'EqualityOperator'): ReportMutant => ({
  mutatorName,
  replacement,
  status,
  location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } },
});

const listed = { mutator: 'EqualityOperator', original: 'a > b', replacement: 'a >= b', reason: 'equal either way' };

describe('a module’s mutation score', () => {
  it('cuts the replaced text out of the source by the report’s 1-based columns', () => {
    expect(originalText(source, mutant('Survived'))).toBe('a > b');
    const across = {
      ...mutant('Survived'),
      location: { start: { line: 1, column: 17 }, end: { line: 2, column: 10 } },
    };
    expect(originalText(source, across)).toBe('clip(a: number, b: number) {\n  return ');
  });

  it('counts killed, timed-out and crashing mutants as detected, and leaves out those that did not compile', () => {
    const score = scoreModule(
      'src/m.ts',
      source,
      ['Killed', 'Timeout', 'RuntimeError', 'CompileError', 'Ignored', 'Survived'].map((status) => mutant(status)),
      [],
    );
    expect(score).toMatchObject({ mutants: 6, killed: 3, survived: 1, equivalent: 0, score: 75 });
  });

  it('accounts for a survivor listed as equivalent without raising the score', () => {
    const score = scoreModule('src/m.ts', source, [mutant('Killed'), mutant('Survived')], [listed]);
    expect(score).toMatchObject({ killed: 1, survived: 0, equivalent: 1, score: 50, unaccounted: [] });
  });

  it('matches an equivalent by mutator, original text and replacement, whatever the whitespace', () => {
    const spaced = { ...listed, original: 'a  >\n b' };
    expect(scoreModule('src/m.ts', source, [mutant('Survived')], [spaced]).equivalent).toBe(1);
    for (const other of [
      mutant('Survived', 'a < b'),
      mutant('Survived', 'a >= b', 'ConditionalExpression'),
      mutant('NoCoverage', 'a >= b'),
    ]) {
      const score = scoreModule('src/m.ts', source, [other], [{ ...listed, original: 'b > a' }]);
      expect(score.equivalent).toBe(0);
      expect(score.unaccounted).toHaveLength(1);
    }
  });

  it('names each unaccounted survivor by place, mutator, text and status', () => {
    expect(
      scoreModule('src/m.ts', source, [mutant('NoCoverage', 'false', 'ConditionalExpression')], []).unaccounted,
    ).toEqual(['src/m.ts:2:10 ConditionalExpression "a > b" -> "false" (NoCoverage)']);
  });

  it('rounds the score down, so 79.99% is not reported as 80%', () => {
    const mutants = [
      ...Array.from({ length: 7999 }, () => mutant('Killed')),
      ...Array.from({ length: 2001 }, () => mutant('Survived')),
    ];
    expect(scoreModule('src/m.ts', source, mutants, []).score).toBe(79.9);
  });
});
