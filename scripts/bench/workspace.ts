/**
 * `npm run bench -- --workspace`: a partner workspace of generated clients (15 policies and 45 controls each,
 * the library holding the same 60 documents) and, as whole processes:
 *
 * - the portfolio check (`trustbook check --workspace`) at 50, 100 and 200 clients: wall time and peak memory,
 *   and how it grows; once with its worker threads (one per core) and, right after, with `--jobs 1` (every
 *   client in the one process), so the two see the same machine;
 * - `trustbook check --root CLIENT` once per client as separate processes, for a sample of the clients spread
 *   over the 200, scaled to 200 (running all 200 one after another would take as long again and measure the
 *   same thing);
 * - `trustbook sync` of a library change that touches every client (one section of one policy, and the
 *   library's version).
 *
 * Prints the figures and the ratio of the portfolio check to the separate checks (target: at most 0.3), and
 * writes them to .trustbook/bench-workspace/results.json. Options: --clients N (default 200), --sample N
 * (default 20), --keep (leave the generated workspace in place).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AS_OF, generateProgram } from './generate.ts';
import { hasProc, measure, type Measurement } from './measure.ts';

const { values } = parseArgs({
  options: {
    workspace: { type: 'boolean', default: true },
    clients: { type: 'string', default: '200' },
    sample: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
if (!hasProc()) {
  console.error('bench: needs Linux /proc to read peak memory');
  process.exit(2);
}

const repository = resolve(import.meta.dirname, '../..');
const work = join(repository, '.trustbook/bench-workspace');
const root = join(work, 'workspace');
const bin = join(repository, 'bin/trustbook.js');
const total = Number(values.clients);
const sample = Math.min(Number(values.sample), total);
const POLICIES = 15;
const CONTROLS = 45;
const names = Array.from({ length: total }, (_, index) => `client-${String(index + 1).padStart(3, '0')}`);

/** One generated program cut to 15 policies and 45 controls (each with its evidence series). */
function template(folder: string): void {
  // Policies are in force before the window opens (in_force_since), as a client's are when its audit starts.
  // 150 documents make 15 policies, 45 procedures and 90 controls; the controls past the first 45 go.
  generateProgram(folder, { documents: 150, artifacts: 90 * 12 });
  for (let index = CONTROLS; index < 90; index++) {
    const id = `C-${String(index).padStart(4, '0')}`;
    rmSync(join(folder, `content/controls/${id}.mdx`));
    rmSync(join(folder, `evidence-index/EV-${id}.mdx`));
  }
}

function workspaceFile(count: number): void {
  const clients = names.slice(0, count).map((name) => `  - { name: ${name}, path: clients/${name} }`);
  writeFileSync(
    join(root, 'trustbook.workspace.yaml'),
    `partner: Bench\nlibrary: library\nclients:\n${clients.join('\n')}\n`,
  );
}

