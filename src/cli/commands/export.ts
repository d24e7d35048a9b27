/**
 * `trustbook export [csv|pbc|json|oscal|soa] [--out DIR]`: the files an auditor or a GRC tool loads. `soa` (the
 * Statement of Applicability, CSV and XLSX) is written only when named: most programs have none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { exporters } from '../../export/index.ts';
import { soaCsv, soaXlsx } from '../../export/soa.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', default: 'exports' }, 'as-of': { type: 'string' }, root: { type: 'string' } },
    4,
  );
  const named = positionals.length > 0 ? positionals : Object.keys(exporters);
  const soa = named.includes('soa');
  const kinds = named.filter((kind) => kind !== 'soa');
  const unknown = kinds.filter((kind) => !exporters[kind]);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown export "${unknown.join(', ')}"`,
      `Use any of: ${[...Object.keys(exporters), 'soa'].join(', ')}.`,
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const result = checkProject(root, checkOptions(io, values['as-of']));
  if (soa && !result.model.soa) {
    throw new UsageError(
      'the program has no Statement of Applicability to export',
      'Write content/statement-of-applicability.yaml (docs/frameworks.md), or leave `soa` out.',
    );
  }
  const out = resolve(io.cwd, values.out);
  mkdirSync(out, { recursive: true });
  const write = (file: string, contents: string | Buffer) => {
    writeFileSync(join(out, file), contents);
    io.stdout(`wrote ${relative(io.cwd, join(out, file)) || file}`);
  };
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
