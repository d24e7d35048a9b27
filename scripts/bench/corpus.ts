/**
 * `npm run bench:corpus`: times every case of the bad-input corpus (test/hardening) as the check runs it, in
 * memory or from a temporary folder, and prints the slowest. The budget (5 s a case, however large or broken
 * the input) is held here rather than in a test: test files run in parallel on two cores, so a time measured
 * inside the suite says more about the neighbours than about the check.
 *
 * Options: --runs N (each case's best of N, default 3), --budget MS (default 5000), --top N (default 10).
 * Exit code 1 when a case's best time exceeds the budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../../src/engine/index.ts';
import { corpus, type CorpusCase } from '../../test/hardening/corpus.ts';
import { falseGreens } from '../../test/hardening/false-greens.ts';
import { recordFalseGreens } from '../../test/hardening/false-greens-records.ts';
import { check, writeProgram } from '../../test/helpers/program.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    budget: { type: 'string', default: '5000' },
    top: { type: 'string', default: '10' },
  },
});
const runs = Number(values.runs);
const budget = Number(values.budget);
const TODAY = '2026-07-15';

function runCase(testCase: CorpusCase): void {
  const files = testCase.files();
  if (!testCase.disk) {
    check(files, testCase.options);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'trustbook-bench-corpus-'));
  try {
    writeProgram(root, files);
    if (testCase.disk !== true) testCase.disk(root);
    checkProject(root, { today: TODAY, ...testCase.options });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const timings = [...falseGreens, ...recordFalseGreens, ...corpus].map((testCase) => {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    try {
      runCase(testCase);
    } catch {
      // A case whose platform lacks a capability (symlinks, named pipes) is timed as far as it gets; the
      // corpus test reports exceptions, this script only times.
    }
    best = Math.min(best, performance.now() - started);
  }
  return { name: testCase.name, ms: best };
});

timings.sort((a, b) => b.ms - a.ms);
const total = timings.reduce((sum, { ms }) => sum + ms, 0);
console.log(`${timings.length} cases, best of ${runs} runs each, ${(total / 1000).toFixed(1)} s in all; slowest:`);
for (const { name, ms } of timings.slice(0, Number(values.top)))
  console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
const over = timings.filter(({ ms }) => ms > budget);
if (over.length > 0) {
  console.error(`${over.length} case(s) over the budget of ${budget} ms`);
  process.exit(1);
}
