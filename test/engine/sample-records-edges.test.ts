/**
 * The redraw of a sample record (TB905, TB906) at edges sample-redraw.test.ts leaves open: each way a record can
 * differ from its redraw (population count, kind, size, items, order) with its own words and line, the items
 * named five at most, the records of another window skipped on either end, and the series a record may leave
 * out (per-event, evidencing no control in operation, with nothing due yet). The rule is called on a model
 * built from memory, not through a whole check.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { auditWindow } from '../../src/engine/evidence-timeline.ts';
import { drawSeries, SAMPLING_METHOD } from '../../src/engine/sampling.ts';
import { sampleRecordsRule } from '../../src/engine/rules/sample-records.ts';
import type { SampledSeries } from '../../src/schema/index.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';
import { ruleContext } from '../helpers/small-program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';
const AS_OF = '2026-07-15';

const modelOf = (files: Files) => buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;

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

/** An evidence series of BASE-01 (or the control given) at the frequency given, with the extra lines given. */
const series = (id: string, frequency: string, extra = '', control = 'BASE-01') => `---
id: ${id}
title: ${id} record
controls: [${control}]
owner: security-lead
frequency: ${frequency}
${extra}---

Kept.
`;

/** A control at the frequency given, with the extra lines given (a status, an implementation date). */
const control = (id: string, frequency: string, extra = '') => `---
id: ${id}
title: ${id} control
criteria: [CC1.1]
policies: [information-security]
owner: security-lead
frequency: ${frequency}
${extra}---

Runs.
`;

/** A sample record as `trustbook sample` writes it, from the entries given (line 9 is the first `population`). */
function recordText(samples: SampledSeries[], window = 'start: 2026-01-01, end: 2026-06-30'): string {
  const entries = samples
    .map(
      (entry) => `  - series: ${entry.series}
    controls: [${entry.controls.join(', ')}]
    kind: ${entry.kind}
    population: { size: ${entry.population.size}, sha256: ${entry.population.sha256} }
    size: ${entry.size}
    items: [${entry.items.map((item) => JSON.stringify(item)).join(', ')}]
`,
    )
    .join('');
  return `seed: 42\nwindow: { ${window} }\ndrawn: ${AS_OF}\nmethod: ${JSON.stringify(SAMPLING_METHOD)}\nsamples:\n${entries}`;
}

/** The draw of one series of the program, as a record must hold it. */
function drawOf(files: Files, id: string): SampledSeries {
  const model = modelOf(files);
  const found = model.evidence.find((candidate) => candidate.id === id)!;
  return drawSeries(model, found, auditWindow(model)!, AS_OF, 42);
}

const run = (files: Files) => sampleRecordsRule(modelOf(files), ruleContext(AS_OF));
const described = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id} ${d.line}: ${d.message}`);
const redrawn = (series: string, text: string) =>
  `the recorded sample of ${series} is not the one seed 42 draws from its population: ${text}`;

describe('a record that differs from its redraw', () => {
  it('is accepted when it is the draw itself', () => {
    const files = monthly();
    expect(run({ ...files, [SAMPLES]: recordText([drawOf(files, 'EV-BASE-01')]) })).toEqual([]);
  });

  it('names a population count edited by hand, at the population line', () => {
    const files = monthly();
    const drawn = drawOf(files, 'EV-BASE-01');
    const edited = { ...drawn, population: { ...drawn.population, size: 7 } };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 9: ${redrawn('EV-BASE-01', 'it records a population of 7 items, which has 6')}`,
    ]);
  });

  it('names a kind edited by hand, at the kind line', () => {
    const files = monthly();
    const edited: SampledSeries = { ...drawOf(files, 'EV-BASE-01'), kind: 'events' };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 8: ${redrawn('EV-BASE-01', 'it records events, the series is sampled by periods')}`,
    ]);
  });

  it('names a size cut while the items stay, at the size line, counting the size', () => {
    const files = monthly();
    const edited = { ...drawOf(files, 'EV-BASE-01'), size: 2 };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 10: ${redrawn('EV-BASE-01', 'it tests 2 of 6 items where the sample size is 3')}`,
    ]);
  });

  it('names an item dropped while the size stays, at the items line, counting the items', () => {
    const files = monthly();
    const drawn = drawOf(files, 'EV-BASE-01');
    const edited = { ...drawn, items: drawn.items.slice(0, 2) };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 11: ${redrawn('EV-BASE-01', 'it tests 2 of 6 items where the sample size is 3')}`,
    ]);
  });

  it('names an item listed twice in place of one the draw selects, with nothing extra', () => {
    const files = monthly();
    const drawn = drawOf(files, 'EV-BASE-01');
    expect(drawn.items).toEqual(['2026-02', '2026-04', '2026-06']);
    const edited = { ...drawn, items: ['2026-02', '2026-02', '2026-06'] };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 11: ${redrawn('EV-BASE-01', 'it lists nothing where the draw selects 2026-04')}`,
    ]);
  });

  it('names the draw’s items out of population order', () => {
    const files = monthly();
    const drawn = drawOf(files, 'EV-BASE-01');
    const edited = { ...drawn, items: [...drawn.items].reverse() };
    expect(described(run({ ...files, [SAMPLES]: recordText([edited]) }))).toEqual([
      `TB905 EV-BASE-01 11: ${redrawn('EV-BASE-01', 'its items are out of population order')}`,
    ]);
  });
});

