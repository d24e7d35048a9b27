import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv.ts';
import { soaColumns, soaCsv, soaRows, soaXlsx } from '../../src/export/soa.ts';
import { runCli } from '../cli/run.ts';
import { isoProgram, SOA, soaText } from '../helpers/frameworks.ts';
import { check, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const program = (): Files => ({
  ...isoProgram(),
  [SOA]: soaText({
    'A.5.1':
      '{ applicable: true, reason: "Customer contracts require it.", status: partially-implemented, owner: ceo, documents: [information-security] }',
    'A.7.4': '{ applicable: false, justification: "We keep no premises: every person works remotely." }',
    'A.8.34': null,
  }),
});

describe('the Statement of Applicability export', () => {
  it('has a row per Annex A control in Annex A order, with the decision, what implements it and the owner', () => {
    const rows = soaRows(check(program()));
    expect(rows).toHaveLength(93);
    expect(rows[0]).toMatchObject({
      id: 'A.5.1',
      theme: 'Organizational controls',
      applicable: 'Yes',
      justification: 'Customer contracts require it.',
      status: 'Partially implemented',
      controls: ['BASE-01'],
      documents: ['information-security'],
      owner: 'ceo',
    });
    expect(rows.find((row) => row.id === 'A.7.4')).toMatchObject({
      applicable: 'No',
      justification: 'We keep no premises: every person works remotely.',
      status: '',
      owner: 'security-lead',
    });
    expect(rows.at(-1)).toMatchObject({ id: 'A.8.34', applicable: 'Not decided' });
  });

  it('writes the same rows as CSV and as XLSX', async () => {
    const result = check(program());
    const csv = parseCsv(soaCsv(result));
    expect(csv[0]).toEqual([...soaColumns]);
    expect(csv[1]?.slice(0, 6)).toEqual([
      'A.5.1',
      soaRows(result)[0]!.title,
      'Organizational controls',
      'Yes',
      'Customer contracts require it.',
      'Partially implemented',
    ]);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await soaXlsx(result)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Statement of Applicability')!;
    expect(sheet.rowCount).toBe(94);
    expect(sheet.getRow(1).getCell(1).value).toBe('Annex A control');
    expect(sheet.getRow(2).getCell(7).value).toBe('BASE-01');
  });

  it('is written by `trustbook export soa`, and refused when the program has none', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trustbook-soa-'));
    roots.push(root);
    writeProgram(root, program());
    const written = await runCli(root, ['export', 'soa', '--out', 'out']);
    expect(written.code).toBe(0);
    expect(readFileSync(join(root, 'out/statement-of-applicability.csv'), 'utf8')).toMatch(/^Annex A control,Title,/);
    expect(readFileSync(join(root, 'out/statement-of-applicability.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const bare = mkdtempSync(join(tmpdir(), 'trustbook-soa-'));
    roots.push(bare);
    writeProgram(bare, validProgram());
    const refused = await runCli(bare, ['export', 'soa']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no Statement of Applicability/);
  });
});

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
