/**
 * `trustbook evidence add EVIDENCE-ID (--file F | --url U) --collected DATE [--period P] [--note T]`:
 * records a collected artifact, computing a file's SHA-256, and leaves the rest of the series file untouched.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppendError, appendArtifact } from '../../evidence/append-artifact.ts';
import { storeFile } from '../../evidence/evidence-fs.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import { resolvePeriod } from '../../engine/periods.ts';
import { isCalendarDate } from '../../schema/common.ts';
import { periodLabelPattern } from '../../schema/period.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export function runEvidence(args: string[], io: Io): number {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'add') {
    throw new UsageError(
      subcommand ? `unknown evidence command "${subcommand}"` : 'evidence needs a command',
      'Use: trustbook evidence add EVIDENCE-ID (--file F | --url U) --collected YYYY-MM-DD [--period P] [--note TEXT]',
    );
  }
  const { values, positionals } = parse(
    rest,
    {
      file: { type: 'string' },
      url: { type: 'string' },
      collected: { type: 'string' },
      period: { type: 'string' },
      note: { type: 'string' },
      root: { type: 'string' },
    },
    1,
  );
  const [id] = positionals;
  if (!id)
    throw new UsageError(
      'evidence add needs the id of an evidence series',
      'For example: trustbook evidence add EV-AC-04 --url https://… --collected 2026-12-05',
    );
  if (!values.collected || !isCalendarDate(values.collected)) {
    throw new UsageError(
      '--collected must be a calendar date written YYYY-MM-DD',
      'For example: --collected 2026-12-05',
    );
  }
  if (Boolean(values.file) === Boolean(values.url)) {
    throw new UsageError(
      'give either --file or --url',
      'A file is kept in the repository and hashed; a URL points to the document store.',
    );
  }
  if (values.url && !/^https?:\/\/[^\s/]+/i.test(values.url)) {
    throw new UsageError(
      `--url must be an http(s) URL, not "${values.url}"`,
      'For example: --url https://docs.example.com/evidence/q4.pdf',
    );
  }
  if (values.period && (!periodLabelPattern.test(values.period) || !resolvePeriod(values.period))) {
    throw new UsageError(
      `--period "${values.period}" is not a period`,
      'Use 2026, 2026-H1, 2026-Q1, 2026-03 or 2026-W05.',
    );
  }

  const root = resolve(io.cwd, values.root ?? '.');
  const { model } = checkProject(root, checkOptions(io));
  const series = model.evidence.find((candidate) => candidate.id === id);
  if (!series) {
    const known = model.knownIds.evidence.has(id);
    throw new UsageError(
      known ? `evidence series ${id} does not parse` : `no evidence series has the id "${id}"`,
      known
        ? 'Run `trustbook check` and fix that file first.'
        : 'Run `trustbook check` or look in evidence-index/ for the ids.',
    );
  }
  const file = values.file ? storeFile(root, resolve(io.cwd, values.file)) : undefined;
  const path = join(root, series.file);
  let text: string;
  try {
    text = appendArtifact(readFileSync(path, 'utf8'), {
      collected: values.collected,
      period: values.period,
      location: values.url,
      file: file?.path,
      sha256: file?.sha256,
      note: values.note,
    });
  } catch (error) {
    if (error instanceof AppendError) throw new UsageError(error.message, `Edit ${series.file} by hand.`);
    throw error;
  }
  const temporary = `${path}.trustbook-tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  io.stdout(
    `Added an artifact collected ${values.collected} to ${series.file}${file ? ` (evidence-index/${file.path}, sha256 ${file.sha256})` : ''}.`,
  );
  return EXIT_CLEAN;
}
