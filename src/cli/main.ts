/** The `trustbook` command: parses arguments, runs a subcommand, and maps the outcome to an exit code. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { resolve } from 'node:path';
import { checkProject, UsageError } from '../engine/index.ts';
import { colors, formatGithub, formatJson, formatPretty, outputFormats, plain, type OutputFormat } from './format.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTTY: boolean;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const usage = `Usage: trustbook <command> [options]

Commands:
  check     validate the program and report every finding

Options for check:
  --as-of YYYY-MM-DD        evaluate dates as of this day (else TRUSTBOOK_AS_OF, program as_of, today)
  --format pretty|json|github
  --root DIR                the program's folder (default: the current folder)

Exit codes: 0 clean (warnings allowed), 1 findings, 2 usage or I/O error.`;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'check':
        return runCheck(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(usage);
        return command === undefined ? EXIT_USAGE : EXIT_CLEAN;
      default:
        throw new UsageError(`unknown command "${command}"`, 'Run `trustbook --help` for the list of commands.');
    }
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`trustbook: ${error.message}\n  fix: ${error.hint}`);
    return EXIT_USAGE;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && /^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path;
    io.stderr(
      `trustbook: cannot read ${path ?? 'a file'} (${code})\n  fix: check that the file exists and is readable.`,
    );
    return EXIT_USAGE;
  }
  io.stderr(
    `trustbook: internal error: ${error instanceof Error ? error.message : String(error)}\n  This is a bug in trustbook; set TRUSTBOOK_DEBUG=1 for details.`,
  );
  if (io.env.TRUSTBOOK_DEBUG && error instanceof Error) io.stderr(error.stack ?? '');
  return EXIT_USAGE;
}

function parse<const T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `trustbook --help` for the options.');
  }
}

function runCheck(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    root: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`, 'Run `trustbook --help` for the options.');
  }
  const format = values.format as string;
  if (!(outputFormats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"`, `Use one of: ${outputFormats.join(', ')}.`);
  }
  const started = performance.now();
  const result = checkProject(resolve(io.cwd, (values.root as string | undefined) ?? '.'), {
    asOf: values['as-of'] as string | undefined,
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
