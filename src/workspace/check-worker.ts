/**
 * A worker thread of `trustbook check --workspace` (see check-pool.ts). Node's compile cache is per thread, and
 * the command's entry point only turned it on for the main one: turned on here before the engine is imported,
 * a worker loads the engine from the cache as the command does, rather than compiling it again.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./check-worker-serve.ts');
