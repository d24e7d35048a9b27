/**
 * The portfolio site of `trustbook build --workspace`: the portfolio check (the same as `check --workspace`),
 * each client's trend from the repository's history, the library each would take now and whether its auditor
 * site is built, gathered into one PortfolioView and written to `dist/portfolio/`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeLayers } from '../../workspace/sync-plan.ts';
import { clientTrend } from '../../workspace/portfolio-history.ts';
import { portfolioView } from '../../workspace/portfolio-view.ts';
import { portfolioFolder, writePortfolio } from '../../workspace/portfolio-site.ts';
import { clientCheckerWithResults } from '../../workspace/client-check.ts';
import { libraryReader, localClients, type Workspace } from '../../workspace/workspace-fs.ts';
import { todayUtc } from '../../engine/dates.ts';
import { checkOptions } from '../check-options.ts';
import type { Io } from '../io.ts';

/** Writes `dist/portfolio/`; returns false (having said why) when it cannot. */
export function buildPortfolio(workspace: Workspace, io: Io): boolean {
  const clash = localClients(workspace).find((client) => client.name === portfolioFolder);
  if (clash) {
    io.stdout(
      `portfolio: not built: the client "${portfolioFolder}" builds into dist/${portfolioFolder}/, where the portfolio goes. Rename the client in trustbook.workspace.yaml.`,
    );
    return false;
  }
  io.progress?.('portfolio: checking the clients…');
  // In this process, one client after another: the portfolio needs each whole check result, which does not
  // travel back from a worker thread.
  const checkOne = clientCheckerWithResults(workspace, { check: checkOptions(io), today: todayUtc() });
  const checks = localClients(workspace).map((client) => ({ client, ...checkOne(client) }));
  const libraryFor = libraryReader(workspace);
  const { grantSecret, deploy } = checkOptions(io);
  const clients = checks.map(({ client, check, result }) => {
    const library = libraryFor(client).library;
    io.progress?.(`portfolio: the history of ${client.name}…`);
    return {
      name: client.name,
      path: client.path,
      row: check.row,
      result,
      libraryNow: library ? describeLayers(library.layers) : undefined,
      trend: result
        ? clientTrend(workspace.root, client.path, { grantSecret, deploy })
        : { none: `${client.path} is not a program, so there is no trend.` },
      auditorsBuilt: existsSync(join(workspace.root, 'dist', client.name, 'auditors', 'index.html')),
    };
  });
  const asOf = checks.find(({ result }) => result)?.result?.summary.asOf ?? io.env.TRUSTBOOK_AS_OF ?? todayUtc();
  const view = portfolioView({
    partner: workspace.data.partner,
    asOf,
    clients,
  });
  writePortfolio(join(workspace.root, 'dist', portfolioFolder), view);
  io.progress?.('');
  io.stdout(`portfolio: written to dist/${portfolioFolder}/ (private: serve it behind sign-on)`);
  return true;
}
