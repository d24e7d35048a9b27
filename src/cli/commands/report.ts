/** `trustbook report`: the readiness and gap report as Markdown, JSON or HTML. */
import { resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { readinessReport } from '../../report/readiness.ts';
import { renderReport, reportFormats, type ReportFormat } from '../../report/render.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export async function runReport(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    format: { type: 'string', default: 'md' },
    'as-of': { type: 'string' },
    root: { type: 'string' },
    workspace: { type: 'boolean', default: false },
  });
  if (values.workspace) {
    const { runWorkspaceReport } = await import('./report-workspace.ts');
    return runWorkspaceReport(resolve(io.cwd, values.root ?? '.'), io, {
      asOf: values['as-of'],
      format: values.format,
    });
  }
  if (!(reportFormats as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown report format "${values.format}"`, `Use one of: ${reportFormats.join(', ')}.`);
  }
  const result = checkProject(resolve(io.cwd, values.root ?? '.'), checkOptions(io, values['as-of']));
  io.stdout(renderReport(readinessReport(result), values.format as ReportFormat).trimEnd());
  return EXIT_CLEAN;
}
