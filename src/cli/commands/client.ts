/**
 * `trustbook client detach NAME`: a client leaves the workspace with its program as it is. Every document is
 * already a complete copy in the client's folder, so leaving means forgetting the library: the sync record
 * goes (its answers first written into the `<Var>` they filled), and so does the client's entry in
 * `trustbook.workspace.yaml` (its comments and the other entries kept).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { UsageError } from '../../engine/errors.ts';
import { bindClientVariables, dropManagedBy } from '../../workspace/detach-fs.ts';
import { syncFolder } from '../../workspace/sync-plan.ts';
import { insideWorkspace, readWorkspace, workspaceFile } from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export async function runClient(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'add') return (await import('./client-add.ts')).runClientAdd(rest, io);
  if (action !== 'detach') {
    throw new UsageError(
      `unknown client command "${action ?? ''}"`,
      'Use `trustbook client add NAME` (a new client program from the library) or `trustbook client detach NAME` (a client leaves the workspace with its program).',
    );
  }
  const { values, positionals } = parse(rest, { root: { type: 'string' } }, 1);
  const name = positionals[0];
  if (name === undefined)
    throw new UsageError('client detach needs the client name', 'For example: trustbook client detach acme');
  const root = resolve(io.cwd, values.root ?? '.');
  const workspace = readWorkspace(root);
  const client = workspace.data.clients.find((entry) => entry.name === name);
  if (client === undefined) {
    throw new UsageError(
      `no client named "${name}" in ${workspaceFile}`,
      `Clients: ${workspace.data.clients.map((entry) => entry.name).join(', ') || 'none yet'}.`,
    );
  }
  if ('path' in client) {
    const folder = insideWorkspace(root, client.path, `the folder of client "${name}"`);
    // The answers leave with the record: each `<Var>` they filled at build time is written out as text first.
    bindClientVariables(folder);
    dropManagedBy(folder);
    rmSync(join(folder, syncFolder), { recursive: true, force: true });
  }
  const file = join(root, workspaceFile);
  const document = parseDocument(readFileSync(file, 'utf8'));
  const clients = isMap(document.contents) ? document.contents.get('clients', true) : undefined;
  if (isSeq(clients)) {
    clients.items = clients.items.filter((item) => !(isMap(item) && item.get('name') === name));
  }
  writeFileSync(file, document.toString({ lineWidth: 0 }));
  io.stdout(
    'path' in client
      ? `${name} has left the workspace: ${client.path} is a complete program of its own, no longer synced from the library.\n` +
          `Next: move ${client.path} into a repository of its own (its history stays in this one).`
      : `${name} is no longer listed in the workspace.`,
  );
  return EXIT_CLEAN;
}