describe('a record of a population that lists an event twice', () => {
  it('names the item put in place of one of the twice-drawn event’s two rows, and nothing missing', () => {
    const ids = ['CHG-1', 'CHG-1', 'CHG-2', 'CHG-3', 'CHG-4', 'CHG-5', 'CHG-6', 'CHG-7', 'CHG-8', 'CHG-9'];
    const files = {
      ...monthly(),
      'evidence-index/EV-CHG.mdx': series(
        'EV-CHG',
        'per-event',
        `population:\n  - { source: Tickets, exported: 2026-07-01, rows: 10, file: files/changes.csv, sha256: ${'ab'.repeat(32)} }\n`,
      ),
    };
    const withExport = (model: ReturnType<typeof modelOf>) => {
      model.artifactFiles.set('files/changes.csv', { status: 'present', sha256: 'ab'.repeat(32), csvIds: ids });
      return model;
    };
    const model = withExport(modelOf(files));
    const window = auditWindow(model)!;
    const draw = (id: string) =>
      drawSeries(
        model,
        model.evidence.find((e) => e.id === id)!,
        window,
        AS_OF,
        42,
      );
    const drawn = draw('EV-CHG');
    expect(drawn.items).toEqual(ids);
    const edited = { ...drawn, items: ['CHG-1', 'CHG-0', ...ids.slice(2)] };
    const found = sampleRecordsRule(
      withExport(modelOf({ ...files, [SAMPLES]: recordText([draw('EV-BASE-01'), edited]) })),
      ruleContext(AS_OF),
    );
    expect(found.map((d) => d.message)).toEqual([redrawn('EV-CHG', 'it lists CHG-0 where the draw selects nothing')]);
  });
});

describe('the items a difference names', () => {
  /** A per-event series of 100 events kept outside the repository: the draw tests 10 of them. */
  const hundred = () => ({
    ...monthly(),
    'evidence-index/EV-CHG.mdx': series(
      'EV-CHG',
      'per-event',
      'population:\n  - { source: Tickets, exported: 2026-07-01, rows: 100, location: "https://docs.test.example/p.csv" }\n',
    ),
  });
  /** The draw with its first `count` items swapped for rows it does not select, in population order. */
  const swapped = (drawn: SampledSeries, count: number) => {
    const others = Array.from({ length: 100 }, (_, i) => `row ${i + 1}`).filter((row) => !drawn.items.includes(row));
    return { ...drawn, items: [...others.slice(0, count), ...drawn.items.slice(count)] };
  };

  it('are five at most, the rest counted', () => {
    const files = hundred();
    const drawn = drawOf(files, 'EV-CHG');
    expect(drawn.size).toBe(10);
    const edited = swapped(drawn, 7);
    const records = [drawOf(files, 'EV-BASE-01'), edited];
    const [found] = run({ ...files, [SAMPLES]: recordText(records) });
    const extra = edited.items.slice(0, 5).join(', ');
    const missing = drawn.items.slice(0, 5).join(', ');
    expect(found?.message).toBe(
      redrawn('EV-CHG', `it lists ${extra} and 2 more where the draw selects ${missing} and 2 more`),
    );
  });

  it('are all named when they are five', () => {
    const files = hundred();
    const drawn = drawOf(files, 'EV-CHG');
    const edited = swapped(drawn, 5);
    const [found] = run({ ...files, [SAMPLES]: recordText([drawOf(files, 'EV-BASE-01'), edited]) });
    const extra = edited.items.slice(0, 5).join(', ');
    const missing = drawn.items.slice(0, 5).join(', ');
    expect(found?.message).toBe(redrawn('EV-CHG', `it lists ${extra} where the draw selects ${missing}`));
  });
});

