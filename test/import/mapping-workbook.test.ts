/** Reading the mapping workbooks users download: the SCF workbook and AICPA's mapping spreadsheets. */
import { describe, expect, it } from 'vitest';
import {
  cellName,
  columnLetter,
  readMappingWorkbook,
  soc2IdOf,
  targetIdOf,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../src/import/mapping-workbook.ts';

/** A sheet from rows of strings; `=…` is a formula and `#…` an error, as a spreadsheet shows them. */
function sheet(name: string, rows: (readonly string[] | undefined)[]): WorkbookSheet {
  const cell = (text: string): WorkbookCell | undefined =>
    text === ''
      ? undefined
      : text.startsWith('=')
        ? { formula: text.slice(1) }
        : text.startsWith('#')
          ? { error: text }
          : { text };
  return { name, rows: rows.map((row) => row?.map(cell)) };
}

const scfHeaders = [
  'SCF Domain',
  'SCF #',
  'AICPA\nTSC 2017:2022 (used for SOC 2)',
  'ISO\n27001\nv2013',
  'ISO\n27001\nv2022',
  'ISO\n27002\nv2022',
  'NIST\nCSF\nv2.0',
];

const scf = sheet('SCF 2025.4', [
  scfHeaders,
  ['Governance', 'GOV-01', 'CC1.2\nCC1.2-POF3\nCC5.3', 'A.5.1.1', '5.1(a)\n5.3', '5.1', 'GV.OC-01'],
  ['Identity', 'IAC-01', 'CC6.1\nCC9.9', '', '', '5.15\n5.99', 'PR.AA-01'],
  ['Cryptography', 'CRY-01', '=VLOOKUP(B4,Other!A:B,2)', '', '', '8.24', ''],
  ['Human resources', 'HRS-01', '#N/A', '', '', '6.1', ''],
  undefined,
  ['', '', 'CC2.1', '', '', '5.2', ''],
]);

describe('a Secure Controls Framework workbook', () => {
  it('pairs every criterion of a row with every ISO id of its 27001 and 27002 columns, through the SCF control', () => {
    const read = readMappingWorkbook('scf.xlsx', [sheet('Introduction', [['About the SCF']]), scf], 'iso27001');
    expect(read).toMatchObject({ shape: 'scf', sheet: 'SCF 2025.4', headerRow: 1, edition: '2025.4' });
    expect(read.columns).toEqual([
      { role: 'scf control', header: 'SCF #', column: 'B' },
      { role: 'soc2', header: 'AICPA\nTSC 2017:2022 (used for SOC 2)', column: 'C' },
      { role: 'target', header: 'ISO\n27001\nv2022', column: 'E' },
      { role: 'target', header: 'ISO\n27002\nv2022', column: 'F' },
    ]);
    expect(read.pairs.map((pair) => `${pair.source} ${pair.target}`)).toEqual([
      'CC1.2 5.1',
      'CC1.2 5.3',
      'CC1.2 A.5.1',
      'CC5.3 5.1',
      'CC5.3 5.3',
      'CC5.3 A.5.1',
      'CC6.1 A.5.15',
    ]);
    expect(read.pairs[0]).toEqual({
      source: 'CC1.2',
      target: '5.1',
      relationship: 'intersects-with',
      rationale: 'both mapped to SCF GOV-01',
    });
  });

  it('reports an unknown criterion, an unknown requirement, a formula and an error with their cells, and pairs the rest', () => {
    const read = readMappingWorkbook('scf.xlsx', [scf], 'iso27001');
    expect(read.findings.map((f) => [f.code, f.severity, f.file, f.line])).toEqual([
      ['TB367', 'warning', 'scf.xlsx', 3],
      ['TB367', 'warning', 'scf.xlsx', 3],
      ['TB368', 'warning', 'scf.xlsx', 4],
      ['TB368', 'warning', 'scf.xlsx', 5],
    ]);
    expect(read.findings[0]!.message).toBe(
      `'SCF 2025.4'!C3: "CC9.9" is not a SOC 2 criterion in Trustbook's catalogs (did you mean "CC9.1"?), so no pair is made from it`,
    );
    expect(read.findings[1]!.message).toMatch(
      /^'SCF 2025.4'!F3: "5.99" is not a requirement of ISO\/IEC 27001:2022 in/,
    );
    expect(read.findings[2]!.message).toBe(
      "'SCF 2025.4'!C4 holds a formula (=VLOOKUP(B4,Other!A:B,2)); only typed values are read, so the cell is passed over",
    );
    expect(read.findings[3]!.message).toBe("'SCF 2025.4'!C5 holds the error #N/A; the cell is passed over");
  });

  it('passes over a sheet keyed by SCF # without the framework columns, such as its assessment objectives', () => {
    const objectives = sheet('Assessment Objectives 2025.4', [
      ['SCF #', 'SCF AO #', 'Objective'],
      ['GOV-01', 'GOV-01_A01', 'text'],
    ]);
    const read = readMappingWorkbook('scf.xlsx', [objectives, scf], 'iso27001');
    expect(read.sheet).toBe('SCF 2025.4');
    expect(read.findings.map((f) => f.code)).not.toContain('TB366');
    expect(readMappingWorkbook('scf.xlsx', [objectives], 'iso27001').findings.map((f) => f.code)).toEqual(['TB366']);
  });

  it('reads the CSF 2.0 column for --to csf, and no ISO column', () => {
    const read = readMappingWorkbook('scf.xlsx', [scf], 'csf');
    expect(read.columns.filter((column) => column.role === 'target').map((column) => column.column)).toEqual(['G']);
    expect(read.pairs.map((pair) => `${pair.source} ${pair.target}`)).toEqual([
      'CC1.2 GV.OC-01',
      'CC5.3 GV.OC-01',
      'CC6.1 PR.AA-01',
    ]);
  });

  it('finds the header row below a title, whatever the case and spacing of its headers', () => {
    const shifted = sheet('Controls', [
      ['Secure Controls Framework (SCF)'],
      [],
      ['scf  #', 'aicpa tsc 2017:2022 (SOC 2)', 'iso 27002 V2022'],
      ['IAC-01', 'CC6.1', '5.15'],
    ]);
    const read = readMappingWorkbook('scf.xlsx', [shifted], 'iso27001');
    expect(read.headerRow).toBe(3);
    expect(read.edition).toBeUndefined();
    expect(read.pairs.map((pair) => `${pair.source} ${pair.target}`)).toEqual(['CC6.1 A.5.15']);
  });

  it('is a TB366 naming the headers when the workbook has no column of the target framework', () => {
    const older = sheet('SCF 2022.1', [
      ['SCF #', 'AICPA TSC 2017 (SOC 2)', 'ISO 27001 v2013', 'NIST CSF v1.1'],
      ['IAC-01', 'CC6.1', 'A.9.1.1', 'PR.AC-1'],
    ]);
    const read = readMappingWorkbook('scf.xlsx', [older], 'csf');
    expect(read.pairs).toEqual([]);
    expect(read.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['TB366', 'error', 1]]);
    expect(read.findings[0]!.message).toBe(
      'sheet "SCF 2022.1" has its header row at row 1, but no column of NIST CSF 2.0 ids; its headers: "SCF #", "AICPA TSC 2017 (SOC 2)", "ISO 27001 v2013", "NIST CSF v1.1"',
    );
  });
});

