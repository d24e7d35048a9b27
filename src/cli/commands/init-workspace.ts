/**
 * `trustbook init --workspace [DIR]`: a new partner workspace: the workspace file, a library seeded from the
 * package's templates, a package.json, a `.gitignore` and the workspace workflow. Clients come next, with
 * `trustbook client add NAME`.
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { UsageError } from '../../engine/errors.ts';
import { readText, titleCase } from '../../scaffold/new-program.ts';
import { ownPackageFacts, readTemplate, writeNewFiles } from '../../scaffold/scaffold-fs.ts';
import { workspaceFiles } from '../../workspace/new-workspace.ts';
import { workspaceFile } from '../../workspace/workspace-paths.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export function runInitWorkspace(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    { workspace: { type: 'boolean' }, partner: { type: 'string' }, 'as-of': { type: 'string' } },
    1,
  );
  const root = resolve(io.cwd, positionals[0] ?? '.');
  if (existsSync(resolve(root, workspaceFile))) {
    throw new UsageError(`${root} already holds a workspace`, 'Choose a new folder: trustbook init --workspace DIR.');
  }
  const partner = values.partner ?? titleCase(basename(root));
  const read = readText('partner', partner);
  if ('problem' in read) throw new UsageError(`--partner: ${read.problem}`, 'Give the partner name without them.');
  const today = resolveEvaluationDate({ cli: values['as-of'], env: io.env.TRUSTBOOK_AS_OF }).date;
  const files = workspaceFiles({ partner, folder: basename(root), today, facts: ownPackageFacts(), readTemplate });
  const written = writeNewFiles(root, files);
  const library = written.filter((path) => path.startsWith('library/') && !path.endsWith('library.yaml')).length;
  const shown = relative(io.cwd, root) || '.';
  io.stdout(
    [
      `Created a partner workspace for ${partner} in ${root}:`,
      `  ${workspaceFile}, a library of ${library} documents from Trustbook's templates (library/library.yaml asks`,
      '  each client its organization, system, website and contact), package.json, .gitignore and the workflow.',
      '',
      'Next:',
      ...(shown === '.' ? [] : [`  cd ${shown}`]),
      '  npm install',
      '  npx trustbook client add acme --answer organization="Acme, Inc." --answer system="Acme Cloud"',
      '  npx trustbook check --workspace',
    ].join('\n'),
  );
  return EXIT_CLEAN;
}
