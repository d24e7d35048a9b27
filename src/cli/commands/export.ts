/** `trustbook export [csv|pbc|json|oscal] [--out DIR]`: the files an auditor or a GRC tool loads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
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
  const kinds = positionals.length > 0 ? positionals : Object.keys(exporters);
  const unknown = kinds.filter((kind) => !exporters[kind]);
  if (unknown.length > 0) {
    throw new UsageError(`unknown export "${unknown.join(', ')}"`, `Use any of: ${Object.keys(exporters).join(', ')}.`);
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const result = checkProject(root, checkOptions(io, values['as-of']));
  const out = resolve(io.cwd, values.out);
  mkdirSync(out, { recursive: true });
  for (const kind of kinds) {
    const exporter = exporters[kind]!;
    writeFileSync(join(out, exporter.file), exporter.write(result));
    io.stdout(`wrote ${relative(io.cwd, join(out, exporter.file)) || exporter.file}`);
  }
  if (result.summary.errors > 0) {
    io.stderr(`note: the program has ${result.summary.errors} errors; run \`trustbook check\` to see them.`);
  }
  return EXIT_CLEAN;
}