const aicpa = sheet('TSC to ISO 27001', [
  ['Mapping of the 2017 Trust Services Criteria to ISO/IEC 27001:2022'],
  ['Copyright notice of the publisher'],
  [],
  ['TSC Ref. #', 'Trust Services Criteria', 'ISO 27001:2022 Ref #', 'ISO control'],
  ['CC6.1', 'Logical access', 'A.5.15', 'Access control'],
  ['', '', 'A.8.5', 'Secure authentication'],
  ['CC10.1', 'no such criterion', 'A.5.1', ''],
  [],
  ['', '', 'A.5.2', 'a pair with no criterion above it'],
  ['CC7.2', 'Monitoring', '8.16', ''],
  ['CC7.3', '', 'A.5.99', ''],
]);

describe('an AICPA mapping spreadsheet', () => {
  it('reads one pair per row below the header, a blank criterion taking the one above until a blank row', () => {
    const read = readMappingWorkbook('aicpa.xlsx', [aicpa], 'iso27001');
    expect(read).toMatchObject({ shape: 'aicpa', sheet: 'TSC to ISO 27001', headerRow: 4 });
    expect(read.columns).toEqual([
      { role: 'soc2', header: 'TSC Ref. #', column: 'A' },
      { role: 'target', header: 'ISO 27001:2022 Ref #', column: 'C' },
    ]);
    expect(read.pairs).toEqual([
      {
        source: 'CC6.1',
        target: 'A.5.15',
        relationship: 'intersects-with',
        rationale: 'AICPA mapping, sheet "TSC to ISO 27001" row 5',
      },
      {
        source: 'CC6.1',
        target: 'A.8.5',
        relationship: 'intersects-with',
        rationale: 'AICPA mapping, sheet "TSC to ISO 27001" row 6',
      },
    ]);
  });

  it('reports the row naming an unknown criterion and the unknown requirement, not dropping them silently', () => {
    const read = readMappingWorkbook('aicpa.xlsx', [aicpa], 'iso27001');
    expect(read.findings.map((f) => f.message)).toEqual([
      `'TSC to ISO 27001'!A7: "CC10.1" is not a SOC 2 criterion in Trustbook's catalogs (did you mean "CC1.1"?), so no pair is made from it`,
      "'TSC to ISO 27001'!A9: an id of ISO/IEC 27001:2022 on a row with no SOC 2 criterion, neither its own nor one above it in its group, so no pair is made from it",
      `'TSC to ISO 27001'!C10: "8.16" is not a requirement of ISO/IEC 27001:2022 in Trustbook's catalogs (did you mean "A.8.16"?), so no pair is made from it`,
      `'TSC to ISO 27001'!C11: "A.5.99" is not a requirement of ISO/IEC 27001:2022 in Trustbook's catalogs (did you mean "A.5.9"?), so no pair is made from it`,
    ]);
  });

  it('takes the relationship and rationale columns when the sheet has them', () => {
    const typed = sheet('Map', [
      ['TSC', 'NIST CSF 2.0 Subcategory', 'Relationship', 'Rationale'],
      ['CC6.1', 'PR.AA-01', 'Subset Of', 'their words'],
      ['CC6.1', 'PR.AA-02', '', ''],
    ]);
    const read = readMappingWorkbook('aicpa.xlsx', [typed], 'csf');
    expect(read.pairs).toEqual([
      { source: 'CC6.1', target: 'PR.AA-01', relationship: 'subset-of', rationale: 'their words' },
      {
        source: 'CC6.1',
        target: 'PR.AA-02',
        relationship: 'intersects-with',
        rationale: 'AICPA mapping, sheet "Map" row 3',
      },
    ]);
  });

  it('reads the columns --map names when the headers are the publisher’s own', () => {
    const own = sheet('Sheet1', [
      ['Criterion', 'Clause'],
      ['CC3.2', '6.1.2'],
    ]);
    expect(readMappingWorkbook('own.xlsx', [own], 'iso27001').findings.map((f) => f.code)).toEqual(['TB365']);
    const read = readMappingWorkbook('own.xlsx', [own], 'iso27001', {
      columns: { source: 'CRITERION', target: ' clause ' },
    });
    expect(read.pairs.map((pair) => `${pair.source} ${pair.target}`)).toEqual(['CC3.2 6.1.2']);
  });

  it('is a TB365 naming every sheet looked at when none has a header row', () => {
    const read = readMappingWorkbook('notes.xlsx', [sheet('Notes', [['hello']]), sheet('Data', [['1', '2']])], 'csf');
    expect(read.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'TB365',
        'error',
        'no sheet of notes.xlsx has a header row of a mapping Trustbook reads (sheets looked at, first 30 rows each: "Notes", "Data")',
      ],
    ]);
  });

  it('looks for the header in the first 30 rows only', () => {
    const deep = (blank: number) =>
      sheet('Deep', [...Array.from({ length: blank }, () => ['.']), ['TSC', 'CSF 2.0 ref'], ['CC6.1', 'PR.AA-01']]);
    expect(readMappingWorkbook('deep.xlsx', [deep(29)], 'csf').headerRow).toBe(30);
    expect(readMappingWorkbook('deep.xlsx', [deep(30)], 'csf').findings.map((f) => f.code)).toEqual(['TB365']);
  });
});

describe('ids as the workbooks write them', () => {
  it('reads a point of focus as its criterion', () => {
    expect(['CC1.1-POF12', 'cc6.1 - POF3', 'CC2.1'].map(soc2IdOf)).toEqual(['CC1.1', 'CC6.1', 'CC2.1']);
  });

  it('reads an ISO sub-item as its clause, and an ISO 27002 number as its Annex A control', () => {
    expect(targetIdOf('6.1.2(a)(1)', 'iso27001', false)).toBe('6.1.2');
    expect(targetIdOf('5.15', 'iso27001', true)).toBe('A.5.15');
    expect(targetIdOf('a.8.24', 'iso27001', false)).toBe('A.8.24');
    expect(targetIdOf(' gv.oc-01 ', 'csf', false)).toBe('GV.OC-01');
  });

  it('names cells as a spreadsheet does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(cellName("Bob's sheet", 12, 3)).toBe("'Bob''s sheet'!C12");
  });
});
