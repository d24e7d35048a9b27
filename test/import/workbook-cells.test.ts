/** Workbooks as plain cells, through either of exceljs's readers. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadSheets, readWorkbookSheets, streamSheets } from '../../src/import/workbook-cells.ts';

const limits = { rows: 100, columns: 10 };

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Cover').addRow(['About']);
  const sheet = workbook.addWorksheet('SCF 2025.4');
  sheet.addRow(['SCF #', 'AICPA TSC 2017:2022 (used for SOC 2)']);
  sheet.addRow(['IAC-01', 'CC6.1\nCC6.2']);
  sheet.getCell('A4').value = 'GOV-01';
  sheet.getCell('B4').value = { formula: 'B2', result: 'CC6.1' };
  sheet.getCell('C4').value = { error: '#REF!' };
  sheet.getCell('D4').value = 3;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const expected = [
  { name: 'Cover', rows: [[{ text: 'About' }]] },
  {
    name: 'SCF 2025.4',
    rows: [
      [{ text: 'SCF #' }, { text: 'AICPA TSC 2017:2022 (used for SOC 2)' }],
      [{ text: 'IAC-01' }, { text: 'CC6.1\nCC6.2' }],
      undefined,
      [{ text: 'GOV-01' }, { formula: 'B2' }, { error: '#REF!' }, { text: '3' }],
    ],
  },
];

describe('workbook cells', () => {
  it('reads text, formulas and errors apart, with rows at their numbers, through the full reader', async () => {
    expect(await loadSheets('x.xlsx', await workbookBytes(), limits)).toEqual(expected);
  });

  it('reads the same cells through the streaming reader, the fallback for workbooks the full reader refuses', async () => {
    expect(await streamSheets('x.xlsx', await workbookBytes(), limits)).toEqual(expected);
  });

  it('refuses a row or a column beyond the limits, naming the sheet and the cell', async () => {
    await expect(readWorkbookSheets('x.xlsx', await workbookBytes(), { rows: 3, columns: 10 })).rejects.toThrow(
      'x.xlsx was not read: its sheet "SCF 2025.4" has row 4, beyond the 3 rows a mapping may have',
    );
    await expect(readWorkbookSheets('x.xlsx', await workbookBytes(), { rows: 100, columns: 3 })).rejects.toThrow(
      'its sheet "SCF 2025.4" has a cell in column 4 of row 4, beyond the 3 columns',
    );
  });

  it('is a usage error, not a stack trace, for a zip that is no workbook: neither reader finds a sheet', async () => {
    await expect(
      readWorkbookSheets('x.xlsx', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), limits),
    ).rejects.toThrow('x.xlsx is not an XLSX workbook this import can open');
  });
});
