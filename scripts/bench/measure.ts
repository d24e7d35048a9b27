/**
 * Runs a command as a whole process and reports its wall time, peak memory, CPU time and bytes written, read
 * from /proc while it runs (Linux only). Peak memory is the largest resident set (VmHWM) of any process in its
 * tree; CPU time and bytes written are summed over every process of the tree (Pagefind's indexer too, which
 * `/usr/bin/time` misses since nobody waits for it). On a shared machine wall time is mostly the load; CPU time
 * and bytes written are the work done, and compare two builds fairly under any load.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  wallMs: number;
  peakRssMb: number;
  /** User and system time of every process of the tree, as last seen (a process's last 10 ms may be missed). */
  cpuMs: number;
  /** Bytes the tree's processes wrote (`wchar`: to files and pipes alike, whether or not they reached the disk). */
  writtenMb: number;
  exitCode: number;
  output: string;
}

/** What one process of the tree has used so far. */
interface Usage {
  highWaterKb: number;
  cpuTicks: number;
  written: number;
}

/** Clock ticks per second of /proc/<pid>/stat: 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function usageOf(pid: number): Usage | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The fields after the command's name, which may hold spaces: utime and stime are the 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  const highWaterKb = Number(/VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0);
  const written = Number(/wchar:\s+(\d+)/.exec(read(`/proc/${pid}/io`))?.[1] ?? 0);
  return { highWaterKb, cpuTicks: Number.isFinite(cpuTicks) ? cpuTicks : 0, written };
}

function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

export function hasProc(): boolean {
  try {
    return readdirSync('/proc').length > 0;
  } catch {
    return false;
  }
}

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // By process: the most it was seen to have used. Each counter only grows while the process runs, but a
    // process that has exited and not yet been reaped reads as none (no VmHWM, no io): keep the largest reading.
    const seen = new Map<number, Usage>();
    const poll = () => {
      for (const pid of tree(child.pid!)) {
        const usage = usageOf(pid);
        if (!usage) continue;
        const before = seen.get(pid);
        seen.set(
          pid,
          before
            ? {
                highWaterKb: Math.max(before.highWaterKb, usage.highWaterKb),
                cpuTicks: Math.max(before.cpuTicks, usage.cpuTicks),
                written: Math.max(before.written, usage.written),
              }
            : usage,
        );
      }
    };
    const timer = setInterval(poll, 10);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      const all = [...seen.values()];
      const peakKb = Math.max(0, ...all.map((usage) => usage.highWaterKb));
      const ticks = all.reduce((total, usage) => total + usage.cpuTicks, 0);
      const written = all.reduce((total, usage) => total + usage.written, 0);
      resolve({
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
        peakRssMb: Math.round(peakKb / 102.4) / 10,
        cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
        writtenMb: Math.round(written / 104857.6) / 10,
        exitCode: code ?? 1,
        output,
      });
    });
  });
}
