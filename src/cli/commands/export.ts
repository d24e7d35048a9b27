/**
 * `trustbook export [csv|pbc|json|oscal|crosswalk] [--out DIR]`: the files an auditor or a GRC tool loads.
 * `crosswalk` is the package's own data, not the program's, so it needs no program and is written only when named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { crosswalkFiles } from '../../export/crosswalk.ts';
import { exporters } from '../../export/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export function runExport(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', default: 'exports' }, 'as-of': { type: 'string' }, root: { type: 'string' } },
    4,
  );
  const withCrosswalk = positionals.includes('crosswalk');
  const kinds = positionals.length > 0 ? positionals.filter((kind) => kind !== 'crosswalk') : Object.keys(exporters);
  const unknown = kinds.filter((kind) => !exporters[kind]);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown export "${unknown.join(', ')}"`,
      `Use any of: ${[...Object.keys(exporters), 'crosswalk'].join(', ')}.`,
    );
  }
  const out = resolve(io.cwd, values.out);
  const write = (file: string, text: string) => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, file), text);
    io.stdout(`wrote ${relative(io.cwd, join(out, file)) || file}`);
  };
  // The program is checked before anything is written, so a folder without one leaves no partial export behind.
  const result =
    kinds.length === 0
      ? undefined
      : checkProject(resolve(io.cwd, values.root ?? '.'), checkOptions(io, values['as-of']));
  if (withCrosswalk) for (const { file, write: text } of crosswalkFiles) write(file, text());
  if (result === undefined) return EXIT_CLEAN;
  for (const kind of kinds) {
    const exporter = exporters[kind]!;
    write(exporter.file, exporter.write(result));
  }
  if (result.summary.errors > 0) {
    io.stderr(`note: the program has ${result.summary.errors} errors; run \`trustbook check\` to see them.`);
  }
  return EXIT_CLEAN;
}
