/**
 * `npm run bench`: generates a synthetic program and measures, as whole processes, (a) `trustbook check`,
 * (b) a bare read of the same files' frontmatter, (c) the full build of the three sites with search, and
 * (d) a bare Astro + MDX build of the same MDX files with one Pagefind index. Prints wall time, peak memory
 * and the ratios a/b and c/d, and writes them to bench-results.json.
 *
 * Options: --documents N (default 1000), --artifacts N (default 20000), --growth (also check at 10x),
 * --runs N (median of N runs, default 3), --skip-build. The builds alternate and their ratios are taken
 * pair by pair, since a shared machine's speed drifts during a run.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateProgram } from './generate.ts';
import { hasProc, measure, type Measurement } from './measure.ts';
import { bareAstroProject, trustbookProject } from './projects.ts';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '1000' },
    artifacts: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    growth: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
if (!hasProc()) {
  console.error('bench: needs Linux /proc to read peak memory');
  process.exit(2);
}

const repository = resolve(import.meta.dirname, '../..');
const work = join(repository, '.trustbook/bench');
const node = process.execPath;
const runs = Number(values.runs);

async function median(label: string, command: string, args: string[], cwd: string, times = runs): Promise<Measurement> {
  const results: Measurement[] = [];
  for (let i = 0; i < times; i++) {
    const result = await measure(command, args, { cwd });
    if (result.exitCode !== 0) {
      console.error(result.output);
      throw new Error(`${label} failed with exit code ${result.exitCode}`);
    }
    results.push(result);
  }
  return middle(results);
}

/** The median wall time and the median peak memory of some runs. */
function middle(results: Measurement[]): Measurement {
  const byWall = [...results].sort((a, b) => a.wallMs - b.wallMs);
  const byMemory = [...results].sort((a, b) => a.peakRssMb - b.peakRssMb);
  const index = Math.floor(results.length / 2);
  return { ...byWall[index]!, peakRssMb: byMemory[index]!.peakRssMb, output: '' };
}

async function checkAndRead(documents: number, artifacts: number) {
  const program = join(work, `program-${documents}`);
  trustbookProject(program);
  generateProgram(program, { documents, artifacts });
  const check = await median(
    'check',
    node,
    [join(repository, 'bin/trustbook.js'), 'check', '--format', 'json'],
    program,
  );
  const read = await median('bare read', node, [join(import.meta.dirname, 'bare-read.ts'), program], program);
  return { program, check, read };
}

const documents = Number(values.documents);
const artifacts = Number(values.artifacts);
const row = (name: string, m: Measurement) =>
  `${name.padEnd(44)} ${m.wallMs.toFixed(0).padStart(8)} ms ${m.peakRssMb.toFixed(1).padStart(9)} MB`;

console.log(
  `Synthetic program: ${documents} MDX documents (policies, controls, procedures) and ${artifacts} artifacts; median of ${runs} runs.`,
);
const base = await checkAndRead(documents, artifacts);
const results: Record<string, unknown> = {
  documents,
  artifacts,
  runs,
  check: base.check,
  bareRead: base.read,
  checkOverBareRead: base.check.wallMs / base.read.wallMs,
};
console.log(row('(a) trustbook check', base.check));
console.log(row('(b) bare read of the same frontmatter', base.read));
console.log(`a/b = ${(base.check.wallMs / base.read.wallMs).toFixed(2)}`);

if (values.growth) {
  const grown = await checkAndRead(documents * 10, artifacts * 10);
  results.checkAt10x = grown.check;
  results.growth = grown.check.wallMs / base.check.wallMs;
  console.log(row(`(a) trustbook check at ${documents * 10} documents`, grown.check));
  console.log(`growth at 10x = ${(grown.check.wallMs / base.check.wallMs).toFixed(2)}x`);
}

if (!values['skip-build']) {
  const bare = join(work, 'bare-astro');
  bareAstroProject(bare, base.program);
  // The two builds alternate, and their ratios are taken pair by pair: a shared machine's speed drifts
  // during a run, and a pair that ran back to back sees the same machine.
  const fulls: Measurement[] = [];
  const bares: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    fulls.push(
      await median(
        'full build',
        node,
        [join(repository, 'node_modules/astro/bin/astro.mjs'), 'build'],
        base.program,
        1,
      ),
    );
    bares.push(await median('bare build', 'sh', ['build.sh'], bare, 1));
  }
  const full = middle(fulls);
  const bareBuild = middle(bares);
  const pairRatio = (value: (m: Measurement) => number) =>
    fulls.map((f, i) => value(f) / value(bares[i]!)).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const timeRatio = pairRatio((m) => m.wallMs);
  const memoryRatio = pairRatio((m) => m.peakRssMb);
  results.fullBuild = full;
  results.bareBuild = bareBuild;
  results.buildTimeRatio = timeRatio;
  results.buildMemoryRatio = memoryRatio;
  results.buildPairs = fulls.map((f, i) => ({ full: f.wallMs, bare: bares[i]!.wallMs }));
  console.log(row('(c) npm run build: three sites, search, scan', full));
  console.log(row('(d) bare Astro + MDX, one Pagefind index', bareBuild));
  console.log(
    `c/d time = ${timeRatio.toFixed(2)}, c/d memory = ${memoryRatio.toFixed(2)} (medians of the pair-by-pair ratios)`,
  );
}

writeFileSync(join(repository, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results.json');
