/**
 * The floors of a program's own sampling table (TB907), the rule called on a model built from memory: every
 * frequency one below its floor and at it, each per-event bound, the finding's subject and hint, and a program
 * without a table (or without a per-event entry) read without a finding.
 */
import { describe, expect, it } from 'vitest';
import { sampleSizeFloors } from '../../src/engine/sampling.ts';
import { samplingTableRule } from '../../src/engine/rules/sampling-table.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

/** The rule on a program whose `sampling:` table holds the lines given (its first entry on line 11). */
const run = (table?: string) =>
  samplingTableRule(
    smallModel({ 'content/program.yaml': programYaml(table === undefined ? '' : `sampling:\n${table}`) }),
    ruleContext('2026-07-15'),
  );

describe('a frequency’s sample size', () => {
  it('is accepted at its floor and reported one below it, for every frequency, at its line', () => {
    for (const [frequency, floor] of Object.entries(sampleSizeFloors)) {
      expect(run(`  ${frequency}: ${floor}\n`)).toEqual([]);
      // A size under 1 is the schema's to refuse (TB104): a floor of 1 has no value below it to judge.
      if (floor === 1) continue;
      expect(run(`  ${frequency}: ${floor - 1}\n`)).toEqual([
        {
          code: 'TB907',
          severity: 'error',
          file: 'content/program.yaml',
          line: 11,
          subject: { kind: 'program', id: 'sampling' },
          message: `\`sampling.${frequency}: ${floor - 1}\` is below the floor of ${floor} items for a ${frequency} control`,
          hint: `A firm's table may test more than the usual one, not less: set it to ${floor} or more (docs/sampling.md gives the floors and their source), or remove it to use the default.`,
        },
      ]);
    }
  });
});

describe('the per-event bounds', () => {
  it('are each accepted at the floor and reported one below it', () => {
    expect(run('  per_event: { percent: 10, min: 5, max: 25 }\n')).toEqual([]);
    const found = run('  per_event:\n    percent: 9\n    min: 4\n    max: 24\n');
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [12, '`sampling.per_event.percent: 9` is below the floor of 10 percent of a per-event population'],
      [13, '`sampling.per_event.min: 4` is below the floor of 5 items of a per-event population'],
      [14, '`sampling.per_event.max: 24` is below the floor of 25 items as the most a per-event population is tested'],
    ]);
  });
});

describe('a program', () => {
  it('without a sampling table, or with one that leaves per-event sampling out, has no finding', () => {
    expect(run()).toEqual([]);
    expect(run('  monthly: 4\n')).toEqual([]);
  });

  it('has nothing to judge when the model holds no program', () => {
    const model = smallModel({});
    delete model.program;
    expect(samplingTableRule(model, ruleContext('2026-07-15'))).toEqual([]);
  });
});
