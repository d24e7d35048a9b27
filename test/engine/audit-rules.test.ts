import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { seriesTimeline } from '../../src/engine/evidence-timeline.ts';
import { check, edit, findings, validProgram, without, writeProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const PEOPLE = 'content/people.yaml';
const POLICY = 'policies/information-security.mdx';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const ASSERTION = 'content/assertion.mdx';

const errors = (files: Files, asOf?: string) =>
  check(files, asOf ? { asOf } : {}).diagnostics.filter((d) => d.severity === 'error');

/** The test program's series made monthly, with one artifact for each month given. */
const monthly = (months: string[], extra = ''): Files => {
  const artifacts = months
    .map(
      (month) =>
        `  - { collected: ${month}-28, period: ${month}, location: "https://docs.test.example/${month}.pdf" }\n`,
    )
    .join('');
  return edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: monthly\nartifacts:\n${artifacts}${extra}`,
  );
};

describe('exclusions', () => {
  it('warns about a common criterion excluded with a substantive reason, and one also addressed by a control', () => {
    const files = edit(
      validProgram(),
      PROGRAM,
      'scope: [security]',
      'scope: [security]\nexcluded_criteria:\n  - { id: CC6.4, reason: "The company has no offices or data centres of its own; all hosting is carved out." }',
    );
    const result = check(files);
    expect(result.summary.errors).toBe(0);
    expect(findings(result, 'TB310')).toEqual([expect.objectContaining({ severity: 'warning', line: 7 })]);
    expect(findings(result, 'TB313')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('BASE-01') }),
    ]);
  });

  it('does not count a wholly excluded category as covered', () => {
    const files = edit(
      validProgram(),
      PROGRAM,
      'scope: [security]',
      'scope: [security, confidentiality]\nexcluded_criteria:\n  - { id: C1.1, reason: "The system holds no information designated confidential." }\n  - { id: C1.2, reason: "The system holds no information designated confidential." }',
    );
    const result = check(files);
    expect(findings(result, 'TB312')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('confidentiality') }),
    ]);
    expect(result.summary.coverage.find((c) => c.category === 'confidentiality')).toMatchObject({
      covered: 0,
      total: 2,
    });
  });
});

describe('when a control operated', () => {
  it('requires no period that ended before the control was implemented, and draws them as not in operation', () => {
    let files = monthly(['2026-04', '2026-05', '2026-06']);
    files = edit(files, CONTROL, 'frequency: monthly', 'frequency: monthly\nimplemented: 2026-04-01');
    const result = check(files);
    // Nothing is required of the months before, but nothing covered the criteria then either.
    const gaps = result.diagnostics.filter((d) => d.severity === 'error');
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.code).toBe('TB314');
      expect(gap.message).toMatch(/had no control in operation from 2026-01-01 to 2026-03-31/);
    }
    const series = result.model.evidence[0]!;
    const states = seriesTimeline(result.model, series, { start: '2026-01-01', end: '2026-06-30' }, '2026-07-15').map(
      (cell) => cell.state,
    );
    expect(states).toEqual(['not-required', 'not-required', 'not-required', 'present', 'present', 'present']);
  });

  it('still requires the periods after implementation', () => {
    let files = monthly(['2026-04', '2026-06']);
    files = edit(files, CONTROL, 'frequency: monthly', 'frequency: monthly\nimplemented: 2026-04-01');
    expect(findings(check(files), 'TB601').map((d) => d.subject?.period)).toEqual(['2026-05']);
  });

  it('does not count a control implemented after the evaluation date towards coverage', () => {
    const files = edit(
      validProgram(),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-09-01',
    );
    const result = check(files);
    expect(findings(result, 'TB808')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(findings(result, 'TB301').length).toBe(33);
  });

  it('needs no complete evidence for a planned control', () => {
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned'),
      EVIDENCE,
      /artifacts:\n(.*\n){2}/,
      'artifacts: []\n',
    );
    const result = check(files);
    expect(findings(result, 'TB402')).toEqual([]);
    expect(findings(result, 'TB601')).toEqual([]);
  });

  it('finds a quarterly review performed 80 days after the quarter late', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      '{ collected: 2026-04-05, period: 2026-Q1,',
      '{ collected: 2026-06-19, performed: 2026-06-19, period: 2026-Q1,',
    );
    expect(findings(check(files), 'TB605')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 8,
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-Q1' },
      }),
    ]);
  });

  it('takes an annual test performed inside the window as on time, though its report came later', () => {
    let files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: annual');
    files = edit(
      files,
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: annual\nartifacts:\n  - { collected: 2026-07-12, performed: 2026-06-10, location: "https://docs.test.example/pentest.pdf" }\n',
    );
    expect(errors(files)).toEqual([]);
  });

  it('refuses evidence collected before the control was performed', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      '{ collected: 2026-04-05, period: 2026-Q1,',
      '{ collected: 2026-03-30, performed: 2026-04-02, period: 2026-Q1,',
    );
    expect(findings(check(files), 'TB603')).toEqual([
      expect.objectContaining({ line: 8, message: expect.stringContaining('before the control was performed') }),
    ]);
  });
});

describe('exceptions', () => {
  const withException = (period: string) =>
    edit(
      monthly(['2026-01', '2026-02', '2026-04', '2026-05', '2026-06']),
      EVIDENCE,
      '---\n\nExported',
      `exceptions:\n  - { period: ${period}, description: "The March review was skipped during the office move.", disclosed: 2026-04-20, response: "The review was done in April and a reminder added.", remediated: 2026-04-21 }\n---\n\nExported`,
    );

  it('turns a disclosed missing period into a reported deviation, never into silence', () => {
    const result = check(withException('2026-03'));
    expect(findings(result, 'TB601')).toEqual([]);
    expect(findings(result, 'TB606')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: '2026-03' },
      }),
    ]);
    const cells = seriesTimeline(
      result.model,
      result.model.evidence[0]!,
      { start: '2026-01-01', end: '2026-06-30' },
      '2026-07-15',
    );
    expect(cells.find((cell) => cell.period.label === '2026-03')?.state).toBe('exception');
  });

  it('refuses an exception for a period outside the window', () => {
    expect(findings(check(withException('2025-11')), 'TB607')).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
  });
});

describe('frequencies', () => {
  it('accepts less frequent evidence when the series says why', () => {
    let files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly');
    files = edit(
      files,
      EVIDENCE,
      'frequency: quarterly',
      'frequency: quarterly\nfrequency_note: "Each quarterly export lists the review of every month."',
    );
    expect(findings(check(files), 'TB406')).toEqual([]);
  });

  it('refuses periodic evidence alone for a per-event control', () => {
    const files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event');
    expect(findings(check(files), 'TB406')).toEqual([expect.objectContaining({ line: 8 })]);
  });
});

describe('populations', () => {
  const perEvent = (population: string) =>
    edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts:\n  - { collected: 2026-03-02, location: "https://docs.test.example/chg.pdf" }\n${population}`,
    );

  it('accepts a population of the whole window exported after it ended', () => {
    expect(
      errors(
        perEvent(
          'population:\n  - { source: Tickets, exported: 2026-07-02, rows: 3, location: "https://docs.test.example/p.csv" }\n',
        ),
      ),
    ).toEqual([]);
  });

  it('accepts populations that together cover the window', () => {
    const files = perEvent(
      'population:\n  - { period: 2026-Q1, source: Tickets, exported: 2026-04-02, rows: 3, location: "https://docs.test.example/q1.csv" }\n  - { period: 2026-Q2, source: Tickets, exported: 2026-07-02, rows: 2, location: "https://docs.test.example/q2.csv" }\n',
    );
    expect(errors(files)).toEqual([]);
  });

  it('names the first day no population covers', () => {
    const files = perEvent(
      'population:\n  - { period: 2026-Q1, source: Tickets, exported: 2026-04-02, rows: 3, location: "https://docs.test.example/q1.csv" }\n',
    );
    expect(findings(check(files), 'TB403')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('does not cover 2026-04-01') }),
    ]);
  });

  it('takes rows: 0 with a note as the statement that no event occurred', () => {
    // The series' only record is of an event before the window: one inside it would contradict "no events" (TB413).
    const files = edit(
      perEvent(
        'population:\n  - { source: Incident tracker, exported: 2026-07-02, rows: 0, note: "No incident was declared in the window." }\n',
      ),
      EVIDENCE,
      'collected: 2026-03-02',
      'collected: 2025-11-20',
    );
    expect(errors(files)).toEqual([]);
  });

  it('requires the note that says how "no events" is known', () => {
    const files = perEvent('population:\n  - { source: Incident tracker, exported: 2026-07-02, rows: 0 }\n');
    expect(findings(check(files), 'TB104')).toEqual([
      expect.objectContaining({ file: EVIDENCE, message: expect.stringContaining('no event occurred') }),
    ]);
  });
});

