import { describe, expect, it } from 'vitest';
import { populationHash } from '../../src/engine/sampling.ts';
import { workpaperHtml } from '../../src/fieldwork/render-workpaper.ts';
import { INQUIRY_ALONE } from '../../src/fieldwork/inquiry.ts';
import { workpaper } from '../../src/fieldwork/workpaper.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';

/** The test program with BASE-01 per-event, both sampled events evidenced, tested by `test`. */
function sampled(test: string): Files {
  const rows = ['row 1', 'row 2'];
  let files = edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: per-event\ntest: ${test}`);
  files = edit(
    files,
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n${rows
      .map(
        (row) =>
          `  - { collected: 2026-02-02, sample: "${row}", location: "https://docs.test.example/${row.replace(' ', '-')}.pdf" }\n`,
      )
      .join(
        '',
      )}population:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, location: "https://docs.test.example/p.csv" }\n`,
  );
  return {
    ...files,
    [SAMPLES]: `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-02
method: systematic
samples:
  - series: EV-BASE-01
    controls: [BASE-01]
    kind: events
    population: { size: 2, sha256: ${populationHash(rows)} }
    size: 2
    items: ["row 1", "row 2"]
`,
  };
}

describe('a control tested by inquiry alone in the mock audit', () => {
  it('is never concluded "no exception": its items are left not tested, with the further test they need', () => {
    const inspected = workpaper(check(sampled('inspection')));
    expect(inspected.controls[0]?.result).toBe('no exception');
    const paper = workpaper(check(sampled('inquiry')));
    const control = paper.controls[0]!;
    expect(control).toMatchObject({ test: 'inquiry', result: 'not tested', notTested: INQUIRY_ALONE });
    const items = control.series.flatMap((series) => series.items);
    expect(items.map((item) => [item.item, item.result, item.note])).toEqual([
      ['row 1', 'not tested', INQUIRY_ALONE],
      ['row 2', 'not tested', INQUIRY_ALONE],
    ]);
    expect(paper.counts.noException).toBe(0);
    expect(paper.criteria.find((criterion) => criterion.id === 'CC6.1')?.conclusion).not.toMatch(/no exception/);
    const html = workpaperHtml(paper);
    expect(html).toMatch(/inspecting the evidence of the item, or by observing or re-performing the control/);
  });

  it('keeps a disclosed exception as it is: inquiry does not hide a deviation', () => {
    const files = edit(
      sampled('inquiry'),
      EVIDENCE,
      'population:',
      'exceptions:\n  - { period: 2026-Q1, sample: "row 2", description: "Approved late", disclosed: 2026-07-05, response: "Reminded approvers" }\npopulation:',
    );
    const control = workpaper(check(files)).controls[0]!;
    expect(control.result).toBe('exception disclosed');
    expect(control.notTested).toBe(INQUIRY_ALONE);
  });
});

describe('evidence at a placeholder address in the mock audit', () => {
  it('is evidence missing for the item it was filed for, not "no exception"', () => {
    const files = edit(
      sampled('inspection'),
      EVIDENCE,
      'https://docs.test.example/row-2.pdf',
      'http://localhost/row-2.pdf',
    );
    const items = workpaper(check(files)).controls[0]!.series.flatMap((series) => series.items);
    expect(items.map((item) => [item.item, item.result])).toEqual([
      ['row 1', 'no exception'],
      ['row 2', 'evidence missing'],
    ]);
    expect(items[1]?.codes).toEqual(['TB704']);
  });

  it('is evidence missing for every item when the population export is at one', () => {
    const files = edit(sampled('inspection'), EVIDENCE, 'https://docs.test.example/p.csv', 'https://TBD');
    const items = workpaper(check(files)).controls[0]!.series.flatMap((series) => series.items);
    expect(items.map((item) => item.result)).toEqual(['evidence missing', 'evidence missing']);
  });
});