async function run(label: string, args: string[]): Promise<Measurement> {
  const result = await measure(process.execPath, [bin, ...args], { cwd: root });
  if (result.exitCode > 1) {
    console.error(result.output);
    throw new Error(`${label} failed with exit code ${result.exitCode}`);
  }
  return result;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

rmSync(work, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const source = join(work, 'template');
template(source);
mkdirSync(join(root, 'library'), { recursive: true });
writeFileSync(join(root, 'library/library.yaml'), 'name: Bench baseline\nversion: 1\n');
cpSync(join(source, 'policies'), join(root, 'library/policies'), { recursive: true });
cpSync(join(source, 'content/controls'), join(root, 'library/content/controls'), { recursive: true });
for (const name of names) cpSync(source, join(root, 'clients', name), { recursive: true });
workspaceFile(total);
console.log(`generated ${total} clients of ${POLICIES} policies and ${CONTROLS} controls in ${root}`);
const first = await run('first sync', ['sync', '--as-of', AS_OF]);
console.log(`first sync (records only, every document already the library's): ${seconds(first.wallMs)}`);

// Each client's body cache is warmed once, so every timing below reads the same warm caches.
await run('warm-up', ['check', '--workspace', '--format', 'json']);

const growth: {
  clients: number;
  wallMs: number;
  peakRssMb: number;
  errors: number;
  oneProcess: { wallMs: number; peakRssMb: number };
}[] = [];
const jobs = availableParallelism();
for (const count of [...new Set([...[50, 100].filter((count) => count < total), total])]) {
  workspaceFile(count);
  const result = await run(`check --workspace (${count})`, ['check', '--workspace', '--format', 'json']);
  const single = await run(`check --workspace --jobs 1 (${count})`, [
    'check',
    '--workspace',
    '--format',
    'json',
    '--jobs',
    '1',
  ]);
  if (single.output !== result.output) throw new Error(`--jobs 1 printed other results than ${jobs} workers`);
  const errors = (JSON.parse(result.output) as { clients: { errors: number }[] }).clients.reduce(
    (sum, client) => sum + client.errors,
    0,
  );
  growth.push({
    clients: count,
    wallMs: result.wallMs,
    peakRssMb: result.peakRssMb,
    errors,
    oneProcess: { wallMs: single.wallMs, peakRssMb: single.peakRssMb },
  });
  console.log(
    `check --workspace, ${count} clients: ${seconds(result.wallMs)}, peak ${result.peakRssMb} MB (${jobs} workers); ${seconds(single.wallMs)}, peak ${single.peakRssMb} MB with --jobs 1; ${errors} errors`,
  );
}
workspaceFile(total);

const sampled = Array.from({ length: sample }, (_, index) => names[Math.floor((index * total) / sample)]!);
let separateMs = 0;
let separatePeak = 0;
for (const name of sampled) {
  const result = await run(`check ${name}`, ['check', '--root', `clients/${name}`]);
  separateMs += result.wallMs;
  separatePeak = Math.max(separatePeak, result.peakRssMb);
}
const separateScaled = (separateMs / sample) * total;
console.log(
  `trustbook check per client, ${sample} of ${total} as separate processes: ${seconds(separateMs)} (${seconds(separateMs / sample)} each), scaled to ${total}: ${seconds(separateScaled)}, peak ${separatePeak} MB per process`,
);

// A library change every client takes: a sentence added to one section of one policy, and a new version.
const changed = join(root, 'library/policies/policy-0000.mdx');
writeFileSync(
  changed,
  readFileSync(changed, 'utf8').replace(
    '## Review\n\n',
    '## Review\n\nThe policy is reviewed after every incident.\n\n',
  ),
);
writeFileSync(join(root, 'library/library.yaml'), 'name: Bench baseline\nversion: 2\n');
const synced = await run('sync', ['sync', '--as-of', AS_OF]);
const updated = (synced.output.match(/^ {2}updated policies\/policy-0000\.mdx/gm) ?? []).length;
console.log(
  `sync of a library change to every client: ${seconds(synced.wallMs)} for ${total} clients (${seconds((synced.wallMs / total) * 10)} per ten), ${updated} clients updated, peak ${synced.peakRssMb} MB`,
);

const portfolio = growth.find((entry) => entry.clients === total) ?? growth.at(-1)!;
const results = {
  clients: total,
  workers: jobs,
  documentsPerClient: { policies: POLICIES, controls: CONTROLS },
  portfolioCheck: growth,
  separateChecks: {
    sampled: sample,
    wallMs: separateMs,
    scaledWallMs: separateScaled,
    peakRssMbPerProcess: separatePeak,
  },
  ratio: portfolio.wallMs / separateScaled,
  sync: { wallMs: synced.wallMs, perTenClientsMs: (synced.wallMs / total) * 10, updated, peakRssMb: synced.peakRssMb },
};
console.log(`portfolio check / separate checks: ${results.ratio.toFixed(2)}x (target at most 0.3x)`);
writeFileSync(join(work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!values.keep && existsSync(root)) rmSync(root, { recursive: true, force: true });
