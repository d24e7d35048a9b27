/**
 * `trustbook import mapping FILE`: a mapping the user downloaded (a CSV, the Secure Controls Framework workbook,
 * an AICPA mapping spreadsheet) kept in the program's own repository, under mappings/NAME/ with its attribution,
 * and read by `map suggest` as an extra, labelled source. Trustbook never ships or fetches such a file, and it
 * never counts toward coverage. Workbooks are read by src/import/mapping-workbook.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import {
  crosswalkTargets,
  mappingRelationships,
  type CrosswalkPair,
  type CrosswalkTarget,
  type MappingRelationship,
} from '../../catalog/crosswalk/index.ts';
import { findCriterion, findFrameworkRequirement } from '../../catalog/index.ts';
import type { Diagnostic } from '../../engine/diagnostics.ts';
import { finding } from '../../engine/findings/finding.ts';
import { UsageError } from '../../engine/index.ts';
import { isProgramRoot } from '../../engine/load-fs.ts';
import { parseCsv, toCsv } from '../../export/csv.ts';
import {
  readMappingWorkbook,
  unknownId,
  type WorkbookMapping,
  type WorkbookOptions,
} from '../../import/mapping-workbook.ts';
import { readWorkbookSheets } from '../../import/workbook-cells.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { checkWorkbookBounds, XLSX_LIMITS } from '../xlsx-bounds.ts';

/** The folder of imported mappings in a program, one sub-folder per mapping. */
export const MAPPINGS_DIR = 'mappings';
const PAIRS_FILE = 'pairs.csv';
const ATTRIBUTION_FILE = 'ATTRIBUTION.md';
/** What an import passed over, every finding, when the terminal shows only the first 20. */
const PASSED_OVER_FILE = 'passed-over.csv';
const PAIRS_HEADER = ['source', 'target_framework', 'target', 'relationship', 'rationale'];

export interface ImportedMapping {
  name: string;
  pairsOf: (criterion: string) => readonly CrosswalkPair[];
}

/** Column names looked for, without case, when `--map` does not name a field's column. */
const defaultColumns = { source: 'source', target: 'target', relationship: 'relationship', rationale: 'rationale' };
type Field = keyof typeof defaultColumns;

