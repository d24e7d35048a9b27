/**
 * The population-records rule called on a small model, at the edges population-records.test.ts leaves open:
 * each finding's message and line (population entries written in block style, so a finding pointing at the
 * wrong key or entry shows), the first and last day of a period said to have no events and the days either side,
 * exports that overlap by one day or meet, and the months of a dated export clipped to the window, to the
 * control's operation and to the day before the evaluation date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import type { ArtifactFileState, ProgramModel } from '../../src/engine/model.ts';
import { BUSY_MONTH_EVENTS, populationRecordsRule } from '../../src/engine/rules/population-records.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const EVIDENCE = 'evidence-index/EV-CHG.mdx';
const SHA = 'a'.repeat(64);

/** One population entry in block style, its keys in the order given. */
const entry = (fields: Record<string, string | number>) =>
  Object.entries(fields)
    .map(([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${value}`)
    .join('\n');

/** An entry for an export kept in the repository: lines `source`, `exported`, `rows`, `file`, `sha256`, then `extra`. */
const kept = (file: string, rows: number, extra: Record<string, string> = {}) =>
  entry({ source: 'Tickets', exported: '2026-07-02', rows, file: `files/${file}`, sha256: SHA, ...extra });

/** An entry saying no event occurred: lines `period`, `source`, `exported`, `rows`, `note`. */
const noEvents = (period: string) =>
  entry({ period, source: 'Tickets', exported: '2026-07-02', rows: 0, note: 'The change queue was empty.' });

interface Series {
  /** The population entries; the first starts on line 9 when there are no artifacts. */
  population: string[];
  /** Artifacts, one flow mapping a line (each adds a line before the population). */
  artifacts?: string[];
  exceptions?: string[];
  /** Lines added to the control (`implemented`, `retired`, `status`). */
  control?: string;
  /** The program's `audit` lines. */
  audit?: string;
  /** The exports in the repository, by file under `files/`: CSV text, or a state as it is. */
  exports?: Record<string, string | ArtifactFileState>;
  /** Keep no line numbers for the exports' records. */
  noLines?: boolean;
}

/** A CSV export as the loader records it: header, records (fields trimmed), ids, and each record's line. */
function csvState(text: string, keepLines: boolean): ArtifactFileState {
  const lines = text.split('\n');
  const records = lines.flatMap((line, index) => (index === 0 || line === '' ? [] : [{ line, at: index + 1 }]));
  const rows = records.map(({ line }) => line.split(',').map((field) => field.trim()));
  return {
    status: 'present',
    sha256: SHA,
    csvRecords: rows.length,
    csvIds: rows.map((row) => row[0] ?? ''),
    csvHeader: lines[0]!.split(','),
    csvRows: rows,
    ...(keepLines ? { csvLines: records.map(({ at }) => at) } : {}),
  };
}

function modelOf(series: Series): ProgramModel {
  const list = (key: string, items: string[] | undefined) =>
    items === undefined ? '' : items.length === 0 ? `${key}: []\n` : `${key}:\n${items.join('\n')}\n`;
  const model = smallModel({
    'content/program.yaml': series.audit ? programYaml('', series.audit) : programYaml(),
    'content/controls/CHG-01.mdx': `---\nid: CHG-01\ntitle: Changes approved\ncriteria: [CC8.1]\nowner: engineer\nfrequency: per-event\n${series.control ?? ''}---\n\nEvery change is approved.\n`,
    [EVIDENCE]: `---\nid: EV-CHG\ntitle: Change records\ncontrols: [CHG-01]\nowner: engineer\nfrequency: per-event\n${list('artifacts', series.artifacts ?? [])}${list('population', series.population)}${list('exceptions', series.exceptions)}---\n\nKept.\n`,
  });
  for (const [file, csv] of Object.entries(series.exports ?? {})) {
    model.artifactFiles.set(`files/${file}`, typeof csv === 'string' ? csvState(csv, !series.noLines) : csv);
  }
  return model;
}

const run = (series: Series, asOf = '2026-07-15') => populationRecordsRule(modelOf(series), ruleContext(asOf));

/** Each finding as `code line message`. */
const shown = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.line} ${d.message}`);

const codes = (found: Diagnostic[]) => found.map((d) => d.code);

describe('what the rule looks at', () => {
  const twice = { population: [kept('a.csv', 2)], exports: { 'a.csv': 'id\nCHG-1\nCHG-1\n' } };

  it('judges a per-event series of an implemented control in a Type II audit, about the series', () => {
    const found = run(twice);
    expect(codes(found)).toEqual(['TB410']);
    expect(found[0]).toMatchObject({ file: EVIDENCE, subject: { kind: 'evidence', id: 'EV-CHG' } });
  });

  it('says nothing for a Type I audit, a planned control, or a series without a population', () => {
    expect(run({ ...twice, audit: 'type: I\n  date: 2026-06-30' })).toEqual([]);
    expect(run({ ...twice, control: 'status: planned\n' })).toEqual([]);
    expect(run({ population: [] })).toEqual([]);
  });

  it('reads only exports in the repository whose records were read: not a missing file, nor a file without ids', () => {
    expect(run({ population: [kept('a.csv', 2)], exports: { 'a.csv': { status: 'missing' } } })).toEqual([]);
    expect(run({ population: [kept('a.csv', 2)], exports: { 'a.csv': { status: 'present', sha256: SHA } } })).toEqual(
      [],
    );
    const elsewhere = entry({
      source: 'Tickets',
      exported: '2026-07-02',
      rows: 2,
      location: 'https://x.example/a.csv',
    });
    expect(run({ population: [elsewhere], exports: { 'a.csv': 'id\nCHG-1\nCHG-1\n' } })).toEqual([]);
  });
});

describe('a period that does not exist', () => {
  // 2025 has 52 ISO weeks: the schema takes the label, but it names no days.
  const located = (period: string, name: string) =>
    entry({ source: 'Tickets', period, exported: '2026-07-02', rows: 2, location: `https://x.example/${name}.csv` });

  it('is skipped by every check, and the entries around it are still judged', () => {
    const found = run({
      artifacts: ['  - { collected: 2026-02-03, location: "https://x.example/r.pdf" }'],
      population: [
        located('2026-Q1', 'a'),
        noEvents('2025-W53'),
        located('2026-02', 'b'),
        kept('c.csv', 9, { period: '2025-W53', date_column: 'date' }),
      ],
      exceptions: [
        '  - { period: 2025-W53, sample: CHG-3, description: Unapproved, disclosed: 2026-03-01, response: Fixed }',
      ],
      exports: { 'c.csv': 'id,date\nCHG-1,2026-01-05\nCHG-2,2026-03-05\n' },
    });
    expect(found.map((d) => `${d.code} ${d.message.split(':')[0]}`)).toEqual([
      'TB412 two populations of EV-CHG both cover 2026-02-01 to 2026-02-28 (entries 1 and 3)',
    ]);
  });

  it('named by an exception is no record of an event in a period said to have none', () => {
    const found = run({
      population: [noEvents('2026-Q1')],
      exceptions: [
        '  - { period: 2025-W53, sample: CHG-3, description: Unapproved, disclosed: 2026-03-01, response: Fixed }',
      ],
    });
    expect(found).toEqual([]);
  });
});

describe('an export whose header and rows were not kept', () => {
  it('is judged for blank and repeated ids, and not for empty months', () => {
    const state: ArtifactFileState = { status: 'present', sha256: SHA, csvIds: ['CHG-1', 'CHG-1', ''] };
    const found = run({ population: [kept('a.csv', 3, { date_column: 'date' })], exports: { 'a.csv': state } });
    expect(codes(found)).toEqual(['TB411', 'TB410']);
  });
});

describe('a blank row (TB411)', () => {
  it('is reported on the `file` line of its entry, with the line each blank record ends on', () => {
    const found = run({
      population: [kept('q1.csv', 1, { period: '2026-Q1' }), kept('q2.csv', 2, { period: '2026-Q2' })],
      exports: { 'q1.csv': 'id\nCHG-1\n', 'q2.csv': 'id,date\n\nCHG-2,2026-04-02\n,2026-04-03\n' },
    });
    // Entry 2 starts on line 15; its `file` is its fourth line. The blank record ends on line 4 (line 2 is empty).
    expect(shown(found)).toEqual([
      'TB411 18 `evidence-index/files/q2.csv` has a row without an event id (first column): line 4',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', file: EVIDENCE, subject: { kind: 'evidence', id: 'EV-CHG' } });
  });

  it('counts from the header when the records’ lines were not kept, and is not also a repeated event', () => {
    const found = run({
      population: [kept('a.csv', 3)],
      exports: { 'a.csv': 'id,date\n,2026-01-02\nCHG-1,2026-01-03\n,2026-01-04\n' },
      noLines: true,
    });
    expect(shown(found)).toEqual([
      'TB411 12 `evidence-index/files/a.csv` has 2 rows without an event id (first column): line 2, 4',
    ]);
  });
});

describe('an event listed twice (TB410)', () => {
  it('names each repeat with both places, on the `file` line of the first entry holding a repeat', () => {
    const found = run({
      population: [kept('q1.csv', 3, { period: '2026-Q1' }), kept('q2.csv', 1, { period: '2026-Q2' })],
      exports: { 'q1.csv': 'id\nCHG-1\nCHG-2\nCHG-1\n', 'q2.csv': 'id\nCHG-2\n' },
    });
    expect(shown(found)).toEqual([
      'TB410 12 the population of EV-CHG lists 2 events more than once: CHG-1 (`evidence-index/files/q1.csv` line 2 and `evidence-index/files/q1.csv` line 4), CHG-2 (`evidence-index/files/q1.csv` line 3 and `evidence-index/files/q2.csv` line 2)',
    ]);
  });

  it('is reported at the later entry when only it repeats an event', () => {
    const found = run({
      population: [kept('q1.csv', 1, { period: '2026-Q1' }), kept('q2.csv', 1, { period: '2026-Q2' })],
      exports: { 'q1.csv': 'id\nCHG-1\n', 'q2.csv': 'id\nCHG-1\n' },
    });
    expect(shown(found)).toEqual([
      expect.stringMatching(/^TB410 18 the population of EV-CHG lists an event more than once: CHG-1 /),
    ]);
  });

  it('between two overlapping exports is left to TB412, but a repeat inside one of them is not', () => {
    const found = run({
      population: [kept('all.csv', 3), kept('q1.csv', 1, { period: '2026-Q1' })],
      exports: { 'all.csv': 'id\nCHG-1\nCHG-1\nCHG-2\n', 'q1.csv': 'id\nCHG-1\nCHG-2\n' },
    });
    expect(codes(found)).toEqual(['TB410', 'TB412']);
    expect(found[0]!.message).toBe(
      'the population of EV-CHG lists an event more than once: CHG-1 (`evidence-index/files/all.csv` line 2 and `evidence-index/files/all.csv` line 3)',
    );
  });
  it('is reported between entries that do not overlap, even when each overlaps another', () => {
    // Entries 1 and 2 overlap, as do 3 and 4; CHG-A is in 1 and 3, CHG-B in 1 and 4.
    const found = run({
      population: [
        kept('q1.csv', 2, { period: '2026-Q1' }),
        kept('feb.csv', 0, { period: '2026-02', note: 'Nothing.' }),
        kept('q2.csv', 1, { period: '2026-Q2' }),
        kept('may.csv', 1, { period: '2026-05' }),
      ],
      exports: { 'q1.csv': 'id\nCHG-A\nCHG-B\n', 'feb.csv': 'id\n', 'q2.csv': 'id\nCHG-A\n', 'may.csv': 'id\nCHG-B\n' },
    });
    expect(found.filter((d) => d.code === 'TB410').map((d) => d.message.split(': ')[1])).toEqual([
      'CHG-A (`evidence-index/files/q1.csv` line 2 and `evidence-index/files/q2.csv` line 2), CHG-B (`evidence-index/files/q1.csv` line 3 and `evidence-index/files/may.csv` line 2)',
    ]);
  });
});

describe('overlapping exports (TB412)', () => {
  const located = (period: string, name: string) =>
    entry({ source: 'Tickets', period, exported: '2026-07-02', rows: 2, location: `https://x.example/${name}.csv` });

  it('is reported at the later entry’s `period`, with the days both cover, whichever entry starts first', () => {
    const found = run({
      population: [located('2026-Q2', 'q2'), located('{ start: 2026-03-15, end: 2026-04-10 }', 'mid')],
    });
    expect(shown(found)).toEqual([
      'TB412 15 two populations of EV-CHG both cover 2026-04-01 to 2026-04-10 (entries 1 and 2): the events of those days are listed twice, or the exports disagree',
    ]);
    const later = run({
      population: [located('{ start: 2026-03-15, end: 2026-04-10 }', 'mid'), located('2026-Q1', 'q1')],
    });
    expect(later.map((d) => d.message)).toEqual([
      expect.stringContaining('both cover 2026-03-15 to 2026-03-31 (entries 1 and 2)'),
    ]);
  });

  it('is reported for exports sharing one day, and not for exports that meet', () => {
    const oneDay = run({
      population: [located('{ start: 2026-01-01, end: 2026-04-01 }', 'a'), located('2026-Q2', 'b')],
    });
    expect(oneDay.map((d) => d.message)).toEqual([expect.stringContaining('both cover 2026-04-01 to 2026-04-01 ')]);
    expect(run({ population: [located('2026-Q1', 'a'), located('2026-Q2', 'b')] })).toEqual([]);
  });

  it('is reported once for an entry overlapping several, naming the first; at `source` for a whole-window entry', () => {
    const whole = entry({ exported: '2026-07-02', source: 'Tickets', rows: 2, location: 'https://x.example/all.csv' });
    const found = run({ population: [located('2026-Q1', 'a'), located('2026-02', 'b'), whole] });
    // Entries start on lines 9, 14 and 19; the third has no `period`, and its `source` is its second line.
    expect(found.map((d) => `${d.line} ${d.message.split(':')[0]}`)).toEqual([
      '15 two populations of EV-CHG both cover 2026-02-01 to 2026-02-28 (entries 1 and 2)',
      '20 two populations of EV-CHG both cover 2026-01-01 to 2026-03-31 (entries 1 and 3)',
    ]);
    expect(found.map((d) => d.subject)).toEqual(Array(2).fill({ kind: 'evidence', id: 'EV-CHG' }));
  });
});

describe('"no events" contradicted (TB413)', () => {
  const busy = entry({
    period: '2026-Q2',
    source: 'Tickets',
    exported: '2026-07-02',
    rows: 1,
    location: 'https://x.example/q2.csv',
  });
  const artifact = (fields: string) => `  - { ${fields}, location: "https://x.example/r.pdf" }`;

  it('is reported on the `rows` line for an artifact performed on the first or the last day of the period', () => {
    for (const day of ['2026-01-01', '2026-03-31']) {
      const found = run({ artifacts: [artifact(`collected: ${day}`)], population: [noEvents('2026-Q1'), busy] });
      expect(shown(found)).toEqual([
        `TB413 13 the population of EV-CHG says no event occurred from 2026-01-01 to 2026-03-31 (\`rows: 0\`), but its artifacts record one: ${day}`,
      ]);
      expect(found[0]).toMatchObject({
        severity: 'error',
        file: EVIDENCE,
        subject: { kind: 'evidence', id: 'EV-CHG' },
      });
    }
  });

  it('holds over the days of a period said to be empty, and not over the days around it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 33 }), (offset) => {
        const day = addDays('2026-02-01', offset);
        const found = run({
          artifacts: [artifact(`collected: 2026-07-01, performed: ${day}`)],
          population: [noEvents('2026-02'), busy],
        });
        expect(codes(found)).toEqual(day >= '2026-02-01' && day <= '2026-02-28' ? ['TB413'] : []);
      }),
      { numRuns: 12 },
    );
  });

  it('counts every record, a sampled event with its day and an exception naming an event in the period', () => {
    const found = run({
      artifacts: [artifact('collected: 2026-02-03, sample: CHG-7'), artifact('collected: 2026-03-04')],
      population: [noEvents('2026-Q1'), busy],
      exceptions: [
        '  - { period: 2026-02, sample: CHG-3, description: Unapproved, disclosed: 2026-03-01, response: Fixed }',
        '  - { period: 2026-04, sample: CHG-4, description: Unapproved, disclosed: 2026-05-01, response: Fixed }',
        '  - { period: 2026-03, description: Unapproved, disclosed: 2026-04-01, response: Fixed }',
      ],
    });
    expect(found.map((d) => d.message.split('record ')[1])).toEqual([
      '3: CHG-7 (2026-02-03), 2026-03-04, CHG-3 (an exception)',
    ]);
  });

  it('takes a sampled event outside the period as a record only when every population says "no events"', () => {
    const sampled = [artifact('collected: 2026-07-05, sample: CHG-7')];
    const everyEmpty = run({ artifacts: sampled, population: [noEvents('2026-Q1'), noEvents('2026-Q2')] });
    expect(everyEmpty.map((d) => `${d.line} ${d.message.split('record ')[1]}`)).toEqual([
      '13 one: CHG-7 (2026-07-05)',
      '18 one: CHG-7 (2026-07-05)',
    ]);
    expect(run({ artifacts: sampled, population: [noEvents('2026-Q1'), busy] })).toEqual([]);
    expect(run({ artifacts: [artifact('collected: 2026-07-05')], population: [noEvents('2026-Q1')] })).toEqual([]);
  });
});

