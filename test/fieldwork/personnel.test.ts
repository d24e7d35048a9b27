import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workpaperCsv } from '../../src/fieldwork/render-workpaper.ts';
import { workpaper } from '../../src/fieldwork/workpaper.ts';
import { checkProject, type CheckResult } from '../../src/engine/index.ts';
import { drawSamples } from '../../src/engine/sampling.ts';
import { check, edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const PEOPLE = 'content/people.yaml';

/** Staff records added to the test program (window 2026-01-01 to 2026-06-30, as of 2026-07-15). */
const withStaff = (files: Files, ...records: string[]): Files =>
  edit(files, PEOPLE, /staff:\n/, `staff:\n${records.map((record) => `  - ${record}\n`).join('')}`);

/** The base control and series made a per-event series about a cohort, with the given artifacts and extra lines. */
function cohortSeries(cohort: 'new-hires' | 'leavers', artifacts = '', extra = ''): Files {
  return edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\ncohort: ${cohort}\nartifacts:\n${artifacts || '  - { collected: 2026-03-02, location: "https://docs.test.example/a.pdf" }\n'}${extra}`,
  );
}

const bea =
  '{ id: bea, role: security-lead, hired: 2026-03-02, background_check: 2026-02-20, access_granted: 2026-03-02, trainings: [2026-03-10] }';
const cal =
  '{ id: cal, role: security-lead, hired: 2025-05-01, background_check: 2025-04-20, trainings: [2025-02-01, 2026-02-01], left: 2026-04-30, access_removed: 2026-04-30 }';

/** Checks a program on disk, so that population exports are read. */
function checkOnDisk(files: Files): CheckResult {
  const root = mkdtempSync(join(tmpdir(), 'trustbook-personnel-'));
  try {
    writeProgram(root, files);
    return checkProject(root, { today: '2026-07-15' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A population export entry for the evidence series, with its file. */
function withExport(files: Files, csv: string, entry = ''): Files {
  const rows = csv.trim().split('\n').length - 1;
  return {
    ...edit(
      files,
      EVIDENCE,
      /---\n\nExported/,
      `population:\n  - { source: HR system, exported: 2026-07-01, rows: ${rows}, file: files/people.csv, sha256: ${sha(csv)}${entry} }\n---\n\nExported`,
    ),
    'evidence-index/files/people.csv': csv,
  };
}

describe('personnel populations', () => {
  it('take a cohort series’ population from the staff register when it has no export', () => {
    const files = withStaff(cohortSeries('new-hires'), bea);
    const result = check(files);
    expect(findings(result, 'TB403')).toEqual([]);
    const [sample] = drawSamples(result.model, '2026-07-15', 7);
    expect(sample).toMatchObject({ series: 'EV-BASE-01', kind: 'events', population: { size: 1 }, items: ['bea'] });
  });

  it('count only the window’s joiners (or leavers), up to the evaluation date', () => {
    const early =
      '{ id: old, role: ceo, hired: 2025-06-01, background_check: 2025-05-20, trainings: [2025-02-01, 2026-02-01] }';
    const files = withStaff(cohortSeries('leavers'), bea, cal, early);
    const [sample] = drawSamples(check(files).model, '2026-07-15', 7);
    expect(sample!.items).toEqual(['cal']);
  });

  it('reconcile an HR export with the register: a person missing from either side is named', () => {
    const csv = 'person,start_date\nbea,2026-03-02\nzed,2026-04-01\n';
    const newCal = '{ id: cal, role: ceo, hired: 2026-04-20, background_check: 2026-04-10, trainings: [2026-04-21] }';
    const files = withExport(withStaff(cohortSeries('new-hires'), bea, newCal), csv);
    const [finding, ...rest] = findings(checkOnDisk(files), 'TB408');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      file: EVIDENCE,
      subject: { kind: 'evidence', id: 'EV-BASE-01' },
    });
    expect(finding!.message).toContain('zed (not in content/people.yaml)');
    expect(finding!.message).toContain("among the register's new hires but not in the export: cal");
    expect(finding!.message).not.toContain('bea');
  });

  it('agree when the export and the register name the same people, by the `person` column', () => {
    const csv = 'ticket,person,last_day\nOFF-1,cal,2026-04-30\n';
    const files = withExport(withStaff(cohortSeries('leavers'), cal), csv);
    expect(findings(checkOnDisk(files), 'TB408')).toEqual([]);
  });

  it('are per-event: a cohort on a periodic series is reported', () => {
    const files = edit(validProgram(), EVIDENCE, 'frequency: quarterly\n', 'frequency: quarterly\ncohort: leavers\n');
    expect(findings(check(files), 'TB408')[0]!.message).toContain('is quarterly');
  });
});

describe('population rows', () => {
  const perEvent = (): Files =>
    edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      'frequency: per-event\nartifacts:\n  - { collected: 2026-03-02, sample: CHG-1, location: "https://docs.test.example/a.pdf" }\n',
    );

  it('dated outside the window are reported with their row and id', () => {
    const csv = 'id,created\nCHG-1,2026-02-01\nCHG-0,2025-12-30\nCHG-2,2026-05-05T10:00:00Z\n';
    const [finding] = findings(checkOnDisk(withExport(perEvent(), csv, ', date_column: created')), 'TB409');
    expect(finding).toMatchObject({ severity: 'error', file: EVIDENCE });
    expect(finding!.message).toContain('row 3 (CHG-0: 2025-12-30)');
    expect(finding!.message).not.toContain('CHG-2');
  });

  it('without a date, or without the named column, are reported too', () => {
    const undated = 'id,created\nCHG-1,soon\n';
    expect(
      findings(checkOnDisk(withExport(perEvent(), undated, ', date_column: created')), 'TB409')[0]!.message,
    ).toContain('no date (`soon`)');
    const csv = 'id,opened\nCHG-1,2026-02-01\n';
    expect(findings(checkOnDisk(withExport(perEvent(), csv, ', date_column: created')), 'TB409')[0]!.message).toContain(
      'has no column `created` (its columns: id, opened)',
    );
  });

  it('inside the window pass', () => {
    const csv = 'id,created\nCHG-1,2026-02-01\nCHG-2,2026-06-30\n';
    expect(findings(checkOnDisk(withExport(perEvent(), csv, ', date_column: created')), 'TB409')).toEqual([]);
  });
});

describe('onboarding and offboarding', () => {
  it('reports a new hire who started before the background check was completed', () => {
    const late =
      '{ id: dee, role: security-lead, hired: 2026-03-02, background_check: 2026-03-09, trainings: [2026-03-10] }';
    const [finding] = findings(check(withStaff(validProgram(), late)), 'TB514');
    expect(finding).toMatchObject({ severity: 'error', subject: { kind: 'person', id: 'dee' } });
    expect(finding!.message).toBe(
      'dee started work on 2026-03-02, before the background check was completed on 2026-03-09',
    );
  });

  it('reports a window hire screened long after starting once, as TB514, not also as an odd date (TB806)', () => {
    const late =
      '{ id: dee, role: security-lead, hired: 2026-02-02, background_check: 2026-03-20, trainings: [2026-02-10] }';
    const result = check(withStaff(validProgram(), late));
    expect(findings(result, 'TB514')).toHaveLength(1);
    expect(findings(result, 'TB806')).toEqual([]);
  });

  it('reports a new hire given access before screening, even when the check came before the first day', () => {
    const early =
      '{ id: dee, role: security-lead, hired: 2026-03-02, background_check: 2026-02-27, access_granted: 2026-02-25, trainings: [2026-03-10] }';
    expect(findings(check(withStaff(validProgram(), early)), 'TB514')[0]!.message).toContain(
      'was given access on 2026-02-25',
    );
    expect(findings(check(withStaff(validProgram(), bea)), 'TB514')).toEqual([]);
  });

  it('reports a new hire trained after the 30 days, and one who left untrained after the deadline', () => {
    const late =
      '{ id: dee, role: security-lead, hired: 2026-02-02, background_check: 2026-01-20, trainings: [2026-03-20] }';
    expect(findings(check(withStaff(validProgram(), late)), 'TB507')[0]!.message).toContain(
      'first security training was on 2026-03-20, after it was due (2026-03-04',
    );
    const gone =
      '{ id: dee, role: security-lead, hired: 2026-02-02, background_check: 2026-01-20, left: 2026-04-10, access_removed: 2026-04-10 }';
    expect(findings(check(withStaff(validProgram(), gone)), 'TB507')[0]!.message).toBe(
      'dee left on 2026-04-10 without the security training due 2026-03-04',
    );
  });

  it('reports late access removal until it is disclosed, and as a warning until remediated', () => {
    const late = cal.replace('access_removed: 2026-04-30', 'access_removed: 2026-05-06');
    const files = withStaff(cohortSeries('leavers'), late);
    expect(findings(check(files), 'TB513')[0]).toMatchObject({ severity: 'error' });
    const exception = (remediated: string) =>
      edit(
        files,
        EVIDENCE,
        /---\n\nExported/,
        `exceptions:\n  - { period: 2026-Q2, sample: cal, description: "Access removed six days late.", disclosed: 2026-05-10, response: "Offboarding now starts from the HR system."${remediated} }\n---\n\nExported`,
      );
    const open = findings(check(exception('')), 'TB513');
    expect(open).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('disclosed as an exception in EV-BASE-01, not yet remediated'),
      }),
    ]);
    expect(findings(check(exception(', remediated: 2026-05-20')), 'TB513')).toEqual([]);
  });
});

describe('the mock audit’s personnel section', () => {
  it('tests each new hire and leaver from the findings about them', () => {
    const unscreened =
      '{ id: dee, role: security-lead, hired: 2026-03-02, background_check: 2026-03-09, trainings: [2026-03-10] }';
    const files = withStaff(validProgram(), bea, cal, unscreened);
    const paper = workpaper(check(files));
    expect(paper.personnel!.newHires.map((test) => [test.person, test.result])).toEqual([
      ['bea', 'no exception'],
      ['dee', 'evidence missing'],
    ]);
    expect(paper.personnel!.newHires[1]!.findings[0]).toContain('TB514');
    expect(paper.personnel!.leavers.map((test) => [test.person, test.result])).toEqual([['cal', 'no exception']]);
    expect(paper.personnel!.leavers[0]!.facts).toEqual([{ label: 'Access removed', value: '2026-04-30, in time' }]);
    expect(workpaperCsv(paper)).toContain(
      'personnel: leavers,,inspection,,1,cal,"Access removed: 2026-04-30, in time",no exception',
    );
  });

  it('shows a disclosed deviation as an exception, not a pass', () => {
    const late = cal.replace('access_removed: 2026-04-30', 'access_removed: 2026-05-06');
    const files = edit(
      withStaff(cohortSeries('leavers'), late),
      EVIDENCE,
      /---\n\nExported/,
      `exceptions:\n  - { period: 2026-Q2, sample: cal, description: "Access removed six days late.", disclosed: 2026-05-10, response: "Fixed.", remediated: 2026-05-20 }\n---\n\nExported`,
    );
    const [leaver] = workpaper(check(files)).personnel!.leavers;
    expect(leaver).toMatchObject({ person: 'cal', result: 'exception disclosed' });
    expect(leaver!.exceptions[0]!.description).toBe('Access removed six days late.');
  });
});
