/**
 * Property-based tests with fast-check:
 *  (a) generated frontmatter and YAML (random YAML-ish text, random objects serialized with `yaml`, valid
 *      documents with one field given a value of a wrong type) never make the engine throw, and every
 *      diagnostic has a known code, a file, and a line within the file;
 *  (b) findings do not depend on the order the source files are listed in;
 *  (c) the period functions: the period holding a date contains it, and consecutive periods tile a range.
 * The numbers of runs (RUNS) keep the file well under a minute on two cores.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { criteriaOf } from '../../src/catalog/index.ts';
import { parseFrontmatterDocument, parseYaml } from '../../src/engine/frontmatter.ts';
import { buildModel, runChecks, type Diagnostic, type SourceFile } from '../../src/engine/index.ts';
import {
  parsePeriodLabel,
  periodContaining,
  periodsEndingWithin,
  type Period,
  type PeriodUnit,
} from '../../src/engine/periods.ts';
import { validProgram, type Files } from '../helpers/program.ts';
import { fullProgram, PEOPLE, PROGRAM } from './corpus.ts';
import { malformed, TODAY } from './harness.ts';

// Each property checks a thousand or more programs: about 2 s on a quiet two-core machine, over vitest's default
// 5 s when the machine is busy. The time one check of one input takes is
// bounded by `npm run bench:corpus` (5 s a case), not by a test: not the sum of 1,500 of them either.
vi.setConfig({ testTimeout: 30_000 });

export const RUNS = {
  yamlishText: 1500,
  arbitraryText: 500,
  serializedObjects: 1000,
  wrongTypes: 1500,
  shuffledPrograms: 150,
  periodContaining: 3000,
  periodTiling: 1500,
} as const;

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const settings = (numRuns: number) => ({ numRuns, seed });

// ------------------------------------------------------------------------------------------ shared checks

const lineCount = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).length;

/** Invariants of any run over any input: known codes, a file that was read (or a required one), lines in range. */
function expectSound(diagnostics: readonly Diagnostic[], files: Files): void {
  expect(malformed(diagnostics)).toEqual([]);
  const known = new Set([...Object.keys(files), PROGRAM, PEOPLE, 'content/system-description.mdx']);
  for (const d of diagnostics) {
    expect(known.has(d.file), `a finding on ${d.file}, which was not read`).toBe(true);
    const text = files[d.file];
    if (text !== undefined && d.line !== undefined) {
      expect(d.line, `${d.code} ${d.file}:${d.line} is past the end of the file`).toBeLessThanOrEqual(lineCount(text));
    }
  }
}

function checkFiles(files: Files): Diagnostic[] {
  const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const { model, diagnostics } = buildModel(sources);
  return runChecks(model, diagnostics, { today: TODAY }).diagnostics;
}

// ------------------------------------------------------------------------------------------ (a) generators

const fieldNames = [
  ...'title id kind version owner approved_by approved effective review_months criteria audience summary'.split(' '),
  ...'policies procedures frequency status justification type automated public_summary controls artifacts'.split(' '),
  ...'collected period location file sha256 note name purpose data criticality subprocessor locations added'.split(' '),
  ...'reviewed assurance public likelihood impact treatment residual due order organization system website'.split(' '),
  ...'contact scope excluded_criteria audit as_of warn_within_days readiness roles staff role hired'.split(' '),
  ...'background_check trainings left start end date auditor reason expires period_end __proto__ constructor'.split(
    ' ',
  ),
];

const yamlToken = fc.constantFrom(
  ...fieldNames,
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  '&a ',
  '*a',
  '*b',
  '!!str ',
  '!!timestamp ',
  '!!binary ',
  '!foo ',
  '? ',
  '# ',
  '|',
  '>-',
  '---',
  '...',
  '\t',
  '  ',
  '%YAML 1.2',
  '<<: ',
  '2026-02-30',
  '2026-03-01',
  '2026-Q1',
  '2026-W53',
  'CC6.1',
  'CC9.9',
  '~',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  '.nan',
  '0x1F',
  '@',
  '`',
  '\\',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u0000',
  '\uFEFF',
  '\r',
  '\u2028',
  'é',
  '😀',
);
const yamlishLine = fc
  .tuple(fc.nat({ max: 6 }), fc.array(yamlToken, { maxLength: 8 }))
  .map(([indent, tokens]) => ' '.repeat(indent) + tokens.join(''));
