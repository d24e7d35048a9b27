/** The facts on a check result: one function each, worked out once, and a view's filtered copy has its own. */
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/engine/coverage.ts';
import { auditorResult } from '../../src/site/views.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

describe('the facts of a check result', () => {
  it('work out coverage once per result, the same list the summary was counted from', () => {
    const result = check(validProgram());
    expect(result.facts.coverage()).toBe(result.facts.coverage());
    expect(result.facts.coverage()).toBe(computeCoverage(result.model, result.summary.asOf));
    expect(result.facts.coverage().map((category) => category.covered)).toEqual(
      result.summary.coverage.map((category) => category.covered),
    );
  });

  it('say a control operates only while its evidence is in order, from the findings about it', () => {
    const ok = check(validProgram());
    const control = ok.model.controls[0]!;
    expect(ok.facts.controlStatus(control)).toBe('operating');
    expect(ok.facts.evidenceOf(control.id).map((series) => series.id)).toEqual(['EV-BASE-01']);
    const stale = check(
      edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /\n {2}- \{ collected: 2026-07-03[^\n]*/, ''),
      { asOf: '2026-09-15' },
    );
    expect(stale.facts.controlStatus(stale.model.controls[0]!)).toBe('failing');
    expect(stale.facts.findingsAbout('evidence', 'EV-BASE-01').map((d) => d.code)).toContain('TB601');
  });

  it('give a series its periods in the window and the to-do list once', () => {
    const result = check(validProgram());
    const periods = result.facts.periods(result.model.evidence[0]!);
    expect(periods.map((cell) => [cell.period.label, cell.state])).toEqual([
      ['2026-Q1', 'present'],
      ['2026-Q2', 'present'],
    ]);
    expect(result.facts.todo()).toBe(result.facts.todo());
  });

  it('belong to the result they were made from: the auditors’ filtered copy gets facts of its own', () => {
    const result = check(validProgram());
    const filtered = auditorResult(result);
    expect(filtered.facts).not.toBe(result.facts);
    expect(filtered.facts.controlStatus(filtered.model.controls[0]!)).toBe('operating');
  });
});
