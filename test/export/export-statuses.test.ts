/**
 * The statuses the control matrix and the PBC list state, one value at a time, each at the edge that decides it:
 * an artifact on the last day of its grace and the day after, a period due on the evaluation date and the day
 * after, a control implemented inside the window.
 */
import { describe, expect, it } from 'vitest';
import { controlMatrixCsv, controlMatrixRows } from '../../src/export/control-matrix.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { pbcCsv, pbcHeader, pbcRows, type PbcRow } from '../../src/export/pbc.ts';
import { requestListHeader } from '../../src/export/requests.ts';
import { withFacts } from '../../src/engine/check.ts';
import type { CheckResult, Diagnostic } from '../../src/engine/index.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

const artifact = (month: string, collected = `${month}-20`) =>
  `  - { collected: ${collected}, period: ${month}, location: "https://docs.test.example/${month}.pdf" }\n`;
const exception = (month: string) =>
  `  - { period: ${month}, description: "Skipped.", disclosed: 2026-07-05, response: "Runs now." }\n`;

/**
 * BASE-01 as a monthly control over the helper's window (2026-01-01 to 2026-06-30), sampled one month in six so
 * that one deviation is tolerable: `collected` gives each month's artifact date (none: no artifact), `excepted`
 * the months disclosed as exceptions.
 */
function monthly(collected: Record<string, string | null> = {}, excepted: string[] = [], control = ''): Files {
  let files = edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: monthly${control}`);
  const artifacts = months
    .filter((month) => collected[month] !== null)
    .map((month) => artifact(month, collected[month] ?? undefined))
    .join('');
  files = edit(
    files,
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: monthly\nartifacts:${artifacts ? `\n${artifacts}` : ' []\n'}${excepted.length ? `exceptions:\n${excepted.map(exception).join('')}` : ''}`,
  );
  return edit(files, 'content/program.yaml', 'warn_within_days: 30', 'warn_within_days: 30\nsampling: { monthly: 1 }');
}

/** The control matrix's status columns for BASE-01: status, operating, in operation, operated effectively. */
function matrix(result: CheckResult): string[] {
  const row = controlMatrixRows(result).find((cells) => cells[0] === 'BASE-01')!;
  return [row[5]!, row[6]!, row[10]!, row[11]!];
}

/** The PBC list's periodic rows: period, due date, status. */
function periodic(result: CheckResult): string[][] {
  return pbcRows(result)
    .filter((row) => row.type === 'periodic')
    .map((row) => [row.period, row.due, row.status]);
}

const dues = ['2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10', '2026-06-10', '2026-07-10'];
const statuses = (...list: string[]) => months.map((month, index) => [month, dues[index], list[index]]);

