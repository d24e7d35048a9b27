import { describe, expect, it } from 'vitest';
import { workpaper } from '../../src/fieldwork/workpaper.ts';
import { drawSamples, populationHash, populationOf, samplingFrequency } from '../../src/engine/sampling.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

/** The test control at `control` frequency, evidenced by a series at `series` frequency with a note and these artifacts. */
const noted = (control: string, series: string, artifacts: string, extra = ''): Files =>
  edit(
    edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: ${control}`),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: ${series}\nfrequency_note: "Each export lists every run of its period."\nartifacts:\n${artifacts}${extra}`,
  );

const monthlyExports = (months: string[], day = '03') =>
  months
    .map((m) => {
      const [year, month] = m.split('-').map(Number);
      const next = month === 12 ? `${year! + 1}-01` : `${year}-${String(month! + 1).padStart(2, '0')}`;
      return `  - { collected: ${next}-${day}, period: ${m}, location: "https://docs.test.example/${m}.csv" }\n`;
    })
    .join('');

describe('a frequency_note never lowers the occurrences', () => {
  it('accepts quarterly exports that each list the three months of their quarter', () => {
    const files = noted(
      'monthly',
      'quarterly',
      '  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
    );
    const result = check(files);
    expect(findings(result, 'TB620')).toEqual([]);
    expect(findings(result, 'TB406')).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  it('reports the months a mid-quarter export cannot show, at the note', () => {
    const files = noted(
      'monthly',
      'quarterly',
      '  - { collected: 2026-02-10, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-05-10, location: "https://docs.test.example/q2.pdf" }\n',
    );
    expect(findings(check(files), 'TB620')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 7,
        message:
          'BASE-01 runs monthly, but no artifact of EV-BASE-01 records 2 of its occurrences in the window: 2026-02, 2026-03',
      }),
    ]);
  });

  it('counts a month as shown when the export is made on its last day, and not the day before', () => {
    const onTheDay = noted(
      'monthly',
      'quarterly',
      '  - { collected: 2026-03-31, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
    );
    expect(findings(check(onTheDay), 'TB620')).toEqual([]);
    const dayBefore = edit(onTheDay, EVIDENCE, 'collected: 2026-03-31', 'collected: 2026-03-30');
    expect(findings(check(dayBefore), 'TB620')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('one of its occurrences in the window: 2026-03') }),
    ]);
  });

  it('accepts an occurrence disclosed as an exception', () => {
    const files = noted(
      'monthly',
      'quarterly',
      '  - { collected: 2026-02-10, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
      'exceptions:\n  - { period: { start: 2026-02-11, end: 2026-03-31 }, description: "No review in late February or March.", disclosed: 2026-04-10, response: "Reviews resumed in April." }\n',
    );
    expect(findings(check(files), 'TB620')).toEqual([]);
  });

  it('leaves a quarter with no export at all to TB601, without a second finding', () => {
    const files = noted(
      'monthly',
      'quarterly',
      '  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
    );
    const result = check(files);
    expect(findings(result, 'TB601')).toHaveLength(1);
    expect(findings(result, 'TB620')).toEqual([]);
  });

  it('asks a daily control for every day, whatever the monthly exports are called', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const whole = noted('daily', 'monthly', monthlyExports(months));
    expect(findings(check(whole), 'TB620')).toEqual([]);
    const early = edit(
      whole,
      EVIDENCE,
      'collected: 2026-04-03, period: 2026-03',
      'collected: 2026-03-20, period: 2026-03',
    );
    expect(findings(check(early), 'TB620')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /runs daily, .* 11 of its occurrences in the window: 2026-03-21, 2026-03-22, 2026-03-23, 2026-03-24 and 7 more/,
        ),
      }),
    ]);
  });

  it('does not excuse periodic evidence of a per-event control, note or not', () => {
    const files = noted(
      'per-event',
      'monthly',
      monthlyExports(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']),
    );
    expect(findings(check(files), 'TB406')).toEqual([expect.objectContaining({ file: CONTROL, line: 8 })]);
  });

  it('asks nothing before the control was implemented', () => {
    const files = edit(
      noted(
        'monthly',
        'quarterly',
        '  - { collected: 2026-03-31, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n',
      ),
      CONTROL,
      'frequency: monthly',
      'frequency: monthly\nimplemented: 2026-04-01',
    );
    expect(findings(check(files), 'TB620')).toEqual([]);
  });
});

describe('the sampler takes the control’s nature', () => {
  it('samples a daily control’s days, 25 of them, though its evidence is filed monthly', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const { model } = check(noted('daily', 'monthly', monthlyExports(months)));
    const series = model.evidence[0]!;
    expect(samplingFrequency(model, series)).toBe('daily');
    const population = populationOf(model, series, WINDOW, '2026-07-15');
    expect(population.items).toHaveLength(181);
    expect(population.items[0]).toBe('2026-01-01');
    const [sample] = drawSamples(model, '2026-07-15', 42);
    expect(sample).toMatchObject({ kind: 'periods', size: 25, population: { size: 181 } });
  });

  it('samples a series at its own frequency when it carries no note', () => {
    const { model } = check(validProgram());
    expect(samplingFrequency(model, model.evidence[0]!)).toBe('quarterly');
  });

  it('shows in the mock audit a sampled day that its month’s report does not reach', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const files = edit(
      noted('daily', 'monthly', monthlyExports(months)),
      EVIDENCE,
      'collected: 2026-04-03, period: 2026-03',
      'collected: 2026-03-20, period: 2026-03',
    );
    const { model } = check(files);
    const population = populationOf(model, model.evidence[0]!, WINDOW, '2026-07-15');
    const record = `seed: 1
window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-15
method: systematic
samples:
  - { series: EV-BASE-01, controls: [BASE-01], kind: periods, population: { size: ${population.items.length}, sha256: ${populationHash(population.items)} }, size: 2, items: ["2026-03-10", "2026-03-25"] }
`;
    const paper = workpaper(check({ ...files, 'evidence-index/samples/2026-01-01_2026-06-30.yaml': record }));
    const items = paper.controls[0]!.series[0]!.items;
    expect(items.map((item) => [item.item, item.result, item.codes])).toEqual([
      ['2026-03-10', 'no exception', []],
      ['2026-03-25', 'evidence missing', ['TB620']],
    ]);
    expect(items[0]!.evidence).toEqual([{ kind: 'url', ref: 'https://docs.test.example/2026-03.csv' }]);
    expect(paper.controls[0]!.series[0]!.population.description).toMatch(/^181 days due in the window/);
  });
});
