import { describe, expect, it } from 'vitest';
import { controlMatrixCsv, controlMatrixHeader } from '../../src/export/control-matrix.ts';
import { defuseFormula, parseCsv, toCsv } from '../../src/export/csv.ts';
import { acknowledgementsCsv, acknowledgementsHeader } from '../../src/export/acknowledgements.ts';
import { modelJson } from '../../src/export/model-json.ts';
import { nameUuid, oscalComponentDefinition } from '../../src/export/oscal.ts';
import { pbcCsv, pbcHeader } from '../../src/export/pbc.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

describe('CSV', () => {
  it('round-trips commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const rows = parseCsv(
      toCsv(
        ['a', 'b'],
        [
          ['x, "y"', 'line\nbreak'],
          ['=SUM(A1)', ''],
        ],
      ),
    );
    expect(rows).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
      ["'=SUM(A1)", ''],
    ]);
  });
});

describe('formula defusing', () => {
  it.for([
    ['=HYPERLINK("https://evil.test.example")', '\'=HYPERLINK("https://evil.test.example")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['\u0000=1+1', "'\u0000=1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
  ])('quotes %j', ([value, expected]) => {
    expect(defuseFormula(value)).toBe(expected);
  });

  it.for(['-12', '-12.5', '+3', '1e-3', '-.5', '42', 'plain text', ''])('leaves %j alone', (value) => {
    expect(defuseFormula(value)).toBe(value);
  });

  it('leaves a number alone', () => {
    expect(defuseFormula(-7)).toBe('-7');
  });
});

describe('control matrix export', () => {
  it('has one row per control that matches the model when parsed back', () => {
    const result = check(validProgram());
    const [header, ...rows] = parseCsv(controlMatrixCsv(result));
    expect(header).toEqual([...controlMatrixHeader]);
    expect(rows).toHaveLength(result.model.controls.length);
    const control = result.model.controls[0]!;
    expect(rows[0]).toEqual([
      control.id,
      control.data.title,
      control.data.criteria.join('; '),
      'security-lead',
      'quarterly',
      'implemented',
      'operating',
      'information-security',
      'EV-BASE-01',
      '2026-07-03',
      'from 2026-01-01 to 2026-06-30',
      'yes',
    ]);
  });

  it('says for how much of the window a control was in operation, and whether its deviations were tolerable', () => {
    const files = edit(
      edit(
        validProgram(),
        'content/controls/BASE-01.mdx',
        'frequency: quarterly',
        'frequency: quarterly\nimplemented: 2026-02-10',
      ),
      'evidence-index/EV-BASE-01.mdx',
      '---\n\nExported',
      'exceptions:\n  - { period: 2026-Q2, description: "Skipped.", disclosed: 2026-07-05, response: "Runs now." }\n---\n\nExported',
    );
    const [, row] = parseCsv(controlMatrixCsv(check(files)));
    expect(row!.slice(-2)).toEqual(['from 2026-02-10 to 2026-06-30', 'no: 1 of 2 occurrences deviated, 0 tolerated']);
  });
});

describe('PBC request list', () => {
  it('asks for every period of the window, with due date and status', () => {
    const result = check(edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, ''), {
      asOf: '2026-08-15',
    });
    const [header, ...rows] = parseCsv(pbcCsv(result));
    expect(header).toEqual([...pbcHeader]);
    const periodic = rows.filter((row) => row[4] === 'periodic');
    expect(periodic.map((row) => [row[5], row[7], row[8]])).toEqual([
      ['2026-Q1', '2026-04-30', 'provided'],
      ['2026-Q2', '2026-07-30', 'missing'],
    ]);
    expect(periodic[0]![9]).toBe('https://docs.test.example/q1.pdf');
    expect(rows.filter((row) => row[4] === 'policy')).toHaveLength(result.model.policies.length);
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
  });

  it('marks every month inside an exception written for a quarter as an exception, never provided', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const monthly = edit(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: monthly'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: monthly\nartifacts:\n${months
        .filter((month) => month >= '2026-04')
        .map(
          (month) =>
            `  - { collected: ${month}-20, period: ${month}, location: "https://docs.test.example/${month}.pdf" }\n`,
        )
        .join(
          '',
        )}exceptions:\n  - { period: 2026-Q1, description: "Not run.", disclosed: 2026-07-05, response: "Runs now." }\n`,
    );
    const periodic = parseCsv(pbcCsv(check(monthly))).filter((row) => row[4] === 'periodic');
    expect(periodic.map((row) => [row[5], row[8]])).toEqual([
      ['2026-01', 'exception'],
      ['2026-02', 'exception'],
      ['2026-03', 'exception'],
      ['2026-04', 'provided'],
      ['2026-05', 'provided'],
      ['2026-06', 'provided'],
    ]);
  });
});

describe('statuses in the exports come from the findings', () => {
  it('marks a policy past its review not current, not provided', () => {
    const result = check(
      edit(validProgram(), 'policies/information-security.mdx', 'approved: 2026-03-01', 'approved: 2025-03-01'),
    );
    const row = parseCsv(pbcCsv(result)).find((r) => r[4] === 'policy' && r[9] === 'policies/information-security');
    expect(row?.[8]).toBe('not current');
  });

  it('marks a population whose only evidence predates the window not current', () => {
    let files = edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: per-event');
    files = edit(
      files,
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: per-event\nartifacts:\n  - { collected: 2019-05-02, location: "https://docs.test.example/old.pdf" }\n',
    );
    const result = check(files);
    const rows = parseCsv(pbcCsv(result)).filter((r) => r[4] === 'population');
    expect(rows.map((r) => r[8])).toEqual(['not current']);
    const [, matrix] = parseCsv(controlMatrixCsv(result));
    expect(matrix?.[6]).toBe('failing');
  });

  it('reports a disclosed exception as such, never as provided', () => {
    const files = edit(
      edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, ''),
      EVIDENCE,
      '---\n\nExported',
      'exceptions:\n  - { period: 2026-Q2, description: "The Q2 review was not done.", disclosed: 2026-07-10, response: "Done in July." }\n---\n\nExported',
    );
    const result = check(files);
    const periodic = parseCsv(pbcCsv(result)).filter((r) => r[4] === 'periodic');
    expect(periodic.map((r) => [r[5], r[8]])).toEqual([
      ['2026-Q1', 'provided'],
      ['2026-Q2', 'exception'],
    ]);
    expect(parseCsv(controlMatrixCsv(result))[1]?.[6]).toBe('exception');
  });
});

describe('JSON export', () => {
  it('carries every document, the findings and the summary', () => {
    const result = check(validProgram());
    const exported = JSON.parse(modelJson(result));
    // The policies, the control, the procedure, the evidence series, the system description and the assertion.
    expect(exported.documents).toHaveLength(result.model.policies.length + 5);
    expect(exported.program.organization).toBe('Test Co');
    expect(exported.summary.errors).toBe(0);
  });
});

describe('OSCAL export', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a component definition with one implemented requirement per covered criterion', () => {
    const document = oscalComponentDefinition(check(validProgram()))['component-definition'];
    expect(document.metadata['oscal-version']).toBe('1.1.2');
    const requirements = document.components[0]!['control-implementations'][0]!['implemented-requirements'];
    expect(requirements).toHaveLength(33);
    expect(requirements[0]).toMatchObject({
      'control-id': 'cc1.1',
      props: [expect.objectContaining({ value: 'BASE-01' })],
    });
    const uuids = [document.uuid, document.components[0]!.uuid, ...requirements.map((r) => r.uuid)];
    for (const value of uuids) expect(value).toMatch(uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('derives the same UUIDs from the same program', () => {
    expect(nameUuid('x')).toBe(nameUuid('x'));
    expect(nameUuid('x')).not.toBe(nameUuid('y'));
  });
});

describe('acknowledgements export', () => {
  it('lists each person of the window by cohort with their status for each policy, and leaves out earlier leavers', () => {
    const files = edit(
      validProgram(),
      'content/people.yaml',
      /staff:\n/,
      'staff:\n' +
        '  - { id: bea, role: ceo, hired: 2026-03-02, background_check: 2026-02-20, trainings: [2026-03-10] }\n' +
        '  - { id: old, role: ceo, hired: 2024-03-02, background_check: 2024-02-20, left: 2025-06-30, access_removed: 2025-06-30 }\n',
    );
    const [header, ...rows] = parseCsv(acknowledgementsCsv(check(files)));
    expect(header).toEqual([...acknowledgementsHeader]);
    const policies = check(files).model.policies.length;
    expect(rows).toHaveLength(2 * policies);
    const cohorts = Object.fromEntries(rows.map((row) => [row[1], row[0]]));
    expect(cohorts).toEqual({ ada: 'current', bea: 'new-hire' });
    const bea = rows.find((row) => row[1] === 'bea')!;
    // Hired 2026-03-02, nothing acknowledged: due 30 days later, overdue as of 2026-07-15.
    expect(bea.slice(8, 10)).toEqual(['overdue', '2026-04-01']);
  });
});
