/**
 * The grant secret, taken out of the process's environment before anything renders. MDX bodies are modules
 * that run in this process when their pages render, and `process.env` (and `import.meta.env`, which Vite fills
 * from it when the build starts) is in reach of every one of them; what is not in the environment cannot be
 * printed from it. Child processes started later do not inherit it either. Content-only mode
 * (`content_only: true`) is what keeps code out of bodies altogether: this only takes away the easy path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRANT_SECRET_ENV } from '../engine/grants.ts';

let taken: string | undefined;

/**
 * The secret, read from the environment and deleted from it; the value read first on a later call (a dev
 * server reloading its configuration runs the integration again, with the variable already gone).
 */
export function takeGrantSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[GRANT_SECRET_ENV] !== undefined) {
    taken = env[GRANT_SECRET_ENV];
    delete env[GRANT_SECRET_ENV];
  }
  return taken;
}

/** The files Vite reads into `import.meta.env` for a build (its `loadEnv`), where no secret may sit. */
const envFiles = ['.env', '.env.local', '.env.production', '.env.production.local'];

/**
 * The env files of the project that define the grant secret. Vite reads them into `import.meta.env`, which every
 * body and page can print, so the secret there is in reach whatever this module takes out of `process.env`.
 */
export function envFilesWithSecret(root: string): string[] {
  const definition = new RegExp(`^\\s*(?:export\\s+)?${GRANT_SECRET_ENV}\\s*=`, 'm');
  return envFiles.filter((name) => {
    const path = join(root, name);
    return existsSync(path) && definition.test(readFileSync(path, 'utf8'));
  });
}
