/**
 * Building one client's three sites, as `astro build` in the client's folder builds any program, in a process
 * of its own (a client's build cannot stop another's), then moving its `dist/` to `dist/<client>/` of the
 * workspace. A client program without the two files every program repository has (astro.config.mjs,
 * src/content.config.ts) gets them first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The files that make a client folder buildable, as a program repository has them. */
export const buildFiles: ReadonlyMap<string, string> = new Map([
  [
    'astro.config.mjs',
    "// @ts-check\nimport { defineConfig } from 'astro/config';\nimport trustbook from 'trustbook';\n\n// Trustbook injects every page of the three sites; this folder holds only the program.\nexport default defineConfig({\n  integrations: [trustbook()],\n});\n",
  ],
  [
    'src/content.config.ts',
    "// The program's documents as Astro content collections, with Trustbook's schemas.\nexport { collections } from 'trustbook/content';\n",
  ],
]);

/** Writes whichever of the build files the client lacks; returns the paths written. */
export function ensureBuildFiles(folder: string): string[] {
  const written: string[] = [];
  for (const [path, text] of buildFiles) {
    if (existsSync(join(folder, path))) continue;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
    written.push(path);
  }
  return written;
}

export interface ClientBuild {
  ok: boolean;
  /** What the build printed (standard output and error together). */
  output: string;
  durationMs: number;
}

/** Runs `astro build` in the client's folder; on success moves its dist/ to `target`, replacing what was there. */
export function buildClient(
  folder: string,
  target: string,
  env: Record<string, string | undefined>,
): Promise<ClientBuild> {
  const started = performance.now();
  const astro = join(
    dirname(createRequire(join(folder, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: folder,
      env: { ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => finish(false, `${output}\n${error.message}`));
    child.on('close', (status) => finish(status === 0, output));
    function finish(ok: boolean, text: string) {
      if (ok) {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(folder, 'dist'), target);
      }
      resolve({ ok, output: text, durationMs: Math.round(performance.now() - started) });
    }
  });
}
