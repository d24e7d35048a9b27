/** The `trustbook` command: picks a subcommand and turns its outcome, or its failure, into an exit code. */
import { UsageError } from '../engine/index.ts';
import { runCheck } from './commands/check.ts';
import { runInit } from './commands/init.ts';
import { runNew } from './commands/new.ts';
import { EXIT_CLEAN, EXIT_USAGE, type Io } from './io.ts';

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, type Io } from './io.ts';

const usage = `Usage: trustbook <command> [options]

Commands:
  check                         validate the program and report every finding
  init --org NAME               start a new program from the templates
  new <kind> <id>               add a document: policy, control, evidence, procedure, risk or vendor

check:
  --as-of YYYY-MM-DD            evaluate dates as of this day (else TRUSTBOOK_AS_OF, program as_of, today)
  --format pretty|json|github
  --root DIR                    the program's folder (default: the current folder)

init:
  --org NAME                    the organization (required)
  --system NAME                 the system the report describes (default: "<org> Platform")
  --scope LIST                  categories in scope, comma-separated: security (always), availability,
                                confidentiality, processing-integrity, privacy
  --dir DIR                     where to write the program (default: the current folder)
  --website URL, --contact EMAIL
  --as-of YYYY-MM-DD            the date written as approval and review dates (default: today)

new:
  --title TEXT                  the document's title (default: from the id)
  --control ID                  for evidence: the control it proves (default: the id without "EV-")
  --root DIR                    the program's folder

Exit codes: 0 success (warnings allowed), 1 findings, 2 usage or I/O error.`;

const commands: Record<string, (args: string[], io: Io) => number> = {
  check: runCheck,
  init: runInit,
  new: runNew,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(usage);
      return command === undefined ? EXIT_USAGE : EXIT_CLEAN;
    }
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"`, 'Run `trustbook --help` for the list of commands.');
    return run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`trustbook: ${error.message}\n  fix: ${error.hint}`);
    return EXIT_USAGE;
  }
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code && /^E[A-Z]+$/.test(errno.code)) {
    io.stderr(
      `trustbook: cannot access ${errno.path ?? 'a file'} (${errno.code})\n  fix: check that it exists and is readable.`,
    );
    return EXIT_USAGE;
  }
  io.stderr(
    `trustbook: internal error: ${error instanceof Error ? error.message : String(error)}\n  This is a bug in trustbook; set TRUSTBOOK_DEBUG=1 for details.`,
  );
  if (io.env.TRUSTBOOK_DEBUG && error instanceof Error) io.stderr(error.stack ?? '');
  return EXIT_USAGE;
}