describe('vendors and subservice organizations', () => {
  const vendor = (fields: string): Files => ({
    ...validProgram(),
    'content/vendors/cloudco.yaml': `id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nsubprocessor: true\nadded: 2025-01-01\nreviewed: 2026-03-01\n${fields}\n`,
  });

  it('finds a report stale a year on, and lets no bridge letter carry it past that year', () => {
    const stale = vendor('assurance: { type: soc2-type2, period_end: 2025-06-30 }');
    expect(findings(check(stale), 'TB504')).toEqual([expect.objectContaining({ severity: 'error' })]);
    // A letter reaching 15 months past the period, and past the evaluation date, is no letter at all.
    const bridged = vendor(
      'assurance:\n  type: soc2-type2\n  period_end: 2025-06-30\n  bridge_letter: { covers_until: 2026-09-30, location: "https://cloudco.example/bridge.pdf" }',
    );
    expect(findings(check(bridged), 'TB516')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('needs a carved-out subservice organization to have its SOC report and the controls relied on', () => {
    const result = check(vendor('carve_out: true\nassurance: { type: iso27001, expires: 2027-01-01 }'));
    expect(findings(result, 'TB512').map((d) => d.message)).toEqual([
      expect.stringContaining('no complementary subservice organization controls'),
      expect.stringContaining('no SOC 2 report'),
    ]);
  });

  it('checks the criteria of CSOCs and CUECs', () => {
    let files = vendor(
      'carve_out: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\ncsocs:\n  - { control: "Physical security of the data centres", criteria: [CC6.40] }',
    );
    files = edit(
      files,
      PROGRAM,
      'as_of:',
      'cuecs:\n  - { id: CUEC-1, control: "Customers remove their leavers", criteria: [CC6.2] }\nas_of:',
    );
    const result = check(files);
    expect(findings(result, 'TB202')).toEqual([
      expect.objectContaining({ file: 'content/vendors/cloudco.yaml', hint: expect.stringContaining('CC6.4') }),
    ]);
    expect(findings(result, 'TB512')).toEqual([]);
  });
});

describe("management's assertion", () => {
  it('is required once the window has ended', () => {
    const result = check(without(validProgram(), ASSERTION));
    expect(findings(result, 'TB306')).toEqual([expect.objectContaining({ file: ASSERTION, severity: 'error' })]);
    expect(findings(check(without(validProgram(), ASSERTION), { asOf: '2026-06-15' }), 'TB306')).toEqual([]);
  });

  it('speaks for the audit window, once it is over', () => {
    const files = edit(
      validProgram(),
      ASSERTION,
      'date: 2026-07-10\nsigned_by: ceo\nperiod: { start: 2026-01-01, end: 2026-06-30 }',
      'date: 2026-06-01\nsigned_by: ceo\nperiod: { start: 2026-01-01, end: 2026-05-31 }',
    );
    // Line 3 is the date (before the window ended), line 5 the period (not the window).
    expect(findings(check(files), 'TB307').map((d) => d.line)).toEqual([3, 5]);
  });
});

describe('dates an auditor would question', () => {
  it('warns about a policy in force before it was approved', () => {
    const files = edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-02-01');
    expect(findings(check(files), 'TB803')).toEqual([expect.objectContaining({ severity: 'warning', line: 8 })]);
  });

  it('warns that a policy not yet in force does not count as the required one', () => {
    const files = edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-09-01');
    const result = check(files);
    expect(findings(result, 'TB804')).toEqual([expect.objectContaining({ severity: 'warning', line: 8 })]);
    expect(findings(result, 'TB302')).toHaveLength(1);
  });

  it('warns that one artifact claiming six monthly periods evidences one of them', () => {
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: monthly\nartifacts:\n  - { collected: 2026-06-30, period: { start: 2026-01-01, end: 2026-06-30 }, location: "https://docs.test.example/h1.pdf" }\n',
    );
    const result = check(files);
    expect(findings(result, 'TB604')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 8,
        message: expect.stringContaining('evidences one occurrence, not 6'),
      }),
    ]);
    expect(findings(result, 'TB601')).toHaveLength(5);
  });

  it('warns about a background check long after hire', () => {
    const files = edit(validProgram(), PEOPLE, 'background_check: 2024-01-02', 'background_check: 2024-05-02');
    expect(findings(check(files), 'TB806')).toEqual([expect.objectContaining({ severity: 'warning', line: 5 })]);
  });
});

