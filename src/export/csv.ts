/** CSV through csv-stringify and csv-parse: RFC 4180, CRLF between records, spreadsheet formulas defused. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A leading = + - @ makes spreadsheets evaluate a cell; a quote prefix keeps it text. */
export function defuseFormula(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return stringify(
    [header, ...rows].map((row) => row.map(defuseFormula)),
    { record_delimiter: 'windows' },
  );
}

/** Parses CSV (ours, or any RFC 4180 file) into rows of text. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, bom: true }) as string[][];
}
