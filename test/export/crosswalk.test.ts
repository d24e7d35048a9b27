import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crosswalks, mappingRelationships } from '../../src/catalog/crosswalk/index.ts';
import { parseCsv } from '../../src/export/csv.ts';
import {
  CROSSWALK_CSV_HEADER,
  crosswalkCsv,
  crosswalkJson,
  crosswalkMappingCollection,
} from '../../src/export/crosswalk.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from '../cli/run.ts';

const pairCount = crosswalks.iso27001.pairs.length + crosswalks.csf.pairs.length;

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('the crosswalk as CSV', () => {
  it('has one row per pair of both targets under the documented header', () => {
    const [header, ...rows] = parseCsv(crosswalkCsv());
    expect(header).toEqual([...CROSSWALK_CSV_HEADER]);
    expect(rows).toHaveLength(pairCount);
    expect(rows.find((row) => row[1] === 'A1.1' && row[4] === 'iso27001')).toEqual([
      'soc2',
      'A1.1',
      'Capacity planning and monitoring',
      'equivalent-to',
      'iso27001',
      'A.8.6',
      'Capacity management',
      crosswalks.iso27001.pairs.find((pair) => pair.source === 'A1.1')!.rationale,
      'Trustbook maintainers',
      '2026-12-07',
    ]);
  });
});

describe('the crosswalk as a mapping collection', () => {
  const collection = crosswalkMappingCollection()['mapping-collection'];

  it('holds every pair once, typed with an OSCAL relationship, its rationale as remarks', () => {
    const maps = collection.mappings.flatMap((mapping) => mapping.maps);
    expect(maps).toHaveLength(pairCount);
    expect(maps.filter((map) => !mappingRelationships.includes(map.relationship))).toEqual([]);
    expect(maps.filter((map) => map.remarks.trim() === '')).toEqual([]);
    const uuids = [collection.uuid, ...collection.mappings.map((m) => m.uuid), ...maps.map((m) => m.uuid)];
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('says it is not validated against OSCAL and claims no OSCAL version', () => {
    expect(collection.metadata).not.toHaveProperty('oscal-version');
    expect(collection.metadata.remarks).toMatch(/not validated against an OSCAL schema/);
    expect(collection.metadata.props).toContainEqual(expect.objectContaining({ name: 'licence', value: 'CC0-1.0' }));
  });

  it('lists the criteria left unmapped, with the reason, on their target', () => {
    const csf = collection.mappings.find(
      (mapping) => mapping.uuid.length > 0 && mapping['target-resource'].href.includes('CSWP'),
    );
    expect(csf?.remarks).toMatch(/^Not mapped, on purpose: P1\.1 \(a privacy practice/);
  });

  it('is the same document each time', () => {
    expect(crosswalkJson()).toBe(crosswalkJson());
  });
});

describe('trustbook export crosswalk', () => {
  it('writes both files without needing a program', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-crosswalk-'));
    const { code, stdout } = await runCli(root, ['export', 'crosswalk', '--out', 'out']);
    expect(code).toBe(0);
    expect(stdout).toBe('wrote out/crosswalk.csv\nwrote out/crosswalk.json');
    expect(readFileSync(join(root, 'out/crosswalk.csv'), 'utf8')).toBe(crosswalkCsv());
    expect(JSON.parse(readFileSync(join(root, 'out/crosswalk.json'), 'utf8'))).toEqual(crosswalkMappingCollection());
  });

  it('is left out when no kind is named', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-crosswalk-'));
    writeProgram(root, validProgram());
    expect((await runCli(root, ['export', '--out', 'out'])).code).toBe(0);
    expect(readdirSync(join(root, 'out')).filter((file) => file.startsWith('crosswalk'))).toEqual([]);
  });

  it('writes nothing when another kind named with it has no program to read', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-crosswalk-'));
    const { code } = await runCli(root, ['export', 'crosswalk', 'csv', '--out', 'out']);
    expect(code).toBe(2);
    expect(() => readdirSync(join(root!, 'out'))).toThrow();
  });
});
