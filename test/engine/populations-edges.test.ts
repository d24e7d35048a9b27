/**
 * The population rule and its helpers called directly, on a small model: the period a population claims, the
 * part of the window due by the evaluation date (30 grace days), the first day no population covers (one-day
 * gaps and overlaps, periods in any order), an export made before its period ended or covering a period outside
 * the window (the first and last day either side), evidence of an event inside the window, rows dated outside
 * their population's period, and a personnel series' export against the staff register. Entries are written in
 * block style, so a finding pointing at the wrong key shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import type { ArtifactFileState, ProgramModel } from '../../src/engine/model.ts';
import {
  firstUncoveredDay,
  populationPeriod,
  populationRule,
  POPULATION_GRACE_DAYS,
  requiredPopulationRange,
} from '../../src/engine/rules/populations.ts';
import type { PopulationData } from '../../src/schema/index.ts';
import { PEOPLE, peopleYaml, programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const EVIDENCE = 'evidence-index/EV-CHG.mdx';
const SHA = 'a'.repeat(64);
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };
const AS_OF = '2026-08-15';

/** One population entry in block style, its keys in the order given. */
const entry = (fields: Record<string, string | number>) =>
  Object.entries(fields)
    .map(([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${value}`)
    .join('\n');

/** An entry kept elsewhere: lines `source`, `period` (when given), `exported`, `rows`, `location`. */
const located = (period: string | undefined, exported = '2026-07-02') =>
  entry({
    source: 'Tickets',
    ...(period === undefined ? {} : { period }),
    exported,
    rows: 2,
    location: 'https://x.example/a.csv',
  });

/** An entry for an export in the repository: lines `source`, `exported`, `rows`, `file`, `sha256`, then `extra`. */
const kept = (rows: number, extra: Record<string, string> = {}) =>
  entry({ source: 'HR system', exported: '2026-07-02', rows, file: 'files/a.csv', sha256: SHA, ...extra });

const artifact = (day: string) => `  - { collected: ${day}, location: "https://x.example/r.pdf" }`;

interface Series {
  population?: string[];
  /** Artifacts, one a line; one inside the window unless given. */
  artifacts?: string[];
  frequency?: string;
  cohort?: string;
  control?: string;
  audit?: string;
  staff?: string[];
  /** The export `files/a.csv`: CSV text, or a state as it is. */
  csv?: string | ArtifactFileState | undefined;
}

function csvState(text: string): ArtifactFileState {
  const [header, ...lines] = text.trim().split('\n');
  const rows = lines.map((line) => line.split(','));
  return {
    status: 'present',
    sha256: SHA,
    csvIds: rows.map((row) => row[0] ?? ''),
    csvHeader: header!.split(','),
    csvRows: rows,
  };
}

/**
 * EV-CHG (lines: 1 `---`, 2 id, 3 title, 4 controls, 5 owner, 6 frequency, then `cohort`, `artifacts` and
 * `population`, each a line and its items), the series of CHG-01.
 */
function modelOf(series: Series): ProgramModel {
  const frequency = series.frequency ?? 'per-event';
  const list = (key: string, items: string[] | undefined) =>
    items === undefined ? '' : items.length === 0 ? `${key}: []\n` : `${key}:\n${items.join('\n')}\n`;
  const model = smallModel({
    'content/program.yaml': series.audit ? programYaml('', series.audit) : programYaml(),
    ...(series.staff ? { [PEOPLE]: peopleYaml(series.staff) } : {}),
    'content/controls/CHG-01.mdx': `---\nid: CHG-01\ntitle: Changes approved\ncriteria: [CC8.1]\nowner: engineer\nfrequency: ${frequency}\n${series.control ?? ''}---\n\nEvery change is approved.\n`,
    [EVIDENCE]: `---\nid: EV-CHG\ntitle: Change records\ncontrols: [CHG-01]\nowner: engineer\nfrequency: ${frequency}\n${series.cohort ? `cohort: ${series.cohort}\n` : ''}${list('artifacts', series.artifacts ?? [artifact('2026-03-02')])}${list('population', series.population)}---\n\nKept.\n`,
  });
  if (series.csv !== undefined) {
    model.artifactFiles.set('files/a.csv', typeof series.csv === 'string' ? csvState(series.csv) : series.csv);
  }
  return model;
}

const run = (series: Series, asOf = AS_OF, readiness = false) =>
  populationRule(modelOf(series), ruleContext(asOf, { readiness }));

/** Each finding as `code line message`. */
const shown = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.line} ${d.message}`);
const codes = (found: Diagnostic[]) => found.map((d) => d.code);

describe('the period a population claims', () => {
  const population = (period?: string) => ({ period, source: 's', exported: '2026-07-01', rows: 1 }) as PopulationData;

  it('is the audit window when it states none, and its own period when it does', () => {
    expect(populationPeriod(population(), WINDOW)).toEqual({ label: '2026-01-01..2026-06-30', ...WINDOW });
    expect(populationPeriod(population('2026-Q2'), WINDOW)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });
});

describe('the part of the window populations must cover by now', () => {
  it(`is the window once its end is ${POPULATION_GRACE_DAYS} days past, else up to the evaluation date less those days`, () => {
    expect(requiredPopulationRange(WINDOW, '2026-07-30')).toEqual({ label: '2026-01-01..2026-06-30', ...WINDOW });
    expect(requiredPopulationRange(WINDOW, '2026-07-29')).toEqual({
      label: '2026-01-01..2026-06-29',
      start: '2026-01-01',
      end: '2026-06-29',
    });
    expect(requiredPopulationRange(WINDOW, '2026-01-31')).toMatchObject({ start: '2026-01-01', end: '2026-01-01' });
    expect(requiredPopulationRange(WINDOW, '2026-01-30')).toBeUndefined();
  });

  it('holds for every evaluation date: it ends on the earlier of the window’s end and 30 days before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 260 }), (days) => {
        const asOf = addDays('2026-01-15', days);
        const dueBy = addDays(asOf, -POPULATION_GRACE_DAYS);
        const range = requiredPopulationRange(WINDOW, asOf);
        if (dueBy < WINDOW.start) expect(range).toBeUndefined();
        else expect(range?.end).toBe(dueBy < WINDOW.end ? dueBy : WINDOW.end);
      }),
      { numRuns: 40 },
    );
  });

  it('starts when the control was implemented, and ends when it was retired, inside the window only', () => {
    const asOf = '2026-09-01';
    expect(requiredPopulationRange(WINDOW, asOf, '2026-03-05')).toMatchObject({ start: '2026-03-05', end: WINDOW.end });
    expect(requiredPopulationRange(WINDOW, asOf, '2025-11-01')).toMatchObject({ start: WINDOW.start });
    expect(requiredPopulationRange(WINDOW, asOf, WINDOW.start)).toMatchObject({ start: WINDOW.start });
    expect(requiredPopulationRange(WINDOW, asOf, undefined, '2026-05-10')).toMatchObject({ end: '2026-05-10' });
    expect(requiredPopulationRange(WINDOW, asOf, undefined, '2026-08-10')).toMatchObject({ end: WINDOW.end });
    expect(requiredPopulationRange(WINDOW, asOf, '2026-05-10', '2026-05-10')).toMatchObject({
      start: '2026-05-10',
      end: '2026-05-10',
    });
    expect(requiredPopulationRange(WINDOW, asOf, '2026-05-11', '2026-05-10')).toBeUndefined();
  });
});

