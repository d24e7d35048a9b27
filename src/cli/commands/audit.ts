/**
 * `trustbook audit [--out DIR]`: the mock audit. Writes the workpaper of the Type II window, as HTML and CSV,
 * and prints its counts. It reports what an auditor's dry run would find and never fails on it: failing on
 * findings is `trustbook check`'s job.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { auditWindow } from '../../engine/evidence-timeline.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import { countLines, workpaperCsv, workpaperHtml } from '../../fieldwork/render-workpaper.ts';
import { workpaper } from '../../fieldwork/workpaper.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export function runAudit(args: string[], io: Io): number {
  const { values } = parse(args, { out: { type: 'string' }, 'as-of': { type: 'string' }, root: { type: 'string' } });
  const root = resolve(io.cwd, values.root ?? '.');
  const result = checkProject(root, checkOptions(io, values['as-of']));
  const window = auditWindow(result.model);
  if (!window) {
    throw new UsageError(
      'a mock audit needs a Type II audit window',
      'A Type I audit tests the design of the controls at a point in time and has no samples to test. Set `audit.type: II` with `period:` in content/program.yaml.',
    );
  }
  const paper = workpaper(result);
  const out = values.out === undefined ? join(root, 'audit') : resolve(io.cwd, values.out);
  mkdirSync(out, { recursive: true });
  const files: [name: string, text: string][] = [
    ['workpaper.html', workpaperHtml(paper)],
    ['workpaper.csv', workpaperCsv(paper)],
  ];
  const written = files.map(([name, text]) => {
    const path = join(out, name);
    writeFileSync(path, text);
    const fromHere = relative(io.cwd, path);
    return fromHere.startsWith('..') ? path : fromHere;
  });
  io.stdout(
    [
      `Mock audit of ${window.start} to ${window.end}, as of ${paper.asOf}${paper.sampleRecord ? `, sample ${paper.sampleRecord.file}` : ', no sample recorded (run `trustbook sample`)'}:`,
      ...countLines(paper).map(([label, value]) => `  ${label}: ${value}`),
      `wrote ${written.join(' and ')}`,
    ].join('\n'),
  );
  if (result.summary.errors > 0) {
    io.stderr(`note: the program has ${result.summary.errors} errors; run \`trustbook check\` to see them.`);
  }
  return EXIT_CLEAN;
}
