/**
 * `trustbook check --workspace`: every client program of a partner workspace checked in one process, one table
 * (client, errors, warnings, coverage, window gaps, next due, library version, overrides to review), then
 * every finding under its client, with file paths relative to the workspace so an editor or a workflow
 * annotation finds them.
 */
import { availableParallelism } from 'node:os';
import { sortDiagnostics } from '../../engine/diagnostics.ts';
import { checkInWorkers } from '../../workspace/check-pool.ts';
import { clientChecker, type ClientCheck } from '../../workspace/client-check.ts';
import { localClients, readWorkspace, workspaceFile, type Workspace } from '../../workspace/workspace-fs.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';
import { checkOptions } from '../check-options.ts';
import { formatGithub, formatPretty, githubAnnotation, plain, type OutputFormat } from '../../report/findings-text.ts';
import { todayUtc } from '../../engine/dates.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, type Io } from '../io.ts';

/**
 * Clients a worker should have before one is worth starting without `--jobs`. A worker loads the engine again
 * (a third of a second to a second of processor time), where a client of 15 policies and 45 controls takes
 * about 40 ms to check (docs/workspace.md, Figures): below this many clients per worker, the one process that
 * has the engine loaded already is as quick.
 */
const CLIENTS_PER_WORKER = 50;

/** How many clients are checked at once when `--jobs` is not given: one per core, as far as the clients fill them. */
export function defaultJobs(clients: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(clients / CLIENTS_PER_WORKER)));
}

export async function runWorkspaceCheck(
  root: string,
  io: Io,
  options: { asOf: string | undefined; format: OutputFormat; all: boolean; jobs: number | undefined },
): Promise<number> {
  const workspace = readWorkspace(root);
  const checks = await checkClients(workspace, io, options);
  const all = (check: ClientCheck) => sortDiagnostics([...check.diagnostics, ...check.workspaceFindings]);
  const output: Record<OutputFormat, () => string> = {
    pretty: () => formatPortfolioPretty(workspace, checks, options.all),
    json: () =>
      JSON.stringify(
        {
          diagnostics: workspace.findings,
          clients: checks.map((check) => ({
            ...check.row,
            ...(check.failure === undefined ? {} : { failure: check.failure }),
            diagnostics: all(check),
          })),
        },
        null,
        2,
      ),
    github: () =>
      [
        ...workspace.findings.map(githubAnnotation),
        ...checks.flatMap((check) =>
          check.failure !== undefined
            ? [
                githubAnnotation({
                  severity: 'error',
                  code: 'internal error',
                  file: check.row.path,
                  ...notChecked(check),
                }),
              ]
            : check.summary
              ? [formatGithub({ summary: check.summary, diagnostics: all(check) }, check.durationMs)]
              : check.workspaceFindings.map(githubAnnotation),
        ),
      ].join('\n'),
  };
  io.stdout(output[options.format]());
  // A client that could not be checked has no verdict: the run fails as a single check's internal error does.
  if (checks.some((check) => check.failure !== undefined)) return EXIT_USAGE;
  const failing = workspace.findings.length > 0 || checks.some(({ row }) => row.errors > 0);
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * Every local client checked, in the workspace file's order: in this process with one job (or one client),
 * else spread over up to `jobs` worker threads.
 */
async function checkClients(
  workspace: Workspace,
  io: Io,
  options: { asOf: string | undefined; jobs: number | undefined },
): Promise<ClientCheck[]> {
  const clients = localClients(workspace);
  const checkWith = { check: checkOptions(io, options.asOf), today: todayUtc() };
  // Read here in every case: a missing base library is a usage error before any client is checked.
  const checkOne = clientChecker(workspace, checkWith);
  const jobs = options.jobs ?? defaultJobs(clients.length);
  if (Math.min(jobs, clients.length) <= 1) return clients.map(checkOne);
  return checkInWorkers(clients, { root: workspace.root, options: checkWith }, { jobs });
}

/**
 * Why a client has no verdict, and what to do. Not a finding (it says nothing about the client's program): the
 * workspace's counterpart of a single check's internal error, printed in the shape findings are printed in.
 */
function notChecked(check: ClientCheck): { message: string; hint: string } {
  return {
    message: `${check.row.client} could not be checked: ${check.failure}`,
    hint: `this is a bug in trustbook; check the client alone (trustbook check --root ${check.row.path}) with TRUSTBOOK_DEBUG=1 for details, and report it`,
  };
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
  const rows = checks.map(({ row, failure }) =>
    failure !== undefined
      ? [row.client, 'not checked', '-', '-', '-', '-', '-', '-']
      : [
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
        ],
  );
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
  for (const check of checks) {
    const { row, diagnostics, summary, workspaceFindings, durationMs } = check;
    if (check.failure === undefined && diagnostics.length === 0 && workspaceFindings.length === 0) continue;
    lines.push('', `== ${row.client} (${row.path}) ==`);
    if (check.failure !== undefined) {
      const failure = notChecked(check);
      lines.push(`error ${failure.message}`, `  fix: ${failure.hint}`);
    }
    if (workspaceFindings.length > 0) lines.push(...formatWorkspaceFindings(workspaceFindings, ''));
    if (summary && diagnostics.length > 0)
      lines.push(formatPretty({ summary, diagnostics }, durationMs, plain, { all }));
  }
  const failing = checks.filter(({ row }) => row.errors > 0).length;
  const unchecked = checks.filter((check) => check.failure !== undefined).length;
  lines.push(
    '',
    `${checks.length} clients checked, ${failing} with errors${unchecked > 0 ? `, ${unchecked} could not be checked` : ''}.`,
  );
  return lines.join('\n');
}