const yamlish = fc.array(yamlishLine, { maxLength: 14 }).map((lines) => lines.join('\n'));

/** A file around some YAML: with or without fences, BOM, CRLF, and a body. */
const documentAround = (yaml: fc.Arbitrary<string>) =>
  fc
    .record({
      yaml,
      open: fc.boolean(),
      close: fc.oneof(fc.constant('---'), fc.constant('...'), fc.constant(''), fc.constant('--- ')),
      bom: fc.boolean(),
      crlf: fc.boolean(),
      body: fc.string({ maxLength: 40 }),
    })
    .map(({ yaml: text, open, close, bom, crlf, body }) => {
      const document = `${open ? '---\n' : ''}${text}\n${close}\n${body}`;
      return `${bom ? '\uFEFF' : ''}${crlf ? document.replace(/\n/g, '\r\n') : document}`;
    });

/** Where a generated file may land: a document of each kind, or one of the two YAML files. */
const targets = [
  'policies/generated.mdx',
  'content/controls/generated.mdx',
  'content/procedures/generated.mdx',
  'evidence-index/generated.mdx',
  'content/vendors/generated.yaml',
  'content/vendors/generated.mdx',
  'content/risks/generated.mdx',
  'content/checklists/generated.mdx',
  'content/trust/generated.mdx',
  'content/system-description.mdx',
  PROGRAM,
  PEOPLE,
] as const;
const isYamlFile = (path: string) => path.endsWith('.yaml');

/** Feeds one generated file through the parsers and the whole check, in a valid program. */
function exercise(path: string, text: string): void {
  if (isYamlFile(path)) {
    const parsed = parseYaml(text.replace(/^\uFEFF/, ''));
    for (const problem of parsed.problems) {
      expect(problem.code).toBe('TB001');
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount(text));
    }
  } else {
    const parsed = parseFrontmatterDocument(text);
    for (const problem of parsed.problems) {
      expect(['TB001', 'TB002', 'TB004']).toContain(problem.code);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount(text));
    }
  }
  const files = { ...validProgram(), [path]: text };
  expectSound(checkFiles(files), files);
}

const scalarValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '9999-12-31', '0100-01-01', '2026-03-01'),
  fc.constantFrom('CC6.1', 'cc6.1', 'CC9.9', '', 'javascript:alert(1)', '../../etc/passwd', '<script>x</script>'),
);
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarValue,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 10 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
}));
const generatedObject = fc.dictionary(
  fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })),
  anyValue,
  {
    maxKeys: 12,
  },
);

/** Every path to a value in a parsed document: `['artifacts', 0, 'collected']`, ... */
function valuePaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...prefix, index], ...valuePaths(item, [...prefix, index])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...valuePaths(item, [...prefix, key])]);
  }
  return [];
}

function withValueAt(data: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = replacement;
  return copy;
}

/** The files of a full valid program, split into their fields (parsed) and body. */
const templates = Object.entries(fullProgram()).map(([path, text]) => {
  if (isYamlFile(path)) return { path, data: parse(text) as unknown, body: undefined };
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { path, data: parse(frontmatter!) as unknown, body };
});

function serialize(template: (typeof templates)[number], data: unknown): string {
  const yaml = stringify(data);
  return template.body === undefined ? yaml : `---\n${yaml}---\n${template.body}`;
}

