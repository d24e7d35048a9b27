/** `trustbook import mapping` on workbooks built with exceljs, as users download them, end to end. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function program(): string {
  root = mkdtempSync(join(tmpdir(), 'trustbook-mapping-xlsx-'));
  writeProgram(root, validProgram());
  return root;
}

/** An SCF-style workbook: a cover sheet, then the controls with a column per framework; a formula in row 4. */
async function scfWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Introduction').addRow(['Secure Controls Framework, for the tests']);
  const sheet = workbook.addWorksheet('SCF 2025.4');
  sheet.addRow([
    'SCF Domain',
    'SCF #',
    'AICPA\nTSC 2017:2022 (used for SOC 2)',
    'ISO\n27002\nv2022',
    'NIST\nCSF\nv2.0',
  ]);
  sheet.addRow(['Identity', 'IAC-01', 'CC6.1\nCC6.1-POF2', '5.15\n5.16', 'PR.AA-01']);
  sheet.addRow(['Governance', 'GOV-01', 'CC1.1\nCC9.9', '5.1', 'GV.OC-01']);
  sheet.addRow(['Cryptography', 'CRY-01', { formula: 'C2', result: 'CC6.1' }, '8.24', '']);
  await workbook.xlsx.writeFile(path);
}

const attribution = ['--source', 'Secure Controls Framework Council', '--licence', 'CC BY-ND 4.0'];

