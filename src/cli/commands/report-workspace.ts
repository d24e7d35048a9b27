/** `trustbook report --workspace`: readiness per client and the partner's worklist, as Markdown or an Atom digest. */
import { join } from 'node:path';
import { checkProject } from '../../engine/index.ts';
import { UsageError } from '../../engine/errors.ts';
import { portfolioAtom, portfolioMarkdown, portfolioReport } from '../../workspace/portfolio-report.ts';
import { localClients, readWorkspace } from '../../workspace/workspace-fs.ts';
import { checkOptions } from '../check-options.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export function runWorkspaceReport(
  root: string,
  io: Io,
  options: { asOf: string | undefined; format: string },
): number {
  if (options.format !== 'md' && options.format !== 'atom') {
    throw new UsageError(`unknown workspace report format "${options.format}"`, 'Use md or atom.');
  }
  const workspace = readWorkspace(root);
  const clients = localClients(workspace).map((client) => ({
    name: client.name,
    path: client.path,
    result: checkProject(join(root, client.path), checkOptions(io, options.asOf)),
  }));
  const asOf = clients[0]?.result.summary.asOf ?? options.asOf ?? '';
  const report = portfolioReport(clients, asOf);
  io.stdout(
    (options.format === 'atom' ? portfolioAtom(report, workspace.data.partner) : portfolioMarkdown(report)).trimEnd(),
  );
  return EXIT_CLEAN;
}
