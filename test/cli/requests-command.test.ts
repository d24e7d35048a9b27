import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCsv } from '../../src/export/csv.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-requests-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-07-15' };
/** The valid program's audit firm is "Test CPA": the list is named after the firm without its legal form. */
const listPath = () => join(root, 'content/requests/test.yaml');
const written = () => parse(readFileSync(listPath(), 'utf8'));

describe('trustbook requests import', () => {
  it('imports a CSV with a BOM, odd headers and quoted commas, in the firm’s order', async () => {
    writeFileSync(
      join(root, 'list.csv'),
      '\uFEFF REF , Request  description,TSC ref,Control\r\n' +
        'T-2,"Provide the baseline security program review records, quarter by quarter",CC1.1,\r\n' +
        'T-1,"Provide the org chart, with reporting lines",,BASE-01\r\n' +
        'T-3,Provide the office lease,,\r\n',
    );
    const result = await runCli(root, ['requests', 'import', 'list.csv'], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('3 requests written to content/requests/test.yaml');
    expect(result.stdout).toContain('1 mapped explicitly');
    expect(result.stdout).toContain('1 with suggestions to confirm');
    expect(result.stdout).toContain('1 with nothing found');
    const { requests } = written();
    expect(requests.map((request: { id: string }) => request.id)).toEqual(['T-2', 'T-1', 'T-3']);
    expect(requests[0]).toMatchObject({
      request: 'Provide the baseline security program review records, quarter by quarter',
      criteria: ['CC1.1'],
      controls: [],
      suggested: { controls: ['BASE-01'], evidence: ['EV-BASE-01'] },
      confirmed: false,
    });
    expect(requests[1]).toMatchObject({ controls: ['BASE-01'], evidence: ['EV-BASE-01'], confirmed: true });
    // The unconfirmed requests are warnings, not errors.
    const check = await runCli(root, ['check', '--format', 'json'], env);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('TB911');
  });

  it('never replaces a list unless asked', async () => {
    writeFileSync(join(root, 'list.csv'), 'id,request\nT-1,Provide the org chart\n');
    await runCli(root, ['requests', 'import', 'list.csv'], env);
    const before = readFileSync(listPath(), 'utf8');
    writeFileSync(join(root, 'list.csv'), 'id,request\nT-9,Provide something else\n');
    expect(await runCli(root, ['requests', 'import', 'list.csv'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exists already'),
    });
    expect(readFileSync(listPath(), 'utf8')).toBe(before);
    expect(await runCli(root, ['requests', 'import', 'list.csv', '--replace'], env)).toMatchObject({ code: 0 });
    expect(written().requests[0].id).toBe('T-9');
  });

  it('imports the first worksheet of an XLSX file, with columns named by --map', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('PBC');
    sheet.addRow(['No.', 'Item requested', 'Controls tested']);
    sheet.addRow(['HP-001', 'Provide the baseline review records, with sign-off', 'BASE-01']);
    sheet.addRow([2, 'Provide the org chart', '']);
    workbook.addWorksheet('Notes').addRow(['ignored']);
    await workbook.xlsx.writeFile(join(root, 'list.xlsx'));
    const result = await runCli(
      root,
      ['requests', 'import', 'list.xlsx', '--map', 'id=No.,request=Item requested,controls=Controls tested'],
      env,
    );
    expect(result).toMatchObject({ code: 0 });
    expect(written().requests).toMatchObject([
      { id: 'HP-001', request: 'Provide the baseline review records, with sign-off', controls: ['BASE-01'] },
      { id: '2', request: 'Provide the org chart', confirmed: false },
    ]);
  });

  it('refuses a file that is not XLSX with a clear message and exit 2', async () => {
    writeFileSync(join(root, 'list.xlsx'), 'id,request\nT-1,This is CSV text in disguise\n');
    const result = await runCli(root, ['requests', 'import', 'list.xlsx'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('list.xlsx is not a valid XLSX workbook');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(listPath())).toBe(false);
  });

  it('refuses a file without an id or request column, naming the headers it has', async () => {
    writeFileSync(join(root, 'list.csv'), 'Number,Text\n1,Provide\n');
    expect(await runCli(root, ['requests', 'import', 'list.csv'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Number, Text'),
    });
  });
});

describe('trustbook export pbc', () => {
  it('writes our own list while the program has no request list from its firm', async () => {
    expect(await runCli(root, ['export', 'pbc', '--out', 'out'], env)).toMatchObject({ code: 0 });
    expect(parseCsv(readFileSync(join(root, 'out/pbc-requests.csv'), 'utf8'))[0]![0]).toBe('request id');
    expect(parseCsv(readFileSync(join(root, 'out/pbc-requests.csv'), 'utf8'))[1]![0]).toMatch(/^PBC-/);
  });

  it('writes the firm’s list, in its order and with its ids, once one is imported', async () => {
    writeFileSync(
      join(root, 'list.csv'),
      'id,request,controls\nZ-9,Provide the baseline records,BASE-01\nA-1,Provide the org chart,\n',
    );
    await runCli(root, ['requests', 'import', 'list.csv'], env);
    expect(await runCli(root, ['export', 'pbc', '--out', 'out'], env)).toMatchObject({ code: 0 });
    const rows = parseCsv(readFileSync(join(root, 'out/pbc-requests.csv'), 'utf8'));
    expect(rows).toEqual([
      ['request id', 'request', 'criteria', 'controls', 'evidence', 'status', 'evidence link'],
      [
        'Z-9',
        'Provide the baseline records',
        '',
        'BASE-01',
        'EV-BASE-01',
        'provided',
        'https://docs.test.example/q2.pdf',
      ],
      ['A-1', 'Provide the org chart', '', '', '', 'not mapped', ''],
    ]);
  });
});
