import { describe, expect, it } from 'vitest';
import { populationHash } from '../../src/engine/sampling.ts';
import { workpaper } from '../../src/fieldwork/workpaper.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const Q1 = 'https://docs.test.example/q1.pdf';

/** A second series (`id`) of the control `control`, quarterly, with one artifact for Q1 at `location`. */
const series = (id: string, control: string, location: string) => `---
id: ${id}
title: Another record
controls: [${control}]
owner: security-lead
frequency: quarterly
artifacts:
  - { collected: 2026-04-05, period: 2026-Q1, location: "${location}" }
  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/${id}-q2.pdf" }
---

Another record.
`;

const otherControl = `---
id: OTHER-01
title: Vulnerability remediation
criteria: [CC7.1]
policies: [information-security]
owner: security-lead
frequency: quarterly
---

Findings are remediated.
`;

const withSecond = (files: Files, id: string, control: string, location: string): Files => ({
  ...files,
  [`evidence-index/${id}.mdx`]: series(id, control, location),
});

describe('one document, one occurrence', () => {
  it('reports the Q1 report filed again for Q2, at the second use', () => {
    const files = edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', Q1);
    expect(findings(check(files), 'TB622')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 9,
        subject: { kind: 'evidence', id: 'EV-BASE-01', artifact: 1 },
        message: `one document (${Q1}) is counted for several occurrences: EV-BASE-01 2026-Q1, EV-BASE-01 2026-Q2`,
      }),
    ]);
  });

  it('knows a location however its host is capitalised', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      'https://docs.test.example/q2.pdf',
      'HTTPS://Docs.Test.Example/q1.pdf',
    );
    expect(findings(check(files), 'TB622')).toHaveLength(1);
  });

  it('knows a renamed copy by its sha256', () => {
    const hash = 'ab'.repeat(32);
    let files = edit(validProgram(), EVIDENCE, `location: "${Q1}"`, `file: files/q1.pdf, sha256: ${hash}`);
    files = edit(
      files,
      EVIDENCE,
      'location: "https://docs.test.example/q2.pdf"',
      `file: files/q2-copy.pdf, sha256: ${hash.toUpperCase()}`,
    );
    expect(findings(check(files), 'TB622')).toEqual([
      expect.objectContaining({ line: 9, message: expect.stringContaining('evidence-index/files/q2-copy.pdf') }),
    ]);
  });

  it('does not count one document listed twice for the same period as two occurrences', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      `  - { collected: 2026-04-05, period: 2026-Q1, location: "${Q1}" }\n`,
      `  - { collected: 2026-04-05, period: 2026-Q1, location: "${Q1}" }\n  - { collected: 2026-04-06, period: 2026-Q1, location: "${Q1}" }\n`,
    );
    expect(findings(check(files), 'TB622')).toEqual([]);
  });

  it('reports one document counted by two series of the same control', () => {
    const files = withSecond(validProgram(), 'EV-BASE-02', 'BASE-01', Q1);
    expect(findings(check(files), 'TB622')).toEqual([
      expect.objectContaining({ file: 'evidence-index/EV-BASE-02.mdx', line: 8 }),
    ]);
  });

  it('warns when one document evidences unrelated controls', () => {
    const files = withSecond(
      { ...validProgram(), 'content/controls/OTHER-01.mdx': otherControl },
      'EV-OTHER-01',
      'OTHER-01',
      Q1,
    );
    const result = check(files);
    expect(findings(result, 'TB622')).toEqual([]);
    expect(findings(result, 'TB623')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'evidence-index/EV-OTHER-01.mdx',
        line: 8,
        message: expect.stringContaining('unrelated controls (BASE-01, OTHER-01)'),
      }),
    ]);
  });

  it('lets one record of a per-event series name several events', () => {
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: per-event\nartifacts:\n  - { collected: 2026-03-02, sample: CHG-1, location: "https://docs.test.example/cab.pdf" }\n  - { collected: 2026-03-02, sample: CHG-2, location: "https://docs.test.example/cab.pdf" }\npopulation:\n  - { source: Tickets, exported: 2026-07-02, rows: 2, location: "https://docs.test.example/p.csv" }\n`,
    );
    const result = check(files);
    expect(findings(result, 'TB622')).toEqual([]);
    expect(findings(result, 'TB623')).toEqual([]);
  });
});

describe('the mock audit', () => {
  it('does not pass a sampled quarter whose record is the previous quarter’s document', () => {
    const files = {
      ...edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', Q1),
      'evidence-index/samples/2026-01-01_2026-06-30.yaml': `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-15
method: systematic
samples:
  - { series: EV-BASE-01, controls: [BASE-01], kind: periods, population: { size: 2, sha256: ${populationHash(['2026-Q1', '2026-Q2'])} }, size: 2, items: ["2026-Q1", "2026-Q2"] }
`,
    };
    const items = workpaper(check(files)).controls[0]!.series[0]!.items;
    expect(items.map((item) => [item.item, item.result, item.codes])).toEqual([
      ['2026-Q1', 'no exception', []],
      ['2026-Q2', 'evidence missing', ['TB622']],
    ]);
  });
});