/** A cell may hold several ids, one per line or separated by commas or semicolons (as spreadsheet exports do). */
const idsIn = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/[\n;,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

/**
 * Turns the user's CSV into pairs of known ids, with a finding for each id or relationship passed over (TB367,
 * TB362), as a workbook's are reported. `file` names the CSV in the findings.
 */
export function readMappingCsv(
  text: string,
  file: string,
  target: CrosswalkTarget,
  columns: Partial<Record<Field, string>> = {},
): { pairs: Omit<CrosswalkPair, 'reviewer' | 'reviewed'>[]; findings: Diagnostic[] } {
  const [header = [], ...rows] = parseCsv(text);
  const index = {} as Record<Field, number>;
  for (const field of Object.keys(defaultColumns) as Field[]) {
    const name = (columns[field] ?? defaultColumns[field]).toLowerCase();
    index[field] = header.findIndex((cell) => cell.trim().toLowerCase() === name);
  }
  for (const field of ['source', 'target'] as const) {
    if (index[field] < 0) {
      throw new UsageError(
        `the file has no "${columns[field] ?? defaultColumns[field]}" column`,
        `Name the column holding the ${field === 'source' ? 'SOC 2 criteria' : `${target} ids`}: --map ${field}=COLUMN.`,
      );
    }
  }
  const cell = (line: number, field: Field) => `row ${line}, column "${header[index[field]]!.trim()}"`;
  const pairs: Omit<CrosswalkPair, 'reviewer' | 'reviewed'>[] = [];
  const findings: Diagnostic[] = [];
  const seen = new Set<string>();
  rows.forEach((row, offset) => {
    const line = offset + 2;
    const where = { file, line };
    const relationshipCell = index.relationship < 0 ? '' : (row[index.relationship] ?? '').trim().toLowerCase();
    const relationship = (relationshipCell || 'intersects-with') as MappingRelationship;
    if (!mappingRelationships.includes(relationship)) {
      findings.push(finding('TB362', where, cell(line, 'relationship'), relationshipCell, mappingRelationships));
      return;
    }
    const rationale = index.rationale < 0 ? '' : (row[index.rationale] ?? '').trim();
    for (const source of idsIn(row[index.source])) {
      if (!findCriterion(source)) {
        findings.push(unknownId(where, cell(line, 'source'), source, source, 'soc2'));
        continue;
      }
      for (const id of idsIn(row[index.target])) {
        if (!findFrameworkRequirement(target, id))
          findings.push(unknownId(where, cell(line, 'target'), id, id, target));
        else if (!seen.has(`${source} ${id}`)) {
          seen.add(`${source} ${id}`);
          pairs.push({ source, target: id, relationship, rationale });
        }
      }
    }
  });
  return { pairs, findings };
}

function parseColumns(value: string | undefined): Partial<Record<Field, string>> {
  if (value === undefined) return {};
  const columns: Partial<Record<Field, string>> = {};
  for (const entry of value.split(',')) {
    const [field, column] = entry.split('=').map((part) => part.trim());
    if (!field || !column || !(field in defaultColumns)) {
      throw new UsageError(
        `cannot read --map "${entry}"`,
        'Write FIELD=COLUMN, with FIELD one of source, target, relationship, rationale.',
      );
    }
    columns[field as Field] = column;
  }
  return columns;
}

/**
 * Limits for a mapping workbook: the SCF workbook is one wide sheet (over 350 columns and some 1,500 rows in its
 * 2026 editions) beside a few smaller ones, so it gets more room than a request list; the zip is still checked
 * before exceljs inflates it.
 */
export const MAPPING_WORKBOOK_LIMITS = {
  ...XLSX_LIMITS,
  fileBytes: 40 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  rows: 20_000,
  columns: 1_000,
} as const;

/** Who published the mapping and under what terms, as the user states them. */
interface Attribution {
  source?: string | undefined;
  version?: string | undefined;
  licence?: string | undefined;
  note?: string | undefined;
}

/** What an import read: its pairs, what was passed over and why, and for a workbook its sheet and columns. */
interface ReadMapping {
  pairs: Omit<CrosswalkPair, 'reviewer' | 'reviewed'>[];
  /** Each id, cell or relationship passed over (a workbook's also say when nothing can be read at all). */
  findings: Diagnostic[];
  workbook?: WorkbookMapping;
}

export async function runImportMapping(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      to: { type: 'string' },
      name: { type: 'string' },
      source: { type: 'string' },
      'source-version': { type: 'string' },
      licence: { type: 'string' },
      attribution: { type: 'string' },
      map: { type: 'string' },
      sheet: { type: 'string' },
      root: { type: 'string' },
    },
    1,
  );
  const [file] = positionals;
  const target = values.to as CrosswalkTarget;
  if (file === undefined || !crosswalkTargets.includes(target)) {
    throw new UsageError(
      file === undefined
        ? 'import mapping needs the file to read (.csv or .xlsx)'
        : `import mapping needs --to ${crosswalkTargets.join(' or --to ')}`,
      'Run `trustbook import mapping FILE --to iso27001|csf --source "who published it" --licence "its terms"`.',
    );
  }
  const name =
    values.name ??
    basename(file)
      .replace(/\.[^.]*$/, '')
      .replace(/[^a-z0-9._-]+/gi, '-');
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new UsageError(`"${name}" cannot name a mapping folder`, 'Pass --name with letters, digits, dots, dashes.');
  }
  const root = resolve(io.cwd, values.root ?? '.');
  if (!isProgramRoot(root)) {
    throw new UsageError(`${root} holds no Trustbook program (content/program.yaml not found)`, 'Pass --root DIR.');
  }
  const folder = join(root, MAPPINGS_DIR, name);
  if (existsSync(folder)) {
    throw new UsageError(`${relative(io.cwd, folder)} already exists`, 'Pass another --name, or remove the folder.');
  }
  const given: Attribution = {
    source: values.source?.trim() || undefined,
    version: values['source-version']?.trim() || undefined,
    licence: values.licence?.trim() || undefined,
    note: values.attribution?.trim() || undefined,
  };
  // Asked before the file is read, so that a refused question costs no parsing.
  const attribution = await completeAttribution(given, io);

  const path = resolve(io.cwd, file);
  const columns = parseColumns(values.map);
  const shown = relative(io.cwd, path) || file;
  const read: ReadMapping = /\.xlsx$/i.test(file)
    ? await readWorkbookFile(path, shown, target, { sheet: values.sheet, columns })
    : readMappingCsv(readFileSync(path, 'utf8'), shown, target, columns);
  const errors = read.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    io.stderr(findingLines(errors).join('\n'));
    io.stderr('Nothing was written.');
    return EXIT_FINDINGS;
  }
  if (read.pairs.length === 0) {
    const none = finding('TB369', { file: shown }, basename(file), read.workbook?.sheet, target);
    io.stderr([...findingLines([...read.findings, none]), 'Nothing was written.'].join('\n'));
    return EXIT_FINDINGS;
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, PAIRS_FILE),
    toCsv(
      PAIRS_HEADER,
      read.pairs.map((pair) => [pair.source, target, pair.target, pair.relationship, pair.rationale]),
    ),
  );
  const edition = attribution.version ?? read.workbook?.edition;
  writeFileSync(
    join(folder, ATTRIBUTION_FILE),
    attributionText(name, basename(file), { ...attribution, version: edition }, read),
  );
  if (read.findings.length > 0) {
    writeFileSync(
      join(folder, PASSED_OVER_FILE),
      toCsv(
        ['code', 'row', 'message'],
        read.findings.map((f) => [f.code, String(f.line ?? ''), f.message]),
      ),
    );
  }
  io.stdout(
    `wrote ${relative(io.cwd, folder)}/: ${read.pairs.length} pairs to ${target}, ${read.findings.length} passed over`,
  );
  if (read.workbook) io.stdout(columnsLine(read.workbook));
  if (read.findings.length > 0) {
    io.stdout(findingLines(read.findings).join('\n'));
    io.stdout(`  every one is listed in ${relative(io.cwd, join(folder, PASSED_OVER_FILE))}`);
  }
  return EXIT_CLEAN;
}

