/**
 * `npm run mutation [-- MODULE...]`: the mutation run, module by module (docs/mutation.md).
 *
 * Each module named in test/mutation/modules.yaml is mutated by StrykerJS and its mutants are held against that
 * module's own test files only: the engine's core is reached by nearly every test, so a run against the whole
 * unit project would cost every test for every mutant, and a score earned by unrelated tests would not say what
 * the module's tests promise. Survivors listed in test/mutation/equivalent/<module>.yaml (a mutant that changes the
 * code but not what it does, with its reason) count as equivalent; the others fail the module.
 *
 * MODULE narrows the run to modules whose path contains it (`npm run mutation -- spans rules/coverage`).
 * Options: --summary (no run: report from the last results in reports/mutation/), --concurrency N (default 2).
 * Incremental: each module keeps its results in test/mutation/incremental/ and retests only what changed.
 * Exit code 1 when a module scores under 80% or has a survivor nobody accounted for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import baseConfig from '../stryker.config.mjs';

const ROOT = join(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'reports/mutation');
const TARGET = 80;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { summary: { type: 'boolean', default: false }, concurrency: { type: 'string', default: '2' } },
});

/** One entry of test/mutation/equivalent/<module>.yaml: a survivor that changes the code but not its behaviour. */
interface Equivalent {
  /** Stryker's mutator name, e.g. `EqualityOperator`. */
  mutator: string;
  /** The source text the mutant replaces, as the report shows it. */
  original: string;
  /** What the mutant puts in its place. */
  replacement: string;
  reason: string;
}

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface ModuleScore {
  module: string;
  mutants: number;
  killed: number;
  survived: number;
  equivalent: number;
  unaccounted: string[];
  score: number;
  seconds: number | null;
}

const modules = parse(readFileSync(join(ROOT, 'test/mutation/modules.yaml'), 'utf8')) as Record<string, string[]>;
const selected = Object.keys(modules).filter(
  (module) => positionals.length === 0 || positionals.some((name) => module.includes(name)),
);
if (selected.length === 0) fail(`No module in test/mutation/modules.yaml matches ${positionals.join(', ')}.`);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const slug = (module: string) =>
  module
    .replace(/^src\//, '')
    .replace(/\.ts$/, '')
    .replaceAll('/', '-');

/** Runs Stryker over one module with its own tests; returns the seconds it took. */
function run(module: string): number {
  const name = slug(module);
  const tests = modules[module] ?? [];
  if (tests.length === 0)
    fail(`${module} lists no test files in test/mutation/modules.yaml: name the tests that pin it.`);
  mkdirSync(join(ROOT, '.stryker-tmp'), { recursive: true });
  const config = join(ROOT, '.stryker-tmp', `${name}.config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      ...baseConfig,
      mutate: [module],
      testFiles: tests,
      concurrency: Number(values.concurrency),
      incrementalFile: `test/mutation/incremental/${name}.json`,
      reporters: ['clear-text', 'json'],
      jsonReporter: { fileName: `reports/mutation/${name}.json` },
      tempDirName: `.stryker-tmp/${name}`,
    }),
  );
  const started = performance.now();
  // The node running this script, whatever `node` on the PATH is (Stryker needs 22 or later).
  const stryker = join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js');
  const result = spawnSync(process.execPath, [stryker, 'run', config], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    fail(`Stryker stopped on ${module} (exit code ${result.status}); its output above says why.`);
  return (performance.now() - started) / 1000;
}

/** The text a mutant replaces, cut out of the module's source as the report holds it. */
function originalText(source: string, mutant: ReportMutant): string {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1]!.slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1]!.slice(0, end.column - 1),
  ].join('\n');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function score(module: string, seconds: number | null): ModuleScore | undefined {
  const file = join(REPORTS, `${slug(module)}.json`);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    files: Record<string, { source: string; mutants: ReportMutant[] }>;
  };
  const entry = Object.entries(report.files).find(([path]) => path.endsWith(module));
  if (!entry) return undefined;
  const [, { source, mutants }] = entry;
  const counted = mutants.filter((m) => !['CompileError', 'Ignored', 'Pending'].includes(m.status));
  const killed = counted.filter((m) => ['Killed', 'Timeout', 'RuntimeError'].includes(m.status)).length;
  const survivors = counted.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  const listFile = join(ROOT, 'test/mutation/equivalent', `${slug(module)}.yaml`);
  const equivalents = (existsSync(listFile) ? (parse(readFileSync(listFile, 'utf8')) ?? []) : []) as Equivalent[];
  const unaccounted: string[] = [];
  let equivalent = 0;
  for (const mutant of survivors) {
    const original = squash(originalText(source, mutant));
    const listed = equivalents.some(
      (e) =>
        e.mutator === mutant.mutatorName &&
        squash(e.original) === original &&
        squash(e.replacement) === squash(mutant.replacement ?? ''),
    );
    if (listed) equivalent += 1;
    else
      unaccounted.push(
        `${module}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ` +
          `${JSON.stringify(original)} -> ${JSON.stringify(squash(mutant.replacement ?? ''))} (${mutant.status})`,
      );
  }
  return {
    module,
    mutants: mutants.length,
    killed,
    survived: survivors.length - equivalent,
    equivalent,
    unaccounted,
    // Equivalents stay in the denominator: listing a survivor accounts for it, it does not raise the score.
    score: counted.length === 0 ? 100 : Math.floor((killed / counted.length) * 1000) / 10,
    seconds,
  };
}

const scores: ModuleScore[] = [];
for (const module of selected) {
  const seconds = values.summary ? null : run(module);
  const result = score(module, seconds);
  if (result) scores.push(result);
  else console.error(`${module}: no report in reports/mutation/ (run it without --summary first)`);
}

const rows = scores.map(
  (s) =>
    `| ${basename(s.module) === 'index.ts' ? s.module : s.module.replace(/^src\//, '')} | ${s.mutants} | ${s.killed} | ` +
    `${s.survived} | ${s.equivalent} | ${s.score.toFixed(1)}% | ${s.seconds === null ? '' : Math.round(s.seconds)} |`,
);
const table = [
  '| Module | Mutants | Killed | Survived | Equivalent | Score | Seconds |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
].join('\n');
mkdirSync(REPORTS, { recursive: true });
writeFileSync(join(REPORTS, 'summary.md'), `${table}\n`);
console.log(`\n${table}\n`);
const failing = scores.filter((s) => s.score < TARGET || s.unaccounted.length > 0);
for (const s of failing) {
  console.log(`${s.module}: ${s.score.toFixed(1)}% (target ${TARGET}%), survivors not accounted for:`);
  for (const line of s.unaccounted) console.log(`  ${line}`);
}
process.exit(failing.length > 0 ? 1 : 0);