describe('trustbook import mapping FILE.xlsx', () => {
  it('imports an SCF workbook with its attribution and edition, says which columns it used, and suggests from it', async () => {
    const dir = program();
    await scfWorkbook(join(dir, 'scf.xlsx'));
    const imported = await runCli(dir, ['import', 'mapping', 'scf.xlsx', '--to', 'iso27001', ...attribution]);
    expect(imported.code).toBe(0);
    const lines = imported.stdout.split('\n');
    expect(lines[0]).toBe('wrote mappings/scf/: 3 pairs to iso27001, 2 passed over');
    expect(lines[1]).toBe(
      'read sheet "SCF 2025.4" as a Secure Controls Framework workbook (headers in row 1); columns used: ' +
        'B "SCF #" (scf control), C "AICPA TSC 2017:2022 (used for SOC 2)" (soc2), D "ISO 27002 v2022" (target)',
    );
    expect(imported.stdout).toContain(
      `warning TB367 scf.xlsx:3  'SCF 2025.4'!C3: "CC9.9" is not a SOC 2 criterion in Trustbook's catalogs`,
    );
    expect(imported.stdout).toContain("warning TB368 scf.xlsx:4  'SCF 2025.4'!C4 holds a formula (=C2)");

    expect(readFileSync(join(dir, 'mappings/scf/pairs.csv'), 'utf8').trim().split(/\r?\n/)).toEqual([
      'source,target_framework,target,relationship,rationale',
      'CC6.1,iso27001,A.5.15,intersects-with,both mapped to SCF IAC-01',
      'CC6.1,iso27001,A.5.16,intersects-with,both mapped to SCF IAC-01',
      'CC1.1,iso27001,A.5.1,intersects-with,both mapped to SCF GOV-01',
    ]);
    const kept = readFileSync(join(dir, 'mappings/scf/ATTRIBUTION.md'), 'utf8');
    expect(kept).toContain('- Source: Secure Controls Framework Council');
    expect(kept).toContain('- Version: 2025.4');
    expect(kept).toContain('- Licence, as stated on import: CC BY-ND 4.0');
    expect(readFileSync(join(dir, 'mappings/scf/passed-over.csv'), 'utf8')).toContain('TB368,4,');

    const suggested = await runCli(dir, ['map', 'suggest', '--to', 'iso27001']);
    expect(suggested.stdout).toContain('intersects-with from CC6.1: both mapped to SCF IAC-01 [scf]');
  });

  it('reads an AICPA sheet whose header sits below a title, with the version given by flag', async () => {
    const dir = program();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('TSC-CSF');
    sheet.addRow(['2017 Trust Services Criteria mapped to NIST CSF 2.0']);
    sheet.addRow([]);
    sheet.addRow(['TSC Ref #', 'NIST CSF 2.0 Ref']);
    sheet.addRow(['CC1.1', 'GV.RR-01']);
    sheet.addRow(['', 'GV.RR-02']);
    sheet.addRow(['CC10.1', 'GV.OC-01']);
    await workbook.xlsx.writeFile(join(dir, 'aicpa.xlsx'));
    const imported = await runCli(dir, [
      'import',
      'mapping',
      'aicpa.xlsx',
      '--to',
      'csf',
      '--name',
      'aicpa-csf',
      '--source',
      'AICPA',
      '--source-version',
      '2023',
      '--licence',
      'for our own use only',
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('wrote mappings/aicpa-csf/: 2 pairs to csf, 1 passed over');
    expect(imported.stdout).toContain('read sheet "TSC-CSF" as an AICPA mapping (headers in row 3)');
    expect(imported.stdout).toContain(`'TSC-CSF'!A6: "CC10.1" is not a SOC 2 criterion`);
    expect(readFileSync(join(dir, 'mappings/aicpa-csf/ATTRIBUTION.md'), 'utf8')).toContain('- Version: 2023');
  });

  it('writes nothing and exits 1 on a workbook without a header row it knows (TB365)', async () => {
    const dir = program();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['a list of things']);
    await workbook.xlsx.writeFile(join(dir, 'notes.xlsx'));
    const { code, stderr } = await runCli(dir, ['import', 'mapping', 'notes.xlsx', '--to', 'csf', ...attribution]);
    expect(code).toBe(1);
    expect(stderr).toContain('error TB365 notes.xlsx  no sheet of notes.xlsx has a header row');
    expect(stderr).toContain('Nothing was written.');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'mappings'))).toBe(false);
  });

  it('writes nothing and exits 1 when every row is passed over (TB369), listing why', async () => {
    const dir = program();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Map');
    sheet.addRow(['TSC', 'ISO 27001 ref']);
    sheet.addRow(['CC1.1', 'A.9.2.1']);
    await workbook.xlsx.writeFile(join(dir, 'old.xlsx'));
    const { code, stderr } = await runCli(dir, ['import', 'mapping', 'old.xlsx', '--to', 'iso27001', ...attribution]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `warning TB367 old.xlsx:2  'Map'!B2: "A.9.2.1" is not a requirement of ISO/IEC 27001:2022`,
    );
    expect(stderr).toContain('error TB369 old.xlsx  no row of sheet "Map" of old.xlsx pairs a SOC 2 criterion');
    expect(existsSync(join(dir, 'mappings'))).toBe(false);
  });

  it('refuses a file that is no workbook, and a sheet with a cell beyond the limits, without a stack trace', async () => {
    const dir = program();
    writeFileSync(join(dir, 'fake.xlsx'), 'source,target\nCC1.1,GV.OC-01\n');
    const fake = await runCli(dir, ['import', 'mapping', 'fake.xlsx', '--to', 'csf', ...attribution]);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('fake.xlsx was not read: it is not a zip file');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SCF 2025.4');
    sheet.addRow(['SCF #', 'AICPA TSC 2017:2022 (used for SOC 2)', 'NIST CSF v2.0']);
    sheet.getCell('A20001').value = 'far away';
    await workbook.xlsx.writeFile(join(dir, 'far.xlsx'));
    const far = await runCli(dir, ['import', 'mapping', 'far.xlsx', '--to', 'csf', ...attribution]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain(
      'far.xlsx was not read: its sheet "SCF 2025.4" has row 20001, beyond the 20000 rows a mapping may have',
    );
    expect(existsSync(join(dir, 'mappings'))).toBe(false);
  });

  it('reads the sheet and columns --sheet and --map name, and names the sheets when --sheet names none', async () => {
    const dir = program();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ours').addRows([
      ['Criterion', 'Subcategory'],
      ['CC7.2', 'DE.CM-01'],
    ]);
    await workbook.xlsx.writeFile(join(dir, 'own.xlsx'));
    const args = ['import', 'mapping', 'own.xlsx', '--to', 'csf', ...attribution];
    const missing = await runCli(dir, [...args, '--sheet', 'Theirs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('own.xlsx has no sheet "Theirs"');
    expect(missing.stderr).toContain('Its sheets: "Ours".');
    const read = await runCli(dir, [...args, '--sheet', 'Ours', '--map', 'source=criterion,target=SUBCATEGORY']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('wrote mappings/own/: 1 pairs to csf, 0 passed over');
    expect(read.stdout).toContain('columns used: A "Criterion" (soc2), B "Subcategory" (target)');
  });

  it('asks for the source and the licence in a terminal, and refuses without them elsewhere', async () => {
    const dir = program();
    await scfWorkbook(join(dir, 'scf.xlsx'));
    const refused = await runCli(dir, ['import', 'mapping', 'scf.xlsx', '--to', 'csf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('import mapping needs --source and --licence');

    const answers = ['', 'Secure Controls Framework Council', 'CC BY-ND 4.0'];
    const asked: string[] = [];
    const out: string[] = [];
    const code = await main(['import', 'mapping', 'scf.xlsx', '--to', 'csf'], {
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
      env: {},
      cwd: dir,
      isTTY: true,
      interactive: true,
      ask: async (question) => {
        asked.push(question);
        return answers.shift();
      },
    });
    expect(code).toBe(0);
    expect(asked).toEqual([
      'Who published this mapping? ',
      'Who published this mapping? ',
      'Under what licence or terms (as the publisher states them)? ',
    ]);
    expect(readFileSync(join(dir, 'mappings/scf/ATTRIBUTION.md'), 'utf8')).toContain(
      '- Licence, as stated on import: CC BY-ND 4.0',
    );
  });
});
