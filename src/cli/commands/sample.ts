/**
 * `trustbook sample`: draws the sample an auditor would test for the audit window and records it in
 * `evidence-index/samples/<start>_<end>.yaml` with the seed and the hash of each population, so that anyone
 * can draw it again and the check can tie each item to its evidence.
 */
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { auditWindow } from '../../engine/evidence-timeline.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import { SAMPLES_DIR } from '../../engine/model.ts';
import { drawSamples, makesPopulationUnfit, SAMPLING_METHOD } from '../../engine/sampling.ts';
import type { SampledSeries, SamplesData } from '../../schema/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export function runSample(args: string[], io: Io): number {
  const { values } = parse(args, {
    seed: { type: 'string' },
    control: { type: 'string' },
    redraw: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    root: { type: 'string' },
  });
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  if (values.redraw && values.control !== undefined) {
    throw new UsageError(
      '--redraw replaces the whole sample, --control draws one control again',
      'Pass one of them: --control ID keeps the rest of the recorded sample and its seed.',
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const result = checkProject(root, checkOptions(io, values['as-of']));
  const { model } = result;
  const window = auditWindow(model);
  if (!window) {
    throw new UsageError(
      'sampling needs a Type II audit window',
      'A Type I report tests design at a point in time, without samples. Set `audit.type: II` with `period:` to sample.',
    );
  }
  if (result.summary.asOf < window.start) {
    throw new UsageError(
      `the audit window opens ${window.start}: nothing has happened yet to sample`,
      'Draw the sample once the window has run (usually at its end, before fieldwork).',
    );
  }
  if (values.control !== undefined && !model.controls.some((control) => control.id === values.control)) {
    throw new UsageError(`no control has the id "${values.control}"`, 'Name a control from content/controls/.');
  }
  const path = `${SAMPLES_DIR}/${window.start}_${window.end}.yaml`;
  const existing = model.samples.find((record) => record.file === path)?.data;
  if (existsSync(join(root, path)) && !existing) {
    throw new UsageError(`${path} exists but has findings`, 'Run `trustbook check`, fix the file, then sample again.');
  }
  if (existing && !values.redraw && values.control === undefined) {
    throw new UsageError(
      `a sample for ${window.start} to ${window.end} exists already (${path})`,
      'Pass --control ID to draw one control again, or --redraw to replace the whole sample (with --seed to change the seed).',
    );
  }
  if (existing && values.control !== undefined && existing.seed === undefined) {
    throw new UsageError(
      `the recorded sample ${path} keeps no seed, so the rest of it cannot be drawn again`,
      'Pass --redraw to replace the whole sample (with --seed to choose the seed).',
    );
  }
  if (existing && values.control !== undefined && seed !== undefined && seed !== existing.seed) {
    throw new UsageError(
      `the recorded sample uses seed ${existing.seed}`,
      'One record has one seed: leave out --seed, or pass --redraw to replace the whole sample.',
    );
  }
  const chosenSeed = seed ?? existing?.seed ?? randomInt(0, 2 ** 31);
  const asOf = result.summary.asOf;

  const skipped: string[] = [];
  const drawn = drawSamples(model, asOf, chosenSeed, values.control).filter((sampled) => {
    const series = model.evidence.find((candidate) => candidate.id === sampled.series)!;
    const unfit = result.facts
      .findingsAbout('evidence', sampled.series)
      .find((finding) => makesPopulationUnfit(series, finding));
    if (unfit) skipped.push(`${sampled.series}: not sampled, ${unfit.code} ${unfit.message}`);
    return !unfit;
  });
  const kept =
    existing && values.control !== undefined
      ? existing.samples.filter((entry) => !drawn.some((sampled) => sampled.series === entry.series))
      : [];
  const record: SamplesData = {
    seed: chosenSeed,
    window,
    drawn: asOf,
    method: SAMPLING_METHOD,
    samples: [...kept, ...drawn].sort((a, b) => a.series.localeCompare(b.series, 'en', { numeric: true })),
  };
  writeAtomically(join(root, path), recordText(record));
  io.stdout(summary(path, record, drawn, skipped));
  return EXIT_CLEAN;
}

function parseSeed(text: string): number {
  if (!/^\d{1,15}$/.test(text)) {
    throw new UsageError(`--seed "${text}" is not a whole number`, 'Pass a whole number such as --seed 20261130.');
  }
  return Number(text);
}

function recordText(record: SamplesData): string {
  return `# Drawn by \`trustbook sample\`. Do not edit: draw again with --control ID or --redraw.\n${stringify(record, {
    lineWidth: 0,
  })}`;
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function summary(path: string, record: SamplesData, drawn: SampledSeries[], skipped: string[]): string {
  const lines = [`Sample of ${record.window.start} to ${record.window.end}, seed ${record.seed}, written to ${path}:`];
  for (const sampled of drawn) {
    const items = sampled.items.length > 6 ? `${sampled.items.slice(0, 6).join(', ')}, …` : sampled.items.join(', ');
    lines.push(
      `  ${sampled.series}: ${sampled.size} of ${sampled.population.size} ${sampled.kind}${items ? `: ${items}` : ''}`,
    );
  }
  for (const line of skipped) lines.push(`  ${line}`);
  lines.push(
    'Record the evidence of each sampled event with `sample: <id>` on its artifact; `trustbook check` ties them out.',
  );
  return lines.join('\n');
}
