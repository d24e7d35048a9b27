/** `trustbook report --workspace`: readiness per client and the partner's worklist, as Markdown or an Atom digest. */
import { join } from 'node:path';
import { checkProject } from '../../engine/index.ts';
import { UsageError } from '../../engine/errors.ts';
import { portfolioAtom, portfolioMarkdown, portfolioReport } from '../../workspace/portfolio-report.ts';
import { finding } from '../../engine/findings/finding.ts';
import { isProgram, localClients, readWorkspace } from '../../workspace/workspace-fs.ts';
import { checkOptions } from '../check-options.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';

export function runWorkspaceReport(
  root: string,
  io: Io,
  options: { asOf: string | undefined; format: string },
): number {
  if (options.format !== 'md' && options.format !== 'atom') {
    throw new UsageError(`unknown workspace report format "${options.format}"`, 'Use md or atom.');
  }
  const workspace = readWorkspace(root);
  // Clients the report cannot cover are named on standard error, so the Markdown or the feed stays whole.
  const local = localClients(workspace);
  const notPrograms = local.filter((client) => !isProgram(workspace, client.path));
  const problems = [
    ...workspace.findings,
    ...notPrograms.map((client) => finding('TB020', { file: client.path }, client.name, client.path)),
  ];
  if (problems.length > 0) io.stderr(formatWorkspaceFindings(problems, '').join('\n'));
  const clients = local
    .filter((client) => !notPrograms.includes(client))
    .map((client) => ({
      name: client.name,
      path: client.path,
      result: checkProject(join(root, client.path), checkOptions(io, options.asOf)),
    }));
  const asOf = clients[0]?.result.summary.asOf ?? options.asOf ?? '';
  const report = portfolioReport(clients, asOf);
  io.stdout(
    (options.format === 'atom' ? portfolioAtom(report, workspace.data.partner) : portfolioMarkdown(report)).trimEnd(),
  );
  return problems.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
