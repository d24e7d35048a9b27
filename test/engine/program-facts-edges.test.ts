/**
 * The facts on a check result (src/engine/program-facts.ts) that program-facts.test.ts does not ask: the window
 * and its judged days, the findings about one period of a series, each control's effectiveness, the controls in
 * operation by category and overall, the frameworks in scope (none without a program), whether acknowledgements
 * are tracked, a person's cohort, a vendor's next review and an attestation's standing. Each is asked of facts
 * made from a model alone (no check), on validProgram(): a Type II window 2026-01-01..2026-06-30, evaluated
 * 2026-07-15, one quarterly control BASE-01 evidenced by EV-BASE-01.
 */
import { describe, expect, it } from 'vitest';
import { attestationStanding } from '../../src/engine/attestations.ts';
import { controlEffectiveness } from '../../src/engine/effectiveness.ts';
import { frameworkCoverage } from '../../src/engine/framework-coverage.ts';
import { buildModel, type Diagnostic } from '../../src/engine/index.ts';
import { controlOperation, operationByCategory } from '../../src/engine/operation-by-category.ts';
import { ProgramFacts } from '../../src/engine/program-facts.ts';
import type { Document } from '../../src/engine/model.ts';
import type { AttestationData, StaffData } from '../../src/schema/index.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';

const factsOf = (files: Files = validProgram(), asOf = '2026-07-15', diagnostics: Diagnostic[] = []) =>
  new ProgramFacts({
    model: buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model,
    diagnostics,
    asOf,
  });

describe('the window of a Type II audit', () => {
  it('is the audit period, judged through its end once it has ended and through the evaluation date before', () => {
    expect(factsOf().auditWindow()).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(factsOf().judgedWindow()).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(factsOf(validProgram(), '2026-03-10').judgedWindow()).toEqual({ start: '2026-01-01', end: '2026-03-10' });
  });
});

describe('the findings about one period of a series', () => {
  it('are those naming the series and that period, and no other', () => {
    const finding = (code: Diagnostic['code'], id: string, period: string): Diagnostic => ({
      severity: 'error',
      code,
      file: 'evidence-index/EV-BASE-01.mdx',
      line: 1,
      subject: { kind: 'evidence', id, period },
      message: code,
      hint: 'h',
    });
    const second = finding('TB601', 'EV-BASE-01', '2026-Q2');
    const facts = factsOf(validProgram(), '2026-07-15', [
      finding('TB601', 'EV-BASE-01', '2026-Q1'),
      second,
      finding('TB601', 'EV-OTHER', '2026-Q2'),
    ]);
    expect(facts.findingsAboutPeriod('EV-BASE-01', '2026-Q2')).toEqual([second]);
    expect(facts.findingsAboutPeriod('EV-BASE-01', '2026-Q3')).toEqual([]);
  });
});

describe('the controls as the pages count them', () => {
  it('give each control’s effectiveness over the window, worked out once', () => {
    const facts = factsOf();
    const control = facts.model.controls[0]!;
    const effectiveness = facts.effectiveness(control);
    expect(effectiveness).toEqual(controlEffectiveness(facts.model, control, '2026-07-15'));
    expect(effectiveness).toBeDefined();
    expect(facts.effectiveness(control)).toBe(effectiveness);
  });

  it('count the controls in operation by category and overall, from each control’s status, once', () => {
    const facts = factsOf();
    const status = () => 'operating' as const;
    expect(facts.operationByCategory()).toEqual(operationByCategory(facts.model, status));
    expect(facts.operationByCategory()).toBe(facts.operationByCategory());
    expect(facts.controlOperation()).toEqual(controlOperation(facts.model, status));
    expect(facts.controlOperation()).toBe(facts.controlOperation());
  });
});

describe('the program’s other facts', () => {
  it('name no added framework in scope, nor any for a model without its program, and no coverage of one', () => {
    const facts = factsOf();
    expect(facts.frameworksInScope()).toEqual([]);
    expect(factsOf(without(validProgram(), 'content/program.yaml')).frameworksInScope()).toEqual([]);
    expect(facts.frameworkCoverage('iso27001')).toEqual(frameworkCoverage(facts.model, '2026-07-15', 'iso27001'));
  });

  it('track acknowledgements only with a link to acknowledge or a deadline for it', () => {
    expect(factsOf().tracksAcknowledgements()).toBe(false);
    const tracked = edit(
      validProgram(),
      'content/program.yaml',
      'warn_within_days: 30\n',
      'warn_within_days: 30\nacknowledge_within_days: 14\n',
    );
    expect(factsOf(tracked).tracksAcknowledgements()).toBe(true);
  });

  it('place a person in the window’s cohorts as of the evaluation date', () => {
    const facts = factsOf();
    const person = (data: Partial<StaffData>) => ({ id: 'p', role: 'ceo', trainings: [], ...data }) as StaffData;
    expect(facts.cohortOf(person({ hired: '2024-01-10' }))).toBe('current');
    expect(facts.cohortOf(person({ hired: '2026-01-01' }))).toBe('new-hire');
    expect(facts.cohortOf(person({ hired: '2024-01-10', left: '2026-07-15' }))).toBe('leaver');
    expect(facts.cohortOf(person({ hired: '2024-01-10', left: '2025-12-31' }))).toBe('former');
  });

  it('give a vendor’s next review, the months it names after the last one', () => {
    expect(factsOf().vendorReviewDue({ data: { reviewed: '2025-08-31', review_months: 6 } })).toBe('2026-02-28');
  });

  it('state an attestation as of the evaluation date, worked out once', () => {
    const facts = factsOf();
    const attestation = { data: { framework: 'hipaa' } } as Document<AttestationData>;
    expect(facts.attestationState(attestation)).toEqual({ state: 'no-certification' });
    expect(facts.attestationState(attestation)).toEqual(attestationStanding(attestation.data, '2026-07-15'));
    expect(facts.attestationState(attestation)).toBe(facts.attestationState(attestation));
  });
});
