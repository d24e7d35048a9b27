/**
 * The Statement of Applicability in the layout certification auditors work from: one row per Annex A control, in
 * Annex A order, with its decision, the justification, how far it is implemented, what implements it and who owns
 * it. The controls column is what the check counts (the controls citing it under `iso:`), never a list kept
 * beside it. CSV through csv-stringify, XLSX through exceljs.
 */
import { isoControls, isoThemeLabels } from '../catalog/index.ts';
import type { CheckResult } from '../engine/index.ts';
import { citationsOf } from '../engine/framework-coverage.ts';
import type { SoaEntry } from '../schema/index.ts';
import { toCsv } from './csv.ts';

export const soaColumns = [
  'Annex A control',
  'Title',
  'Theme',
  'Applicable',
  'Justification',
  'Implementation status',
  'Controls',
  'Documents',
  'Owner',
] as const;

/** One row of the statement, as the pages and the files show it. */
export interface SoaRow {
  id: string;
  /** Our label of the Annex A control (ISO's titles are not ours to copy). */
  title: string;
  theme: string;
  /** `Yes`, `No`, or `Not decided` when the statement has no entry for it. */
  applicable: 'Yes' | 'No' | 'Not decided';
  /** For an inclusion, the risks it treats and the reason; for an exclusion, why it does not apply. */
  justification: string;
  status: string;
  /** Implemented controls citing it. */
  controls: string[];
  documents: string[];
  owner: string;
}

const statusWords: Record<NonNullable<SoaEntry['status']>, string> = {
  implemented: 'Implemented',
  'partially-implemented': 'Partially implemented',
  planned: 'Planned',
};

/** Every Annex A control's row, in Annex A order; empty when the program has no statement. */
export function soaRows(result: CheckResult): SoaRow[] {
  const soa = result.model.soa;
  if (!soa) return [];
  return isoControls.map((control): SoaRow => {
    const entry = soa.data.controls[control.id];
    const controls = result.model.controls
      .filter((candidate) => candidate.data.status === 'implemented')
      .filter((candidate) => citationsOf(candidate.data, 'iso27001').includes(control.id))
      .map((candidate) => candidate.id);
    const base = { id: control.id, title: control.label, theme: isoThemeLabels[control.theme], controls };
    if (!entry) return { ...base, applicable: 'Not decided', justification: '', status: '', documents: [], owner: '' };
    const risks = entry.risks?.length ? `Risks: ${entry.risks.join(', ')}.` : '';
    return {
      ...base,
      applicable: entry.applicable ? 'Yes' : 'No',
      justification: entry.applicable
        ? [risks, entry.reason ?? ''].filter((part) => part !== '').join(' ')
        : (entry.justification ?? ''),
      status: entry.applicable && entry.status ? statusWords[entry.status] : '',
      documents: entry.documents ?? [],
      owner: entry.owner ?? soa.data.owner,
    };
  });
}

function cells(row: SoaRow): string[] {
  return [
    row.id,
    row.title,
    row.theme,
    row.applicable,
    row.justification,
    row.status,
    row.controls.join(', '),
    row.documents.join(', '),
    row.owner,
  ];
}

export function soaCsv(result: CheckResult): string {
  return toCsv(soaColumns, soaRows(result).map(cells));
}

export async function soaXlsx(result: CheckResult): Promise<Buffer> {
  // Loaded here only, as for the answers: the sites' build never needs a spreadsheet library.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const soa = result.model.soa;
  const sheet = workbook.addWorksheet('Statement of Applicability');
  const widths = [12, 50, 22, 12, 70, 22, 30, 30, 18];
  sheet.columns = soaColumns.map((header, index) => ({ header, key: header, width: widths[index] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // String cells, never formulas, whatever they start with.
  for (const row of soaRows(result)) sheet.addRow(cells(row));
  for (const key of ['Title', 'Justification']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  if (soa) {
    workbook.title = soa.data.title;
    workbook.subject = `Version ${soa.data.version}, approved by ${soa.data.approved_by} on ${soa.data.approved}`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
