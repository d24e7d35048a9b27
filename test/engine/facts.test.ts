/**
 * The facts read off the findings, on a result built by hand (no check): which findings are about a subject,
 * which of them block, and the status each failing code gives a control. validProgram(): one control BASE-01,
 * in operation, evidenced by EV-BASE-01.
 */
import { describe, expect, it } from 'vitest';
import { controlStatus, defaultTest, evidenceCodes, findingsAboutPeriod, isBlocking } from '../../src/engine/facts.ts';
import { ProgramFacts } from '../../src/engine/program-facts.ts';
import type { Subject } from '../../src/engine/diagnostics.ts';
import { buildModel, type Diagnostic, type ProgramModel } from '../../src/engine/index.ts';
import type { ControlData } from '../../src/schema/index.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

/** Every code that says a control's evidence does not show it operating. */
const failing = [
  'TB401',
  'TB402',
  'TB403',
  'TB404',
  'TB405',
  'TB406',
  'TB410',
  'TB411',
  'TB412',
  'TB413',
  'TB502',
  'TB601',
  'TB602',
  'TB603',
  'TB605',
  'TB608',
  'TB610',
  'TB620',
  'TB621',
  'TB622',
  'TB701',
  'TB702',
  'TB703',
  'TB704',
  'TB901',
  'TB902',
  'TB903',
  'TB905',
] as const;

const modelOf = (files: Files) => buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;

/** validProgram()'s model, built on first use (inside a test) and shared: no fact here changes a model. */
let validModel: ProgramModel | undefined;

/** The facts of the program with the given findings, evaluated on `asOf`. */
function resultOf(diagnostics: Diagnostic[], files?: Files, asOf = '2026-07-15'): ProgramFacts {
  const model = files ? modelOf(files) : (validModel ??= modelOf(validProgram()));
  return new ProgramFacts({ model, diagnostics, asOf });
}

const finding = (
  code: Diagnostic['code'],
  subject: Subject,
  severity: Diagnostic['severity'] = 'error',
  extra: { deferred?: true } = {},
): Diagnostic => ({ severity, code, file: EVIDENCE, line: 1, subject, message: code, hint: 'h', ...extra });

const onEvidence = { kind: 'evidence', id: 'EV-BASE-01' } as const;
const onControl = { kind: 'control', id: 'BASE-01' } as const;

const statusWith = (findings: Diagnostic[], files?: Files, asOf?: string) => {
  const result = resultOf(findings, files, asOf);
  return controlStatus(result, result.model.controls[0]!);
};

describe('blocking findings', () => {
  it('are errors, and errors that readiness mode defers', () => {
    expect(isBlocking(finding('TB601', onEvidence, 'error'))).toBe(true);
    expect(isBlocking(finding('TB601', onEvidence, 'warning'))).toBe(false);
    expect(isBlocking(finding('TB601', onEvidence, 'warning', { deferred: true }))).toBe(true);
  });
});

