/**
 * The operating-effectiveness rule run on its own against a model (no full check): TB609 at the tolerable
 * limit and one over, TB610 once per series that never ran, TB611 on the first day of a period and the day
 * before, TB612 for an event the population does not list. validProgram(): window 2026-01-01..2026-06-30,
 * evaluated 2026-07-15, one quarterly control BASE-01 evidenced by EV-BASE-01 (Q1 and Q2 on time).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type Diagnostic, type ProgramModel } from '../../src/engine/index.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { operatingEffectivenessRule } from '../../src/engine/rules/operating-effectiveness.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

const run = (model: ProgramModel, asOf = '2026-07-15', code?: Diagnostic['code']) =>
  operatingEffectivenessRule(model, { asOf } as RuleContext).filter(
    (diagnostic) => code === undefined || diagnostic.code === code,
  );

const exception = (period: string, disclosed = '2026-07-05', extra = '') =>
  `  - { period: ${period}, description: "The review did not run.", disclosed: ${disclosed}, response: "Run it now."${extra} }\n`;

const withExceptions = (entries: string, files: Files = validProgram()) =>
  edit(files, EVIDENCE, '---\n\nExported', `exceptions:\n${entries}---\n\nExported`);

const noArtifacts = (files: Files) => edit(files, EVIDENCE, /artifacts:\n(.*\n){2}/, 'artifacts: []\n');

/** EV-BASE-01 as a per-event series whose export, kept at a URL or in `files/changes.csv`, lists `rows` events. */
const perEvent = (rows: number, exceptions: string, file = false) =>
  edit(
    validProgram(),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts: []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: ${rows}, ${
      file ? `file: files/changes.csv, sha256: ${'a'.repeat(64)}` : 'location: "https://docs.test.example/changes.csv"'
    } }\nexceptions:\n${exceptions}`,
  );

const withCsv = (files: Files, ids: string[]) => {
  const model = modelOf(files);
  model.artifactFiles.set('files/changes.csv', { status: 'present', sha256: 'a'.repeat(64), csvIds: ids });
  return model;
};

describe('TB609: more deviations than the sample tolerates', () => {
  it('warns on the control, naming its deviations, occurrences, sample and what it tolerates', () => {
    expect(run(modelOf(withExceptions(exception('2026-Q1'))))).toEqual([
      {
        severity: 'warning',
        code: 'TB609',
        file: CONTROL,
        line: 8,
        subject: { kind: 'control', id: 'BASE-01' },
        message:
          'BASE-01 deviated in 1 of 2 occurrences of the window; a sample of 2 tolerates none, so it did not operate effectively throughout the period',
        hint: expect.stringContaining('Tolerable deviations'),
      },
    ]);
  });

  it('says "occurrence" for one', () => {
    const files = edit(
      withExceptions(exception('2026-Q2')),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-04-01',
    );
    expect(run(modelOf(files), '2026-07-15', 'TB609')[0]!.message).toMatch(/^BASE-01 deviated in 1 of 1 occurrence of/);
  });

  it('stays quiet at the tolerable limit and warns one deviation over it', () => {
    const twoOf80 = perEvent(80, exception('2026-03') + exception('2026-04'));
    expect(run(modelOf(twoOf80))).toEqual([]);
    const threeOf80 = perEvent(80, exception('2026-03') + exception('2026-04') + exception('2026-05'));
    expect(run(modelOf(threeOf80), '2026-07-15', 'TB609')[0]!.message).toBe(
      'BASE-01 deviated in 3 of 80 occurrences of the window; a sample of 10 tolerates at most 2, so it did not operate effectively throughout the period',
    );
  });

  it('asks nothing before the window opens or of a Type I audit', () => {
    const files = withExceptions(exception('2026-Q1'));
    expect(run(modelOf(files), '2025-12-31')).toEqual([]);
    const typeOne = edit(
      files,
      'content/program.yaml',
      'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
      'type: I\n  date: 2026-06-30',
    );
    expect(run(modelOf(typeOne))).toEqual([]);
  });

  it('judges a running window on the occurrences due so far', () => {
    // On 2026-07-30 the second quarter, not yet collected, is not due: the first quarter's exception is one in one.
    const files = edit(withExceptions(exception('2026-Q1')), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, '');
    expect(run(modelOf(files), '2026-07-30')[0]!.message).toMatch(
      /^BASE-01 deviated in 1 of 1 occurrence of the window; a sample of 1 tolerates none/,
    );
  });
});

describe('TB610: a series that never ran', () => {
  it('is an error on the series, once, even when it evidences two controls, and no TB609', () => {
    const files = noArtifacts(withExceptions(exception('2026-Q1') + exception('2026-Q2')));
    const shared = {
      ...edit(files, EVIDENCE, 'controls: [BASE-01]', 'controls: [BASE-01, BASE-02]'),
      'content/controls/BASE-02.mdx': files[CONTROL]!.replace('id: BASE-01', 'id: BASE-02'),
    };
    const expected = {
      severity: 'error',
      code: 'TB610',
      file: EVIDENCE,
      line: 8,
      subject: { kind: 'evidence', id: 'EV-BASE-01' },
      message:
        'every occurrence of EV-BASE-01 due in the window (2 quarterly periods) is a disclosed exception with no artifact: the control never ran',
      hint: expect.stringContaining('narrow the exceptions'),
    };
    expect(run(modelOf(files))).toEqual([expected]);
    expect(run(modelOf(shared))).toEqual([expected]);
  });

  it('is reported for the series that never ran, not for the control’s other series', () => {
    const files = {
      ...validProgram(),
      'evidence-index/EV-BASE-01B.mdx': `---\nid: EV-BASE-01B\ntitle: Second record\ncontrols: [BASE-01]\nowner: security-lead\nfrequency: quarterly\nexceptions:\n${exception('2026-Q1')}${exception('2026-Q2')}---\n\nA second record.\n`,
    };
    expect(run(modelOf(files)).map((d) => [d.code, d.subject?.id])).toEqual([['TB610', 'EV-BASE-01B']]);
  });
});

describe('TB611: an exception dated before its period', () => {
  it('is reported when disclosed the day before the period began, not on its first day', () => {
    expect(run(modelOf(withExceptions(exception('2026-Q2', '2026-03-31'))), '2026-07-15', 'TB611')).toEqual([
      {
        severity: 'error',
        code: 'TB611',
        file: EVIDENCE,
        line: 11,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q2' },
        message: 'exception for 2026-Q2 was disclosed 2026-03-31, before the period began on 2026-04-01',
        hint: expect.stringContaining('correct the exception'),
      },
    ]);
    expect(run(modelOf(withExceptions(exception('2026-Q2', '2026-04-01'))), '2026-07-15', 'TB611')).toEqual([]);
  });

  it('is reported when remediated before the period began, on the remediation’s line', () => {
    const found = run(
      modelOf(withExceptions(exception('2026-Q2', '2026-07-05', ', remediated: 2026-03-31'))),
      '2026-07-15',
      'TB611',
    );
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [11, 'exception for 2026-Q2 was remediated 2026-03-31, before the period began on 2026-04-01'],
    ]);
    const onTime = withExceptions(exception('2026-Q2', '2026-07-05', ', remediated: 2026-04-01'));
    expect(run(modelOf(onTime), '2026-07-15', 'TB611')).toEqual([]);
  });

  it('names the second exception by its own line, and checks exceptions before the window opens', () => {
    const files = withExceptions(exception('2026-Q1') + exception('2026-Q2', '2026-03-31'));
    expect(run(modelOf(files), '2025-12-01').map((d) => [d.code, d.line])).toEqual([['TB611', 12]]);
  });

  it('leaves an exception for a period that does not exist to the period check', () => {
    expect(run(modelOf(withExceptions(exception('2025-W53', '2020-01-01'))), '2026-07-15', 'TB611')).toEqual([]);
  });
});

describe('TB612: an exception naming an event the population does not list', () => {
  const sampled = (event: string) => exception('2026-03', '2026-04-02', `, sample: ${event}`);

  it('is reported for an event not in the export, and not for one in it', () => {
    const model = withCsv(perEvent(2, sampled('CHG-9') + sampled('CHG-2') + exception('2026-04'), true), [
      'CHG-1',
      'CHG-2',
    ]);
    expect(run(model, '2026-07-15', 'TB612')).toEqual([
      {
        severity: 'error',
        code: 'TB612',
        file: EVIDENCE,
        line: 11,
        subject: { kind: 'evidence', id: 'EV-BASE-01' },
        message: 'exception names event CHG-9, which the population of EV-BASE-01 does not list',
        hint: expect.stringContaining('population export'),
      },
    ]);
    expect(run(withCsv(perEvent(2, sampled('CHG-1'), true), ['CHG-1', 'CHG-2']), '2026-07-15', 'TB612')).toEqual([]);
  });

  it('asks nothing when the population is kept outside the repository, or the audit is Type I', () => {
    expect(run(modelOf(perEvent(2, sampled('CHG-9'))), '2026-07-15', 'TB612')).toEqual([]);
    const typeOne = edit(
      perEvent(2, sampled('CHG-9'), true),
      'content/program.yaml',
      'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
      'type: I\n  date: 2026-06-30',
    );
    expect(run(withCsv(typeOne, ['CHG-1']), '2026-07-15', 'TB612')).toEqual([]);
  });

  it('asks nothing of a periodic series', () => {
    const model = modelOf(withExceptions(exception('2026-Q1', '2026-07-05', ', sample: CHG-9')));
    expect(run(model, '2026-07-15', 'TB612')).toEqual([]);
  });
});
