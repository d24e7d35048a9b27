import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../../src/engine/index.ts';
import { policyTextHash } from '../../src/engine/policy-text.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-acknowledgements-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const OUT = 'content/acknowledgements/2026-07-15-hr-export-july.yaml';
const MAP = 'person= employee ID ,policy=Document,version=doc version,date=SIGNED (yyyy-mm-dd)';

/** A form export: a BOM, headers in odd case and with spaces, a comma inside quotes, CRLF line ends. */
function writeExport(rows: string[]): string {
  const header = '\uFEFF" Employee ID ",DOCUMENT,Doc Version,Signed (YYYY-MM-DD),"Comment, free text"';
  writeFileSync(join(root, 'HR Export (July).csv'), [header, ...rows].join('\r\n') + '\r\n');
  return 'HR Export (July).csv';
}

const importCsv = (file: string, ...extra: string[]) =>
  runCli(root, ['acknowledgements', 'import', file, '--map', MAP, '--as-of', '2026-07-15', ...extra]);

describe('trustbook acknowledgements import', () => {
  it('imports a CSV with odd headers, a BOM and quoted commas, filling in the current text’s hash', async () => {
    const file = writeExport([
      'ada,information-security,1.0,2026-03-10,"Read it, all of it"',
      'ada,incident-response,1.0,2026-03-11,',
    ]);
    const { code, stdout } = await importCsv(file);
    expect(code).toBe(0);
    expect(stdout).toContain(`Imported 2 acknowledgements into ${OUT}.`);
    const written = parse(readFileSync(join(root, OUT), 'utf8'));
    const body = checkProject(root).model.policies.find((policy) => policy.id === 'information-security')!.body;
    expect(written.acknowledgements[0]).toEqual({
      person: 'ada',
      policy: 'information-security',
      version: '1.0',
      sha256: policyTextHash(body),
      date: '2026-03-10',
    });
    const findings = checkProject(root).diagnostics.filter((d) => ['TB521', 'TB522', 'TB523'].includes(d.code));
    expect(findings).toEqual([]);
  });

  it('refuses rows with an unknown person or policy, a bad date, or an old version without its hash, by line', async () => {
    const file = writeExport([
      'ada,information-security,1.0,2026-03-10,',
      'adda,information-security,1.0,2026-03-10,',
      'ada,no-such-policy,1.0,2026-03-10,',
      'ada,incident-response,1.0,03/10/2026,',
      'ada,data-retention,0.9,2025-03-10,',
    ]);
    const { code, stdout } = await importCsv(file);
    expect(code).toBe(1);
    expect(stdout).toContain('Imported 1 acknowledgement into');
    expect(stdout).toContain('line 3: unknown person "adda"');
    expect(stdout).toContain('line 4: unknown policy "no-such-policy"');
    expect(stdout).toContain('line 5: bad date "03/10/2026" (write dates as YYYY-MM-DD)');
    expect(stdout).toContain('line 6: no sha256, and version 0.9 is not the current version of data-retention');
  });

  it('never overwrites an earlier import', async () => {
    const file = writeExport(['ada,information-security,1.0,2026-03-10,']);
    expect((await importCsv(file)).code).toBe(0);
    const before = readFileSync(join(root, OUT), 'utf8');
    const again = await importCsv(file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${OUT} exists already`);
    expect(readFileSync(join(root, OUT), 'utf8')).toBe(before);
  });

  it('is a usage error without --map, or with a column the CSV does not have', async () => {
    const file = writeExport(['ada,information-security,1.0,2026-03-10,']);
    const noMap = await runCli(root, ['acknowledgements', 'import', file]);
    expect(noMap.code).toBe(2);
    expect(noMap.stderr).toContain('--map is required');
    const badColumn = await runCli(root, [
      'acknowledgements',
      'import',
      file,
      '--map',
      'person=Email,policy=Document,version=Doc Version,date=Signed (YYYY-MM-DD)',
    ]);
    expect(badColumn.code).toBe(2);
    expect(badColumn.stderr).toContain('the CSV has no column "Email" (for person)');
    expect(existsSync(join(root, OUT))).toBe(false);
  });
});