describe('a record the rule does not redraw', () => {
  it('is the record of a window that differs at either end, or of a Type I audit (no window)', () => {
    const files = monthly();
    const edited = { ...drawOf(files, 'EV-BASE-01'), items: ['2026-01'] };
    const otherEnd = recordText([edited], 'start: 2026-01-01, end: 2026-05-31');
    const otherStart = recordText([edited], 'start: 2025-12-01, end: 2026-06-30');
    expect(run({ ...files, 'evidence-index/samples/2026-01-01_2026-05-31.yaml': otherEnd })).toEqual([]);
    expect(run({ ...files, 'evidence-index/samples/2025-12-01_2026-06-30.yaml': otherStart })).toEqual([]);
    const typeI = edit(files, 'content/program.yaml', /type: II\n.*\n/, 'type: I\n  date: 2026-06-30\n');
    expect(run({ ...typeI, [SAMPLES]: recordText([edited]) })).toEqual([]);
  });

  it('leaves an entry naming a series that does not exist to TB904', () => {
    const files = monthly();
    const drawn = drawOf(files, 'EV-BASE-01');
    expect(run({ ...files, [SAMPLES]: recordText([drawn, { ...drawn, series: 'EV-GONE' }]) })).toEqual([]);
  });
});

describe('TB906', () => {
  it('names the method of a record drawn another way, at its line, for the sampling programme', () => {
    const files = monthly();
    const text = recordText([drawOf(files, 'EV-BASE-01')]).replace(JSON.stringify(SAMPLING_METHOD), '"judgmental"');
    expect(run({ ...files, [SAMPLES]: text })).toEqual([
      expect.objectContaining({
        code: 'TB906',
        line: 4,
        subject: { kind: 'program', id: 'sampling' },
        message:
          'the sample record\'s method is not the documented selection, so it cannot be drawn again: "judgmental"',
      }),
    ]);
  });
});

describe('a series a record leaves out', () => {
  it('is reported when periodic and due (the draw selects something)', () => {
    const files = monthly();
    const files2 = { ...files, 'evidence-index/EV-BASE-02.mdx': series('EV-BASE-02', 'monthly') };
    expect(described(run({ ...files2, [SAMPLES]: recordText([drawOf(files, 'EV-BASE-01')]) }))).toEqual([
      'TB905 EV-BASE-02 5: the recorded sample leaves out EV-BASE-02 (BASE-01), from which seed 42 draws 3 of 6 periods',
    ]);
  });

  it('is not reported when per-event, evidencing no control in operation, or with no period due', () => {
    const files = {
      ...monthly(),
      'evidence-index/EV-CHG.mdx': series(
        'EV-CHG',
        'per-event',
        'population:\n  - { source: Tickets, exported: 2026-07-01, rows: 30, location: "https://docs.test.example/p.csv" }\n',
      ),
      'content/controls/PLAN-01.mdx': control('PLAN-01', 'monthly', 'status: planned\n'),
      'evidence-index/EV-PLAN-01.mdx': series('EV-PLAN-01', 'monthly', '', 'PLAN-01'),
      'content/controls/LATE-01.mdx': control('LATE-01', 'monthly', 'implemented: 2026-07-01\n'),
      'evidence-index/EV-LATE-01.mdx': series('EV-LATE-01', 'monthly', '', 'LATE-01'),
    };
    expect(run({ ...files, [SAMPLES]: recordText([drawOf(files, 'EV-BASE-01')]) })).toEqual([]);
  });
});
