import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { populationHash } from '../../src/engine/sampling.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { workpaperCsv, workpaperHeader, workpaperHtml } from '../../src/fieldwork/render-workpaper.ts';
import { workpaper, type Workpaper } from '../../src/fieldwork/workpaper.ts';
import { check, edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';

/** The test program with BASE-01 a per-event control: three events, listed in an export kept at a URL. */
const perEvent = (artifacts: string, exceptions = ''): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n${artifacts}population:\n  - { source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.test.example/p.csv" }\n${exceptions}`,
  );

const artifact = (item: string) =>
  `  - { collected: 2026-02-02, sample: "${item}", location: "https://docs.test.example/${item.replace(' ', '-')}.pdf" }\n`;

/** A sample record for the window, as `trustbook sample` writes it. */
const record = (kind: 'events' | 'periods', population: string[], items: string[]) => `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-02
method: systematic
samples:
  - series: EV-BASE-01
    controls: [BASE-01]
    kind: ${kind}
    population: { size: ${population.length}, sha256: ${populationHash(population)} }
    size: ${items.length}
    items: [${items.map((item) => `"${item}"`).join(', ')}]
`;

const rows = ['row 1', 'row 2', 'row 3'];
const sampledEvents = (files: Files, items: string[]) => ({ ...files, [SAMPLES]: record('events', rows, items) });

const control = (paper: Workpaper, id = 'BASE-01') => paper.controls.find((entry) => entry.id === id)!;
const items = (paper: Workpaper, id = 'BASE-01') => control(paper, id).series.flatMap((series) => series.items);
const criterion = (paper: Workpaper, id: string) => paper.criteria.find((entry) => entry.id === id)!;

describe('the mock audit workpaper', () => {
  it('tests nothing, and passes nothing, when no sample was drawn', () => {
    const paper = workpaper(check(validProgram()));
    const base = control(paper);
    expect(base).toMatchObject({ result: 'not tested', test: 'inspection', operation: 'operating' });
    expect(base.series[0]).toMatchObject({ items: [], notTested: 'no sample drawn: run `trustbook sample`' });
    expect(paper.counts).toMatchObject({ controlsTested: 0, itemsTested: 0, noException: 0 });
    expect(criterion(paper, 'CC1.1').conclusion).toBe('not tested: BASE-01 (no sample drawn: run `trustbook sample`)');
  });

  it('finds no exception in a sampled event with its artifact, and names the artifact', () => {
    const paper = workpaper(check(sampledEvents(perEvent(artifact('row 1') + artifact('row 3')), ['row 1', 'row 3'])));
    expect(items(paper)).toEqual([
      expect.objectContaining({
        item: 'row 1',
        result: 'no exception',
        evidence: [{ kind: 'url', ref: 'https://docs.test.example/row-1.pdf' }],
      }),
      expect.objectContaining({ item: 'row 3', result: 'no exception' }),
    ]);
    expect(control(paper).series[0]).toMatchObject({ population: { size: 3 }, sample: { size: 2, of: 3 } });
    expect(control(paper).result).toBe('no exception');
    expect(criterion(paper, 'CC6.1')).toMatchObject({ controls: ['BASE-01'], conclusion: 'no exception noted' });
  });

  it('reports the exception management disclosed for a sampled event, with its response', () => {
    const exception =
      'exceptions:\n  - { period: 2026-03, sample: "row 2", description: "Approved after access was granted.", disclosed: 2026-04-02, response: "Approval step made blocking." }\n';
    const result = check(sampledEvents(perEvent(artifact('row 1'), exception), ['row 1', 'row 2']));
    expect(findings(result, 'TB606')).toHaveLength(1);
    const paper = workpaper(result);
    expect(items(paper)[1]).toMatchObject({
      item: 'row 2',
      result: 'exception disclosed',
      evidence: [],
      note: expect.stringContaining("Management's response: Approval step made blocking."),
      codes: ['TB606'],
    });
    expect(control(paper).result).toBe('exception disclosed');
    expect(paper.counts).toMatchObject({ itemsTested: 2, noException: 1, exceptions: 1, missing: 0 });
    // One deviation in three events is more than the sample tolerates: the criterion is not met, and says why.
    expect(criterion(paper, 'CC6.1').result).toBe('not met');
    expect(criterion(paper, 'CC6.1').conclusion).toBe(
      "not met: BASE-01 did not operate effectively from 2026-01-01 to 2026-06-30; exception noted: BASE-01, disclosed with management's response",
    );
  });

  it('evaluates a deviation management disclosed even when the sample did not reach it', () => {
    const exception =
      'exceptions:\n  - { period: 2026-03, sample: "row 2", description: "Approved after access was granted.", disclosed: 2026-04-02, response: "Approval step made blocking." }\n';
    const paper = workpaper(
      check(sampledEvents(perEvent(artifact('row 1') + artifact('row 3'), exception), ['row 1', 'row 3'])),
    );
    expect(items(paper).map((item) => item.result)).toEqual(['no exception', 'no exception']);
    expect(control(paper).deviations).toEqual([
      expect.objectContaining({ series: 'EV-BASE-01', item: 'row 2', sampled: false }),
    ]);
    expect(control(paper).result).toBe('exception disclosed');
    expect(control(paper).effectiveness).toEqual({
      occurrences: 3,
      deviations: 1,
      tolerable: 0,
      effective: false,
      neverRan: false,
    });
    const html = workpaperHtml(paper);
    expect(html).toContain('row 2 (EV-BASE-01, not in the sample), disclosed 2026-04-02');
    expect(html).toContain('Operated effectively over the window: no (1 of 3 occurrences deviated; 0 tolerated)');
  });

  it('reports a sampled event without evidence as evidence missing, from the check’s TB902', () => {
    const result = check(sampledEvents(perEvent(artifact('row 1')), ['row 1', 'row 3']));
    expect(findings(result, 'TB902')).toHaveLength(1);
    const paper = workpaper(result);
    expect(items(paper).map((item) => [item.item, item.result])).toEqual([
      ['row 1', 'no exception'],
      ['row 3', 'evidence missing'],
    ]);
    expect(items(paper)[1]!.codes).toEqual(['TB902']);
    expect(control(paper).result).toBe('evidence missing');
    expect(criterion(paper, 'CC7.2').conclusion).toBe('deviation: evidence missing for BASE-01');
  });

  it('puts an altered artifact on its own event, and an altered population export on every event', () => {
    const zeros = '0'.repeat(64);
    const files = edit(
      perEvent(
        `  - { collected: 2026-02-02, sample: "row 1", file: files/row-1.txt, sha256: "${zeros}" }\n` +
          artifact('row 3'),
      ),
      EVIDENCE,
      'rows: 3, location: "https://docs.test.example/p.csv"',
      `rows: 3, file: files/p.csv, sha256: "${zeros}"`,
    );
    // On disk: the check reads the files to compare their hashes.
    const root = mkdtempSync(join(tmpdir(), 'trustbook-workpaper-'));
    writeProgram(root, {
      ...sampledEvents(files, ['row 1', 'row 3']),
      'evidence-index/files/row-1.txt': 'changed after collection\n',
      'evidence-index/files/p.csv': 'ticket\nrow 1\nrow 2\nrow 3\n',
    });
    const result = checkProject(root, { today: '2026-07-15' });
    rmSync(root, { recursive: true, force: true });
    const altered = findings(result, 'TB702');
    expect(altered.map((d) => d.subject?.artifact)).toEqual([0, undefined]);
    const [row1, row3] = items(workpaper(result));
    expect(row1).toMatchObject({ item: 'row 1', result: 'evidence missing', codes: ['TB702'] });
    expect(row1!.note).toContain('artifact file `evidence-index/files/row-1.txt` does not match');
    expect(row1!.note).toContain('population file `evidence-index/files/p.csv` does not match');
    expect(row3).toMatchObject({ item: 'row 3', result: 'evidence missing', codes: ['TB702'] });
    expect(row3!.note).not.toContain('row-1.txt');
    expect(row3!.note).toContain('population file `evidence-index/files/p.csv` does not match');
  });

  it('tests nothing of a population changed after sampling, even an evidenced event', () => {
    const changed = { ...perEvent(artifact('row 1')), [SAMPLES]: record('events', ['row 1', 'row 2'], ['row 1']) };
    const result = check(changed);
    expect(findings(result, 'TB901')).toHaveLength(1);
    const paper = workpaper(result);
    expect(items(paper)).toEqual([expect.objectContaining({ item: 'row 1', result: 'not tested', codes: ['TB901'] })]);
    expect(control(paper).result).toBe('not tested');
  });

  it('reads a sampled period from its timeline: evidenced, or performed late', () => {
    const quarters = ['2026-Q1', '2026-Q2'];
    const late = edit(
      validProgram(),
      EVIDENCE,
      '{ collected: 2026-04-05, period: 2026-Q1,',
      '{ collected: 2026-05-20, period: 2026-Q1,',
    );
    const result = check({ ...late, [SAMPLES]: record('periods', quarters, quarters) });
    expect(findings(result, 'TB605')).toHaveLength(1);
    const paper = workpaper(result);
    expect(items(paper)).toEqual([
      expect.objectContaining({
        item: '2026-Q1',
        result: 'evidence missing',
        note: expect.stringMatching(/^performed late/),
      }),
      expect.objectContaining({
        item: '2026-Q2',
        result: 'no exception',
        evidence: [{ kind: 'url', ref: 'https://docs.test.example/q2.pdf' }],
      }),
    ]);
    expect(control(paper).series[0]!.population).toEqual({
      size: 2,
      description: '2 quarters due in the window (2026-Q1 to 2026-Q2)',
    });
  });

  it('does not test a planned control, and leaves it out of the criterion summary', () => {
    const files = {
      ...validProgram(),
      'content/controls/PLN-01.mdx': `---
id: PLN-01
title: Planned control
criteria: [CC1.1]
owner: security-lead
frequency: quarterly
status: planned
---

Not yet running.
`,
    };
    const paper = workpaper(check(files));
    expect(control(paper, 'PLN-01')).toMatchObject({
      result: 'not tested',
      operation: 'not in operation',
      notTested: 'planned, not in operation',
      series: [],
    });
    expect(criterion(paper, 'CC1.1').controls).toEqual(['BASE-01']);
  });

  it('says which criterion is excluded, and why', () => {
    const reason = 'The platform keeps no data for customers beyond their scheduling records.';
    const files = edit(
      validProgram(),
      'content/program.yaml',
      'scope: [security]',
      `scope: [security, confidentiality]\nexcluded_criteria:\n  - { id: C1.2, reason: "${reason}" }`,
    );
    const paper = workpaper(check(files));
    expect(criterion(paper, 'C1.2')).toMatchObject({ result: 'excluded', conclusion: `excluded: ${reason}` });
  });

  it('writes one CSV row per sampled item, and one for a control with nothing sampled', () => {
    const files = {
      ...sampledEvents(perEvent(artifact('row 1')), ['row 1', 'row 3']),
      'content/controls/PLN-01.mdx': `---
id: PLN-01
title: Planned control
criteria: [CC1.1]
owner: security-lead
frequency: quarterly
status: planned
---

Not yet running.
`,
    };
    const [header, ...body] = parseCsv(workpaperCsv(workpaper(check(files))));
    expect(header).toEqual([...workpaperHeader]);
    expect(body).toHaveLength(3);
    expect(body[0]).toEqual([
      'BASE-01',
      expect.stringContaining('CC1.1; CC1.2'),
      'inspection',
      'EV-BASE-01',
      '3',
      'row 1',
      'https://docs.test.example/row-1.pdf',
      'no exception',
      '',
    ]);
    expect(body[1]).toMatchObject({ 5: 'row 3', 7: 'evidence missing' });
    expect(body[2]).toEqual([
      'PLN-01',
      'CC1.1',
      'inspection',
      '',
      '',
      '',
      '',
      'not tested',
      'planned, not in operation',
    ]);
  });

  it('renders a standalone HTML workpaper with the text escaped', () => {
    const files = edit(
      validProgram(),
      CONTROL,
      'title: Baseline security program',
      'title: "Baseline <script>alert(1)</script>"',
    );
    const html = workpaperHtml(workpaper(check(files)));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Mock audit workpaper</h1>');
    expect(html).toContain('not an audit opinion');
    expect(html).toContain('Baseline &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html.indexOf('Summary by criterion')).toBeGreaterThan(html.indexOf('Tests of controls'));
  });
});
