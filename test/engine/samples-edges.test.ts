/**
 * The tie-out of a drawn sample (TB901 to TB904) at edges sampling.test.ts leaves open: each finding's line,
 * subject and words, an event evidenced by an artifact or by an exception alone, a sampled period left to the
 * Type II rule, the records of another window skipped on either end, and artifacts naming events checked against
 * a population export only when it lists some. The rule is called on a model built from memory.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { populationHash, SAMPLING_METHOD } from '../../src/engine/sampling.ts';
import { samplesRule } from '../../src/engine/rules/samples.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';
import { ruleContext } from '../helpers/small-program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';
const CSV = 'files/changes.csv';

const rows = (count: number) => Array.from({ length: count }, (_, i) => `row ${i + 1}`);

/** The test program with a per-event series of three events kept at a URL, with the artifacts and extra lines given. */
const perEvent = (artifacts: string, extra = ''): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n${artifacts}population:\n  - { source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.test.example/p.csv" }\n${extra}`,
  );

const artifact = (sample: string) =>
  `  - { collected: 2026-02-02, sample: "${sample}", location: "https://docs.test.example/${sample.replace(' ', '-')}.pdf" }\n`;

/** A sample record of the series given (line 6 is its `series`, 9 its `population`). */
const record = (
  items: string[],
  { population = rows(3), kind = 'events', series = 'EV-BASE-01', window = 'start: 2026-01-01, end: 2026-06-30' } = {},
) => `seed: 1
window: { ${window} }
drawn: 2026-07-02
method: ${JSON.stringify(SAMPLING_METHOD)}
samples:
  - series: ${series}
    controls: [BASE-01]
    kind: ${kind}
    population: { size: ${population.length}, sha256: ${populationHash(population)} }
    size: ${items.length}
    items: [${items.map((item) => `"${item}"`).join(', ')}]
`;

