/**
 * `trustbook templates diff`: after an upgrade, the program's documents that came from a template which has
 * changed since, each with the change as a unified diff from the document to the new template (filled with the
 * values `init` used). It only reports: adopting a change is an edit the company makes and reviews.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../engine/errors.ts';
import { ownPackageFacts, templatesRoot } from '../../scaffold/scaffold-fs.ts';
import { TEMPLATE_RECORD, templateChanges, type TemplateRecord } from '../../scaffold/template-record.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

const readIfPresent = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

export function runTemplates(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { root: { type: 'string' } }, 1);
  if (positionals[0] !== 'diff') {
    throw new UsageError(
      positionals[0] === undefined ? 'templates needs a subcommand' : `unknown subcommand "${positionals[0]}"`,
      'Run `trustbook templates diff`.',
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const recordText = readIfPresent(join(root, TEMPLATE_RECORD));
  if (recordText === undefined) {
    throw new UsageError(
      `${join(root, TEMPLATE_RECORD)} does not exist`,
      'The record is written by `trustbook init`; a program started another way has no templates to compare.',
    );
  }
  let record: TemplateRecord;
  try {
    record = JSON.parse(recordText) as TemplateRecord;
  } catch (error) {
    throw new UsageError(`${TEMPLATE_RECORD} is not valid JSON: ${(error as Error).message}`, 'Restore it from git.');
  }
  const { version } = ownPackageFacts();
  const changes = templateChanges(
    record,
    (template) => readIfPresent(join(templatesRoot, template)),
    (path) => readIfPresent(join(root, path)),
    version,
  );
  if (changes.length === 0) {
    io.stdout(
      `No template has changed since trustbook ${record.version} wrote these documents (installed: ${version}).`,
    );
    return EXIT_CLEAN;
  }
  const words = { edited: 'edited since', 'as written': 'not edited since', deleted: 'deleted since' } as const;
  io.stdout(
    `${changes.length} document${changes.length === 1 ? '' : 's'} came from a template that changed between trustbook ${record.version} and ${version}:`,
  );
  for (const change of changes) {
    io.stdout(`  ${change.path} (from ${change.template}; ${words[change.document]} it was written)`);
  }
  for (const change of changes.filter((candidate) => candidate.patch !== '')) io.stdout(`\n${change.patch.trimEnd()}`);
  return EXIT_CLEAN;
}
