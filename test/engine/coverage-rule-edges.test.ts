/**
 * The coverage rule at edges coverage-rule.test.ts leaves open: the controls a TB314 hint names when two share a
 * gap, the line of a reason written in block style, and what a substantive reason is measured without (the
 * spaces around it, the marks that end it, a run of spaces inside it) and with (a placeholder word ending a real
 * sentence is no placeholder).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type ProgramModel } from '../../src/engine/index.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { coverageRule, isSubstantiveReason } from '../../src/engine/rules/coverage.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

const run = (files: Files) => coverageRule(modelOf(files), { asOf: '2026-07-15' } as RuleContext);

describe('TB314 with two controls', () => {
  it('names both controls in its hint when neither was in operation yet', () => {
    const valid = validProgram();
    const files: Files = {
      ...edit(valid, CONTROL, 'frequency: quarterly', 'frequency: quarterly\nimplemented: 2026-03-01'),
      'content/controls/BASE-02.mdx': valid[CONTROL]!.replace('id: BASE-01', 'id: BASE-02').replace(
        'frequency: quarterly',
        'frequency: quarterly\nimplemented: 2026-03-01',
      ),
      'evidence-index/EV-BASE-02.mdx': valid[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-BASE-02').replace(
        'controls: [BASE-01]',
        'controls: [BASE-02]',
      ),
    };
    const [gap, ...others] = run(files).filter((d) => d.code === 'TB314');
    expect(others).toEqual([]);
    expect(gap!.hint).toContain('(BASE-01, BASE-02)');
  });
});

describe('TB311 on an exclusion written in block style', () => {
  it('points at the reason’s own line', () => {
    const files = edit(
      validProgram(),
      PROGRAM,
      'scope: [security]',
      'scope: [security, availability]\nexcluded_criteria:\n  - id: A1.1\n    reason: n/a\n',
    );
    const found = run(files).find((d) => d.code === 'TB311')!;
    expect(found.line).toBe(8);
    expect(files[PROGRAM]!.split('\n')[found.line! - 1]).toBe('    reason: n/a');
  });
});

describe('a substantive reason', () => {
  it('is measured without the spaces around it', () => {
    expect(isSubstantiveReason('  aaaa bbbb cccc ddd  ')).toBe(false);
    expect(isSubstantiveReason('  aaaa bbbb cccc dddde  ')).toBe(true);
  });

  it('is measured without the marks that end it, not without a mark inside it', () => {
    expect(isSubstantiveReason('e.g. aaaa bbbb cccc!!!!!!')).toBe(false);
    expect(isSubstantiveReason('e.g. aaaa bbbb ccccc!!!!!!')).toBe(true);
  });

  it('counts a run of spaces as one break between words', () => {
    expect(isSubstantiveReason('aaaa  bbbb  cccccccccccccc')).toBe(false);
  });

  it('may end with a word that alone would state no reason', () => {
    expect(isSubstantiveReason('Our platform keeps no personal data, so privacy does not apply')).toBe(true);
    expect(isSubstantiveReason('We asked whether any office exists and the answer is no')).toBe(true);
  });
});