/** The source and licence from the flags, asked for in a terminal when missing; a note alone is enough too. */
async function completeAttribution(given: Attribution, io: Io): Promise<Attribution> {
  if ((given.source && given.licence) || (given.note && !given.source && !given.licence)) return given;
  if (!io.interactive || !io.ask) {
    throw new UsageError(
      'import mapping needs --source and --licence',
      'Say who published the mapping and under what terms, as you read them: --source "Secure Controls Framework Council" --licence "CC BY-ND 4.0" (--source-version too, if the file does not say).',
    );
  }
  const ask = io.ask;
  const answer = async (question: string): Promise<string> => {
    for (;;) {
      const text = await ask(question);
      if (text === undefined) {
        throw new UsageError(
          'import mapping stopped before its questions were answered; nothing was written',
          'Run it again, or pass --source and --licence.',
        );
      }
      if (text.trim() !== '') return text.trim();
      io.stdout('  an answer is needed: it is kept with the mapping');
    }
  };
  return {
    ...given,
    source: given.source ?? (await answer('Who published this mapping? ')),
    licence: given.licence ?? (await answer('Under what licence or terms (as the publisher states them)? ')),
  };
}

async function readWorkbookFile(
  path: string,
  shown: string,
  target: CrosswalkTarget,
  options: WorkbookOptions,
): Promise<ReadMapping> {
  const bytes = readFileSync(path);
  const bounds = checkWorkbookBounds(bytes, MAPPING_WORKBOOK_LIMITS);
  if (!bounds.ok) {
    throw new UsageError(
      `${basename(path)} was not read: ${bounds.reason}`,
      bounds.kind === 'not-zip'
        ? 'Save the mapping from the spreadsheet as .xlsx (Excel workbook), or as .csv.'
        : 'Save only the sheet holding the mapping, as .xlsx or .csv.',
    );
  }
  const sheets = await readWorkbookSheets(basename(path), bytes, MAPPING_WORKBOOK_LIMITS);
  if (options.sheet !== undefined && !sheets.some((sheet) => sheet.name === options.sheet)) {
    throw new UsageError(
      `${basename(path)} has no sheet "${options.sheet}"`,
      `Its sheets: ${sheets.map((sheet) => `"${sheet.name}"`).join(', ')}.`,
    );
  }
  const workbook = readMappingWorkbook(shown, sheets, target, options);
  return { pairs: workbook.pairs, findings: workbook.findings, workbook };
}