describe('offboarding', () => {
  const leaver = (fields: string) =>
    edit(
      validProgram(),
      PEOPLE,
      'trainings: [2025-02-01, 2026-02-01] }',
      `trainings: [2025-02-01, 2026-02-01], left: 2026-05-15${fields} }`,
    );

  it('accepts access removed by the deadline, and reports it removed late', () => {
    expect(findings(check(leaver(', access_removed: 2026-05-16')), 'TB513')).toEqual([]);
    expect(findings(check(leaver(', access_removed: 2026-05-20')), 'TB513')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('after the deadline 2026-05-16') }),
    ]);
  });

  it('follows the program’s deadline, and leaves leavers before the window and those not yet due alone', () => {
    const relaxed = edit(
      leaver(', access_removed: 2026-05-20'),
      PROGRAM,
      'warn_within_days: 30',
      'warn_within_days: 30\naccess_removal_days: 7',
    );
    expect(findings(check(relaxed), 'TB513')).toEqual([]);
    const before = edit(
      validProgram(),
      PEOPLE,
      'trainings: [2025-02-01, 2026-02-01] }',
      'trainings: [2025-02-01, 2026-02-01], left: 2025-11-15 }',
    );
    expect(findings(check(before), 'TB513')).toEqual([]);
    expect(findings(check(leaver(''), { asOf: '2026-05-16' }), 'TB513')).toEqual([]);
  });
});