describe('the control matrix’s status columns', () => {
  it('says operating and yes for a control with every month in on time', () => {
    expect(matrix(check(monthly()))).toEqual(['implemented', 'operating', 'from 2026-01-01 to 2026-06-30', 'yes']);
  });

  it('says exception for a disclosed exception, tolerated while one deviation is within the sample', () => {
    expect(matrix(check(monthly({ '2026-03': null }, ['2026-03'])))).toEqual([
      'implemented',
      'exception',
      'from 2026-01-01 to 2026-06-30',
      'yes, 1 deviation tolerated',
    ]);
    expect(matrix(check(monthly({ '2026-03': null, '2026-04': null }, ['2026-03', '2026-04'])))).toEqual([
      'implemented',
      'exception',
      'from 2026-01-01 to 2026-06-30',
      'no: 2 of 6 occurrences deviated, 1 tolerated',
    ]);
  });

  it('says failing for a late artifact, whose deviation the sample still tolerates', () => {
    expect(matrix(check(monthly({ '2026-05': '2026-06-11' })))).toEqual([
      'implemented',
      'failing',
      'from 2026-01-01 to 2026-06-30',
      'yes, 1 deviation tolerated',
    ]);
    expect(matrix(check(monthly({ '2026-05': '2026-06-10' })))[1]).toBe('operating');
  });

  it('says never ran when every month is a disclosed exception without an artifact', () => {
    const result = check(monthly(Object.fromEntries(months.map((month) => [month, null])), months));
    expect(matrix(result)).toEqual([
      'implemented',
      'failing',
      'from 2026-01-01 to 2026-06-30',
      'no: never ran (EV-BASE-01)',
    ]);
    expect(controlMatrixRows(result)[0]!.slice(8, 10)).toEqual(['EV-BASE-01', '']);
  });

  it('lists each policy a control carries out', () => {
    const files = edit(
      validProgram(),
      CONTROL,
      'policies: [information-security]',
      'policies: [information-security, incident-response]',
    );
    expect(controlMatrixRows(check(files))[0]![7]).toBe('information-security; incident-response');
  });

  it('names every series that never ran', () => {
    const files = monthly(Object.fromEntries(months.map((month) => [month, null])), months);
    const second = files[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-BASE-02');
    const result = check({ ...files, 'evidence-index/EV-BASE-02.mdx': second });
    expect(matrix(result)[3]).toBe('no: never ran (EV-BASE-01, EV-BASE-02)');
  });

  it('says not in operation, and nothing of the window, for a planned control', () => {
    expect(matrix(check(monthly({}, [], '\nstatus: planned')))).toEqual(['planned', 'not in operation', '', '']);
  });

  it('gives the days in operation from the implementation date', () => {
    const result = check(monthly({ '2026-01': null, '2026-02': null }, [], '\nimplemented: 2026-03-10'));
    expect(matrix(result)).toEqual(['implemented', 'operating', 'from 2026-03-10 to 2026-06-30', 'yes']);
  });

  it('leaves the window columns empty for a Type I audit', () => {
    const typeOne = edit(
      validProgram(),
      'content/program.yaml',
      /type: II\n {2}period: \{[^}]*\}/,
      'type: I\n  date: 2026-06-30',
    );
    expect(matrix(check(typeOne))).toEqual(['implemented', 'operating', '', '']);
  });

  it('orders controls by number, names their series and the latest artifact of any of them', () => {
    const base = validProgram();
    const copy = (id: string) =>
      base[CONTROL]!.replace('id: BASE-01', `id: ${id}`).replace('frequency: quarterly', 'frequency: annual');
    const files = {
      ...validProgram(),
      'content/controls/BASE-10.mdx': copy('BASE-10'),
      'content/controls/BASE-2.mdx': copy('BASE-2'),
      'evidence-index/EV-MORE.mdx': base[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-MORE').replace(
        /artifacts:\n(.*\n){2}/,
        'artifacts:\n  - { collected: 2026-07-01, period: 2026-Q2, location: "https://docs.test.example/more.pdf" }\n',
      ),
    };
    const rows = controlMatrixRows(check(files));
    expect(rows.map((row) => [row[0], row[8], row[9]])).toEqual([
      ['BASE-01', 'EV-BASE-01; EV-MORE', '2026-07-03'],
      ['BASE-2', '', ''],
      ['BASE-10', '', ''],
    ]);
    const [header, first] = parseCsv(controlMatrixCsv(check(validProgram())));
    expect(header![6]).toBe('operating');
    expect(first![6]).toBe('operating');
  });
});

