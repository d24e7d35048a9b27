/**
 * `trustbook build --workspace [CLIENT...]`: every client's three sites into `dist/<client>/`, one client after
 * another (each build uses the machine's cores itself), then the partner's portfolio into `dist/portfolio/`
 * (`--portfolio`: that alone). A client that fails does not stop the others; the summary and the exit code say
 * which failed. One program builds with `npm run build` (`astro build`).
 */
import { join, resolve } from 'node:path';
import { UsageError } from '../../engine/errors.ts';
import { buildClient, ensureBuildFiles } from '../../workspace/client-build-fs.ts';
import { isProgram, localClients, readWorkspace, workspaceFile } from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';
import { finding } from '../../engine/findings/finding.ts';
import { buildPortfolio } from './build-portfolio.ts';

export async function runBuild(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      workspace: { type: 'boolean', default: false },
      portfolio: { type: 'boolean', default: false },
      root: { type: 'string' },
    },
    Infinity,
  );
  if (!values.workspace) {
    throw new UsageError(
      'trustbook build builds a partner workspace (--workspace)',
      'Build one program with `npm run build` (astro build); a workspace with `trustbook build --workspace`.',
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const workspace = readWorkspace(root);
  const local = localClients(workspace);
  for (const name of positionals) {
    if (!local.some((client) => client.name === name)) {
      throw new UsageError(
        `no client named "${name}" in ${workspaceFile} with a folder here`,
        `Clients: ${local.map((client) => client.name).join(', ') || 'none yet'}.`,
      );
    }
  }
  const chosen = positionals.length > 0 ? local.filter((client) => positionals.includes(client.name)) : local;
  if (workspace.findings.length > 0)
    io.stdout([workspaceFile, ...formatWorkspaceFindings(workspace.findings)].join('\n'));
  if (values.portfolio) {
    if (positionals.length > 0) {
      throw new UsageError('--portfolio builds the portfolio alone, for every client', 'Leave out the client names.');
    }
    return buildPortfolio(workspace, io) && workspace.findings.length === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
  }

  const failed: string[] = [];
  for (const client of chosen) {
    if (!isProgram(workspace, client.path)) {
      failed.push(client.name);
      const notProgram = finding('TB020', { file: client.path }, client.name, client.path);
      io.stdout([`${client.name}: not built`, ...formatWorkspaceFindings([notProgram])].join('\n'));
      continue;
    }
    const folder = join(root, client.path);
    const added = ensureBuildFiles(folder);
    if (added.length > 0) io.stdout(`${client.name}: added ${added.join(' and ')}, as every program has them`);
    io.progress?.(`building ${client.name}…`);
    const build = await buildClient(folder, join(root, 'dist', client.name), io.env);
    io.progress?.('');
    if (build.ok) {
      io.stdout(`${client.name}: built into dist/${client.name}/ (${(build.durationMs / 1000).toFixed(1)} s)`);
    } else {
      failed.push(client.name);
      io.stdout(
        [
          `${client.name}: FAILED, dist/${client.name}/ left as it was; the build said:`,
          ...lastLines(build.output),
        ].join('\n'),
      );
    }
  }
  // After the clients, so its links find the auditor sites just built. A build of named clients (a CI shard)
  // leaves it out: it covers every client, and each shard would write its own partial one.
  let portfolio = true;
  if (positionals.length === 0) portfolio = buildPortfolio(workspace, io);
  else {
    io.stdout(
      'portfolio: not written for named clients; `trustbook build --workspace --portfolio` writes it once every client is in dist/',
    );
  }
  const built = chosen.length - failed.length;
  io.stdout(
    `\n${built} of ${chosen.length} clients built${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}.`,
  );
  return failed.length > 0 || !portfolio || workspace.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The end of a build's output, where Astro and the check say why it stopped. */
function lastLines(output: string): string[] {
  return output
    .trimEnd()
    .split('\n')
    .slice(-25)
    .map((line) => `  | ${line}`);
}