describe('the findings about a subject', () => {
  it('are the findings naming it, of its kind, every period included', () => {
    const first = finding('TB601', { ...onEvidence, period: '2026-Q1' });
    const second = finding('TB602', { ...onEvidence, period: '2026-Q2' });
    const other = finding('TB601', { kind: 'evidence', id: 'EV-OTHER' });
    const sameIdOtherKind = finding('TB601', { kind: 'control', id: 'EV-BASE-01' });
    const unnamed: Diagnostic = {
      severity: 'error',
      code: 'TB001',
      file: 'content/program.yaml',
      message: 'm',
      hint: 'h',
    };
    const result = resultOf([unnamed, first, other, second, sameIdOtherKind]);
    expect(result.findingsAbout('evidence', 'EV-BASE-01')).toEqual([first, second]);
    expect(result.findingsAbout('control', 'EV-BASE-01')).toEqual([sameIdOtherKind]);
    expect(result.findingsAbout('evidence', 'EV-NONE')).toEqual([]);
    expect(findingsAboutPeriod(result, 'EV-BASE-01', '2026-Q2')).toEqual([second]);
    expect(findingsAboutPeriod(result, 'EV-BASE-01', '2026-Q3')).toEqual([]);
  });

  it('are indexed once per result', () => {
    const diagnostics = [finding('TB601', onEvidence)];
    const result = resultOf(diagnostics);
    expect(result.findingsAbout('evidence', 'EV-BASE-01')).toHaveLength(1);
    diagnostics.push(finding('TB602', onEvidence));
    expect(result.findingsAbout('evidence', 'EV-BASE-01')).toHaveLength(1);
    expect(resultOf(diagnostics).findingsAbout('evidence', 'EV-BASE-01')).toHaveLength(2);
  });

  it('include the evidence series naming a control', () => {
    const result = resultOf([]);
    expect(result.evidenceOf('BASE-01').map((series) => series.id)).toEqual(['EV-BASE-01']);
    expect(result.evidenceOf('BASE-02')).toEqual([]);
  });
});

describe('the status of a control', () => {
  it('lists exactly the codes that make a control failing', () => {
    expect([...evidenceCodes].sort()).toEqual([...failing].sort());
  });

  it.each(failing)(
    '%s as an error about the control or its evidence makes it failing, deferred too; as a warning it does not',
    (code) => {
      expect(statusWith([finding(code, onEvidence)])).toBe('failing');
      expect(statusWith([finding(code, onControl)])).toBe('failing');
      expect(statusWith([finding(code, onEvidence, 'warning', { deferred: true })])).toBe('failing');
      expect(statusWith([finding(code, onEvidence, 'warning')])).toBe('operating');
      expect(statusWith([finding(code, { kind: 'evidence', id: 'EV-OTHER' })])).toBe('operating');
    },
  );

  it('is an exception with a disclosed deviation (TB606) or more deviations than tolerated (TB609)', () => {
    expect(statusWith([finding('TB606', onEvidence, 'warning')])).toBe('exception');
    expect(statusWith([finding('TB609', onControl, 'warning')])).toBe('exception');
    expect(statusWith([finding('TB609', onControl, 'warning'), finding('TB601', onEvidence)])).toBe('failing');
  });

  it('stays operating with a finding of another kind, even an error', () => {
    expect(statusWith([])).toBe('operating');
    expect(statusWith([finding('TB503', onControl)])).toBe('operating');
    expect(statusWith([finding('TB607', onEvidence, 'warning')])).toBe('operating');
  });

  it('is failing without any evidence series', () => {
    expect(statusWith([], without(validProgram(), EVIDENCE))).toBe('failing');
  });

  it('is not in operation before its implementation day or after its retirement day, whatever its findings', () => {
    const dated = edit(
      validProgram(),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-02-01\nretired: 2026-05-31',
    );
    const failingFinding = [finding('TB601', onEvidence)];
    expect(statusWith(failingFinding, dated, '2026-01-31')).toBe('not in operation');
    expect(statusWith(failingFinding, dated, '2026-02-01')).toBe('failing');
    expect(statusWith(failingFinding, dated, '2026-05-31')).toBe('failing');
    expect(statusWith(failingFinding, dated, '2026-06-01')).toBe('not in operation');
    const planned = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned');
    expect(statusWith([], planned)).toBe('not in operation');
  });
});

describe('the test an auditor applies', () => {
  it('is the control’s own, else re-performance for an automated control and inspection for a manual one', () => {
    const control = (data: Partial<ControlData>) => data as ControlData;
    expect(defaultTest(control({ test: 'observation', automated: true }))).toBe('observation');
    expect(defaultTest(control({ automated: true }))).toBe('re-performance');
    expect(defaultTest(control({ automated: false }))).toBe('inspection');
    expect(defaultTest(control({}))).toBe('inspection');
  });
});