const modelOf = (files: Files) => buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
const run = (files: Files, readiness = false) => samplesRule(modelOf(files), ruleContext('2026-07-15', { readiness }));
const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line} ${JSON.stringify(d.subject)}: ${d.message}`);

describe('a sampled event', () => {
  it('is tied out by an artifact naming it, or by an exception naming it alone', () => {
    const files = perEvent(
      artifact('row 1'),
      'exceptions:\n  - { period: 2026-03, sample: "row 2", description: "Approved late.", disclosed: 2026-04-02, response: "Approval made blocking." }\n',
    );
    expect(run({ ...files, [SAMPLES]: record(['row 1', 'row 2']) })).toEqual([]);
  });

  it('is not tied out by an artifact or an exception naming no event', () => {
    const files = perEvent(
      '  - { collected: 2026-02-02, location: "https://docs.test.example/all.pdf" }\n',
      'exceptions:\n  - { period: 2026-03, description: "Approved late.", disclosed: 2026-04-02, response: "Approval made blocking." }\n',
    );
    expect(run({ ...files, [SAMPLES]: record(['row 2']) }).map((d) => `${d.code} ${d.subject?.period}`)).toEqual([
      'TB902 row 2',
    ]);
  });

  it('without evidence is an error at the series’ artifacts, naming the event (TB902)', () => {
    const files = { ...perEvent(artifact('row 1')), [SAMPLES]: record(['row 1', 'row 3']) };
    expect(described(run(files))).toEqual([
      `TB902 error ${EVIDENCE}:7 {"kind":"evidence","id":"EV-BASE-01","period":"row 3"}: sampled item row 3 of EV-BASE-01 has no evidence`,
    ]);
    expect(run(files, true)).toEqual([expect.objectContaining({ code: 'TB902', severity: 'warning', deferred: true })]);
  });
});

describe('a sampled period', () => {
  it('is left to the Type II rule: no artifact need name it', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const files = edit(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
      EVIDENCE,
      /frequency: quarterly\nartifacts:\n(.*\n){2}/,
      `frequency: monthly\nartifacts:\n${months.map((m) => `  - { collected: ${m}-28, period: ${m}, location: "https://docs.test.example/${m}.pdf" }\n`).join('')}`,
    );
    const sampled = record(['2026-02', '2026-04'], { population: months, kind: 'periods' });
    expect(run({ ...files, [SAMPLES]: sampled })).toEqual([]);
  });
});

describe('a population changed after sampling (TB901)', () => {
  it('is reported at the record’s population line, with both sizes', () => {
    const files = { ...perEvent(artifact('row 1')), [SAMPLES]: record(['row 1'], { population: rows(2) }) };
    expect(described(run(files))).toEqual([
      `TB901 error ${SAMPLES}:9 {"kind":"evidence","id":"EV-BASE-01"}: the population of EV-BASE-01 changed after the sample was drawn (2 items then, 3 now)`,
    ]);
  });
});

describe('a record naming a series (TB904)', () => {
  it('that does not exist is reported at its series line', () => {
    const files = { ...perEvent(artifact('row 1')), [SAMPLES]: record(['row 1'], { series: 'EV-GONE' }) };
    expect(described(run(files))).toEqual([
      `TB904 error ${SAMPLES}:6 {"kind":"evidence","id":"EV-GONE"}: the sample names evidence series EV-GONE, which does not exist`,
    ]);
    // An entry written with its `series` after `controls`: the finding points at `series`, not the entry.
    const later = record(['row 1'], { series: 'EV-GONE' }).replace(
      '  - series: EV-GONE\n    controls: [BASE-01]\n',
      '  - controls: [BASE-01]\n    series: EV-GONE\n',
    );
    expect(run({ ...files, [SAMPLES]: later }).map((d) => d.line)).toEqual([7]);
  });

  it('that failed its schema is not reported again', () => {
    const files = {
      ...perEvent(artifact('row 1')),
      'evidence-index/EV-BROKEN.mdx': '---\nid: EV-BROKEN\ntitle: Broken\n---\n\nNo controls, no owner.\n',
      [SAMPLES]: record(['row 1'], { series: 'EV-BROKEN' }),
    };
    expect(run(files)).toEqual([]);
  });
});

describe('the records of another window', () => {
  it('are not tied out, whichever end differs, nor anything without a Type II window', () => {
    const files = perEvent(artifact('row 1'));
    const unknown = { series: 'EV-GONE', population: rows(2) };
    const otherEnd = record(['row 9'], { ...unknown, window: 'start: 2026-01-01, end: 2026-05-31' });
    const otherStart = record(['row 9'], { ...unknown, window: 'start: 2025-12-01, end: 2026-06-30' });
    expect(run({ ...files, 'evidence-index/samples/2026-01-01_2026-05-31.yaml': otherEnd })).toEqual([]);
    expect(run({ ...files, 'evidence-index/samples/2025-12-01_2026-06-30.yaml': otherStart })).toEqual([]);
    const typeI = edit(files, 'content/program.yaml', /type: II\n.*\n/, 'type: I\n  date: 2026-06-30\n');
    expect(run({ ...typeI, [SAMPLES]: record(['row 9'], unknown) })).toEqual([]);
  });
});

describe('an artifact naming an event (TB903)', () => {
  /** The per-event series with its population in an export listing the ids given. */
  const exported = (artifacts: string, ids: string[]) => {
    const files = edit(
      perEvent(artifacts),
      EVIDENCE,
      /rows: 3, location: "[^"]*"/,
      `rows: ${ids.length}, file: ${CSV}, sha256: ${'ab'.repeat(32)}`,
    );
    const model = modelOf(files);
    model.artifactFiles.set(CSV, { status: 'present', sha256: 'ab'.repeat(32), csvIds: ids });
    return model;
  };

  it('the export does not list is reported at that artifact’s sample', () => {
    const block = '  - collected: 2026-03-06\n    location: "https://docs.test.example/chg.pdf"\n    sample: CHG-9\n';
    const model = exported(artifact('CHG-1') + block, ['CHG-1', 'CHG-2']);
    expect(described(samplesRule(model, ruleContext('2026-07-15')))).toEqual([
      `TB903 error ${EVIDENCE}:11 {"kind":"evidence","id":"EV-BASE-01"}: artifact names sample CHG-9, which the population of EV-BASE-01 does not list`,
    ]);
  });

  it('is not checked for an artifact naming no event', () => {
    const model = exported('  - { collected: 2026-03-06, location: "https://docs.test.example/all.pdf" }\n', ['CHG-1']);
    expect(samplesRule(model, ruleContext('2026-07-15'))).toEqual([]);
  });

  it('is not checked against a population kept outside the repository, nor one without events', () => {
    expect(run(perEvent(artifact('CHG-9')))).toEqual([]);
    const empty = exported(artifact('CHG-9'), []);
    expect(samplesRule(empty, ruleContext('2026-07-15'))).toEqual([]);
  });

  it('is not checked for an artifact of a periodic series', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      'location: "https://docs.test.example/q1.pdf" }',
      'location: "https://docs.test.example/q1.pdf", sample: CHG-9 }',
    );
    expect(run(files)).toEqual([]);
  });
});
