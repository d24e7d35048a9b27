/**
 * The control-tests rule called directly: a control tested by inquiry alone (TB334) is reported on its `test`
 * line while it is implemented, deferred in readiness mode like missing evidence, and any other test, or a
 * control that is planned or does not apply, asks nothing.
 */
import { describe, expect, it } from 'vitest';
import { controlTestsRule } from '../../src/engine/rules/control-tests.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const CONTROL = 'content/controls/C-1.mdx';

const control = (test: string, status = 'implemented') =>
  `---\nid: C-1\ntitle: A control\ncriteria: [CC6.1]\nowner: engineer\nfrequency: quarterly\nstatus: ${status}\n${status === 'not-applicable' ? 'justification: No such system.\n' : ''}test: ${test}\n---\n\nIt runs.\n`;

const run = (files: Record<string, string>, readiness = false) =>
  controlTestsRule(smallModel(files), ruleContext('2026-07-15', { readiness }));

describe('a control tested by inquiry alone (TB334)', () => {
  it('is an error on its `test` line', () => {
    expect(run({ [CONTROL]: control('inquiry') })).toEqual([
      {
        code: 'TB334',
        severity: 'error',
        file: CONTROL,
        line: 8,
        subject: { kind: 'control', id: 'C-1' },
        message:
          'C-1 is tested by inquiry alone, which is not sufficient evidence that it operated: the audit cannot conclude on it',
        hint: 'Set `test:` to what corroborates the inquiry: `inspection` of the evidence the control leaves, `observation` of it being performed, or `re-performance`.',
      },
    ]);
  });

  it('is deferred to a marked warning in readiness mode', () => {
    expect(run({ [CONTROL]: control('inquiry') }, true)).toEqual([
      expect.objectContaining({ code: 'TB334', severity: 'warning', deferred: true }),
    ]);
  });

  it('is not reported for another test, or for a control that is planned or does not apply', () => {
    expect(run({ [CONTROL]: control('inspection') })).toEqual([]);
    expect(run({ [CONTROL]: control('inquiry', 'planned') })).toEqual([]);
    expect(run({ [CONTROL]: control('inquiry', 'not-applicable') })).toEqual([]);
  });
});
