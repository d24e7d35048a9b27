/**
 * `trustbook acknowledgements import FILE --map person=COL,policy=COL,version=COL,date=COL[,sha256=COL]`:
 * turns the CSV export of an acknowledgement form or HR tool into
 * `content/acknowledgements/<date>-<file>.yaml`, refusing the rows the check would reject anyway.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Document as YamlDocument, isMap, isSeq } from 'yaml';
import { listShort, quoteShort } from '../../engine/errors.ts';
import { checkProject, UsageError } from '../../engine/index.ts';
import { ACKNOWLEDGEMENTS_DIR } from '../../engine/model.ts';
import { policyTextHash } from '../../engine/policy-text.ts';
import { calendarDate, type AcknowledgementData, type AcknowledgementsData } from '../../schema/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

/** The fields of an acknowledgement a column can fill; `sha256` may be left out. */
const FIELDS = ['person', 'policy', 'version', 'date', 'sha256'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['person', 'policy', 'version', 'date'];

const MAP_HINT =
  'Pass --map person=<column>,policy=<column>,version=<column>,date=<column>[,sha256=<column>], naming the CSV header of each.';

export function runAcknowledgements(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    { map: { type: 'string' }, 'as-of': { type: 'string' }, root: { type: 'string' } },
    2,
  );
  const [action, file] = positionals;
  if (action !== 'import' || file === undefined) {
    throw new UsageError(
      action === undefined || action === 'import' ? 'name the CSV file to import' : `unknown action "${action}"`,
      'Run `trustbook acknowledgements import FILE --map ...`.',
    );
  }
  if (values.map === undefined) throw new UsageError('--map is required', MAP_HINT);
  const mapping = parseMapping(values.map);
  const csvPath = resolve(io.cwd, file);
  const { header, rows } = readCsv(csvPath);
  const columns = columnIndexes(mapping, header);

  const root = resolve(io.cwd, values.root ?? '.');
  const result = checkProject(root, checkOptions(io, values['as-of']));
  const { model } = result;
  const asOf = result.summary.asOf;
  const staff = new Set((model.people?.data.staff ?? []).map((person) => person.id));
  const policies = new Map(model.policies.map((policy) => [policy.id, policy]));

  const imported: AcknowledgementData[] = [];
  const refused: string[] = [];
  for (const { record, line } of rows) {
    const cell = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? '' : String(record[index] ?? '').trim();
    };
    if (record.every((value) => String(value).trim() === '')) continue;
    const person = cell('person');
    const policyId = cell('policy');
    const version = cell('version');
    const date = cell('date');
    let sha256 = cell('sha256').toLowerCase();
    const policy = policies.get(policyId);
    const reasons: string[] = [];
    if (!staff.has(person)) reasons.push(`unknown person "${person}"`);
    if (!policy) reasons.push(`unknown policy "${policyId}"`);
    if (version === '') reasons.push('no version');
    if (!calendarDate.safeParse(date).success) reasons.push(`bad date "${date}" (write dates as YYYY-MM-DD)`);
    if (policy && version !== '') {
      if (sha256 === '') {
        if (version === policy.data.version) sha256 = policyTextHash(policy.body);
        else {
          reasons.push(
            `no sha256, and version ${version} is not the current version of ${policyId} (${policy.data.version}), whose text alone is known`,
          );
        }
      } else if (!/^[0-9a-f]{64}$/.test(sha256)) {
        reasons.push(`bad sha256 "${sha256}" (64 hexadecimal digits)`);
      }
    }
    if (reasons.length > 0) {
      refused.push(`  line ${line}: ${reasons.join('; ')}`);
      continue;
    }
    imported.push({ person, policy: policyId, version, sha256, date });
  }

  const lines: string[] = [];
  if (imported.length > 0) {
    const path = `${ACKNOWLEDGEMENTS_DIR}/${asOf}-${fileSlug(csvPath)}.yaml`;
    const record: AcknowledgementsData = { source: basename(csvPath), imported: asOf, acknowledgements: imported };
    writeNew(join(root, path), recordText(record), path);
    lines.push(`Imported ${imported.length} acknowledgement${imported.length === 1 ? '' : 's'} into ${path}.`);
  } else {
    lines.push('Imported no acknowledgements: no file written.');
  }
  if (refused.length > 0) {
    lines.push(`Refused ${refused.length} row${refused.length === 1 ? '' : 's'}:`, ...refused);
  }
  io.stdout(lines.join('\n'));
  return refused.length > 0 || imported.length === 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** `person=Email,policy=Document` -> field -> column header (as written, matched later without case). */
function parseMapping(text: string): Map<Field, string> {
  const mapping = new Map<Field, string>();
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const field = (equals < 0 ? part : part.slice(0, equals)).trim().toLowerCase();
    const column = equals < 0 ? '' : part.slice(equals + 1).trim();
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map names "${field}", which is not a field of an acknowledgement`, MAP_HINT);
    }
    if (column === '') throw new UsageError(`--map gives no column for ${field}`, MAP_HINT);
    mapping.set(field as Field, column);
  }
  const missing = REQUIRED.filter((field) => !mapping.has(field));
  if (missing.length > 0) throw new UsageError(`--map has no column for ${missing.join(', ')}`, MAP_HINT);
  return mapping;
}

interface CsvRow {
  record: string[];
  /** The line of the file the record ends on (its line, unless a quoted value spans lines). */
  line: number;
}

function readCsv(path: string): { header: string[]; rows: CsvRow[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse directly rather than export/csv.ts's parseCsv: the line of each record is wanted.
    parsed = parseCsv(readFileSync(path), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('E')) throw error;
    throw new UsageError(`${path} is not a CSV file: ${(error as Error).message}`, 'Export the form as CSV.');
  }
  const [first, ...rest] = parsed;
  if (!first) throw new UsageError(`${path} is empty`, 'Export the form as CSV, with a header line.');
  return { header: first.record, rows: rest.map((row) => ({ record: row.record, line: row.info.lines })) };
}

/** Headers are matched trimmed and without regard to case: exports differ in both. */
function columnIndexes(mapping: Map<Field, string>, header: readonly string[]): Map<Field, number> {
  const normal = (text: string) => text.trim().toLowerCase();
  const headers = header.map(normal);
  const columns = new Map<Field, number>();
  for (const [field, column] of mapping) {
    const index = headers.indexOf(normal(column));
    if (index < 0) {
      throw new UsageError(
        `the CSV has no column "${quoteShort(column)}" (for ${field})`,
        `Its columns are: ${listShort(header.map((name) => name.trim()))}.`,
      );
    }
    columns.set(field, index);
  }
  return columns;
}

/** `Form Export (Nov).csv` -> `form-export-nov` */
function fileSlug(path: string): string {
  const slug = basename(path)
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'acknowledgements';
}

function recordText(record: AcknowledgementsData): string {
  const document = new YamlDocument(record);
  const list = isMap(document.contents) ? document.contents.get('acknowledgements', true) : undefined;
  if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  return `# Imported by \`trustbook acknowledgements import\` from ${record.source}.\n${document.toString({ lineWidth: 0 })}`;
}

/** Writes `path` whole, and never over an existing file: the link fails if another import got there first. */
function writeNew(path: string, text: string, shown: string): void {
  const refuse = () =>
    new UsageError(
      `${shown} exists already`,
      'An import is never overwritten: rename the CSV file, or delete the earlier import if it was wrong.',
    );
  if (existsSync(path)) throw refuse();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refuse();
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
