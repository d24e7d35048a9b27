/**
 * The benchmark's measure of a build: CPU time and bytes written are summed over the whole process tree, so a
 * build that hands work to a child (Pagefind's indexer) is charged for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProc, measure } from '../../scripts/bench/measure.ts';

let folder: string;
beforeAll(() => void (folder = mkdtempSync(join(tmpdir(), 'trustbook-measure-'))));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A grandchild that spends 300 ms of CPU and writes 3 MB, then idles so the last poll sees its counters.
const grandchild = `
const { writeFileSync } = require('node:fs');
const start = process.cpuUsage();
while (true) { const used = process.cpuUsage(start); if (used.user + used.system >= 300000) break; }
writeFileSync('out.bin', Buffer.alloc(3 * 1024 * 1024, 1));
setTimeout(() => {}, 300);
`;
// The child only waits for it, so whatever CPU and bytes the tree shows are the grandchild's.
const child = `
const { spawnSync } = require('node:child_process');
spawnSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' });
`;

describe.runIf(hasProc())('measuring a command as a process tree', () => {
  it("charges the command for a grandchild's CPU time and bytes written", async () => {
    const result = await measure(process.execPath, ['-e', child], { cwd: folder });
    expect(result.exitCode).toBe(0);
    expect(result.cpuMs).toBeGreaterThanOrEqual(250);
    expect(result.writtenMb).toBeGreaterThanOrEqual(3);
    expect(result.peakRssMb).toBeGreaterThan(0);
    // Minutes of wall time for 300 ms of CPU when the machine is busy: the time is not what is tested.
  }, 120_000);

  it('keeps the peak memory of a process that has exited and not yet been reaped', async () => {
    // The grandchild fills 200 MB and exits; its parent blocks for a while before reaping it, so the last
    // readings of the grandchild are of a process that no longer has any memory to report.
    const parent = `
const { spawn } = require('node:child_process');
spawn(process.execPath, ['-e', 'Buffer.alloc(200 * 1024 * 1024, 1)'], { stdio: 'ignore' });
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
`;
    const result = await measure(process.execPath, ['-e', parent], { cwd: folder });
    expect(result.exitCode).toBe(0);
    expect(result.peakRssMb).toBeGreaterThanOrEqual(190);
  }, 120_000);
});
