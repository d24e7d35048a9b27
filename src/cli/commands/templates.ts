/**
 * `trustbook templates diff` and `templates apply`: after an upgrade, the program's documents that came from a
 * template which has changed since. `diff` shows, for each, Trustbook's change apart from the company's own
 * edits (template then, template now, the document) and whether the two can be combined; `apply` carries
 * Trustbook's change into the documents where they can, keeping the company's edits, and leaves a document
 * whose edits touch the same field or section as it is. Applying is an edit the company reviews and commits.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../engine/errors.ts';
import { ownPackageFacts, templatesRoot } from '../../scaffold/scaffold-fs.ts';
import { writtenTextReader } from '../../scaffold/template-base-fs.ts';
import {
  basePath,
  recordApplied,
  TEMPLATE_RECORD,
  templateChanges,
  type TemplateChange,
  type TemplateRecord,
} from '../../scaffold/template-record.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

const readIfPresent = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

export function runTemplates(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { root: { type: 'string' } }, Infinity);
  const [subcommand, ...paths] = positionals;
  if (subcommand !== 'diff' && subcommand !== 'apply') {
    throw new UsageError(
      subcommand === undefined ? 'templates needs a subcommand' : `unknown subcommand "${subcommand}"`,
      'Run `trustbook templates diff`, then `trustbook templates apply [PATH…]`.',
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const record = readRecord(root);
  const { version } = ownPackageFacts();
  const changes = templateChanges(
    record,
    (template) => readIfPresent(join(templatesRoot, template)),
    (path) => readIfPresent(join(root, path)),
    version,
    writtenTextReader(root),
  );
  const unknown = paths.filter((path) => !changes.some((change) => change.path === path));
  if (unknown.length > 0) {
    throw new UsageError(
      `no changed template behind ${unknown.join(', ')}`,
      'Run `trustbook templates diff` for the documents whose template changed.',
    );
  }
  if (changes.length === 0) {
    io.stdout(
      `No template has changed since trustbook ${record.version} wrote these documents (installed: ${version}).`,
    );
    return EXIT_CLEAN;
  }
  const chosen = paths.length > 0 ? changes.filter((change) => paths.includes(change.path)) : changes;
  return subcommand === 'diff' ? showDiff(chosen, record, version, io) : apply(chosen, record, root, version, io);
}

function readRecord(root: string): TemplateRecord {
  const recordText = readIfPresent(join(root, TEMPLATE_RECORD));
  if (recordText === undefined) {
    throw new UsageError(
      `${join(root, TEMPLATE_RECORD)} does not exist`,
      'The record is written by `trustbook init`; a program started another way has no templates to compare.',
    );
  }
  try {
    return JSON.parse(recordText) as TemplateRecord;
  } catch (error) {
    throw new UsageError(`${TEMPLATE_RECORD} is not valid JSON: ${(error as Error).message}`, 'Restore it from git.');
  }
}

const words = { edited: 'edited since', 'as written': 'not edited since', deleted: 'deleted since' } as const;

/** What `apply` would do with one document, in a few words. */
function outlook(change: TemplateChange): string {
  if (change.document === 'deleted') return 'you deleted it: apply leaves it deleted';
  if (!change.threeWay) return 'its text as written is not known: compare by hand';
  if (change.threeWay.merged === undefined)
    return `both changed ${change.threeWay.conflicts.join(', ')}: decide by hand`;
  return change.document === 'edited' ? 'apply keeps your edits and adds the change' : 'apply takes the new text';
}

function showDiff(changes: TemplateChange[], record: TemplateRecord, version: string, io: Io): number {
  io.stdout(
    `${changes.length} document${changes.length === 1 ? '' : 's'} came from a template that changed between trustbook ${record.version} and ${version}:`,
  );
  for (const change of changes) {
    io.stdout(
      `  ${change.path} (from ${change.template}; ${words[change.document]} it was written; ${outlook(change)})`,
    );
  }
  for (const change of changes) {
    if (change.threeWay) {
      io.stdout(`\n## ${change.path}: Trustbook's change\n\n${change.threeWay.trustbookChange.trimEnd()}`);
      if (change.threeWay.ownEdits !== '') {
        io.stdout(`\n## ${change.path}: your edits since it was written\n\n${change.threeWay.ownEdits.trimEnd()}`);
      }
    } else if (change.patch !== '') {
      io.stdout(`\n## ${change.path}: from your document to the new template\n\n${change.patch.trimEnd()}`);
    }
  }
  return EXIT_CLEAN;
}

function apply(changes: TemplateChange[], record: TemplateRecord, root: string, version: string, io: Io): number {
  let updated = record;
  const applied: string[] = [];
  const left: string[] = [];
  for (const change of changes) {
    const threeWay = change.threeWay;
    if (change.document === 'deleted' || !threeWay || threeWay.merged === undefined) {
      left.push(`  ${change.path}: ${outlook(change)}`);
      continue;
    }
    const template = readFileSync(join(templatesRoot, change.template), 'utf8');
    writeFile(root, change.path, threeWay.merged);
    writeFile(root, basePath(change.path), threeWay.proposed);
    updated = recordApplied(updated, change.path, template, threeWay.proposed, version);
    applied.push(`  ${change.path}${change.document === 'edited' ? ' (your edits kept)' : ''}`);
  }
  if (updated !== record) writeFile(root, TEMPLATE_RECORD, `${JSON.stringify(updated, null, 2)}\n`);
  if (applied.length > 0) {
    io.stdout(
      [`Applied the new template to ${applied.length} document${applied.length === 1 ? '' : 's'}:`, ...applied].join(
        '\n',
      ),
    );
    io.stdout('Review the change (`git diff`), check, and commit it with the record.');
  }
  if (left.length > 0) io.stdout(['Left as they are:', ...left].join('\n'));
  return left.some((line) => line.includes('decide by hand') || line.includes('compare by hand'))
    ? EXIT_FINDINGS
    : EXIT_CLEAN;
}

function writeFile(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
