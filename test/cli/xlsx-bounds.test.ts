/**
 * A workbook is bounded before it is parsed: a zip bomb (or a zip whose directory understates its sizes) is
 * refused from its directory or a ceiling on inflating, and a sheet that claims a far-away cell is read only as
 * far as the cells it holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWorkbookBounds } from '../../src/cli/xlsx-bounds.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-xlsx-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { TRUSTBOOK_AS_OF: '2026-07-15' };

/** A zip of one deflated entry, its directory declaring `declared` bytes inflated (the truth by default). */
function zipOf(name: string, content: Buffer, declared = content.length): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(crc32(content), 16);
  entry.writeUInt32LE(data.length, 20);
  entry.writeUInt32LE(declared, 24);
  entry.writeUInt16LE(nameBytes.length, 28);
  entry.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(entry.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, entry, nameBytes, end]);
}

describe('the bounds of a workbook', () => {
  it('refuses a zip bomb from the sizes its directory declares, before inflating anything', () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(checkWorkbookBounds(bomb)).toEqual({
      ok: false,
      kind: 'too-large',
      reason: 'it inflates to more than 64 MB',
    });
  });

  it('refuses a zip whose directory understates what an entry inflates to', () => {
    const liar = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024), 1_000);
    expect(checkWorkbookBounds(liar)).toEqual({
      ok: false,
      kind: 'too-large',
      reason: 'it inflates to more than 64 MB',
    });
  });

  it('accepts a small zip, and tells a file that is no zip apart', () => {
    expect(checkWorkbookBounds(zipOf('a.xml', Buffer.from('<a/>')))).toEqual({ ok: true });
    expect(checkWorkbookBounds(Buffer.from('id,request\n'))).toMatchObject({ ok: false, kind: 'not-zip' });
  });
});

describe('trustbook requests import of a hostile workbook', () => {
  it('refuses a zip bomb named .xlsx early, with exit 2 and no stack', async () => {
    writeFileSync(join(root, 'list.xlsx'), zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024)));
    const result = await runCli(root, ['requests', 'import', 'list.xlsx'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('list.xlsx was not read: it inflates to more than 64 MB');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a sheet of a few kilobytes with one cell at XFD1048576 by that cell, never walking its million rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('PBC');
    sheet.addRow(['id', 'request']);
    sheet.addRow(['T-1', 'Provide the org chart']);
    sheet.getCell('XFD1048576').value = 'far away';
    await workbook.xlsx.writeFile(join(root, 'list.xlsx'));
    expect(readFileSync(join(root, 'list.xlsx')).length).toBeLessThan(10 * 1024);
    const result = await runCli(root, ['requests', 'import', 'list.xlsx'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'list.xlsx was not read: it has a row 1048576, beyond the 10000 a request list may have',
    );
  });

  it('reads a sheet whose far cell is to the right, refusing it by its column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('PBC');
    sheet.addRow(['id', 'request']);
    sheet.getCell('XFD2').value = 'far right';
    await workbook.xlsx.writeFile(join(root, 'list.xlsx'));
    const result = await runCli(root, ['requests', 'import', 'list.xlsx'], env);
    expect(result.stderr).toContain('its row 2 has a cell in column 16384, beyond the 200');
  });

  it('quotes a header a megabyte long only in part', async () => {
    writeFileSync(join(root, 'list.csv'), `${'H'.repeat(1024 * 1024)},Text\n1,Provide\n`);
    const result = await runCli(root, ['requests', 'import', 'list.csv'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Its headers are: ${'H'.repeat(59)}…, Text.`);
    expect(result.stderr.length).toBeLessThan(2_000);
  });
});
