/**
 * Builds the three sites once before any browser test, exactly as `npm run build` does, so the tests run
 * against the production output and never against a stale `dist/`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { GRANT_SECRET_ENV } from '../../src/engine/grants.ts';
import { E2E_GRANT_SECRET } from './grant-secret.ts';
import { repoRoot } from './sites.ts';

/** Astro's command-line entry, read from its package.json: the file has moved between Astro versions. */
function astroCli(): string {
  const manifest = createRequire(join(repoRoot, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin['astro']!);
}

export default async function buildSites(): Promise<void> {
  // process.execPath is the Node running Vitest: under `npm test` that is the pinned Node 24 the build needs.
  const astro = astroCli();
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: repoRoot,
      // With a grant secret, so the sample's grants publish what a recipient's link opens.
      env: { ...process.env, FORCE_COLOR: '0', [GRANT_SECRET_ENV]: E2E_GRANT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', fail);
    child.once('close', (exitCode) => done({ code: exitCode, output: Buffer.concat(chunks).toString('utf8') }));
  });
  if (code !== 0) {
    throw new Error(`The production build failed (exit code ${code}), so the browser tests cannot run:\n\n${output}`);
  }
  console.log(`e2e: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
