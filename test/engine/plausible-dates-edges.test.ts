/**
 * Dates that cannot be true, at an edge plausible-dates.test.ts leaves open: a vendor recorded without any
 * assurance report has no report end date to judge, and its review date is still judged.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { emptyModel, type ProgramModel } from '../../src/engine/model.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { plausibleDatesRule } from '../../src/engine/rules/plausible-dates.ts';

const vendor = (data: Record<string, unknown>): ProgramModel =>
  ({
    ...emptyModel(),
    vendors: [
      {
        kind: 'vendor',
        id: 'cloudco',
        file: 'content/vendors/cloudco.yaml',
        data: { name: 'CloudCo', ...data },
        body: '',
        bodyLine: 1,
        keyLines: new Map([['reviewed', 3]]),
      },
    ],
  }) as unknown as ProgramModel;

const run = (model: ProgramModel, asOf: string) =>
  (plausibleDatesRule(model, { asOf } as RuleContext) as Diagnostic[]).map((d) => [d.code, d.line, d.message]);

describe('a vendor without an assurance report', () => {
  it('is accepted when reviewed on the evaluation date, and its review the day after is reported', () => {
    expect(run(vendor({ reviewed: '2026-07-15' }), '2026-07-15')).toEqual([]);
    expect(run(vendor({ reviewed: '2026-07-16' }), '2026-07-15')).toEqual([
      ['TB802', 3, expect.stringContaining('vendor CloudCo reviewed')],
    ]);
  });
});
