/** `trustbook answers export`: the answer library in a questionnaire's layout, as CSV or XLSX. */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkProject, UsageError } from '../../engine/index.ts';
import { answersCsv, answersFor, answersXlsx } from '../../export/answers.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export async function runAnswers(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      audience: { type: 'string', default: 'all' },
      'as-of': { type: 'string' },
      root: { type: 'string' },
    },
    1,
  );
  if (positionals[0] !== 'export') {
    throw new UsageError(
      positionals[0] === undefined ? 'answers needs a subcommand' : `unknown subcommand "answers ${positionals[0]}"`,
      'Run `trustbook answers export --format csv|xlsx [--out FILE] [--audience public|all]`.',
    );
  }
  const format = values.format;
  if (format !== 'csv' && format !== 'xlsx') {
    throw new UsageError(`unknown format "${format}"`, 'Use --format csv or --format xlsx.');
  }
  const audience = values.audience;
  if (audience !== 'public' && audience !== 'all') {
    throw new UsageError(`unknown audience "${audience}"`, 'Use --audience public (the trust center’s) or all.');
  }
  const result = checkProject(resolve(io.cwd, values.root ?? '.'), checkOptions(io, values['as-of']));
  const out = resolve(io.cwd, values.out ?? `answers.${format}`);
  writeFileSync(out, format === 'csv' ? answersCsv(result, audience) : await answersXlsx(result, audience));
  const count = answersFor(result, audience).length;
  io.stdout(`Wrote ${count} answer${count === 1 ? '' : 's'} to ${relative(io.cwd, out) || out}.`);
  return EXIT_CLEAN;
}
