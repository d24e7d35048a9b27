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
import { PROGRAM, type CorpusCase, type Expected } from './corpus.ts';

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
];
