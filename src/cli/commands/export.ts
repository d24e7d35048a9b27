/**
 * `trustbook export [csv|pbc|json|oscal|soa|crosswalk] [--out DIR]`: the files an auditor or a GRC tool loads.
 * `soa` (the Statement of Applicability, CSV and XLSX) is written only when named: most programs have none.
 * `crosswalk` is the package's own data, not the program's, so it needs no program and is written only when named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { crosswalkFiles } from '../../export/crosswalk.ts';
import { exporters } from '../../export/index.ts';
import { soaCsv, soaXlsx } from '../../export/soa.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

/** Exports written only when named, beside the program's exporters. */
const onlyWhenNamed = ['soa', 'crosswalk'];

export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', default: 'exports' }, 'as-of': { type: 'string' }, root: { type: 'string' } },
    4,
  );
  const named = positionals.length > 0 ? positionals : Object.keys(exporters);
  const soa = named.includes('soa');
  const withCrosswalk = named.includes('crosswalk');
  const kinds = named.filter((kind) => !onlyWhenNamed.includes(kind));
  const unknown = kinds.filter((kind) => !exporters[kind]);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown export "${unknown.join(', ')}"`,
      `Use any of: ${[...Object.keys(exporters), ...onlyWhenNamed].join(', ')}.`,
    );
  }
  // The program is checked before anything is written, so a folder without one leaves no partial export behind.
  const result =
    kinds.length === 0 && !soa
      ? undefined
      : checkProject(resolve(io.cwd, values.root ?? '.'), checkOptions(io, values['as-of']));
  if (soa && !result?.model.soa) {
    throw new UsageError(
      'the program has no Statement of Applicability to export',
      'Write content/statement-of-applicability.yaml (docs/frameworks.md), or leave `soa` out.',
    );
  }
  const out = resolve(io.cwd, values.out);
  const write = (file: string, contents: string | Buffer) => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, file), contents);
    io.stdout(`wrote ${relative(io.cwd, join(out, file)) || file}`);
  };
  if (withCrosswalk) for (const { file, write: text } of crosswalkFiles) write(file, text());
  if (result === undefined) return EXIT_CLEAN;
  for (const kind of kinds) {
    const exporter = exporters[kind]!;
    write(exporter.file, exporter.write(result));
  }
  if (soa) {
    write('statement-of-applicability.csv', soaCsv(result));
    write('statement-of-applicability.xlsx', await soaXlsx(result));
  }
  if (result.summary.errors > 0) {
    io.stderr(`note: the program has ${result.summary.errors} errors; run \`trustbook check\` to see them.`);
  }
  return EXIT_CLEAN;
}
