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
 * Options: --summary (no run: report from the last results in reports/mutation/), --concurrency N (default 2),
 * --no-checker (no TypeScript checker: faster; mutants that would not compile are then tested like the others),
 * --force (test every mutant again, reusing nothing from the incremental file), --shard K/N (the K-th of N
 * shards of the modules selected, balanced by source size: the weekly workflow runs them as a matrix).
 * Incremental: each module keeps its results in test/mutation/incremental/ and retests only what changed.
 * Exit code 1 when a module scores under 80% or has a survivor nobody accounted for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import baseConfig from '../stryker.config.mjs';
import { scoreModule, type Equivalent, type ModuleScore, type ReportMutant } from './mutation/score.ts';
import { parseShard, shardOf } from './mutation/shards.ts';

const ROOT = join(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'reports/mutation');
const TARGET = 80;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    summary: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    checker: { type: 'boolean', default: true },
    force: { type: 'boolean', default: false },
    shard: { type: 'string' },
  },
});

const modules = parse(readFileSync(join(ROOT, 'test/mutation/modules.yaml'), 'utf8')) as Record<string, string[]>;
const matching = Object.keys(modules).filter(
  (module) => positionals.length === 0 || positionals.some((name) => module.includes(name)),
);
if (matching.length === 0) fail(`No module in test/mutation/modules.yaml matches ${positionals.join(', ')}.`);
const shard = values.shard === undefined ? undefined : parseShard(values.shard);
if (values.shard !== undefined && (!shard || shard.shard < 1 || shard.shard > shard.count)) {
  fail(`--shard takes K/N with 1 <= K <= N, such as 2/6 (got ${values.shard}).`);
}
const selected = shard
  ? shardOf(matching, (module) => statSync(join(ROOT, module)).size, shard.shard, shard.count)
  : matching;
if (shard) console.log(`Shard ${shard.shard}/${shard.count}: ${selected.length} of ${matching.length} modules.`);

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
      concurrency: Number(values.concurrency),
      // --no-checker: the mutants the checker would drop as not compiling go to the tests too (most fail there and
      // count as killed), so the score is comparable, not identical. On a loaded machine the checker is most of a run.
      ...(values.checker ? {} : { checkers: [] }),
      // --force: every mutant tested again, none reused from the incremental file (after a change to how the run
      // works, such as how static mutants are switched on, which the incremental file cannot see).
      ...(values.force ? { force: true } : {}),
      incrementalFile: `test/mutation/incremental/${name}.json`,
      reporters: ['clear-text', 'progress', 'json'],
      jsonReporter: { fileName: `reports/mutation/${name}.json` },
      tempDirName: `.stryker-tmp/${name}`,
    }),
  );
  const started = performance.now();
  // The node running this script, whatever `node` on the PATH is (Stryker needs 22 or later).
  const stryker = join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js');
  // The module's tests are chosen by the vitest config (vitest.mutation.config.ts says why not by `testFiles`).
  const result = spawnSync(process.execPath, [stryker, 'run', config], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TRUSTBOOK_MUTATION_TESTS: JSON.stringify(tests) },
  });
  if (result.status !== 0)
    fail(`Stryker stopped on ${module} (exit code ${result.status}); its output above says why.`);
  return (performance.now() - started) / 1000;
}

/** The module's score from its last report, or undefined when it has none. */
function score(module: string): ModuleScore | undefined {
  const file = join(REPORTS, `${slug(module)}.json`);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    files: Record<string, { source: string; mutants: ReportMutant[] }>;
  };
  const entry = Object.entries(report.files).find(([path]) => path.endsWith(module));
  if (!entry) return undefined;
  const listFile = join(ROOT, 'test/mutation/equivalent', `${slug(module)}.yaml`);
  const equivalents = (existsSync(listFile) ? (parse(readFileSync(listFile, 'utf8')) ?? []) : []) as Equivalent[];
  return scoreModule(module, entry[1].source, entry[1].mutants, equivalents);
}

const scores: (ModuleScore & { seconds: number | null })[] = [];
for (const module of selected) {
  const seconds = values.summary ? null : run(module);
  const result = score(module);
  if (result) scores.push({ ...result, seconds });
  else console.error(`${module}: no report in reports/mutation/ (run it without --summary first)`);
}

const rows = scores.map(
  (s) =>
    `| ${s.module.replace(/^src\//, '')} | ${s.mutants} | ${s.killed} | ` +
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
