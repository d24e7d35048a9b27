/**
 * One client's part of `trustbook check --workspace`, as plain data: its portfolio row, its findings with paths
 * from the workspace folder, and its check's summary. Plain data because a client may be checked in a worker
 * thread and its result copied back (a check result holds the model and functions, which do not copy); the
 * table and the findings printed at the end need no more than this.
 */
import { join } from 'node:path';
import {
  checkProject,
  type CheckOptions,
  type CheckResult,
  type CheckSummary,
  type Diagnostic,
} from '../engine/index.ts';
import { countBySeverity } from '../engine/diagnostics.ts';
import { portfolioRow, type PortfolioRow } from './portfolio.ts';
import { describeLayers } from './sync-plan.ts';
import { isProgram, libraryReader, planClient, type localClients, type Workspace } from './workspace-fs.ts';

export type WorkspaceClient = ReturnType<typeof localClients>[number];

export interface ClientCheck {
  row: PortfolioRow;
  /** The check's findings, with paths from the workspace folder; empty when the folder is not a program. */
  diagnostics: Diagnostic[];
  /** The check's summary; undefined when the folder is not a program or the check could not finish. */
  summary: CheckSummary | undefined;
  /** The findings about the client as a client of the workspace (TB020-TB027), with paths from the workspace. */
  workspaceFindings: Diagnostic[];
  durationMs: number;
  /**
   * Why the client could not be checked (its check threw, or the worker checking it stopped): a bug in
   * Trustbook, never a verdict on the client's program, so the run fails without claiming findings.
   */
  failure?: string;
}

/** What every client is checked with: the check's options, and the day a client without a date is judged on. */
export interface ClientCheckOptions {
  check: CheckOptions;
  /** Today (UTC), fixed once per run so every client is judged on the same day even across midnight. */
  today: string;
}

/** A function checking one client at a time; the library's folders are read once however many clients take them. */
export function clientChecker(
  workspace: Workspace,
  options: ClientCheckOptions,
): (client: WorkspaceClient) => ClientCheck {
  const checkOne = clientCheckerWithResults(workspace, options);
  return (client) => checkOne(client).check;
}

/**
 * The same, keeping each client's whole check result beside its plain data, for work in this process that needs
 * the model (the portfolio site's readiness and worklist). The result is undefined when the folder is not a
 * program or the check could not finish.
 */
export function clientCheckerWithResults(
  workspace: Workspace,
  options: ClientCheckOptions,
): (client: WorkspaceClient) => { check: ClientCheck; result: CheckResult | undefined } {
  const libraryFor = libraryReader(workspace);
  return (client) => {
    const started = performance.now();
    try {
      const checked = isProgram(workspace, client.path)
        ? checkProject(join(workspace.root, client.path), { ...options.check, today: options.today })
        : undefined;
      const today = checked?.summary.asOf ?? options.check.asOf ?? options.check.envAsOf ?? options.today;
      const { read, plan, findings } = planClient(workspace, libraryFor, client, { today, pending: true });
      const counts = countBySeverity(findings);
      const row = portfolioRow(
        client,
        checked,
        plan,
        read?.state.record ? describeLayers(read.state.record.layers) : undefined,
      );
      const check: ClientCheck = {
        row: {
          ...row,
          ...(checked
            ? { errors: checked.summary.errors + counts.errors, warnings: checked.summary.warnings + counts.warnings }
            : counts),
        },
        diagnostics: (checked?.diagnostics ?? []).map((d) => ({ ...d, file: join(client.path, d.file) })),
        summary: checked?.summary,
        workspaceFindings: findings,
        durationMs: Math.round(performance.now() - started),
      };
      return { check, result: checked };
    } catch (error) {
      const failure = `its check stopped: ${error instanceof Error ? error.message : String(error)}`;
      return { check: failedCheck(client, failure), result: undefined };
    }
  };
}

/** The row of a client that could not be checked: no counts claimed, and the reason. */
export function failedCheck(client: { name: string; path: string }, failure: string): ClientCheck {
  return {
    row: portfolioRow(client, undefined, undefined, undefined),
    diagnostics: [],
    summary: undefined,
    workspaceFindings: [],
    durationMs: 0,
    failure,
  };
}
