/** `trustbook ci matrix --shards N`: the workspace's clients in shards, as a GitHub Actions matrix (JSON). */
import { resolve } from 'node:path';
import { UsageError } from '../../engine/errors.ts';
import { clientShards, MATRIX_JOB_LIMIT } from '../../workspace/shards.ts';
import { localClients, readWorkspace } from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export function runCi(args: string[], io: Io): number {
  const [action, ...rest] = args;
  if (action !== 'matrix') {
    throw new UsageError(
      `unknown ci command "${action ?? ''}"`,
      'Use `trustbook ci matrix --shards N` (the clients in shards, as a GitHub Actions matrix).',
    );
  }
  const { values } = parse(rest, { shards: { type: 'string' }, root: { type: 'string' } });
  const shards = Number(values.shards);
  if (values.shards === undefined || !Number.isInteger(shards) || shards < 1 || shards > MATRIX_JOB_LIMIT) {
    throw new UsageError(
      `--shards ${values.shards ?? ''}: expected a whole number from 1 to ${MATRIX_JOB_LIMIT}`,
      `GitHub Actions runs at most ${MATRIX_JOB_LIMIT} jobs from one matrix; each shard builds several clients.`,
    );
  }
  const workspace = readWorkspace(resolve(io.cwd, values.root ?? '.'));
  const names = localClients(workspace).map((client) => client.name);
  io.stdout(JSON.stringify(clientShards(names, shards)));
  return EXIT_CLEAN;
}
