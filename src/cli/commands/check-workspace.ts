/**
 * `trustbook check --workspace`: every client program of a partner workspace checked in one process, one table
 * (client, errors, warnings, coverage, window gaps, next due, library version, overrides to review), then
 * every finding under its client, with file paths relative to the workspace so an editor or a workflow
 * annotation finds them.
 */
import { join } from 'node:path';
import { checkProject, type CheckResult } from '../../engine/index.ts';
import { portfolioRow, type PortfolioRow } from '../../workspace/portfolio.ts';
import { describeLayers, planSync } from '../../workspace/sync-plan.ts';
import {
  libraryReader,
  localClients,
  readClient,
  readWorkspace,
  type Workspace,
} from '../../workspace/workspace-fs.ts';
import { checkOptions } from '../check-options.ts';
import { formatGithub, formatPretty, plain, type OutputFormat } from '../../report/findings-text.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

interface ClientCheck {
  row: PortfolioRow;
  result: CheckResult;
  durationMs: number;
}

export function runWorkspaceCheck(
  root: string,
  io: Io,
  options: { asOf: string | undefined; format: OutputFormat; all: boolean },
): number {
  const workspace = readWorkspace(root);
  const checks = checkClients(workspace, io, options.asOf);
  const output: Record<OutputFormat, () => string> = {
    pretty: () => formatPortfolioPretty(checks, options.all),
    json: () =>
      JSON.stringify(
        {
          clients: checks.map(({ row, result }) => ({
            ...row,
            diagnostics: result.diagnostics.map((d) => ({ ...d, file: join(row.path, d.file) })),
          })),
        },
        null,
        2,
      ),
    github: () =>
      checks.map(({ row, result, durationMs }) => formatGithub(withPaths(result, row.path), durationMs)).join('\n'),
  };
  io.stdout(output[options.format]());
  return checks.some(({ row }) => row.errors > 0) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function checkClients(workspace: Workspace, io: Io, asOf: string | undefined): ClientCheck[] {
  const checks: ClientCheck[] = [];
  const libraryFor = libraryReader(workspace);
  for (const client of localClients(workspace)) {
    const started = performance.now();
    const result = checkProject(join(workspace.root, client.path), checkOptions(io, asOf));
    const library = libraryFor(client.overlays);
    const read = readClient(workspace, client.name, client.path, library);
    const plan = read.problems.length === 0 ? planSync(library, read.state, { today: result.summary.asOf }) : undefined;
    checks.push({
      row: portfolioRow(client, result, plan, read.state.record ? describeLayers(read.state.record.layers) : undefined),
      result,
      durationMs: Math.round(performance.now() - started),
    });
  }
  return checks;
}

/** A result whose findings name files relative to the workspace. */
function withPaths(result: CheckResult, path: string): CheckResult {
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: join(path, d.file) })) };
}

function formatPortfolioPretty(checks: readonly ClientCheck[], all: boolean): string {
  const header = [
    'client',
    'errors',
    'warnings',
    'coverage',
    'window gaps',
    'next due',
    'library',
    'overrides to review',
  ];
  const rows = checks.map(({ row }) => [
    row.client,
    String(row.errors),
    String(row.warnings),
    row.coverage || '-',
    String(row.windowGaps),
    row.nextDue ? `${row.nextDue.due} ${row.nextDue.what}` : '-',
    row.library === undefined
      ? 'sync record unreadable'
      : `${row.library.took ?? 'never synced'}${row.library.behind ? ' (behind)' : ''}`,
    String(row.overridesToReview),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  for (const { row, result, durationMs } of checks) {
    if (result.diagnostics.length === 0) continue;
    lines.push(
      '',
      `== ${row.client} (${row.path}) ==`,
      formatPretty(withPaths(result, row.path), durationMs, plain, { all }),
    );
  }
  const failing = checks.filter(({ row }) => row.errors > 0).length;
  lines.push('', `${checks.length} clients checked, ${failing} with errors.`);
  return lines.join('\n');
}