describe('the PBC list’s periodic statuses', () => {
  it('says provided for each month in on time, due ten days after the month', () => {
    expect(periodic(check(monthly()))).toEqual(statuses(...months.map(() => 'provided')));
  });

  it('says late for an artifact the day after its grace, provided on its last grace day', () => {
    expect(periodic(check(monthly({ '2026-05': '2026-06-11' })))[4]).toEqual(['2026-05', '2026-06-10', 'late']);
    expect(periodic(check(monthly({ '2026-05': '2026-06-10' })))[4]).toEqual(['2026-05', '2026-06-10', 'provided']);
  });

  it('says exception for a disclosed exception', () => {
    expect(periodic(check(monthly({ '2026-03': null }, ['2026-03'])))[2]).toEqual([
      '2026-03',
      '2026-04-10',
      'exception',
    ]);
  });

  it('says not yet due through a month’s last grace day, missing the day after, and leaves the others provided', () => {
    const files = monthly({ '2026-06': null });
    const provided = months.slice(0, 5).map(() => 'provided');
    expect(periodic(check(files, { asOf: '2026-07-10' }))).toEqual(statuses(...provided, 'not yet due'));
    expect(periodic(check(files, { asOf: '2026-07-11' }))).toEqual(statuses(...provided, 'missing'));
  });

  it('says not required for the months before the control was implemented', () => {
    const result = check(monthly({ '2026-01': null, '2026-02': null }, [], '\nimplemented: 2026-03-10'));
    expect(periodic(result)).toEqual(
      statuses('not required', 'not required', 'provided', 'provided', 'provided', 'provided'),
    );
  });

  it('says not current for every month while a finding stands against the series as a whole', () => {
    const future = edit(
      monthly(),
      EVIDENCE,
      '  - { collected: 2026-06-20',
      '  - { collected: 2026-08-01, period: 2026-06, location: "https://docs.test.example/x.pdf" }\n  - { collected: 2026-06-20',
    );
    expect(periodic(check(future))).toEqual(statuses(...months.map(() => 'not current')));
  });

  it('asks for each month by the series’ title, with the link of its artifact', () => {
    const files = edit(
      monthly(),
      EVIDENCE,
      '  - { collected: 2026-01-20, period: 2026-01, location: "https://docs.test.example/2026-01.pdf" }',
      `  - { collected: 2026-01-20, period: 2026-01, file: files/jan.pdf, sha256: ${'a'.repeat(64)} }`,
    );
    const rows = pbcRows(check(monthly({ '2026-02': null }, ['2026-02']))).filter((row) => row.type === 'periodic');
    expect(rows.slice(0, 2).map((row) => [row.request, row.control, row.owner, row.link])).toEqual([
      ['Baseline review record: 2026-01', 'BASE-01', 'security-lead', 'https://docs.test.example/2026-01.pdf'],
      ['Baseline review record: 2026-02', 'BASE-01', 'security-lead', ''],
    ]);
    const withFile = pbcRows(check(files)).find((row) => row.period === '2026-01')!;
    expect(withFile.link).toBe('evidence-index/files/jan.pdf');
  });

  it('asks for an annual control’s one occurrence in the window, due thirty days after it', () => {
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: annual'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: annual\nartifacts:\n  - { collected: 2026-03-06, period: 2026, location: "https://docs.test.example/y.pdf" }\n',
    );
    const [row] = pbcRows(check(files)).filter((candidate) => candidate.control === 'BASE-01');
    expect(row).toMatchObject({
      request: 'Baseline review record: the occurrence in the audit window',
      type: 'annual',
      due: '2026-07-30',
      status: 'provided',
      link: 'https://docs.test.example/y.pdf',
    });
  });
});

