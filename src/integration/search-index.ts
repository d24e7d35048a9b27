/**
 * One Pagefind index per site, built through Pagefind's Node API in a process of its own: the build's
 * process holds the whole site in memory, and Pagefind's messages wait behind its garbage collection.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The worker beside this module: TypeScript in this repository, compiled JavaScript once installed.
const worker = fileURLToPath(
  new URL(`./search-index-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
);

/** Indexes each folder; resolves with the number of pages indexed in each. */
export function indexSites(folders: readonly string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...folders], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output) as number[]);
      else reject(new Error(`search indexing failed: ${errors.trim() || `exit code ${code}`}`));
    });
  });
}
