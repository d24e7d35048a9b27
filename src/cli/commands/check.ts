/** `trustbook check`: validate the program and report every finding; `--upcoming` also lists what falls due. */
import { resolve } from 'node:path';
import type { Deadline } from '../../engine/deadlines.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import type { Progress } from '../../engine/load-fs.ts';
import { parse } from '../args.ts';
import {
  colors,
  formatGithub,
  formatJson,
  formatPretty,
  formatUpcoming,
  outputFormats,
  plain,
  type OutputFormat,
} from '../../report/findings-text.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';
import { diagnosticsReference } from '../reference-path.ts';

/** After this long, a check shows on the terminal how far it has come. */
const PROGRESS_AFTER_MS = 400;
/** And updates that line at most this often. */
const PROGRESS_EVERY_MS = 100;

/** The progress line of a long check, on a terminal only; quiet for a check that is quick anyway. */
export function progressLine(io: Io, started: number): { update?: Progress; clear: () => void } {
  const show = io.progress;
  if (!show) return { clear: () => {} };
  let shownAt = 0;
  return {
    update: (step, done, total) => {
      const now = performance.now();
      if (now - started < PROGRESS_AFTER_MS || now - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = now;
      show(`checking: ${step} ${done} of ${total}…`);
    },
    clear: () => {
      if (shownAt > 0) show('');
    },
  };
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    upcoming: { type: 'string' },
    root: { type: 'string' },
    all: { type: 'boolean', default: false },
    workspace: { type: 'boolean', default: false },
    jobs: { type: 'string' },
  });
  const format = values.format;
  if (!(outputFormats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"`, `Use one of: ${outputFormats.join(', ')}.`);
  }
  if (values.jobs !== undefined && !values.workspace) {
    throw new UsageError('--jobs is for --workspace', 'One program is checked by one process; drop --jobs.');
  }
  if (values.workspace) {
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
      throw new UsageError(
        `--jobs takes a number of clients checked at once, not "${values.jobs}"`,
        'For example: --jobs 4 (--jobs 1 checks them one after another in this process).',
      );
    }
    if (values.upcoming !== undefined) {
      throw new UsageError('--upcoming is for one program', 'Check each client with --root DIR --upcoming DAYS.');
    }
    const { runWorkspaceCheck } = await import('./check-workspace.ts');
    return runWorkspaceCheck(resolve(io.cwd, values.root ?? '.'), io, {
      asOf: values['as-of'],
      format: format as OutputFormat,
      all: values.all,
      jobs,
    });
  }
  const days = values.upcoming === undefined ? undefined : Number(values.upcoming);
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 3650)) {
    throw new UsageError(`--upcoming takes a number of days, not "${values.upcoming}"`, 'For example: --upcoming 60');
  }
  const started = performance.now();
  const progress = progressLine(io, started);
  const result = checkProject(resolve(io.cwd, values.root ?? '.'), {
    ...checkOptions(io, values['as-of']),
    progress: progress.update,
  });
  progress.clear();
  const upcoming: Deadline[] | undefined = days === undefined ? undefined : result.facts.upcoming(days);
  const duration = Math.round(performance.now() - started);
  const style = io.isTTY && !io.env.NO_COLOR ? colors : plain;
  const output: Record<OutputFormat, () => string> = {
    pretty: () =>
      [
        formatPretty(result, duration, style, { all: values.all, reference: diagnosticsReference(io.cwd) }),
        ...(upcoming ? ['', formatUpcoming(upcoming, days!, result.summary.asOf)] : []),
      ].join('\n'),
    json: () => formatJson(result, duration, upcoming),
    github: () => formatGithub(result, duration),
  };
  io.stdout(output[format as OutputFormat]());
  return result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
