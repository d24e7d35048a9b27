/**
 * What every rule shares (rules/context.ts), at its edges: the audit has begun on the Type II window's first day
 * or the Type I report date and not the day before; evidence findings are errors that readiness mode defers; and
 * a date is overdue from the day after it, due soon from `warn_within_days` before it up to the day itself, and
 * fine before that, held by property tests across month ends and a leap day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import { emptyModel } from '../../src/engine/model.ts';
import { auditHasBegun, dueState, evidenceSeverity, plural } from '../../src/engine/rules/context.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

describe('whether the audit has begun', () => {
  it('begins on the Type II window’s first day, not the day before', () => {
    const model = smallModel({});
    expect(auditHasBegun(model, '2025-12-31')).toBe(false);
    expect(auditHasBegun(model, '2026-01-01')).toBe(true);
    expect(auditHasBegun(model, '2026-12-31')).toBe(true);
  });

  it('begins on a Type I report’s date, not the day before', () => {
    const model = smallModel({ 'content/program.yaml': programYaml('', 'type: I\n  date: 2026-03-31') });
    expect(auditHasBegun(model, '2026-03-30')).toBe(false);
    expect(auditHasBegun(model, '2026-03-31')).toBe(true);
  });

  it('has not begun without a program', () => {
    expect(auditHasBegun(emptyModel(), '2026-07-15')).toBe(false);
  });
});

describe('the severity of an evidence finding', () => {
  it('is an error, which readiness mode defers to a marked warning', () => {
    expect(evidenceSeverity(ruleContext('2026-07-15'))).toEqual({ severity: 'error' });
    expect(evidenceSeverity(ruleContext('2026-07-15', { readiness: true }))).toEqual({
      severity: 'warning',
      deferred: true,
    });
  });
});

describe('when something falls due', () => {
  it('is overdue by a day the day after, due soon on the day and on the window’s last day, fine the day after that', () => {
    const context = ruleContext('2026-07-15', { warnWithinDays: 30 });
    expect(dueState('2026-07-14', context)).toEqual({ state: 'overdue', days: 1 });
    expect(dueState('2026-07-15', context)).toEqual({ state: 'soon', days: 0 });
    expect(dueState('2026-08-14', context)).toEqual({ state: 'soon', days: 30 });
    expect(dueState('2026-08-15', context)).toEqual({ state: 'ok' });
  });

  it('counts the days either way, whatever the month or the leap day between (property)', () => {
    const asOf = fc.constantFrom('2026-01-31', '2026-02-28', '2026-12-31', '2028-02-28', '2028-02-29', '2028-03-01');
    fc.assert(
      fc.property(asOf, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), (today, offset, warn) => {
        const state = dueState(addDays(today, offset), ruleContext(today, { warnWithinDays: warn }));
        if (offset < 0) expect(state).toEqual({ state: 'overdue', days: -offset });
        else if (offset <= warn) expect(state).toEqual({ state: 'soon', days: offset });
        else expect(state).toEqual({ state: 'ok' });
      }),
      { numRuns: 300 },
    );
  });

  it('words a count of days', () => {
    expect([plural(1, 'day'), plural(2, 'day')]).toEqual(['1 day', '2 days']);
  });
});