/** Findings as the import prints them: each with its code and row, then each code's fix once. */
function findingLines(findings: readonly Diagnostic[]): string[] {
  const shown = findings
    .slice(0, 20)
    .map((f) => `${f.severity} ${f.code} ${f.file}${f.line ? `:${f.line}` : ''}  ${f.message}`);
  const more = findings.length > 20 ? [`  and ${findings.length - 20} more`] : [];
  const fixes = [...new Map(findings.map((f) => [f.code, f.hint])).entries()].map(
    ([code, hint]) => `  fix (${code}): ${hint}`,
  );
  return [...shown, ...more, ...fixes];
}

const columnsLine = (workbook: WorkbookMapping): string =>
  `read sheet "${workbook.sheet}" as ${workbook.shape === 'scf' ? 'a Secure Controls Framework workbook' : 'an AICPA mapping'} (headers in row ${workbook.headerRow}); columns used: ${workbook.columns
    .map((column) => `${column.column} "${column.header.replace(/\s+/g, ' ')}" (${column.role})`)
    .join(', ')}`;

function attributionText(name: string, file: string, attribution: Attribution, read: ReadMapping): string {
  const lines = [
    `# ${name}`,
    '',
    `Imported from \`${file}\` with \`trustbook import mapping\`.`,
    '',
    ...(attribution.source ? [`- Source: ${attribution.source}`] : []),
    ...(attribution.version ? [`- Version: ${attribution.version}`] : []),
    ...(attribution.licence ? [`- Licence, as stated on import: ${attribution.licence}`] : []),
    ...(attribution.note ? [`- Attribution: ${attribution.note}`] : []),
    ...(read.workbook ? [`- Read: ${columnsLine(read.workbook)}`] : []),
    `- Pairs kept: ${read.pairs.length}; passed over: ${read.findings.length}`,
    '',
    "This mapping is kept in this repository under its publisher's terms; Trustbook does not ship it. " +
      "`trustbook map suggest` reads it as an extra source, labelled with this folder's name. It never counts " +
      'toward coverage: that comes only from what a control cites.',
    '',
  ];
  return lines.join('\n');
}

/** The imported mappings of a program that have pairs to the target, in folder order. */
export function readImportedMappings(root: string, target: CrosswalkTarget): ImportedMapping[] {
  const base = join(root, MAPPINGS_DIR);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, PAIRS_FILE)))
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const [, ...rows] = parseCsv(readFileSync(join(base, name, PAIRS_FILE), 'utf8'));
      const bySource = new Map<string, CrosswalkPair[]>();
      for (const [source = '', framework, id = '', relationship, rationale = ''] of rows) {
        if (framework !== target || !mappingRelationships.includes(relationship as MappingRelationship)) continue;
        const pair = {
          source,
          target: id,
          relationship: relationship as MappingRelationship,
          rationale: rationale || '(no rationale given)',
          reviewer: name,
          reviewed: '',
        };
        bySource.set(source, [...(bySource.get(source) ?? []), pair]);
      }
      return bySource.size === 0 ? [] : [{ name, pairsOf: (criterion: string) => bySource.get(criterion) ?? [] }];
    });
}
