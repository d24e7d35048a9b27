/**
 * The sheets of an XLSX workbook as plain cells, through exceljs, for importers that find their columns by name.
 * The caller checks the zip's sizes first (src/cli/xlsx-bounds.ts); here only the cells a sheet holds are
 * visited, so a sheet claiming a far-away cell is refused at that cell rather than walked.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { UsageError } from '../engine/errors.ts';
import type { WorkbookCell, WorkbookSheet } from './mapping-workbook.ts';

export interface SheetLimits {
  rows: number;
  columns: number;
}

/**
 * Every worksheet of the workbook, in its tab order. exceljs's full reader is tried first (it resolves merged
 * cells); some large published workbooks make it fail on parts the import never needs (comments, drawings), so
 * its streaming reader, which reads cells alone, is tried next. A file neither can open is a usage error naming it.
 */
export async function readWorkbookSheets(
  name: string,
  bytes: Uint8Array,
  limits: SheetLimits,
): Promise<WorkbookSheet[]> {
  for (const read of [loadSheets, streamSheets]) {
    try {
      const sheets = await read(name, bytes, limits);
      // A zip with no worksheet in it is no workbook, though neither reader finds anything wrong with it.
      if (sheets.length > 0) return sheets;
    } catch (error) {
      // A sheet beyond the limits is an answer, not a failure to open.
      if (error instanceof UsageError) throw error;
    }
  }
  throw new UsageError(
    `${name} is not an XLSX workbook this import can open`,
    'Open it in a spreadsheet and save it again as .xlsx (Excel workbook), or save the sheet as .csv.',
  );
}

/** Through exceljs's full reader, the workbook at once. */
export async function loadSheets(name: string, bytes: Uint8Array, limits: SheetLimits): Promise<WorkbookSheet[]> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: (WorkbookCell | undefined)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rows[rowNumber - 1] = rowCells(name, sheet.name, row, rowNumber, limits);
    });
    return { name: sheet.name, rows };
  });
}

/** Through exceljs's streaming reader, a row at a time; merged ranges are not resolved (the cell keeps its own). */
export async function streamSheets(name: string, bytes: Uint8Array, limits: SheetLimits): Promise<WorkbookSheet[]> {
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: WorkbookSheet[] = [];
  for await (const sheet of reader) {
    // The reader names each sheet from the workbook's index, though exceljs's types leave the name out.
    const sheetName = (sheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
    const rows: (WorkbookCell | undefined)[][] = [];
    for await (const row of sheet) {
      // The streaming reader also yields rows with nothing in them; they stay gaps, as the full reader leaves them.
      if (row.cellCount === 0) continue;
      rows[row.number - 1] = rowCells(name, sheetName, row, row.number, limits);
    }
    sheets.push({ name: sheetName, rows });
  }
  return sheets;
}

function rowCells(
  file: string,
  sheet: string,
  row: ExcelJS.Row,
  rowNumber: number,
  limits: SheetLimits,
): (WorkbookCell | undefined)[] {
  if (rowNumber > limits.rows) beyond(file, sheet, `row ${rowNumber}`, `${limits.rows} rows`);
  const cells: (WorkbookCell | undefined)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    if (columnNumber > limits.columns) {
      beyond(file, sheet, `a cell in column ${columnNumber} of row ${rowNumber}`, `${limits.columns} columns`);
    }
    cells[columnNumber - 1] = cellOf(cell);
  });
  return cells;
}

function beyond(file: string, sheet: string, what: string, limit: string): never {
  throw new UsageError(
    `${file} was not read: its sheet "${sheet}" has ${what}, beyond the ${limit} a mapping may have`,
    'Delete the stray cells far below or to the right of the table (Ctrl+End finds the last one), or save the sheet as .csv.',
  );
}

/** A formula or an error is kept as such (its saved result is never read as a value); anything else as its text. */
function cellOf(cell: ExcelJS.Cell): WorkbookCell | undefined {
  // A merged cell reads as the cell at the top left of its range.
  const source = cell.isMerged ? cell.master : cell;
  const value = source.value;
  if (value !== null && typeof value === 'object' && 'error' in value) return { error: String(value.error) };
  if (source.formula) return { formula: source.formula };
  if (value !== null && typeof value === 'object' && 'sharedFormula' in value) {
    return { formula: String(value.sharedFormula) };
  }
  const text = source.text ?? '';
  return text === '' ? undefined : { text };
}