describe('months a dated export leaves empty (TB414)', () => {
  /** `count` rows dated in each month given, from its first day. */
  const csv = (months: Record<string, number>) =>
    `id,date\n${Object.entries(months)
      .flatMap(([month, count]) =>
        Array.from({ length: count }, (_, i) => `CHG-${month}-${i + 1},${month}-${String(i + 1).padStart(2, '0')}`),
      )
      .join('\n')}\n`;
  const dated = (months: Record<string, number>, extra: Partial<Series> = {}, asOf = '2026-07-15') =>
    run({ population: [kept('a.csv', 9, { date_column: 'date' })], exports: { 'a.csv': csv(months) }, ...extra }, asOf);

  it('asks about a quiet month, on the `date_column` line, with the other months’ average', () => {
    const found = dated({ '2026-01': 3, '2026-02': 3, '2026-04': 4, '2026-05': 3, '2026-06': 3 });
    expect(shown(found)).toEqual([
      'TB414 14 `evidence-index/files/a.csv` lists no event in 2026-03, while its other months average 3.2 events: was nothing done then, or did the export miss it?',
    ]);
    expect(found[0]).toMatchObject({ severity: 'warning', subject: { kind: 'evidence', id: 'EV-CHG' } });
  });

  it(`asks when the other months average exactly ${BUSY_MONTH_EVENTS} events, and not below`, () => {
    expect(codes(dated({ '2026-01': 3, '2026-02': 3, '2026-04': 3, '2026-05': 3, '2026-06': 3 }))).toEqual(['TB414']);
    expect(dated({ '2026-01': 3, '2026-02': 3, '2026-04': 3, '2026-05': 3, '2026-06': 2 })).toEqual([]);
  });

  it('does not ask when no month is empty, or when every month is', () => {
    expect(dated({ '2026-01': 9, '2026-02': 1, '2026-03': 1, '2026-04': 1, '2026-05': 1, '2026-06': 1 })).toEqual([]);
    expect(dated({ '2025-12': 9, '2026-07': 9 })).toEqual([]);
  });

  /** The months each finding names as empty. */
  const emptyMonths = (found: Diagnostic[]) => found.map((d) => /no event in (.*), while/.exec(d.message)?.[1]);
  const quietEnds = { '2026-02': 5, '2026-03': 5, '2026-04': 5, '2026-05': 5 };

  it('counts only the months of the window and the control’s operation', () => {
    expect(emptyMonths(dated(quietEnds))).toEqual(['2026-01, 2026-06']);
    // Implemented on 2 January: January is not wholly in operation. Retired on 29 June: nor is June.
    expect(dated(quietEnds, { control: 'implemented: 2026-01-02\nretired: 2026-06-29\n' })).toEqual([]);
    expect(emptyMonths(dated(quietEnds, { control: 'implemented: 2026-01-01\nretired: 2026-06-30\n' }))).toEqual([
      '2026-01, 2026-06',
    ]);
    // Implemented before the window and retired after it: the window's months, no more.
    const late = '2026-10-15';
    const wider = { control: 'implemented: 2025-11-01\nretired: 2026-08-31\n' };
    expect(emptyMonths(dated(quietEnds, wider, late))).toEqual(['2026-01, 2026-06']);
  });

  it('counts no month from the evaluation date on: a month is judged the day after it ends', () => {
    expect(emptyMonths(dated(quietEnds, {}, '2026-06-30'))).toEqual(['2026-01']);
    expect(emptyMonths(dated(quietEnds, {}, '2026-07-01'))).toEqual(['2026-01, 2026-06']);
    expect(emptyMonths(dated(quietEnds, {}, '2026-05-31'))).toEqual(['2026-01']);
    // Before the window opens, nothing is judged.
    expect(dated({ '2026-02': 5 }, {}, '2026-01-01')).toEqual([]);
  });

  it('counts the months of its own period inside the window only', () => {
    const own = (period: string, months: Record<string, number>) =>
      run(
        { population: [kept('a.csv', 9, { date_column: 'date', period })], exports: { 'a.csv': csv(months) } },
        '2026-10-15',
      );
    expect(own('2026-Q2', { '2026-04': 5, '2026-05': 5, '2026-06': 5 })).toEqual([]);
    expect(own('2026-Q1', { '2026-01': 5, '2026-02': 5, '2026-03': 5 })).toEqual([]);
    // A period opening before the window: November, busy, and December, empty, are not the window's.
    expect(emptyMonths(own('{ start: 2025-11-01, end: 2026-02-28 }', { '2025-11': 9, '2026-02': 9 }))).toEqual([
      '2026-01',
    ]);
    // A period running past the window: July, empty, is not the window's.
    expect(own('{ start: 2026-05-01, end: 2026-08-31 }', { '2026-05': 5, '2026-06': 5, '2026-08': 5 })).toEqual([]);
    expect(
      emptyMonths(own('{ start: 2026-05-01, end: 2026-08-31 }', { '2026-05': 5, '2026-07': 5, '2026-08': 5 })),
    ).toEqual(['2026-06']);
  });

  it('reads a date in the first column', () => {
    const found = run({
      population: [kept('a.csv', 9, { date_column: 'date' })],
      exports: {
        'a.csv': csv({ '2026-01': 4, '2026-02': 4, '2026-04': 4, '2026-05': 4, '2026-06': 4 })
          .replace('id,date', 'date,id')
          .replace(/^CHG-([^,]+),(.*)$/gm, '$2,CHG-$1'),
      },
    });
    expect(emptyMonths(found)).toEqual(['2026-03']);
  });

  it('says nothing of an export the loader could not read', () => {
    expect(
      run({ population: [kept('a.csv', 9, { date_column: 'date' })], exports: { 'a.csv': { status: 'missing' } } }),
    ).toEqual([]);
    expect(run({ population: [kept('a.csv', 9, { date_column: 'date' })] })).toEqual([]);
  });

  it('counts months across a year end', () => {
    const found = run({
      audit: 'type: II\n  period: { start: 2025-10-01, end: 2026-03-31 }',
      population: [kept('a.csv', 9, { date_column: 'date' })],
      exports: { 'a.csv': csv({ '2025-10': 4, '2025-11': 4, '2026-01': 4, '2026-02': 4, '2026-03': 4 }) },
    });
    expect(found.map((d) => d.message.slice(0, 55))).toEqual([
      '`evidence-index/files/a.csv` lists no event in 2025-12,',
    ]);
  });

  it('leaves a column the export does not have to TB409, and reads a short row as undated', () => {
    expect(
      run({ population: [kept('a.csv', 9, { date_column: 'day' })], exports: { 'a.csv': csv({ '2026-01': 9 }) } }),
    ).toEqual([]);
    const short = `${csv({ '2026-01': 3, '2026-02': 3, '2026-04': 3, '2026-05': 3, '2026-06': 3 })}CHG-X\n`;
    const found = run({ population: [kept('a.csv', 9, { date_column: 'date' })], exports: { 'a.csv': short } });
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining('lists no event in 2026-03, while its other months average 3.0 events'),
    ]);
  });
});
