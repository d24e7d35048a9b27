import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMappingCsv } from '../../src/cli/commands/map-import.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('readMappingCsv', () => {
  it('reads columns by header without case, splits cells holding several ids, and defaults to intersects-with', () => {
    const text = 'SOC 2,ISO ref,Rationale\r\nCC6.1,"A.5.15\nA.8.5",their reason\r\n';
    const { pairs, findings } = readMappingCsv(text, 'map.csv', 'iso27001', { source: 'soc 2', target: 'iso ref' });
    expect(pairs).toEqual([
      { source: 'CC6.1', target: 'A.5.15', relationship: 'intersects-with', rationale: 'their reason' },
      { source: 'CC6.1', target: 'A.8.5', relationship: 'intersects-with', rationale: 'their reason' },
    ]);
    expect(findings).toEqual([]);
  });

  it('passes over unknown ids and relationships with a finding on the row, as a workbook does', () => {
    const text =
      'source,target,relationship\nCC9.9,GV.OC-01,\nCC1.1,PR.AC-01,\nCC1.1,GV.RR-01,equal-to\nCC1.1,GV.RR-01,\nCC6.1,GV.RR-0,\n';
    const { pairs, findings } = readMappingCsv(text, 'map.csv', 'csf');
    expect(pairs.map((pair) => `${pair.source} ${pair.target}`)).toEqual(['CC1.1 GV.RR-01']);
    expect(findings.map((f) => [f.code, f.file, f.line, f.severity])).toEqual([
      ['TB367', 'map.csv', 2, 'warning'],
      ['TB367', 'map.csv', 3, 'warning'],
      ['TB362', 'map.csv', 4, 'warning'],
      ['TB367', 'map.csv', 6, 'warning'],
    ]);
    expect(findings[0]!.message).toBe(
      'row 2, column "source": "CC9.9" is not a SOC 2 criterion in Trustbook\'s catalogs (did you mean "CC9.1"?), so no pair is made from it',
    );
    expect(findings[1]!.message).toMatch(/^row 3, column "target": "PR.AC-01" is not a requirement of /);
    expect(findings[2]!.message).toBe(
      'row 4, column "relationship": the relationship "equal-to" is not one of equivalent-to, subset-of, superset-of, intersects-with, so the row is passed over',
    );
    // A near miss gets a did-you-mean, as a workbook's cell does.
    expect(findings[3]!.message).toContain('did you mean "GV.RR-01"');
  });

  it('refuses a file without a column for the criteria, saying how to name it', () => {
    expect(() => readMappingCsv('criterion,target\nCC1.1,A.5.4\n', 'map.csv', 'iso27001')).toThrow(
      /no "source" column/,
    );
  });
});

describe('trustbook import mapping, then map suggest', () => {
  it('keeps the mapping under mappings/NAME with its attribution and suggests from it, labelled', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-mapping-'));
    writeProgram(root, validProgram());
    writeFileSync(join(root, 'downloaded.csv'), 'source,target,rationale\nCC1.1,GV.RR-03,theirs\n');
    const checkedBefore = await runCli(root, ['check', '--format', 'json']);
    const imported = await runCli(root, [
      'import',
      'mapping',
      'downloaded.csv',
      '--to',
      'csf',
      '--name',
      'their-map',
      '--attribution',
      'Example Mapping Co., CC-BY-4.0',
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('wrote mappings/their-map/: 1 pairs to csf, 0 passed over');
    expect(readFileSync(join(root, 'mappings/their-map/ATTRIBUTION.md'), 'utf8')).toContain(
      'Attribution: Example Mapping Co., CC-BY-4.0',
    );

    // The folder is no document of the program: the check reads the same findings as before.
    const checkedAfter = await runCli(root, ['check', '--format', 'json']);
    expect(checkedAfter.code).toBe(checkedBefore.code);
    expect(JSON.parse(checkedAfter.stdout).diagnostics).toEqual(JSON.parse(checkedBefore.stdout).diagnostics);

    const suggested = await runCli(root, ['map', 'suggest', '--to', 'csf', '--format', 'json']);
    const output = JSON.parse(suggested.stdout) as {
      sources: string[];
      controls: { suggestions: { target: string; paths: { source: string; rationale: string }[] }[] }[];
    };
    expect(output.sources).toEqual(['trustbook', 'their-map']);
    const gvrr03 = output.controls[0]!.suggestions.find((s) => s.target === 'GV.RR-03')!;
    expect(gvrr03.paths).toEqual([expect.objectContaining({ source: 'their-map', rationale: 'theirs' })]);
    const text = await runCli(root, ['map', 'suggest', '--to', 'csf']);
    expect(text.stdout).toContain("through Trustbook's crosswalk and the imported their-map");
    expect(text.stdout).toContain('intersects-with from CC1.1: theirs [their-map]');
    // Suggestions for iso27001 do not read a mapping to csf.
    const iso = await runCli(root, ['map', 'suggest', '--to', 'iso27001']);
    expect(iso.stdout).not.toContain('their-map');
  });

  it('refuses to import without a source and a licence (or an attribution), writing nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-mapping-'));
    writeProgram(root, validProgram());
    writeFileSync(join(root, 'downloaded.csv'), 'source,target\nCC1.1,GV.OC-03\n');
    const { code, stderr } = await runCli(root, ['import', 'mapping', 'downloaded.csv', '--to', 'csf']);
    expect(code).toBe(2);
    expect(stderr).toContain('needs --source and --licence');
    expect(existsSync(join(root, 'mappings'))).toBe(false);
  });

  it('refuses a file with no usable pair, listing what was passed over, and writes nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-mapping-'));
    writeProgram(root, validProgram());
    writeFileSync(join(root, 'downloaded.csv'), 'source,target\nCC1.1,A.5.4\n');
    const { code, stderr } = await runCli(root, [
      'import',
      'mapping',
      'downloaded.csv',
      '--to',
      'csf',
      '--attribution',
      'x',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('warning TB367 downloaded.csv:2  row 2, column "target": "A.5.4" is not a requirement of');
    expect(stderr).toContain(
      "error TB369 downloaded.csv  no row of downloaded.csv pairs a SOC 2 criterion with a csf requirement of Trustbook's catalogs",
    );
    expect(stderr).toContain('Nothing was written.');
    expect(existsSync(join(root, 'mappings'))).toBe(false);
  });

  it('keeps the pairs it can and lists every row it passed over in passed-over.csv', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-mapping-'));
    writeProgram(root, validProgram());
    writeFileSync(join(root, 'downloaded.csv'), 'source,target,relationship\nCC1.1,GV.RR-03,\nCC1.1,GV.RR-03,same\n');
    const { code, stdout } = await runCli(root, [
      'import',
      'mapping',
      'downloaded.csv',
      '--to',
      'csf',
      '--attribution',
      'x',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('wrote mappings/downloaded/: 1 pairs to csf, 1 passed over');
    expect(stdout).toContain('warning TB362 downloaded.csv:3');
    expect(readFileSync(join(root, 'mappings/downloaded/passed-over.csv'), 'utf8')).toContain('TB362,3,');
    expect(readFileSync(join(root, 'mappings/downloaded/ATTRIBUTION.md'), 'utf8')).toContain(
      'Pairs kept: 1; passed over: 1',
    );
  });
});
