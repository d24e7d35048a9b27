/**
 * The work of a check worker (check-worker.ts starts it): reads the workspace once, then checks each client the
 * main thread sends and answers with its result as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { clientChecker, failedCheck, type WorkspaceClient } from './client-check.ts';
import type { CheckWorkerData } from './check-pool.ts';
import { readWorkspace } from './workspace-fs.ts';

const { root, options } = workerData as CheckWorkerData;
const check = clientChecker(readWorkspace(root), options);
parentPort!.on('message', (client: WorkspaceClient) => {
  const result = check(client);
  try {
    parentPort!.postMessage(result);
  } catch (error) {
    // A result that does not copy is a bug, but it stays that client's failure rather than the run's.
    parentPort!.postMessage(
      failedCheck(
        client,
        `its result could not be passed on: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
});
