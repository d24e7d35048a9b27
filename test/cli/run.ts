/** Runs the command in-process against a folder and collects what it prints. */
import { main } from '../../src/cli/main.ts';

export async function runCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    cwd,
    isTTY: false,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
