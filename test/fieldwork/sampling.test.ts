import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import {
  drawSamples,
  populationHash,
  SAMPLING_METHOD,
  sampleSize,
  selectPositions,
  seriesOffset,
} from '../../src/engine/sampling.ts';
import { check, edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

/** The test program with a monthly control and series, evidenced every month of the window. */
const monthly = (): Files => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const artifacts = months
    .map((m) => `  - { collected: ${m}-28, period: ${m}, location: "https://docs.test.example/${m}.pdf" }\n`)
    .join('');
  return edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: monthly\nartifacts:\n${artifacts}`,
  );
};

describe('sample sizes', () => {
  it('follow the table by frequency, and never exceed the population', () => {
    expect(sampleSize('annual', 1)).toBe(1);
    expect(sampleSize('quarterly', 4)).toBe(2);
    expect(sampleSize('monthly', 12)).toBe(3);
    expect(sampleSize('continuous', 12)).toBe(3);
    expect(sampleSize('weekly', 52)).toBe(10);
    expect(sampleSize('daily', 365)).toBe(25);
    expect(sampleSize('monthly', 2)).toBe(2);
    expect(sampleSize('daily', 0)).toBe(0);
  });

  it('take a tenth of a per-event population, at least 10 and at most 40, at the table’s boundaries', () => {
    expect(sampleSize('per-event', 5)).toBe(5);
    expect(sampleSize('per-event', 10)).toBe(10);
    expect(sampleSize('per-event', 100)).toBe(10);
    expect(sampleSize('per-event', 101)).toBe(11);
    expect(sampleSize('per-event', 400)).toBe(40);
    expect(sampleSize('per-event', 5000)).toBe(40);
  });

  it('follow the audit firm’s own table when the program gives one', () => {
    const sampling = { monthly: 5, per_event: { percent: 25, min: 5, max: 60 } };
    expect(sampleSize('monthly', 12, sampling)).toBe(5);
    expect(sampleSize('quarterly', 4, sampling)).toBe(2);
    expect(sampleSize('per-event', 100, sampling)).toBe(25);
  });
});

describe('selection', () => {
  it('spreads the items evenly from a start the seed sets, as a spreadsheet would compute them', () => {
    // N = 10, n = 3, seed 7: positions floor(7 + i * 10/3) mod 10 = 7, 10 -> 0, 13 -> 3.
    expect(selectPositions(7, 10, 3)).toEqual([0, 3, 7]);
    expect(selectPositions(0, 4, 4)).toEqual([0, 1, 2, 3]);
    expect(new Set(selectPositions(123_456, 97, 40)).size).toBe(40);
  });

  it('gives each series its own start: the seed plus the character codes of its id', () => {
    expect(seriesOffset('EV-A')).toBe(69 + 86 + 45 + 65);
  });

  it('draws the same sample from the same seed, also after unrelated edits, and another from another seed', () => {
    const files = monthly();
    const first = drawSamples(check(files).model, '2026-07-15', 42);
    const edited = edit(files, CONTROL, 'title: Baseline security program', 'title: Baseline program, renamed');
    expect(drawSamples(check(edited).model, '2026-07-15', 42)).toEqual(first);
    const other = drawSamples(check(files).model, '2026-07-15', 43);
    expect(other[0]!.items).not.toEqual(first[0]!.items);
    expect(first[0]).toMatchObject({ series: 'EV-BASE-01', kind: 'periods', size: 3, population: { size: 6 } });
    expect(first[0]!.population.sha256).toBe(
      populationHash(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']),
    );
  });
});

describe('tie-out', () => {
  const perEvent = (artifacts: string, exceptions = '') =>
    edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts:\n${artifacts}population:\n  - { source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.test.example/p.csv" }\n${exceptions}`,
    );
  const record = (items: string[], size = 3) => `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-02
method: ${JSON.stringify(SAMPLING_METHOD)}
samples:
  - series: EV-BASE-01
    controls: [BASE-01]
    kind: events
    population: { size: ${size}, sha256: ${populationHash(Array.from({ length: size }, (_, i) => `row ${i + 1}`))} }
    size: ${items.length}
    items: [${items.map((item) => `"${item}"`).join(', ')}]
`;
  const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';

  it('finds every sampled event evidenced, or disclosed as an exception', () => {
    const files = {
      ...perEvent(
        '  - { collected: 2026-02-02, sample: "row 1", location: "https://docs.test.example/1.pdf" }\n  - { collected: 2026-05-02, sample: "row 3", location: "https://docs.test.example/3.pdf" }\n',
        'exceptions:\n  - { period: 2026-03, sample: "row 2", description: "Approved after access was granted.", disclosed: 2026-04-02, response: "Approval step made blocking." }\n',
      ),
      [SAMPLES]: record(['row 1', 'row 2', 'row 3']),
    };
    const result = check(files);
    expect(findings(result, 'TB902')).toEqual([]);
    expect(findings(result, 'TB606')).toHaveLength(1);
    // Tied out, but one deviation in three events is more than a sample tolerates: the only control addressing
    // the criteria did not operate effectively, so they are not met (and nothing else is wrong).
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(new Set(errors.map((d) => d.code))).toEqual(new Set(['TB315']));
  });

  it('reports a sampled event with no evidence', () => {
    const files = {
      ...perEvent('  - { collected: 2026-02-02, sample: "row 1", location: "https://docs.test.example/1.pdf" }\n'),
      [SAMPLES]: record(['row 1', 'row 3']),
    };
    expect(findings(check(files), 'TB902')).toEqual([
      expect.objectContaining({
        file: EVIDENCE,
        message: expect.stringContaining('row 3'),
        subject: { kind: 'evidence', id: 'EV-BASE-01', period: 'row 3' },
      }),
    ]);
  });

  it('reports a population changed after the sample was drawn', () => {
    const files = {
      ...perEvent('  - { collected: 2026-02-02, sample: "row 1", location: "https://docs.test.example/1.pdf" }\n'),
      [SAMPLES]: record(['row 1'], 2),
    };
    expect(findings(check(files), 'TB901')).toEqual([
      expect.objectContaining({ file: SAMPLES, line: 9, message: expect.stringContaining('2 items then, 3 now') }),
    ]);
  });

  it('reports an artifact naming an event the population export does not list', () => {
    const csv = 'id,date\nCHG-1,2026-02-01\nCHG-2,2026-03-05\n';
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts:\n  - { collected: 2026-03-06, sample: CHG-9, location: "https://docs.test.example/chg.pdf" }\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, file: files/changes.csv, sha256: ${createHash('sha256').update(csv).digest('hex')} }\n`,
    );
    const root = mkdtempSync(join(tmpdir(), 'trustbook-tieout-'));
    try {
      writeProgram(root, { ...files, 'evidence-index/files/changes.csv': csv });
      expect(findings(checkProject(root, { today: '2026-07-15' }), 'TB903')).toEqual([
        expect.objectContaining({ line: 8, message: expect.stringContaining('CHG-9') }),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('ignores the samples of another window, and reports one naming a series that does not exist', () => {
    const other = record(['row 9']).replace('start: 2026-01-01, end: 2026-06-30', 'start: 2025-01-01, end: 2025-06-30');
    const base = perEvent('  - { collected: 2026-02-02, location: "https://docs.test.example/1.pdf" }\n');
    expect(check({ ...base, 'evidence-index/samples/2025-01-01_2025-06-30.yaml': other }).summary.errors).toBe(0);
    const unknown = record(['row 1']).replace('series: EV-BASE-01', 'series: EV-GONE');
    expect(findings(check({ ...base, [SAMPLES]: unknown }), 'TB904')).toHaveLength(1);
  });
});
