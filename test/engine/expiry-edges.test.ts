/**
 * The expiry rule at its edges: a deadline is fine while more than `warn_within_days` away, a warning from that
 * day up to the due date itself (for a deadline that warns ahead), and an error from the day after, which
 * readiness mode defers for evidence only. The days are held by property tests around the due date, across
 * month ends and a leap day, and the rule is run once over a small program.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Deadline } from '../../src/engine/deadlines.ts';
import { deadlineFinding, expiryRule } from '../../src/engine/rules/expiry.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const deadline = (due: string, overrides: Partial<Deadline> = {}): Deadline => ({
  kind: 'policy-review',
  code: 'TB501',
  file: 'policies/backup.mdx',
  subject: { kind: 'policy', id: 'backup' },
  line: 7,
  due,
  what: 'the review of "Backup"',
  hint: 'Review it.',
  warnAhead: true,
  softInReadiness: false,
  ...overrides,
});

const ASOF = '2026-07-15';

describe('one deadline', () => {
  it('is an error the day after it was due, with its file, line, subject and hint', () => {
    expect(deadlineFinding(deadline('2026-07-14'), ruleContext(ASOF))).toEqual({
      code: 'TB501',
      severity: 'error',
      file: 'policies/backup.mdx',
      line: 7,
      subject: { kind: 'policy', id: 'backup' },
      message: 'the review of "Backup" was due 2026-07-14, 1 day ago',
      hint: 'Review it.',
    });
  });

  it('is a warning on the due date itself, and on the last day of the warning window', () => {
    expect(deadlineFinding(deadline(ASOF), ruleContext(ASOF))).toMatchObject({
      severity: 'warning',
      message: 'the review of "Backup" is due 2026-07-15, in 0 days',
    });
    expect(deadlineFinding(deadline('2026-08-14'), ruleContext(ASOF))).toMatchObject({
      severity: 'warning',
      message: 'the review of "Backup" is due 2026-08-14, in 30 days',
    });
    expect(deadlineFinding(deadline('2026-08-15'), ruleContext(ASOF))).toBeUndefined();
  });

  it('gives no warning ahead for a deadline that does not warn, but an error once it is past', () => {
    const quiet = { warnAhead: false };
    expect(deadlineFinding(deadline(ASOF, quiet), ruleContext(ASOF))).toBeUndefined();
    expect(deadlineFinding(deadline('2026-07-14', quiet), ruleContext(ASOF))).toMatchObject({ severity: 'error' });
  });

  it('is deferred in readiness mode only for evidence, and only once it is past', () => {
    const soft = { code: 'TB502' as const, softInReadiness: true };
    const readiness = ruleContext(ASOF, { readiness: true });
    expect(deadlineFinding(deadline('2026-07-01', soft), readiness)).toMatchObject({
      severity: 'warning',
      deferred: true,
    });
    expect(deadlineFinding(deadline('2026-07-01', soft), ruleContext(ASOF))).not.toHaveProperty('deferred');
    expect(deadlineFinding(deadline('2026-07-01', soft), ruleContext(ASOF))).toMatchObject({ severity: 'error' });
    expect(deadlineFinding(deadline('2026-07-01'), readiness)).toMatchObject({ severity: 'error' });
    expect(deadlineFinding(deadline('2026-07-20', soft), readiness)).not.toHaveProperty('deferred');
  });
});

describe('around the due date (property)', () => {
  /** Evaluation dates around month ends and the leap day of 2028. */
  const asOf = fc.constantFrom('2026-01-31', '2026-02-28', '2026-12-31', '2028-02-28', '2028-02-29', '2028-03-01');

  it('a deadline is an error exactly from the day after it, a warning within the window, else nothing', () => {
    fc.assert(
      fc.property(asOf, fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 35 }), (today, offset, warn) => {
        const due = addDays(today, offset);
        const found = deadlineFinding(deadline(due), ruleContext(today, { warnWithinDays: warn }));
        const expected = offset < 0 ? 'error' : offset <= warn ? 'warning' : undefined;
        expect(found?.severity).toBe(expected);
        if (offset < 0) expect(found?.message).toContain(`${-offset} day`);
      }),
      { numRuns: 200 },
    );
  });

  it('the day before a due date is a warning, the due date a warning, the day after an error', () => {
    fc.assert(
      fc.property(asOf, (due) => {
        const on = (day: string) => deadlineFinding(deadline(due), ruleContext(day))?.severity;
        expect([on(addDays(due, -1)), on(due), on(addDays(due, 1))]).toEqual(['warning', 'warning', 'error']);
      }),
    );
  });
});

describe('the rule over a program', () => {
  it('reports each deadline that is due or close, and nothing else', () => {
    const policy = (approved: string) =>
      `---\ntitle: Backup\nversion: "1.0"\nowner: engineer\napproved_by: ceo\napproved: ${approved}\n---\n\nBack up.\n`;
    const model = smallModel({
      'policies/late.mdx': policy('2025-07-14'),
      'policies/close.mdx': policy('2025-08-10'),
      'policies/fine.mdx': policy('2026-03-01'),
    });
    const found = expiryRule(model, ruleContext(ASOF)).map((d) => `${d.code} ${d.severity} ${d.file}`);
    expect(found).toEqual(['TB501 warning policies/close.mdx', 'TB501 error policies/late.mdx']);
  });
});
