/**
 * `trustbook check --workspace`: every client program of a partner workspace checked in one process, one table
 * (client, errors, warnings, coverage, window gaps, next due, library version, overrides to review), then
 * every finding under its client, with file paths relative to the workspace so an editor or a workflow
 * annotation finds them.
 */
import { join } from 'node:path';
import { checkProject, type CheckResult, type Diagnostic } from '../../engine/index.ts';
import { countBySeverity, sortDiagnostics } from '../../engine/diagnostics.ts';
import { portfolioRow, type PortfolioRow } from '../../workspace/portfolio.ts';
import { describeLayers } from '../../workspace/sync-plan.ts';
import {
  isProgram,
  libraryReader,
  localClients,
  planClient,
  readWorkspace,
  workspaceFile,
  type Workspace,
} from '../../workspace/workspace-fs.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';
import { checkOptions } from '../check-options.ts';
import { formatGithub, formatPretty, githubAnnotation, plain, type OutputFormat } from '../../report/findings-text.ts';
import { todayUtc } from '../../engine/dates.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

export interface ClientCheck {
  row: PortfolioRow;
  /** The client's check, with paths from the workspace folder; undefined when its folder is not a program. */
  result: CheckResult | undefined;
  /** The findings about the client as a client of the workspace (TB020-TB027), with paths from the workspace. */
  workspaceFindings: Diagnostic[];
  durationMs: number;
}

export function runWorkspaceCheck(
  root: string,
  io: Io,
  options: { asOf: string | undefined; format: OutputFormat; all: boolean },
): number {
  const workspace = readWorkspace(root);
  const checks = checkClients(workspace, io, options.asOf);
  const all = (check: ClientCheck) =>
    sortDiagnostics([...(check.result?.diagnostics ?? []), ...check.workspaceFindings]);
  const output: Record<OutputFormat, () => string> = {
    pretty: () => formatPortfolioPretty(workspace, checks, options.all),
    json: () =>
      JSON.stringify(
        {
          diagnostics: workspace.findings,
          clients: checks.map((check) => ({ ...check.row, diagnostics: all(check) })),
        },
        null,
        2,
      ),
    github: () =>
      [
        ...workspace.findings.map(githubAnnotation),
        ...checks.flatMap((check) =>
          check.result
            ? [formatGithub({ ...check.result, diagnostics: all(check) }, check.durationMs)]
            : check.workspaceFindings.map(githubAnnotation),
        ),
      ].join('\n'),
  };
  io.stdout(output[options.format]());
  const failing = workspace.findings.length > 0 || checks.some(({ row }) => row.errors > 0);
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

export function checkClients(workspace: Workspace, io: Io, asOf: string | undefined): ClientCheck[] {
  const checks: ClientCheck[] = [];
  const libraryFor = libraryReader(workspace);
  for (const client of localClients(workspace)) {
    const started = performance.now();
    const checked = isProgram(workspace, client.path)
      ? withPaths(checkProject(join(workspace.root, client.path), checkOptions(io, asOf)), client.path)
      : undefined;
    const today = checked?.summary.asOf ?? asOf ?? io.env.TRUSTBOOK_AS_OF ?? todayUtc();
    const { read, plan, findings } = planClient(workspace, libraryFor, client, { today, pending: true });
    const counts = countBySeverity(findings);
    checks.push({
      row: {
        ...portfolioRow(
          client,
          checked,
          plan,
          read?.state.record ? describeLayers(read.state.record.layers) : undefined,
        ),
        ...(checked
          ? { errors: checked.summary.errors + counts.errors, warnings: checked.summary.warnings + counts.warnings }
          : counts),
      },
      result: checked,
      workspaceFindings: findings,
      durationMs: Math.round(performance.now() - started),
    });
  }
  return checks;
}

/** A result whose findings name files relative to the workspace. */
function withPaths(result: CheckResult, path: string): CheckResult {
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: join(path, d.file) })) };
}

function formatPortfolioPretty(workspace: Workspace, checks: readonly ClientCheck[], all: boolean): string {
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
      ? 'see its findings'
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
  if (workspace.findings.length > 0) {
    lines.push('', `== ${workspaceFile} ==`, ...formatWorkspaceFindings(workspace.findings, ''));
  }
  for (const { row, result, workspaceFindings, durationMs } of checks) {
    if ((result?.diagnostics.length ?? 0) === 0 && workspaceFindings.length === 0) continue;
    lines.push('', `== ${row.client} (${row.path}) ==`);
    if (workspaceFindings.length > 0) lines.push(...formatWorkspaceFindings(workspaceFindings, ''));
    if (result && result.diagnostics.length > 0) lines.push(formatPretty(result, durationMs, plain, { all }));
  }
  const failing = checks.filter(({ row }) => row.errors > 0).length;
  lines.push('', `${checks.length} clients checked, ${failing} with errors.`);
  return lines.join('\n');
}
