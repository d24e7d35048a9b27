/**
 * The clients of `trustbook check --workspace` spread over worker threads. Each worker loads the catalog and
 * the library once and checks one client at a time, as the main thread hands them out, so a slow client does
 * not hold up a queue behind it; results come back as plain data and are put in the clients' order, so the
 * output is the same however many workers ran and whichever finished first. A worker that dies (a crash, an
 * exit) costs the client it was checking, which becomes a failed row, and a new worker takes the rest.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failedCheck, type ClientCheck, type ClientCheckOptions, type WorkspaceClient } from './client-check.ts';

/** What a worker is started with. */
export interface CheckWorkerData {
  root: string;
  options: ClientCheckOptions;
}

/**
 * The worker module beside this one, with this module's own extension: `.ts` when Trustbook runs from its
 * sources (this repository, Node stripping the types), `.js` when it runs from the compiled lib/ of the
 * installed package. A URL literal would name one of the two, and the compiler rewrites imports, not URLs.
 */
export function checkWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(`./check-worker${extname(fileURLToPath(moduleUrl))}`, moduleUrl);
}

export async function checkInWorkers(
  clients: readonly WorkspaceClient[],
  data: CheckWorkerData,
  options: { jobs: number; workerUrl?: URL },
): Promise<ClientCheck[]> {
  const results: ClientCheck[] = new Array(clients.length);
  if (clients.length === 0) return results;
  const url = options.workerUrl ?? checkWorkerUrl();
  let next = 0;
  let running = 0;
  return new Promise((resolve) => {
    const start = () => {
      const worker = new Worker(url, { workerData: data });
      running++;
      let current: number | undefined;
      const fail = (reason: string) => {
        if (current === undefined) return;
        results[current] = failedCheck(clients[current]!, reason);
        current = undefined;
      };
      const feed = () => {
        if (next >= clients.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage(clients[current]);
      };
      worker.on('message', (check: ClientCheck) => {
        if (current !== undefined) results[current] = check;
        feed();
      });
      worker.on('error', (error) => fail(`the worker checking it stopped: ${error.message}`));
      worker.on('exit', (code) => {
        fail(`the worker checking it exited with code ${code}`);
        running--;
        if (next < clients.length) start();
        else if (running === 0) resolve(results);
      });
      feed();
    };
    for (let count = 0; count < Math.min(options.jobs, clients.length); count++) start();
  });
}