describe('findings that point the right way', () => {
  it('reports a missing version as a missing field, and an approval day missing beside its approver as half an approval', () => {
    const version = check(edit(validProgram(), POLICY, 'version: "1.0"\n', ''));
    expect(version.diagnostics).toEqual([
      expect.objectContaining({ code: 'TB101', message: expect.stringContaining('is missing') }),
    ]);
    const approved = check(edit(validProgram(), POLICY, 'approved: 2026-03-01\n', ''));
    expect(approved.diagnostics).toEqual([
      expect.objectContaining({ code: 'TB215', message: expect.stringContaining('not when') }),
    ]);
  });

  it('suggests the criterion and the spelling meant', () => {
    const criterion = check(edit(validProgram(), CONTROL, 'criteria: [CC1.1,', 'criteria: [CC6.10, CC1.1,'));
    expect(findings(criterion, 'TB202')[0]?.hint).toMatch(/Did you mean `CC6.1`/);
    for (const [written, meant] of [
      ['Quarterly', 'quarterly'],
      ['semi-annual', 'semiannual'],
      ['event-driven', 'per-event'],
    ]) {
      const result = check(edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: ${written}`));
      expect(findings(result, 'TB104')[0]?.hint).toMatch(new RegExp(`Did you mean \`${meant}\``));
    }
  });

  it('checks cited points of focus against the catalog and the control’s criteria', () => {
    const files = edit(
      validProgram(),
      CONTROL,
      'policies: [information-security]',
      'points_of_focus: [CC6.1.3, CC6.1.99, A1.2.1]\npolicies: [information-security]',
    );
    expect(findings(check(files), 'TB210').map((d) => d.message)).toEqual([
      expect.stringContaining('of A1.2, which BASE-01 does not address'),
      expect.stringContaining('`CC6.1.99` is not a point of focus'),
    ]);
  });
});

describe('population files', () => {
  it('are verified like artifact files: present, unchanged, and listing as many events as `rows` says', () => {
    const csv = 'id,date\nCHG-1,2026-02-01\nCHG-2,2026-03-05\n';
    const sha = createHash('sha256').update(csv).digest('hex');
    const program = (rows: number, hash: string) =>
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        `frequency: per-event\nartifacts:\n  - { collected: 2026-03-06, location: "https://docs.test.example/chg.pdf" }\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: ${rows}, file: files/changes.csv, sha256: ${hash} }\n`,
      );
    const run = (files: Files) => {
      const root = mkdtempSync(join(tmpdir(), 'trustbook-population-'));
      try {
        writeProgram(root, { ...files, 'evidence-index/files/changes.csv': csv });
        return checkProject(root, { today: '2026-07-15' });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };
    expect(run(program(2, sha)).summary.errors).toBe(0);
    expect(findings(run(program(5, sha)), 'TB405')).toEqual([
      expect.objectContaining({ line: 10, message: expect.stringContaining('lists 2 events, but `rows` says 5') }),
    ]);
    expect(findings(run(program(1, sha)), 'TB405')).toEqual([
      expect.objectContaining({ line: 10, message: expect.stringContaining('lists 2 events, but `rows` says 1') }),
    ]);
    expect(findings(run(program(2, 'a'.repeat(64))), 'TB702')).toEqual([expect.objectContaining({ line: 10 })]);
  });
});