describe('the first day no population covers', () => {
  const period = (start: string, end: string) => ({ label: `${start}..${end}`, start, end });
  const range = period('2026-01-01', '2026-06-30');

  it('is none when periods meet or overlap, in any order, and the day after a one-day gap', () => {
    const q1 = period('2026-01-01', '2026-03-31');
    const q2 = period('2026-04-01', '2026-06-30');
    expect(firstUncoveredDay(range, [q2, q1])).toBeUndefined();
    expect(firstUncoveredDay(range, [period('2026-01-01', '2026-04-10'), q2])).toBeUndefined();
    expect(firstUncoveredDay(range, [q1, period('2026-04-02', '2026-06-30')])).toBe('2026-04-01');
    expect(firstUncoveredDay(range, [period('2026-01-02', '2026-06-30')])).toBe('2026-01-01');
    expect(firstUncoveredDay(range, [period('2025-12-01', '2026-06-29')])).toBe('2026-06-30');
    expect(firstUncoveredDay(range, [])).toBe('2026-01-01');
  });

  it('ignores a period inside one already counted, and one wholly after a gap', () => {
    const periods = [
      period('2026-01-01', '2026-05-31'),
      period('2026-02-01', '2026-02-28'),
      period('2026-06-15', '2026-06-30'),
    ];
    expect(firstUncoveredDay(range, periods)).toBe('2026-06-01');
    expect(periods.map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01', '2026-06-15']);
    expect(firstUncoveredDay(period('2026-01-01', '2026-01-31'), [period('2026-01-01', '2026-12-31')])).toBeUndefined();
    const unsorted = [
      period('2026-04-02', '2026-06-30'),
      period('2026-01-01', '2026-03-31'),
      period('2026-04-01', '2026-04-01'),
    ];
    expect(firstUncoveredDay(range, unsorted)).toBeUndefined();
    expect(unsorted.map((p) => p.start)).toEqual(['2026-04-02', '2026-01-01', '2026-04-01']);
  });

  it('holds over one-day gaps and overlaps anywhere in the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 170 }), fc.integer({ min: -2, max: 2 }), (split, shift) => {
        const end = addDays(range.start, split);
        const next = addDays(end, 1 + shift);
        const found = firstUncoveredDay(range, [period(next, range.end), period(range.start, end)]);
        expect(found).toBe(shift > 0 ? addDays(end, 1) : undefined);
      }),
      { numRuns: 40 },
    );
  });
});

