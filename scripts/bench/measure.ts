/**
 * Runs a command as a whole process and reports its wall time and peak memory: the largest resident set
 * (VmHWM) of any process in its tree, read from /proc while it runs (Linux only).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  wallMs: number;
  peakRssMb: number;
  exitCode: number;
  output: string;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function highWaterKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
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
    let peakKb = 0;
    const poll = () => {
      for (const pid of tree(child.pid!)) peakKb = Math.max(peakKb, highWaterKb(pid));
    };
    const timer = setInterval(poll, 10);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
        peakRssMb: Math.round(peakKb / 102.4) / 10,
        exitCode: code ?? 1,
        output,
      });
    });
  });
}