describe('(a) generated frontmatter never breaks the engine', () => {
  it(`random YAML-ish text in every kind of file (${RUNS.yamlishText} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), documentAround(yamlish), (path, text) => exercise(path, text)),
      settings(RUNS.yamlishText),
    );
  });

  it(`arbitrary text, binary included (${RUNS.arbitraryText} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          documentAround(fc.string({ unit: 'grapheme', maxLength: 200 })),
        ),
        (path, text) => exercise(path, text),
      ),
      settings(RUNS.arbitraryText),
    );
  });

  it(`random objects serialized with the yaml package (${RUNS.serializedObjects} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), generatedObject, fc.string({ maxLength: 30 }), (path, data, body) => {
        const yaml = stringify(data);
        exercise(path, isYamlFile(path) ? yaml : `---\n${yaml}---\n${body}`);
      }),
      settings(RUNS.serializedObjects),
    );
  });

  it(`valid documents with one field given a value of a wrong type (${RUNS.wrongTypes} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.nat(), anyValue, (template, pick, replacement) => {
        const paths = valuePaths(template.data);
        const path = paths[pick % paths.length]!;
        const text = serialize(template, withValueAt(template.data, path, replacement));
        const files = { ...fullProgram(), [template.path]: text };
        expectSound(checkFiles(files), files);
      }),
      settings(RUNS.wrongTypes),
    );
  });
});

// ------------------------------------------------------------------------------------------ (b) order

const securityCriteria = criteriaOf('security').map((criterion) => criterion.id);
const frequencies = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'per-event'];
const dayMs = 86_400_000;
const isoDay = (dayNumber: number) => new Date(dayNumber * dayMs).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateBetween = (from: string, to: string) => fc.integer({ min: dayOf(from), max: dayOf(to) }).map(isoDay);

/** File names that sort differently by code unit and by locale, and two that are canonically equal (é). */
const fileStem = fc.constantFrom('a', 'B', 'b', '\u00e9', 'e\u0301', 'Z', '10', '9', 'a-b', 'a_b', 'EV', 'ev');

const artifact = fc.record({
  collected: dateBetween('2025-06-01', '2026-09-30'),
  period: fc.option(fc.constantFrom('2026', '2026-H1', '2026-Q1', '2026-Q2', '2026-03', '2026-W10', '2025-Q4'), {
    nil: undefined,
  }),
});

