import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { drawSamples, SAMPLING_METHOD, selectPositions } from '../../src/engine/sampling.ts';
import type { SampledSeries } from '../../src/schema/index.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SAMPLES = 'evidence-index/samples/2026-01-01_2026-06-30.yaml';

/** The spreadsheet formula docs/sampling.md gives, as written there. */
function documentedFormula(): string {
  const doc = readFileSync(new URL('../../docs/sampling.md', import.meta.url), 'utf8');
  const formula = /```\n(=INDEX\(.*\))\n```/.exec(doc)?.[1];
  if (!formula) throw new Error('docs/sampling.md has no spreadsheet formula in a code block');
  return formula;
}

type Value = number | { range: string };

/**
 * Compiles a spreadsheet formula to a function of the cells `s`, `N`, `n` and `i`, evaluating it the way a
 * spreadsheet does: floating point, MOD with the divisor's sign, QUOTIENT truncating, and INDEX giving the
 * 1-based row it picks.
 */
function spreadsheet(formula: string): (cells: Record<string, number>) => number {
  const tokens = formula.replace(/^=/, '').match(/[A-Za-z$][A-Za-z0-9$:]*|\d+(\.\d+)?|[()+\-*/,]/g) ?? [];
  type Node = (cells: Record<string, number>) => Value;
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`formula: expected ${expected ?? 'a token'} at ${at}, found ${token}`);
    }
    return token;
  };
  const number = (value: Value): number => {
    if (typeof value !== 'number') throw new Error('formula: a range where a number belongs');
    return value;
  };
  const functions: Record<string, (args: Value[]) => Value> = {
    MOD: ([a, b]) => number(a!) - number(b!) * Math.floor(number(a!) / number(b!)),
    QUOTIENT: ([a, b]) => Math.trunc(number(a!) / number(b!)),
    FLOOR: ([a, b]) => Math.floor(number(a!) / number(b!)) * number(b!),
    INDEX: ([range, row]) => {
      if (typeof range === 'number') throw new Error('formula: INDEX needs a range');
      return number(row!);
    },
  };
  const factor = (): Node => {
    const token = take();
    if (token === '(') {
      const inner = sum();
      take(')');
      return inner;
    }
    if (token === '-') {
      const inner = factor();
      return (cells) => -number(inner(cells));
    }
    if (/^\d/.test(token)) return () => Number(token);
    if (peek() === '(') {
      take('(');
      const args: Node[] = [sum()];
      while (peek() === ',') {
        take(',');
        args.push(sum());
      }
      take(')');
      const fn = functions[token.toUpperCase()];
      if (!fn) throw new Error(`formula: unknown function ${token}`);
      return (cells) => fn(args.map((arg) => arg(cells)));
    }
    if (token.includes(':')) return () => ({ range: token });
    return (cells) => {
      const cell = cells[token];
      if (cell === undefined) throw new Error(`formula: unknown cell ${token}`);
      return cell;
    };
  };
  const binary = (operand: () => Node, operators: Record<string, (a: number, b: number) => number>): Node => {
    let node = operand();
    while (peek() !== undefined && operators[peek()!]) {
      const apply = operators[take()]!;
      const left = node;
      const right = operand();
      node = (cells) => apply(number(left(cells)), number(right(cells)));
    }
    return node;
  };
  const product = (): Node => binary(factor, { '*': (a, b) => a * b, '/': (a, b) => a / b });
  const sum = (): Node => binary(product, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const root = sum();
  if (at !== tokens.length) throw new Error(`formula: unread tokens from ${tokens[at]}`);
  return (cells) => number(root(cells));
}

/** A fixed run of pseudo-random whole numbers (a linear congruential generator), so the sweep is repeatable. */
function* seeds(count: number): Generator<number> {
  let state = 20_261_130;
  for (let k = 0; k < count; k++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state;
  }
}

