/**
 * False greens of records the check can recompute (issue 21, section 3): a sample record edited by hand, a
 * sampling table below the floors, a `frequency_note` standing in for occurrences, artifacts outside a
 * control's `implemented`/`retired`, one document counted twice, an old annual report, and populations that
 * cannot be complete. Each plants the hole in `validProgram()` (window 2026-01-01..2026-06-30, evaluated
 * 2026-07-15) and names the error that stops it; each passed the check before the rule was written.
 */
import { createHash } from 'node:crypto';
import type { DiagnosticCode } from '../../src/engine/index.ts';
import { SAMPLING_METHOD } from '../../src/engine/sampling.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';
import { CONTROL, EVIDENCE, PROGRAM, type CorpusCase, type Expected } from './corpus.ts';

const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';

const error = (code: DiagnosticCode, file: string, line: number | null, message?: RegExp): Expected =>
  message ? { code, file, line, message } : { code, file, line };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The test program with a sample record for its quarterly series: `size` and `items` as given. */
const withSampleRecord = (size: number, items: string[]): Files => ({
  ...validProgram(),
  [SAMPLES]: `seed: 7
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-15
method: ${JSON.stringify(SAMPLING_METHOD)}
samples:
  - series: EV-BASE-01
    controls: [BASE-01]
    kind: periods
    population: { size: 2, sha256: ${sha256('2026-Q1\n2026-Q2')} }
    size: ${size}
    items: [${items.join(', ')}]
`,
});

/** The test control at `control` frequency, its evidence at `series` frequency with a `frequency_note` (line 7). */
const noted = (control: string, series: string, artifacts: string): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: ${control}`),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: ${series}\nfrequency_note: "Each export lists every run of its period."\nartifacts:\n${artifacts}`,
  );

/** The test control made per-event: one artifact (line 8) and the given population entries (line 10 on). */
const perEvent = (population: string): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n  - { collected: 2026-03-02, sample: CHG-2, location: "https://docs.test.example/chg.pdf" }\npopulation:\n${population}`,
  );

/** The per-event program with one export kept in evidence-index/files/changes.csv. */
const withExport = (csv: string, rows: number): Files => ({
  ...perEvent(
    `  - { source: Tickets, exported: 2026-07-02, rows: ${rows}, file: files/changes.csv, sha256: ${sha256(csv)} }\n`,
  ),
  'evidence-index/files/changes.csv': csv,
});

export const recordFalseGreens: CorpusCase[] = [
  {
    name: 'a sample record cut by hand to the one quarter that went well',
    kind: 'false greens',
    files: () => withSampleRecord(1, ['2026-Q1']),
    expect: error('TB905', SAMPLES, 10, /tests 1 of 2 items where the sample size is 2/),
  },
  {
    name: "a firm's sampling table that tests one month of twelve",
    kind: 'false greens',
    files: () =>
      edit(validProgram(), PROGRAM, 'warn_within_days: 30\n', 'warn_within_days: 30\nsampling:\n  monthly: 1\n'),
    expect: error('TB907', PROGRAM, 13, /below the floor of 2 items for a monthly control/),
  },
  {
    name: 'a frequency_note on mid-quarter exports standing in for the months after them',
    kind: 'false greens',
    files: () =>
      noted(
        'monthly',
        'quarterly',
        '  - { collected: 2026-02-10, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-05-10, location: "https://docs.test.example/q2.pdf" }\n',
      ),
    expect: error('TB620', EVIDENCE, 7, /BASE-01 runs monthly, .*: 2026-02, 2026-03/),
  },
  {
    name: 'a monthly control retired mid-quarter, its months before then in no quarterly export',
    kind: 'false greens',
    files: () =>
      edit(
        noted('monthly', 'quarterly', '  - { collected: 2026-01-10, location: "https://docs.test.example/q1.pdf" }\n'),
        CONTROL,
        'frequency: monthly',
        'frequency: monthly\nretired: 2026-02-15',
      ),
    expect: error('TB620', EVIDENCE, 7, /BASE-01 runs monthly, .*: 2026-01$/),
  },
  {
    name: 'a frequency_note excusing a per-event control from its population',
    kind: 'false greens',
    files: () =>
      noted(
        'per-event',
        'quarterly',
        '  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
      ),
    expect: error('TB406', CONTROL, 8, /operates per event, but its evidence is periodic/),
  },
  {
    name: 'implemented moved past a missed month, while earlier months show the control running',
    kind: 'false greens',
    files: () => {
      const months = ['2026-01', '2026-02', '2026-04', '2026-05', '2026-06'];
      const artifacts = months
        .map((m) => `  - { collected: ${m}-28, period: ${m}, location: "https://docs.test.example/${m}.pdf" }\n`)
        .join('');
      return edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly\nimplemented: 2026-04-01'),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        `frequency: monthly\nartifacts:\n${artifacts}`,
      );
    },
    expect: error('TB621', EVIDENCE, 8, /2 artifacts of BASE-01 running before it was implemented \(2026-04-01\)/),
  },
  {
    name: 'the first quarter’s review report filed again for the second quarter',
    kind: 'false greens',
    files: () => edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'https://docs.test.example/q1.pdf'),
    expect: error('TB622', EVIDENCE, 9, /counted for several occurrences: EV-BASE-01 2026-Q1, EV-BASE-01 2026-Q2/),
  },
  {
    name: 'last year’s penetration test report filed during the window as this year’s',
    kind: 'false greens',
    files: () =>
      edit(
        edit(
          edit(validProgram(), PROGRAM, 'as_of: 2026-07-15', 'as_of: 2026-08-15'),
          CONTROL,
          'frequency: quarterly',
          'frequency: annual',
        ),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        'frequency: annual\nartifacts:\n  - { collected: 2026-03-02, period: 2024, location: "https://docs.test.example/pentest-2024.pdf" }\n',
      ),
    expect: error('TB601', EVIDENCE, 7, /no artifact performed inside the audit window .* for a period of it/),
  },
  {
    name: 'a population export that lists one change twice',
    kind: 'false greens',
    disk: true,
    files: () => withExport('id,date\nCHG-1,2026-01-05\nCHG-2,2026-03-02\nCHG-1,2026-01-05\n', 3),
    expect: error('TB410', EVIDENCE, 10, /lists an event more than once: CHG-1/),
  },
  {
    name: 'a population export with a blank row where an event should be',
    kind: 'false greens',
    disk: true,
    files: () => withExport('id,date\nCHG-1,2026-01-05\n,2026-02-11\nCHG-2,2026-03-02\n', 3),
    expect: error('TB411', EVIDENCE, 10, /a row without an event id \(first column\): line 3/),
  },
  {
    name: 'a quarter exported again inside an export of the whole window',
    kind: 'false greens',
    files: () =>
      perEvent(
        '  - { source: Tickets, exported: 2026-07-02, rows: 5, location: "https://docs.test.example/all.csv" }\n  - { period: 2026-Q1, source: Tickets, exported: 2026-04-02, rows: 2, location: "https://docs.test.example/q1.csv" }\n',
      ),
    expect: error('TB412', EVIDENCE, 11, /both cover 2026-01-01 to 2026-03-31/),
  },
  {
    name: '"no events" stated for the window of a control whose records show events',
    kind: 'false greens',
    files: () =>
      perEvent(
        '  - { source: Tickets, exported: 2026-07-02, rows: 0, note: "No change was made during the period." }\n',
      ),
    expect: error(
      'TB413',
      EVIDENCE,
      10,
      /says no event occurred .* but its artifacts record one: CHG-2 \(2026-03-02\)/,
    ),
  },
];