const generatedProgram = fc
  .record({
    start: dateBetween('2025-01-01', '2026-06-30'),
    days: fc.integer({ min: 1, max: 400 }),
    asOf: dateBetween('2026-01-01', '2027-01-31'),
    controls: fc.array(
      fc.record({
        stem: fileStem,
        id: fc.constantFrom('AC-01', 'AC-02', 'AC-03', 'BASE-01'),
        criteria: fc.subarray(securityCriteria, { minLength: 1, maxLength: 4 }),
        frequency: fc.constantFrom(...frequencies),
        status: fc.constantFrom('implemented', 'implemented', 'planned'),
        evidence: fc.array(
          fc.record({
            stem: fileStem,
            id: fc.constantFrom('EV-1', 'EV-2', 'EV-3'),
            frequency: fc.constantFrom(...frequencies),
            artifacts: fc.array(artifact, { maxLength: 5 }),
          }),
          { maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ start, days, asOf, controls }) => {
    const files = validProgram();
    files[PROGRAM] = files[PROGRAM]!.replace(
      'period: { start: 2026-01-01, end: 2026-06-30 }',
      `period: { start: ${start}, end: ${isoDay(dayOf(start) + days)} }`,
    ).replace('as_of: 2026-07-15', `as_of: ${asOf}`);
    controls.forEach((control, index) => {
      files[`content/controls/${control.stem}-${index}.mdx`] = `---
id: ${control.id}
title: Control ${index}
criteria: [${control.criteria.join(', ')}]
owner: security-lead
frequency: ${control.frequency}
status: ${control.status}
---
`;
      control.evidence.forEach((series, number) => {
        const artifacts = series.artifacts.map(
          (a, n) =>
            `  - { collected: ${a.collected}${a.period ? `, period: "${a.period}"` : ''}, location: "https://x.example/${n}" }`,
        );
        // No index in the name: series may replace each other, and `é` composed and decomposed may meet.
        files[`evidence-index/${series.stem}.mdx`] = `---
id: ${series.id}
title: Series ${index}.${number}
controls: [${control.id}]
owner: security-lead
frequency: ${series.frequency}
artifacts:${artifacts.length > 0 ? `\n${artifacts.join('\n')}` : ' []'}
---
`;
      });
    });
    return files;
  });

describe('(b) findings do not depend on the order of the source files', () => {
  it(`shuffled source lists give identical findings (${RUNS.shuffledPrograms} programs)`, () => {
    fc.assert(
      fc.property(
        generatedProgram.chain((files) => {
          const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
          return fc.tuple(
            fc.constant(files),
            fc.constant(sources),
            fc.shuffledSubarray(sources, { minLength: sources.length, maxLength: sources.length }),
          );
        }),
        ([files, sources, shuffled]) => {
          const first = buildModel(sources);
          const second = buildModel(shuffled);
          const a = runChecks(first.model, first.diagnostics, { today: TODAY });
          const b = runChecks(second.model, second.diagnostics, { today: TODAY });
          expect(b.diagnostics).toEqual(a.diagnostics);
          expect(b.summary).toEqual(a.summary);
          expectSound(a.diagnostics, files);
        },
      ),
      settings(RUNS.shuffledPrograms),
    );
  });
});

// ------------------------------------------------------------------------------------------ (c) periods

const units: PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'half', 'year'];
const anyDate = fc.oneof(
  { weight: 6, arbitrary: dateBetween('1900-01-01', '2200-12-31') },
  { weight: 2, arbitrary: dateBetween('0100-01-01', '9999-12-31') },
  { weight: 1, arbitrary: dateBetween('9990-01-01', '9999-12-31') },
  { weight: 1, arbitrary: dateBetween('0100-01-01', '1000-12-31') },
);
/** How long a range may be, per unit, to keep each run short. */
const maxDays: Record<PeriodUnit, number> = {
  day: 800,
  week: 3_000,
  month: 20_000,
  quarter: 40_000,
  half: 40_000,
  year: 80_000,
};
const nextDay = (date: string) => isoDay(dayOf(date) + 1);
/** A real `YYYY-MM-DD` date, years 0000 to 9999 (the schema's isCalendarDate refuses years before 0100). */
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isoDay(dayOf(text)) === text;

function expectPeriodShape(period: Period): void {
  expect(isDate(period.start), `start ${period.start}`).toBe(true);
  expect(isDate(period.end), `end ${period.end}`).toBe(true);
  expect(period.start <= period.end).toBe(true);
}

describe('(c) periods', () => {
  it(`the period of a unit holding a date contains it, and its label reads back (${RUNS.periodContaining} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...units), anyDate, (unit, date) => {
        const period = periodContaining(unit, date);
        expectPeriodShape(period);
        expect(period.start <= date && date <= period.end, `${date} in ${JSON.stringify(period)}`).toBe(true);
        expect(periodContaining(unit, period.start)).toEqual(period);
        expect(periodContaining(unit, period.end)).toEqual(period);
        if (unit !== 'day') expect(parsePeriodLabel(period.label)).toEqual(period);
      }),
      settings(RUNS.periodContaining),
    );
  });

  it(`consecutive periods ending within a range tile it without gaps or overlaps (${RUNS.periodTiling} runs)`, () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...units)
          .chain((unit) => fc.tuple(fc.constant(unit), anyDate, fc.integer({ min: 0, max: maxDays[unit] }))),
        ([unit, start, length]) => {
          const end = isoDay(Math.min(dayOf(start) + length, dayOf('9999-12-31')));
          const periods = periodsEndingWithin(unit, start, end);
          const first = periodContaining(unit, start);
          if (first.end > end) {
            expect(periods).toEqual([]);
            return;
          }
          expect(periods[0]).toEqual(first);
          // Plain checks in the loop, one assertion after it: expect() per period is slow at thousands of them.
          const problems: string[] = [];
          periods.forEach((period, index) => {
            if (!isDate(period.start) || !isDate(period.end) || period.start > period.end) {
              problems.push(`malformed ${JSON.stringify(period)}`);
            }
            if (period.end < start || period.end > end) problems.push(`${period.label} ends outside the range`);
            const next = periods[index + 1];
            if (next && next.start !== nextDay(period.end)) problems.push(`gap or overlap after ${period.label}`);
          });
          expect(problems).toEqual([]);
          const last = periods.at(-1)!;
          if (last.end < '9999-12-31') expect(periodContaining(unit, nextDay(last.end)).end > end).toBe(true);
        },
      ),
      settings(RUNS.periodTiling),
    );
  }, 60_000);
});
