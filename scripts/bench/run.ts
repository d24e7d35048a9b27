/**
 * `npm run bench`: generates a synthetic program and measures, as whole processes, (a) `trustbook check`, cold
 * (its cache of parsed MDX bodies removed before each run) and warm (the cache in place), (b) a bare read of
 * the same files' frontmatter, (e) a bare parse of the same MDX bodies with the same parser, (c) the full
 * build of the three sites with search, and (d) a bare Astro + MDX build doing the same work by hand: each
 * MDX document rendered on every site that shows it, and one Pagefind index per site (see projects.ts).
 * Prints wall time, peak memory and the ratios (targets: cold a/e <= 1.5, warm a/b <= 3, c/d <= 1.15 in time
 * and 1.1 in memory), and writes them to bench-results.json. For the two builds it prints CPU time and bytes
 * written too (summed over each build's processes): on a machine others share, wall time follows the load,
 * and the CPU ratio is the one to compare from run to run.
 *
 * Options: --documents N (default 1000), --artifacts N (default 20000), --growth (also check at 10x),
 * --runs N (median of N runs, default 3), --skip-build, --build-only (the two builds alone). Runs alternate
 * and ratios are taken pair by pair, since a shared machine's speed drifts during a run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateProgram } from './generate.ts';
import { hasProc, measure, type Measurement } from './measure.ts';
import { bareAstroProject, bareSites, trustbookProject } from './projects.ts';

// `npm run bench -- --workspace`: the partner workspace's figures instead (scripts/bench/workspace.ts).
if (process.argv.includes('--workspace')) {
  await import('./workspace.ts');
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '1000' },
    artifacts: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    growth: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
  },
});
if (!hasProc()) {
  console.error('bench: needs Linux /proc to read peak memory');
  process.exit(2);
}

const repository = resolve(import.meta.dirname, '../..');
// The build is measured as an installed package runs it: with the integration compiled to lib/.
const compiled = spawnSync(
  process.execPath,
  [join(repository, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json'],
  {
    cwd: repository,
    stdio: 'inherit',
  },
);
if (compiled.status !== 0) {
  console.error('bench: compiling the package (tsconfig.lib.json) failed');
  process.exit(2);
}
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

/** Waits, up to two minutes, until no old output the build set aside for deletion is left in `folder`. */
async function settled(folder: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (readdirSync(folder).some((name) => name.startsWith('sites-old-')) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** How many HTML pages a built site holds. */
function htmlPages(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

/** The median of each figure of some runs. */
function middle(results: Measurement[]): Measurement {
  const index = Math.floor(results.length / 2);
  const median = (value: (m: Measurement) => number) => results.map(value).sort((a, b) => a - b)[index]!;
  return {
    ...results[0]!,
    wallMs: median((m) => m.wallMs),
    peakRssMb: median((m) => m.peakRssMb),
    cpuMs: median((m) => m.cpuMs),
    writtenMb: median((m) => m.writtenMb),
    output: '',
  };
}

/** The median of the pair-by-pair ratios of two series of runs made alternately. */
function pairRatio(numerators: Measurement[], denominators: Measurement[], value = (m: Measurement) => m.wallMs) {
  return numerators.map((numerator, i) => value(numerator) / value(denominators[i]!)).sort((a, b) => a - b)[
    Math.floor(numerators.length / 2)
  ]!;
}

function syntheticProgram(documents: number, artifacts: number): string {
  const program = join(work, `program-${documents}`);
  trustbookProject(program);
  generateProgram(program, { documents, artifacts });
  return program;
}

async function checkAndRead(documents: number, artifacts: number) {
  const program = syntheticProgram(documents, artifacts);
  const check = [join(repository, 'bin/trustbook.js'), 'check', '--format', 'json'];
  const cache = join(program, '.trustbook/cache');
  const colds: Measurement[] = [];
  const warms: Measurement[] = [];
  const reads: Measurement[] = [];
  const parses: Measurement[] = [];
  const verdicts: Measurement[] = [];
  const bareParse = join(import.meta.dirname, 'bare-parse.ts');
  for (let i = 0; i < runs; i++) {
    rmSync(cache, { recursive: true, force: true });
    colds.push(await median('cold check', node, check, program, 1));
    if (!existsSync(cache)) throw new Error(`the check wrote no cache in ${cache}`);
    warms.push(await median('warm check', node, check, program, 1));
    reads.push(await median('bare read', node, [join(import.meta.dirname, 'bare-read.ts'), program], program, 1));
    parses.push(await median('bare parse', node, [bareParse, program], program, 1));
    verdicts.push(await median('bare verdict parse', node, [bareParse, program, '--verdict'], program, 1));
  }
  return {
    program,
    cold: middle(colds),
    warm: middle(warms),
    read: middle(reads),
    parse: middle(parses),
    verdict: middle(verdicts),
    coldOverParse: pairRatio(colds, parses),
    coldOverVerdict: pairRatio(colds, verdicts),
    warmOverRead: pairRatio(warms, reads),
  };
}

const documents = Number(values.documents);
const artifacts = Number(values.artifacts);
const row = (name: string, m: Measurement) =>
  `${name.padEnd(44)} ${m.wallMs.toFixed(0).padStart(8)} ms ${m.peakRssMb.toFixed(1).padStart(9)} MB`;
const verdict = (ratio: number, target: number) =>
  `${ratio.toFixed(2)} (target <= ${target}${ratio <= target ? '' : ', MISSED'})`;

console.log(
  `Synthetic program: ${documents} MDX documents (policies, controls, procedures) and ${artifacts} artifacts; median of ${runs} runs.`,
);
const results: Record<string, unknown> = { documents, artifacts, runs };
let program: string;
if (values['build-only']) {
  program = syntheticProgram(documents, artifacts);
} else {
  const base = await checkAndRead(documents, artifacts);
  Object.assign(results, {
    check: base.warm,
    checkCold: base.cold,
    bareRead: base.read,
    bareParse: base.parse,
    bareVerdictParse: base.verdict,
    coldCheckOverBareVerdictParse: base.coldOverVerdict,
    checkOverBareRead: base.warmOverRead,
    coldCheckOverBareParse: base.coldOverParse,
  });
  console.log(row('(a) trustbook check, cold (no body cache)', base.cold));
  console.log(row('(a) trustbook check, warm (body cache)', base.warm));
  console.log(row('(b) bare read of the same frontmatter', base.read));
  console.log(row('(e) bare parse of the same MDX bodies to trees', base.parse));
  console.log(row("(e') bare parse of the bodies, verdict only", base.verdict));
  console.log(
    `cold a/e = ${verdict(base.coldOverParse, 1.5)}, cold a/e' = ${base.coldOverVerdict.toFixed(2)}, warm a/b = ${verdict(base.warmOverRead, 3)} (medians of the pair-by-pair ratios)`,
  );

  if (values.growth) {
    const grown = await checkAndRead(documents * 10, artifacts * 10);
    results.checkAt10x = grown.warm;
    results.checkColdAt10x = grown.cold;
    results.growth = grown.warm.wallMs / base.warm.wallMs;
    console.log(row(`(a) trustbook check, warm, at ${documents * 10} documents`, grown.warm));
    console.log(row(`(a) trustbook check, cold, at ${documents * 10} documents`, grown.cold));
    console.log(`growth at 10x = ${(grown.warm.wallMs / base.warm.wallMs).toFixed(2)}x (warm)`);
  }
  program = base.program;
}

if (!values['skip-build']) {
  const bare = join(work, 'bare-astro');
  bareAstroProject(bare, program);
  // The two builds alternate, and their ratios are taken pair by pair: a shared machine's speed drifts
  // during a run, and a pair that ran back to back sees the same machine.
  const fulls: Measurement[] = [];
  const bares: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    fulls.push(
      await median('full build', node, [join(repository, 'node_modules/astro/bin/astro.mjs'), 'build'], program, 1),
    );
    // The build hands its old output to a background deletion; let it finish, or it slows the next run.
    await settled(join(program, '.trustbook'));
    bares.push(await median('bare build', 'sh', ['build.sh'], bare, 1));
  }
  const full = middle(fulls);
  const bareBuild = middle(bares);
  const timeRatio = pairRatio(fulls, bares);
  const memoryRatio = pairRatio(fulls, bares, (m) => m.peakRssMb);
  const cpuRatio = pairRatio(fulls, bares, (m) => m.cpuMs);
  const writtenRatio = pairRatio(fulls, bares, (m) => m.writtenMb);
  results.fullBuild = full;
  results.bareBuild = bareBuild;
  results.buildTimeRatio = timeRatio;
  results.buildMemoryRatio = memoryRatio;
  results.buildCpuRatio = cpuRatio;
  results.buildWrittenRatio = writtenRatio;
  results.buildPairs = fulls.map((f, i) => ({
    full: f.wallMs,
    bare: bares[i]!.wallMs,
    fullPeakRssMb: f.peakRssMb,
    barePeakRssMb: bares[i]!.peakRssMb,
    fullCpuMs: f.cpuMs,
    bareCpuMs: bares[i]!.cpuMs,
    fullWrittenMb: f.writtenMb,
    bareWrittenMb: bares[i]!.writtenMb,
  }));
  const pages = (root: string) => Object.fromEntries(bareSites.map((site) => [site, htmlPages(join(root, site))]));
  results.pages = { full: pages(join(program, 'dist')), bare: pages(join(bare, 'dist')) };
  const spread = (values: number[], digits: number) =>
    `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;
  console.log(row('(c) npm run build: three sites, search, scan', full));
  console.log(row('(d) bare Astro + MDX, same pages, three indexes', bareBuild));
  console.log(`pages per site (public, employees, auditors): ${JSON.stringify(results.pages)}`);
  console.log(
    `c/d time = ${verdict(timeRatio, 1.15)}, pairs ${spread(
      fulls.map((f, i) => f.wallMs / bares[i]!.wallMs),
      2,
    )}; c/d memory = ${verdict(memoryRatio, 1.1)}, pairs ${spread(
      fulls.map((f, i) => f.peakRssMb / bares[i]!.peakRssMb),
      2,
    )} (medians of the pair-by-pair ratios)`,
  );
  console.log(
    `c/d CPU time = ${cpuRatio.toFixed(2)}, pairs ${spread(
      fulls.map((f, i) => f.cpuMs / bares[i]!.cpuMs),
      2,
    )} (full ${(full.cpuMs / 1000).toFixed(1)} s, bare ${(bareBuild.cpuMs / 1000).toFixed(1)} s); c/d bytes written = ${writtenRatio.toFixed(2)} (full ${full.writtenMb} MB, bare ${bareBuild.writtenMb} MB)`,
  );
  console.log(
    `full build ${spread(
      fulls.map((f) => f.wallMs / 1000),
      1,
    )} s, bare build ${spread(
      bares.map((b) => b.wallMs / 1000),
      1,
    )} s`,
  );
}

writeFileSync(join(repository, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results.json');
