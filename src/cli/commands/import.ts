/**
 * `trustbook import comply DIR` and `trustbook import markdown DIR --kind policy|procedure`: documents kept
 * elsewhere turned into Trustbook documents, with a report of every mapping a person still has to decide
 * (printed, and written to import-report.md beside them).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject, UsageError } from '../../engine/index.ts';
import { planComplyImport, SYSTEM_DESCRIPTION_PATH } from '../../import/comply.ts';
import { readComplySources, readMarkdownSources, writePlanFiles } from '../../import/import-fs.ts';
import { planMarkdownImport } from '../../import/markdown-folder.ts';
import type { ImportPlan } from '../../import/plan.ts';
import { renderReport, REPORT_FILE } from '../../import/report.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { runImportMapping } from './map-import.ts';

const layouts = ['comply', 'markdown'] as const;

export function runImport(args: string[], io: Io): number | Promise<number> {
  if (args[0] === 'mapping') return runImportMapping(args.slice(1), io);
  const { values, positionals } = parse(
    args,
    { out: { type: 'string' }, root: { type: 'string' }, kind: { type: 'string' } },
    2,
  );
  const [layout, folder] = positionals;
  if (!layouts.includes(layout as (typeof layouts)[number]) || folder === undefined) {
    throw new UsageError(
      layout === undefined || layouts.includes(layout as (typeof layouts)[number])
        ? 'import needs a layout and the folder to read'
        : `unknown import layout "${layout}"`,
      'Run `trustbook import comply DIR` or `trustbook import markdown DIR --kind policy|procedure`.',
    );
  }
  const source = resolve(io.cwd, folder);
  const program = resolve(io.cwd, values.root ?? '.');
  const out = values.out === undefined ? program : resolve(io.cwd, values.out);

  let plan: ImportPlan;
  if (layout === 'comply') {
    if (values.kind !== undefined) {
      throw new UsageError('--kind is for `import markdown`', 'comply says itself which files are policies.');
    }
    const hasSystemDescription = [program, out].some((root) => existsSync(join(root, SYSTEM_DESCRIPTION_PATH)));
    plan = planComplyImport(folder, readComplySources(source), { hasSystemDescription });
  } else {
    if (values.kind !== 'policy' && values.kind !== 'procedure') {
      throw new UsageError(
        values.kind === undefined ? 'import markdown needs --kind' : `unknown --kind "${values.kind}"`,
        'Say what the files are: --kind policy or --kind procedure.',
      );
    }
    plan = planMarkdownImport(folder, readMarkdownSources(source), values.kind);
  }

  refuseTakenIds(program, plan);
  const report = renderReport(plan);
  writePlanFiles(out, [...plan.files, { path: REPORT_FILE, text: report, source: folder }], program);
  io.stdout(report);
  io.stdout(
    `Written to ${out} (this report: ${REPORT_FILE}).` +
      (existsSync(join(out, 'content/program.yaml'))
        ? ' Run `trustbook check` to see the decisions above as findings.'
        : ' That folder is no program yet: copy the documents into one (`trustbook init`), then run `trustbook check`.'),
  );
  return EXIT_CLEAN;
}

/**
 * A document whose id the program already uses under another file name would be a duplicate (TB201), and which
 * of the two is meant would be anyone's guess: refused, like a file that exists.
 */
function refuseTakenIds(program: string, plan: ImportPlan): void {
  if (!existsSync(join(program, 'content/program.yaml'))) return;
  const { model } = loadProject(program, { bodyCache: false });
  // A file at the same path is the same document: the refusal to replace it names it as a file instead.
  const taken = plan.files.filter(
    (file) =>
      file.document &&
      model.knownIds[file.document.kind].has(file.document.id) &&
      !existsSync(join(program, file.path)),
  );
  if (taken.length === 0) return;
  throw new UsageError(
    `the program already has ${taken.map((file) => `a ${file.document!.kind} with id \`${file.document!.id}\` (imported as ${file.path})`).join(', ')}; nothing was written`,
    'Rename the source files (their names become the ids), or import into an empty folder with --out DIR and merge by hand.',
  );
}
