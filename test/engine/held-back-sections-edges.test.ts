/**
 * The held-back-sections rule called directly: in readiness mode, each trust center section held back because
 * its register is empty is one TB560 naming the folder that fills it; outside readiness mode nothing is said.
 */
import { describe, expect, it } from 'vitest';
import { heldBackSectionsRule } from '../../src/engine/rules/held-back-sections.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

describe('sections held back while their register is empty (TB560)', () => {
  it('are reported in readiness mode, each with the folder that fills it', () => {
    const found = heldBackSectionsRule(smallModel({}), ruleContext('2025-12-01', { readiness: true }));
    expect(found.map((d) => `${d.severity} ${d.code} ${d.file} ${d.subject?.kind}/${d.subject?.id}`)).toEqual([
      'warning TB560 content/controls/ program/practices',
      'warning TB560 content/vendors/ program/subprocessors',
    ]);
    expect(found[1]!.message).toBe(
      'the trust center holds back its subprocessor list: no vendor is recorded, and an empty list would tell customers that no company processes their data',
    );
  });

  it('are not reported outside readiness mode', () => {
    expect(heldBackSectionsRule(smallModel({}), ruleContext('2025-12-01'))).toEqual([]);
  });
});