describe('what the rule looks at', () => {
  it('says nothing for a Type I audit, a planned control, or a periodic series without a cohort', () => {
    expect(run({ audit: 'type: I\n  date: 2026-06-30' })).toEqual([]);
    expect(run({ control: 'status: planned\n' })).toEqual([]);
    expect(run({ frequency: 'quarterly' })).toEqual([]);
  });
});

describe('a per-event series without a population for the window (TB403)', () => {
  it('is reported on `frequency` when it has none, as an error, or a deferred warning while getting ready', () => {
    const found = run({});
    expect(shown(found)).toEqual([
      'TB403 6 EV-CHG is per-event and has no population for the audit window: the auditor cannot sample its events',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', file: EVIDENCE, subject: { kind: 'evidence', id: 'EV-CHG' } });
    expect(found[0]!.deferred).toBeUndefined();
    expect(run({}, AS_OF, true)[0]).toMatchObject({ severity: 'warning', deferred: true });
  });

  it('is reported on `population` with the days left out, up to the end of what is due', () => {
    expect(shown(run({ population: [located('2026-Q1')] }))).toEqual([
      'TB403 9 the population of EV-CHG does not cover 2026-04-01 to 2026-06-30',
    ]);
    expect(shown(run({ population: [located('2026-Q1')] }, '2026-05-15'))).toEqual([
      'TB403 9 the population of EV-CHG does not cover 2026-04-01 to 2026-04-15',
    ]);
    expect(run({ population: [located('2026-Q1')] }, '2026-04-30')).toEqual([]);
  });

  it('is not reported before anything is due, for a control retired when the export ends, or for a cohort read from the register', () => {
    expect(run({}, '2026-01-30')).toEqual([]);
    expect(run({ population: [located('2026-Q1')], control: 'retired: 2026-03-31\n' })).toEqual([]);
    expect(run({ population: [located('2026-Q1')], control: 'retired: 2026-04-01\n' }).map((d) => d.message)).toEqual([
      'the population of EV-CHG does not cover 2026-04-01 to 2026-04-01',
    ]);
    expect(
      run({
        cohort: 'new-hires',
        staff: ['{ id: bea, role: engineer, hired: 2026-03-02, background_check: 2026-02-20 }'],
      }),
    ).toEqual([]);
  });

  it('does not count an export made before its period ended, nor one of a period outside the window', () => {
    const found = run({ population: [located(undefined, '2026-06-29')] });
    expect(codes(found)).toEqual(['TB405', 'TB403']);
  });
});

describe('a population whose period does not exist', () => {
  // 2025 has 52 ISO weeks: the schema takes the label, but it names no days.
  it('covers nothing and is judged by no other check', () => {
    const found = run({
      population: [kept(2, { period: '2025-W53', date_column: 'created' })],
      csv: 'id,created\nCHG-1,2024-01-01\n',
    });
    expect(shown(found)).toEqual(['TB403 9 the population of EV-CHG does not cover 2026-01-01 to 2026-06-30']);
  });

  it('is left out of a personnel series’ comparison', () => {
    const bea = '{ id: bea, role: engineer, hired: 2026-03-02, background_check: 2026-02-20 }';
    const cal = '{ id: cal, role: engineer, hired: 2026-04-20, background_check: 2026-04-10 }';
    const q1 = kept(1, { period: '2026-Q1' });
    const week = entry({ period: '2025-W53', source: 'HR system', exported: '2026-07-02', rows: 0, note: 'None.' });
    const found = run({ cohort: 'new-hires', population: [week, q1], csv: 'person\nbea\n', staff: [bea, cal] });
    expect(found.map((d) => d.code)).toEqual(['TB403']);
  });
});

describe('a population that cannot be complete (TB405)', () => {
  it('is reported on `exported` when exported the day before its period ends, and not when on the day', () => {
    expect(shown(run({ population: [located('2026-Q1', '2026-03-30'), located('2026-Q2')] }))).toEqual([
      'TB405 12 the population from Tickets was exported 2026-03-30, before the end of the period it lists (2026-03-31): events after the export are missing from it',
      'TB403 9 the population of EV-CHG does not cover 2026-01-01 to 2026-06-30',
    ]);
    expect(run({ population: [located('2026-Q1', '2026-03-31'), located('2026-Q2')] })).toEqual([]);
  });

  it('is reported on `period` for a period wholly before or after the window, and not for one sharing its first or last day', () => {
    const outside = (period: string) => run({ population: [located(period), located(undefined)] });
    expect(shown(outside('{ start: 2025-12-01, end: 2025-12-31 }'))).toEqual([
      'TB405 11 the population from Tickets covers 2025-12-01..2025-12-31, outside the audit window 2026-01-01 to 2026-06-30',
    ]);
    expect(codes(outside('{ start: 2026-07-01, end: 2026-07-02 }'))).toEqual(['TB405']);
    expect(outside('{ start: 2025-12-01, end: 2026-01-01 }')).toEqual([]);
    expect(outside('{ start: 2026-06-30, end: 2026-07-01 }')).toEqual([]);
  });
});

describe('a per-event series without evidence in the window (TB404)', () => {
  const whole = [located(undefined)];

  it('is reported on `artifacts` when every artifact is outside the window, the day before or the day after', () => {
    expect(shown(run({ population: whole, artifacts: [artifact('2025-12-31'), artifact('2026-07-01')] }))).toEqual([
      'TB404 7 EV-CHG has no artifact of an event inside the audit window 2026-01-01 to 2026-06-30',
    ]);
    expect(
      run({ population: whole, artifacts: [artifact('2025-12-31'), artifact('2026-07-01')] }, AS_OF, true)[0],
    ).toMatchObject({ severity: 'warning', deferred: true });
  });

  it('is not reported when one artifact of several is inside the window', () => {
    expect(run({ population: whole, artifacts: [artifact('2025-12-31'), artifact('2026-03-02')] })).toEqual([]);
  });

  it('is not reported for an artifact on the first or the last day of the window', () => {
    expect(run({ population: whole, artifacts: [artifact('2026-01-01')] })).toEqual([]);
    expect(run({ population: whole, artifacts: [artifact('2026-06-30')] })).toEqual([]);
  });

  it('is not reported without artifacts, when every population says no events, or before anything is due', () => {
    expect(run({ population: whole, artifacts: [] })).toEqual([]);
    const none = entry({ source: 'Tickets', exported: '2026-07-02', rows: 0, note: 'Nothing changed.' });
    expect(run({ population: [none], artifacts: [artifact('2025-12-31')] })).toEqual([]);
    expect(
      run({ population: [none, located('2026-Q2')], artifacts: [artifact('2025-12-31')] }).map((d) => d.code),
    ).toEqual(['TB404']);
    expect(run({ population: whole, artifacts: [artifact('2025-12-31')] }, '2026-01-30')).toEqual([]);
  });

  it('is reported beside TB403 for a series with no population at all', () => {
    expect(codes(run({ artifacts: [artifact('2025-12-31')] }))).toEqual(['TB403', 'TB404']);
  });
});

describe('rows dated outside their population’s period (TB409)', () => {
  const rows = (csv: string, extra: Record<string, string> = { date_column: 'created' }) =>
    run({ population: [kept(2, extra)], csv });

  it('names each row outside the period or without a date, on the `date_column` line', () => {
    const found = rows(
      'id,created\nCHG-1,2026-01-01\nCHG-2,2025-12-31\nCHG-3,2026-06-30T23:00:00Z\nCHG-4,2026-07-01\nCHG-5,soon\nCHG-6,2026-13-01\n',
    );
    expect(shown(found)).toEqual([
      'TB409 15 4 rows of `evidence-index/files/a.csv` are not dated inside 2026-01-01 to 2026-06-30: row 3 (CHG-2: 2025-12-31), row 5 (CHG-4: 2026-07-01), row 6 (CHG-5: no date (`soon`)) and 1 more',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', file: EVIDENCE, subject: { kind: 'evidence', id: 'EV-CHG' } });
  });

  it('reads a short row as undated and judges against the population’s own period', () => {
    const found = run({
      population: [kept(2, { period: '2026-Q2', date_column: 'created' }), located('2026-Q1')],
      csv: 'id,created\nCHG-1,2026-03-31\nCHG-2\n,2026-04-01\n',
    });
    expect(found.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual([
      'row 2 (CHG-1: 2026-03-31), row 3 (CHG-2: no date (``))',
    ]);
  });

  it('reads a date in the first column, a date written another way as none, and a record without fields', () => {
    const found = run({
      population: [kept(2, { date_column: 'created' })],
      csv: 'created,id\n2026-02-01,CHG-1\n2026/03/05,CHG-2\n2025-12-31,CHG-3\n',
    });
    expect(found.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual([
      'row 3 (2026/03/05: no date (`2026/03/05`)), row 4 (2025-12-31: 2025-12-31)',
    ]);
    const state = {
      status: 'present',
      sha256: SHA,
      csvIds: [''],
      csvHeader: ['id', 'created'],
      csvRows: [[]],
    } as const;
    const empty = run({
      population: [kept(2, { date_column: 'created' })],
      csv: state as unknown as ArtifactFileState,
    });
    expect(empty.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual(['row 2 (: no date (``))']);
  });

  it('says nothing when every row is dated inside the period', () => {
    expect(rows('id,created\nCHG-1,2026-01-01\nCHG-2,2026-06-30\n')).toEqual([]);
  });

  it('reports a column the export does not have, with the columns it has', () => {
    expect(shown(rows('id,opened\nCHG-1,2026-02-01\n'))).toEqual([
      'TB409 15 `evidence-index/files/a.csv` has no column `created` (its columns: id, opened)',
    ]);
  });

  it('says nothing without `date_column`, for an export not read, or for a file that is no table', () => {
    expect(rows('id,created\nCHG-1,2025-01-01\n', {})).toEqual([]);
    expect(run({ population: [kept(2, { date_column: 'created' })] })).toEqual([]);
    expect(run({ population: [kept(2, { date_column: 'created' })], csv: { status: 'missing' } })).toEqual([]);
    expect(run({ population: [kept(2, { date_column: 'created' })], csv: { status: 'present', sha256: SHA } })).toEqual(
      [],
    );
    expect(
      run({
        population: [kept(2, { date_column: 'created' })],
        csv: { status: 'present', sha256: SHA, csvHeader: ['id'] },
      }),
    ).toEqual([]);
  });
});

describe('a personnel series against the staff register (TB408)', () => {
  const bea = '{ id: bea, role: engineer, hired: 2026-03-02, background_check: 2026-02-20 }';
  const cal = '{ id: cal, role: engineer, hired: 2026-04-20, background_check: 2026-04-10 }';
  const dan = '{ id: dan, role: engineer, hired: 2025-05-01, background_check: 2025-04-20 }';
  const eve = '{ id: eve, role: engineer, hired: 2025-05-01, background_check: 2025-04-20, left: 2026-05-01 }';
  const cohort = (
    csv: string | ArtifactFileState | undefined,
    staff = [bea, cal, dan, eve],
    more: Partial<Series> = {},
  ) => run({ cohort: 'new-hires', population: [kept(2)], csv, staff, ...more });

  it('names who is in the export but not among the window’s joiners, and who is missing from it, on `cohort`', () => {
    const found = cohort('person\nbea\nzed\ndan\n');
    expect(shown(found)).toEqual([
      "TB408 7 the population of EV-CHG and content/people.yaml disagree on the new hires of the window: in the export but not among the register's new hires: zed (not in content/people.yaml), dan (2025-05-01); among the register's new hires but not in the export: cal",
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', file: EVIDENCE, subject: { kind: 'evidence', id: 'EV-CHG' } });
  });

  it('reads the `person` column, in any case, else the first; and names a leaver without a `left` date', () => {
    expect(cohort('ticket,Person\nT-1,bea\nT-2,cal\n')).toEqual([]);
    const leavers = run({ cohort: 'leavers', population: [kept(2)], csv: 'id\neve\nbea\n', staff: [bea, eve] });
    expect(leavers.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual([
      "in the export but not among the register's leavers: bea (no `left` date)",
    ]);
  });

  it('counts the people of the periods the exports cover, and those a "no events" entry covers', () => {
    const none = entry({
      period: '2026-Q2',
      source: 'HR system',
      exported: '2026-07-02',
      rows: 0,
      note: 'No one joined.',
    });
    const q1 = kept(1, { period: '2026-Q1' });
    expect(run({ cohort: 'new-hires', population: [q1, none], csv: 'person\nbea\n', staff: [bea] })).toEqual([]);
    const missed = run({ cohort: 'new-hires', population: [q1, none], csv: 'person\nbea\n', staff: [bea, cal] });
    expect(missed.map((d) => d.message.split(': ').at(-1))).toEqual(['cal']);
    expect(
      run({ cohort: 'new-hires', population: [q1], csv: 'person\nbea\n', staff: [bea, cal] }).map((d) => d.code),
    ).toEqual(['TB403']);
  });

  it('compares nothing when an export is not in the repository, when no population has a period, or without a people file', () => {
    expect(cohort(undefined).map((d) => d.code)).toEqual([]);
    expect(cohort({ status: 'present', sha256: SHA })).toEqual([]);
    expect(run({ cohort: 'new-hires', population: [kept(2)], csv: 'person\nzed\n' })).toEqual([]);
  });

  it('counts a joiner on the first or the last day of an export’s period, and not one outside every period', () => {
    const first = '{ id: bea, role: engineer, hired: 2026-04-01, background_check: 2026-03-20 }';
    const last = '{ id: cal, role: engineer, hired: 2026-06-30, background_check: 2026-06-20 }';
    const before = '{ id: dan, role: engineer, hired: 2026-03-31, background_check: 2026-03-20 }';
    const found = run({
      cohort: 'new-hires',
      population: [kept(2, { period: '2026-Q2' })],
      csv: 'person\nbea\ncal\n',
      staff: [first, last, before],
    });
    expect(found.map((d) => d.code)).toEqual(['TB403']);
  });

  it('is not reported for a per-event series without a cohort, whoever joined or left', () => {
    const eve = '{ id: eve, role: engineer, hired: 2025-05-01, background_check: 2025-04-20, left: 2026-05-01 }';
    expect(run({ population: [kept(2)], csv: 'id\nCHG-1\n', staff: [eve] })).toEqual([]);
  });

  it('is reported on `cohort` for a periodic series, whatever else it holds', () => {
    const found = run({ cohort: 'leavers', frequency: 'quarterly', staff: [eve] });
    expect(shown(found)).toEqual([
      "TB408 7 EV-CHG names the cohort `leavers` but is quarterly: a cohort's events are people joining or leaving",
    ]);
  });
});
