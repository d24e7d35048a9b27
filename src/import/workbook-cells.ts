/**
 * The sheets of an XLSX workbook as plain cells, through exceljs, for importers that find their columns by name.
 * The caller checks the zip's sizes first (src/cli/xlsx-bounds.ts); here only the cells a sheet holds are
 * visited, so a sheet claiming a far-away cell is refused at that cell rather than walked.
 */
import type ExcelJS from 'exceljs';
import { UsageError } from '../engine/errors.ts';
import type { WorkbookCell, WorkbookSheet } from './mapping-workbook.ts';

export interface SheetLimits {
  rows: number;
  columns: number;
}

/** Every worksheet of the workbook, in its tab order; a file exceljs cannot open is a usage error naming it. */
export async function readWorkbookSheets(
  name: string,
  bytes: Uint8Array,
  limits: SheetLimits,
): Promise<WorkbookSheet[]> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UsageError(
      `${name} is not an XLSX workbook this import can open`,
      'Open it in a spreadsheet and save it again as .xlsx (Excel workbook), or save the sheet as .csv.',
    );
  }
  return workbook.worksheets.map((sheet) => sheetCells(name, sheet, limits));
}

function sheetCells(name: string, sheet: ExcelJS.Worksheet, limits: SheetLimits): WorkbookSheet {
  const rows: (WorkbookCell | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > limits.rows) beyond(name, sheet.name, `row ${rowNumber}`, `${limits.rows} rows`);
    const cells: (WorkbookCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber > limits.columns) {
        beyond(name, sheet.name, `a cell in column ${columnNumber} of row ${rowNumber}`, `${limits.columns} columns`);
      }
      cells[columnNumber - 1] = cellOf(cell);
    });
    rows[rowNumber - 1] = cells;
  });
  return { name: sheet.name, rows };
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
