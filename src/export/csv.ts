/** CSV through csv-stringify and csv-parse: RFC 4180, CRLF between records, spreadsheet formulas defused. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * What makes a spreadsheet read a CSV cell as a formula: a leading `=`, `+`, `-` or `@` (or their full-width forms,
 * which some locales convert), or a tab, carriage return, line feed or NUL before one (spreadsheets drop those).
 */
// A NUL is a character to match here, not a mistake.
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number, signed or not (`-12.5`, `+3`, `1e-3`): a spreadsheet reads it as the number, never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A CSV cell that no spreadsheet evaluates: a quote prefix keeps a formula-like text as text. Numbers stay as
 * they are. (XLSX needs none of this: its cells are written as strings, which are never formulas.)
 */
export function defuseFormula(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  if (typeof value === 'number' || PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
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
