/**
 * `trustbook requests import FILE`: reads the audit firm's request list (CSV or XLSX) into
 * `content/requests/<name>.yaml`, in the firm's order and with its ids, each request mapped to controls and
 * evidence (the firm's own mapping, confirmed) or given suggestions for a person to confirm.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import YAML from 'yaml';
import { checkProject, UsageError } from '../../engine/index.ts';
import { REQUESTS_DIR } from '../../engine/model.ts';
import { parseCsv } from '../../export/csv.ts';
import { checkWorkbookBounds, XLSX_LIMITS } from '../xlsx-bounds.ts';
import { mapRequest, parseColumnMap, requestsFromTable } from '../../fieldwork/request-list.ts';
import type { RequestsData } from '../../schema/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export async function runRequests(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      map: { type: 'string' },
      name: { type: 'string' },
      replace: { type: 'boolean', default: false },
      root: { type: 'string' },
    },
    2,
  );
  const [action, file] = positionals;
  if (action !== 'import' || file === undefined) {
    throw new UsageError(
      action === 'import'
        ? 'requests import needs the file to read'
        : action === undefined
          ? 'requests needs an action'
          : `unknown requests action "${action}"`,
      'Run `trustbook requests import FILE` with the audit firm’s request list (.csv or .xlsx).',
    );
  }
  const map = values.map === undefined ? undefined : parseColumnMap(values.map);
  const root = resolve(io.cwd, values.root ?? '.');
  const source = resolve(io.cwd, file);
  const table = await readTable(source);
  const tableRequests = requestsFromTable(table, map);

  const { model } = checkProject(root, checkOptions(io));
  const firm = model.program?.data.audit?.auditor;
  const name = slugOf(values.name ?? (firm ? firmStem(firm) : basename(source, extname(source))));
  if (name === '') throw new UsageError('the list needs a file name', 'Pass --name NAME, such as --name halden-pryce.');
  const path = `${REQUESTS_DIR}/${name}.yaml`;
  if (existsSync(join(root, path)) && !values.replace) {
    throw new UsageError(
      `${path} exists already`,
      'Its confirmed mappings would be lost: pass --replace to import over it, or --name NAME to write another list.',
    );
  }

  const mapped = tableRequests.map((request) => mapRequest(request, model));
  const record: RequestsData = {
    ...(firm ? { firm } : {}),
    source: basename(source),
    requests: mapped.map((request) => request.record),
  };
  writeAtomically(join(root, path), recordText(record));

  const count = (mapping: string) => mapped.filter((request) => request.mapping === mapping).length;
  const duplicates = mapped.filter(
    (request, index) => mapped.findIndex((r) => r.record.id === request.record.id) !== index,
  );
  io.stdout(
    [
      `${mapped.length} requests written to ${path}:`,
      `  ${count('explicit')} mapped explicitly`,
      `  ${count('suggested')} with suggestions to confirm`,
      `  ${count('none')} with nothing found`,
      ...(duplicates.length > 0
        ? [`  duplicate ids: ${[...new Set(duplicates.map((r) => r.record.id))].join(', ')}`]
        : []),
      'Confirm each suggestion: move the right ids from `suggested:` into `controls` and `evidence`, and set `confirmed: true`.',
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

/** The rows of a CSV file, or of the first worksheet of an XLSX file, as text. */
async function readTable(path: string): Promise<string[][]> {
  const bytes = readFileSync(path);
  if (!/\.xlsx$/i.test(path)) return parseCsvFile(path, bytes);
  const notWorkbook = () =>
    new UsageError(
      `${basename(path)} is not a valid XLSX workbook`,
      'Save the request list from the spreadsheet as .xlsx (Excel workbook) or as .csv, and import that file.',
    );
  const bounds = checkWorkbookBounds(bytes);
  if (!bounds.ok && bounds.kind === 'not-zip') throw notWorkbook();
  if (!bounds.ok) {
    throw new UsageError(
      `${basename(path)} was not read: ${bounds.reason}`,
      'A request list is a few hundred rows: save only its sheet as .xlsx, or export it as .csv.',
    );
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UsageError(`${basename(path)} has no worksheet`, 'Put the request list on the first sheet.');
  return sheetRows(sheet, basename(path));
}

/**
 * The cells of a sheet as rows of text. Only the cells the sheet holds are visited: a sheet's claimed size (one
 * far-away cell makes it a million rows by sixteen thousand columns) is never walked.
 */
function sheetRows(sheet: ExcelJS.Worksheet, name: string): string[][] {
  const { rows: maxRows, columns: maxColumns } = XLSX_LIMITS;
  const rows: string[][] = [];
  let beyond: string | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (beyond) return;
    if (rowNumber > maxRows) {
      beyond = `it has a row ${rowNumber}, beyond the ${maxRows} a request list may have`;
      return;
    }
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (beyond) return;
      if (columnNumber > maxColumns) {
        beyond = `its row ${rowNumber} has a cell in column ${columnNumber}, beyond the ${maxColumns} a request list may have`;
        return;
      }
      cells[columnNumber - 1] = cell.text ?? '';
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
  });
  if (beyond) {
    throw new UsageError(
      `${name} was not read: ${beyond}`,
      'Delete the stray cells far below or to the right of the list (Ctrl+End finds the last one), or export it as .csv.',
    );
  }
  // Rows with nothing in them stay, empty, so that row numbers in messages match the sheet's.
  return Array.from(rows, (row) => row ?? []);
}

function parseCsvFile(path: string, bytes: Buffer): string[][] {
  if (bytes.length > XLSX_LIMITS.fileBytes) {
    throw new UsageError(
      `${basename(path)} was not read: the file is larger than ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB`,
      'A request list is a few hundred rows: export only the list.',
    );
  }
  try {
    return parseCsv(bytes.toString('utf8'));
  } catch (error) {
    throw new UsageError(
      `${basename(path)} is not valid CSV (${error instanceof Error ? error.message : String(error)})`,
      'Export the request list as CSV (comma-separated, UTF-8), or as .xlsx.',
    );
  }
}

/** "Halden & Pryce CPA LLP" is "halden-pryce": the firm's name without its legal form. */
function firmStem(firm: string): string {
  return firm.replace(/\b(cpas?|llp|llc|lp|pllc|pc|inc|ltd|plc|gmbh)\b\.?/gi, ' ');
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The record as YAML, each list of ids on one line (`controls: [AC-01, AC-02]`), so ids are easy to move. */
function recordText(record: RequestsData): string {
  const document = new YAML.Document(record);
  YAML.visit(document, {
    Pair(_key, pair) {
      const name = YAML.isScalar(pair.key) ? pair.key.value : undefined;
      if (name !== 'requests' && YAML.isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return `# Imported by \`trustbook requests import\`. Confirm each request: move the right ids from \`suggested:\`
# into \`controls\` and \`evidence\`, delete \`suggested:\`, and set \`confirmed: true\`.
${document.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