describe('the documented spreadsheet formula', () => {
  const formula = spreadsheet(documentedFormula());
  const bySpreadsheet = (s: number, N: number, n: number) =>
    Array.from({ length: n }, (_, i) => formula({ s, N, n, i }) - 1).sort((a, b) => a - b);

  it('picks the items the check picks, for every population size from 1 to 500 and many seeds', () => {
    const tableSizes = [1, 2, 3, 5, 10, 20, 22, 25, 26, 33, 39, 40, 60];
    const mismatches: string[] = [];
    let compared = 0;
    const compare = (s: number, N: number, n: number) => {
      const code = selectPositions(s, N, n);
      const sheet = bySpreadsheet(s, N, n);
      if (code.some((position, k) => position !== sheet[k])) mismatches.push(`N=${N} n=${n} s=${s}`);
      compared++;
    };
    for (let N = 1; N <= 500; N++) {
      // Every size the tables give, with 12 seeds; the whole population and about half of it with 3.
      for (const s of seeds(12)) for (const n of tableSizes.filter((size) => size <= N)) compare(s + N, N, n);
      for (const s of seeds(3)) for (const n of new Set([N, Math.max(1, N >> 1), Math.max(1, N - 1)])) compare(s, N, n);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(60_000);
  }, 60_000);

  it('picks item 15 where floating-point N / n would pick 14 (N = 30, n = 22, i = 11)', () => {
    expect(formula({ s: 0, N: 30, n: 22, i: 11 })).toBe(16);
    expect(selectPositions(0, 30, 22)).toContain(15);
    expect(selectPositions(0, 30, 22)).not.toContain(14);
  });

  it('selects n distinct items whenever n is at most N', () => {
    for (let N = 1; N <= 200; N++) {
      for (let n = 1; n <= N; n++) expect(new Set(selectPositions(7_919, N, n)).size).toBe(n);
    }
  });
});

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

/** A sample record as `trustbook sample` writes it, from the entries given. */
function recordText(samples: SampledSeries[], seed: number | null = 42, method = SAMPLING_METHOD): string {
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
  return `${seed === null ? '' : `seed: ${seed}\n`}window: { start: 2026-01-01, end: 2026-06-30 }
drawn: 2026-07-15
method: ${JSON.stringify(method)}
samples:
${entries}`;
}

describe('a recorded sample drawn again', () => {
  const files = monthly();
  // Drawn inside each test (not while the file loads) so a mutation run sees which tests reach the draw.
  let drawn: ReturnType<typeof drawSamples>;
  beforeEach(() => {
    drawn = drawSamples(check(files).model, '2026-07-15', 42);
  });

  it('is accepted when it is the draw of its seed', () => {
    const result = check({ ...files, [SAMPLES]: recordText(drawn) });
    expect(findings(result, 'TB905')).toEqual([]);
    expect(findings(result, 'TB906')).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  it('reports an item swapped by hand, at the items line, naming both', () => {
    const [entry] = drawn;
    const chosen = entry!.items;
    const other = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].find((m) => !chosen.includes(m))!;
    const edited = { ...entry!, items: [...chosen.slice(0, -1), other].sort() };
    expect(findings(check({ ...files, [SAMPLES]: recordText([edited]) }), 'TB905')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: SAMPLES,
        line: 11,
        message: expect.stringMatching(new RegExp(`lists ${other} where the draw selects ${chosen.at(-1)}`)),
      }),
    ]);
  });

  it('reports a sample cut short, at the size line', () => {
    const edited = { ...drawn[0]!, size: 2, items: drawn[0]!.items.slice(0, 2) };
    expect(findings(check({ ...files, [SAMPLES]: recordText([edited]) }), 'TB905')).toEqual([
      expect.objectContaining({
        line: 10,
        message: expect.stringContaining('tests 2 of 6 items where the sample size is 3'),
      }),
    ]);
  });

  it('reports a periodic series left out of the record, at samples', () => {
    const record = recordText([]).replace('samples:\n', 'samples: []\n');
    expect(findings(check({ ...files, [SAMPLES]: record }), 'TB905')).toEqual([
      expect.objectContaining({
        line: 5,
        subject: { kind: 'evidence', id: 'EV-BASE-01' },
        message: 'the recorded sample leaves out EV-BASE-01 (BASE-01), from which seed 42 draws 3 of 6 periods',
      }),
    ]);
  });

  it('reports a record whose seed is not the one it was drawn with', () => {
    expect(findings(check({ ...files, [SAMPLES]: recordText(drawn, 43) }), 'TB905')).toHaveLength(1);
  });

  it('leaves a changed population to TB901 alone', () => {
    const edited = { ...drawn[0]!, population: { size: 5, sha256: 'ab'.repeat(32) } };
    const result = check({ ...files, [SAMPLES]: recordText([edited]) });
    expect(findings(result, 'TB901')).toHaveLength(1);
    expect(findings(result, 'TB905')).toEqual([]);
  });

  it('asks for a new draw when the record keeps no seed, once for the whole record', () => {
    const result = check({ ...files, [SAMPLES]: recordText(drawn, null) });
    expect(findings(result, 'TB906')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: SAMPLES,
        line: 1,
        message: expect.stringContaining('no `seed`'),
      }),
    ]);
    expect(findings(result, 'TB905')).toEqual([]);
  });

  it('asks for a new draw when the record names another method', () => {
    const result = check({ ...files, [SAMPLES]: recordText(drawn, 42, 'judgmental: the items the team chose') });
    expect(findings(result, 'TB906')).toEqual([expect.objectContaining({ line: 4 })]);
  });

  it('redraws a record written with the earlier words for the same selection', () => {
    const earlier =
      'systematic selection from a seeded start: with s = seed + the sum of the character codes of the series id, the items at positions floor((s mod N) + i * N / n) mod N, for i = 0 .. n-1, in population order (docs/sampling.md)';
    const result = check({ ...files, [SAMPLES]: recordText(drawn, 42, earlier) });
    expect(result.summary.errors).toBe(0);
  });

  it('does not redraw the record of another window', () => {
    const other = recordText([{ ...drawn[0]!, items: ['2026-01'] }]).replace(
      'start: 2026-01-01, end: 2026-06-30',
      'start: 2025-01-01, end: 2025-06-30',
    );
    expect(findings(check({ ...files, 'evidence-index/samples/2025-01-01_2025-06-30.yaml': other }), 'TB905')).toEqual(
      [],
    );
  });
});
