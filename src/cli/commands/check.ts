/** `trustbook check`: validate the program and report every finding. */
import { resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { parse } from '../args.ts';
import { colors, formatGithub, formatJson, formatPretty, outputFormats, plain, type OutputFormat } from '../format.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

export function runCheck(args: string[], io: Io): number {
  const { values } = parse(args, {
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    root: { type: 'string' },
  });
  const format = values.format;
  if (!(outputFormats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"`, `Use one of: ${outputFormats.join(', ')}.`);
  }
  const started = performance.now();
  const result = checkProject(resolve(io.cwd, values.root ?? '.'), {
    asOf: values['as-of'],
    envAsOf: io.env.TRUSTBOOK_AS_OF,
  });
  const duration = Math.round(performance.now() - started);
  const output: Record<OutputFormat, () => string> = {
    pretty: () => formatPretty(result, duration, io.isTTY && !io.env.NO_COLOR ? colors : plain),
    json: () => formatJson(result, duration),
    github: () => formatGithub(result, duration),
  };
  io.stdout(output[format as OutputFormat]());
  return result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