/** BASE-01 as a per-event control, with these artifacts. */
function perEvent(artifacts: string): Files {
  return edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:${artifacts}`,
  );
}

/** A check result with its findings taken away: what the export states for an item nothing stands against. */
const withoutFindings = (result: CheckResult): CheckResult => withFacts({ ...result, diagnostics: [] });

const typeOne = (files: Files) =>
  edit(files, 'content/program.yaml', /type: II\n {2}period: \{[^}]*\}/, 'type: I\n  date: 2026-06-30');

describe('the PBC list’s population and point-in-time statuses', () => {
  const event = '\n  - { collected: 2026-03-06, location: "https://docs.test.example/chg.pdf" }\n';

  it('asks for the population of the window thirty days after it ends', () => {
    const rows = (result: CheckResult) => pbcRows(result).filter((row) => row.control === 'BASE-01');
    const [row] = rows(check(perEvent(event)));
    expect(row).toMatchObject({
      request: 'Baseline review record: the population of events in the period, and the record of each',
      type: 'population',
      period: '2026-01-01..2026-06-30',
      due: '2026-07-30',
      status: 'not current',
      link: 'https://docs.test.example/chg.pdf',
    });
    expect(rows(withoutFindings(check(perEvent(event))))[0]!.status).toBe('provided');
    expect(rows(check(perEvent(' []\n')))[0]).toMatchObject({ status: 'missing', link: '' });
    // Nothing in and nothing against it: not yet due until the day it is due, then open.
    expect(rows(withoutFindings(check(perEvent(' []\n'), { asOf: '2026-07-29' })))[0]!.status).toBe('not yet due');
    expect(rows(withoutFindings(check(perEvent(' []\n'), { asOf: '2026-07-30' })))[0]!.status).toBe('open');
  });

  it('asks a Type I audit for current evidence as of the evaluation date', () => {
    const rows = (result: CheckResult) => pbcRows(result).filter((row) => row.control === 'BASE-01');
    const [row] = rows(check(typeOne(validProgram())));
    expect(row).toMatchObject({
      request: 'Baseline review record: current evidence',
      type: 'point-in-time',
      period: '2026-07-15',
      due: '2026-07-15',
      status: 'provided',
      link: 'https://docs.test.example/q2.pdf',
    });
    const none = typeOne(edit(validProgram(), EVIDENCE, /artifacts:\n(.*\n){2}/, 'artifacts: []\n'));
    expect(rows(check(none))[0]!.status).toBe('missing');
    expect(rows(withoutFindings(check(none)))[0]!.status).toBe('open');
  });

  it('says not current for a series a finding stands against though something is in', () => {
    const rows = pbcRows(check(perEvent(event))).filter((row) => row.control === 'BASE-01');
    expect(rows.map((row) => row.status)).toEqual(['not current']);
  });
});

describe('the PBC list’s policies and numbering', () => {
  it('asks for each policy with its approval, due when the window starts, numbered in order', () => {
    const rows = pbcRows(check(validProgram()));
    const policy = rows.find((row) => row.link === 'policies/information-security')!;
    expect(policy).toMatchObject<Partial<PbcRow>>({
      request: 'information-security policy, version 1.0, with evidence of approval',
      type: 'policy',
      period: '2026-03-01',
      owner: 'security-lead',
      due: '2026-01-01',
      status: 'provided',
      control: '',
    });
    expect(rows.map((row) => row.id)).toEqual(rows.map((_, index) => `PBC-${String(index + 1).padStart(4, '0')}`));
    expect(rows[0]!.id).toBe('PBC-0001');
    expect(rows.filter((row) => row.type === 'policy').map((row) => row.link)).toEqual(
      [...rows.filter((row) => row.type === 'policy').map((row) => row.link)].sort(),
    );
    const typeOneRows = pbcRows(check(typeOne(validProgram())));
    expect(typeOneRows.find((row) => row.type === 'policy')!.due).toBe('2026-07-15');
  });

  it('asks nothing of a control that is not implemented', () => {
    const rows = pbcRows(
      check(edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned')),
    );
    expect(rows.filter((row) => row.type !== 'policy')).toEqual([]);
  });

  it('gives the audit firm’s own request list when the program has imported one', () => {
    const files = {
      ...validProgram(),
      'content/requests/firm.yaml': 'requests:\n  - { id: R-1, request: "Access review", controls: [BASE-01] }\n',
    };
    expect(parseCsv(pbcCsv(check(files)))[0]).toEqual([...requestListHeader]);
    expect(parseCsv(pbcCsv(check(validProgram())))[0]).toEqual([...pbcHeader]);
  });
});

/** A check result with one more finding about BASE-01's series (for one period, when given). */
function withFinding(
  result: CheckResult,
  code: string,
  severity: 'error' | 'warning',
  period?: string,
  deferred?: true,
): CheckResult {
  const finding = {
    severity,
    code,
    file: EVIDENCE,
    message: 'planted',
    hint: '',
    subject: { kind: 'evidence', id: 'EV-BASE-01', ...(period ? { period } : {}) },
    ...(deferred ? { deferred } : {}),
  } as Diagnostic;
  return withFacts({ ...result, diagnostics: [...result.diagnostics, finding] });
}

describe('statuses from the timeline alone', () => {
  it('says missing or late from the period’s cell, even without its finding', () => {
    const missing = withoutFindings(check(monthly({ '2026-06': null }), { asOf: '2026-07-11' }));
    expect(periodic(missing)[5]![2]).toBe('missing');
    const late = withoutFindings(check(monthly({ '2026-05': '2026-06-11' })));
    expect(periodic(late)[4]![2]).toBe('late');
  });

  it('asks for policies by id, with the criteria each addresses', () => {
    const files = {
      ...validProgram(),
      'policies/a-file.mdx': validProgram()['policies/data-retention.mdx']!.replace(
        'kind: data-retention\n',
        'id: zz-last\ncriteria: [CC1.1, CC2.1]\n',
      ),
    };
    const policies = pbcRows(check(files)).filter((row) => row.type === 'policy');
    expect(policies.at(-1)).toMatchObject({ link: 'policies/zz-last', criterion: 'CC1.1; CC2.1' });
    expect(policies.map((row) => row.link)).toEqual([...policies.map((row) => row.link)].sort());
  });
});

describe('statuses from the findings alone', () => {
  const clean = () => check(monthly());

  it('takes the status a period’s finding names, whatever its cell says', () => {
    expect(periodic(withFinding(clean(), 'TB606', 'error', '2026-02'))[1]![2]).toBe('exception');
    expect(periodic(withFinding(clean(), 'TB601', 'error', '2026-02'))[1]![2]).toBe('missing');
    expect(periodic(withFinding(clean(), 'TB605', 'error', '2026-02'))[1]![2]).toBe('late');
    expect(periodic(withFinding(clean(), 'TB999', 'error', '2026-02'))[1]![2]).toBe('provided');
  });

  it('makes every row not current for an error or a deferred error about the whole series, never for a warning', () => {
    expect(periodic(withFinding(clean(), 'TB602', 'error')).map((row) => row[2])).toEqual(
      months.map(() => 'not current'),
    );
    expect(periodic(withFinding(clean(), 'TB602', 'warning', undefined, true))[0]![2]).toBe('not current');
    expect(periodic(withFinding(clean(), 'TB602', 'warning'))[0]![2]).toBe('provided');
    // Staleness (TB502) is about the next artifact, not the periods already in.
    expect(periodic(withFinding(clean(), 'TB502', 'error'))[0]![2]).toBe('provided');
  });

  it('makes a population not current for staleness, and for any error about the series', () => {
    const event = '\n  - { collected: 2026-03-06, location: "https://docs.test.example/chg.pdf" }\n';
    const clean = withoutFindings(check(perEvent(event)));
    const status = (result: CheckResult) => pbcRows(result).find((row) => row.control === 'BASE-01')!.status;
    expect(status(clean)).toBe('provided');
    expect(status(withFinding(clean, 'TB502', 'error'))).toBe('not current');
    expect(status(withFinding(clean, 'TB502', 'warning'))).toBe('provided');
    expect(status(withFinding(clean, 'TB502', 'error', '2026-03'))).toBe('provided');
  });

  it('says a population recorded without artifacts is in, and not current while an error stands against it', () => {
    const population = perEvent(
      ` []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, file: files/changes.csv, sha256: ${'b'.repeat(64)} }\n`,
    );
    const clean = withoutFindings(check(population));
    const status = (result: CheckResult) => pbcRows(result).find((row) => row.control === 'BASE-01')!.status;
    expect(status(clean)).toBe('provided');
    expect(status(withFinding(clean, 'TB403', 'error'))).toBe('not current');
  });

  it('orders the rows by control number', () => {
    const base = validProgram();
    const copy = (id: string) => base[CONTROL]!.replace('id: BASE-01', `id: ${id}`);
    const evidence = (id: string, control: string) =>
      base[EVIDENCE]!.replace('id: EV-BASE-01', `id: ${id}`).replace('controls: [BASE-01]', `controls: [${control}]`);
    const files = {
      ...base,
      'content/controls/BASE-10.mdx': copy('BASE-10'),
      'content/controls/BASE-2.mdx': copy('BASE-2'),
      'evidence-index/EV-A.mdx': evidence('EV-A', 'BASE-10'),
      'evidence-index/EV-B.mdx': evidence('EV-B', 'BASE-2'),
    };
    const rows = pbcRows(check(files)).filter((row) => row.type === 'periodic');
    // Each control is asked for its own series' two quarters, and no other series'.
    expect(rows.map((row) => row.control)).toEqual(['BASE-01', 'BASE-01', 'BASE-2', 'BASE-2', 'BASE-10', 'BASE-10']);
    expect(rows[0]!.criterion).toMatch(/^CC1\.1; CC1\.2; /);
  });
});
