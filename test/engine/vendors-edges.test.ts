/**
 * The vendor rule called directly: each kind of assurance and the date it needs (TB510: a report's `period_end`,
 * a certificate's `expires`, nothing of `other` or `none`), assurance for a high or critical subprocessor (TB511,
 * a warning and an error, on `assurance` or `criticality`), and a carve-out's own report and CSOCs (TB512), each
 * finding with its line and words.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { vendorRule } from '../../src/engine/rules/vendors.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const VENDOR = 'content/vendors/cloudco.yaml';

/** A vendor with the lines given after its first five (id, name, purpose, added, reviewed). */
const vendor = (...lines: string[]) =>
  `id: cloudco\nname: CloudCo\npurpose: Hosting\nadded: 2025-11-01\nreviewed: 2025-11-01\n${lines.map((line) => `${line}\n`).join('')}`;

const run = (...lines: string[]) => vendorRule(smallModel({ [VENDOR]: vendor(...lines) }), ruleContext('2026-07-15'));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const CSOCS = 'csocs:\n  - { control: Backs up the database nightly., criteria: [A1.2] }';

describe('the date each kind of assurance needs (TB510)', () => {
  it.each(['soc2-type2', 'soc2-type1'])('a %s report needs `period_end`, on the `type` line', (type) => {
    const found = run('criticality: low', 'assurance:', `  type: ${type}`, '  expires: 2027-01-01');
    expect(described(found)).toEqual([
      `error TB510 ${VENDOR}:8 vendor/cloudco: the ${type} report of CloudCo has no \`period_end\`, so it can never be found out of date`,
    ]);
    expect(found[0]!.hint).toMatch(/^Add `period_end:`/);
    expect(run('criticality: low', `assurance: { type: ${type}, period_end: 2026-03-31 }`)).toEqual([]);
  });

  it.each(['iso27001', 'pci-dss'])('a %s certificate needs `expires`, on the `type` line', (type) => {
    const found = run('criticality: low', 'assurance:', `  type: ${type}`, '  period_end: 2026-03-31');
    expect(described(found)).toEqual([
      `error TB510 ${VENDOR}:8 vendor/cloudco: the ${type} certificate of CloudCo has no \`expires\`, so it can never be found out of date`,
    ]);
    expect(found[0]!.hint).toBe('Add `expires:` from the certificate.');
    expect(run('criticality: low', `assurance: { type: ${type}, expires: 2027-01-01 }`)).toEqual([]);
  });

  it.each(['other', 'none'])('asks no date of `%s`', (type) => {
    expect(run('criticality: low', `assurance: { type: ${type} }`)).toEqual([]);
  });
});

describe('assurance for the most critical subprocessors (TB511)', () => {
  it('is an error for a critical subprocessor without any, on the `criticality` line', () => {
    expect(described(run('criticality: critical', 'subprocessor: true'))).toEqual([
      `error TB511 ${VENDOR}:6 vendor/cloudco: CloudCo is a critical subprocessor with no assurance report or certificate on record`,
    ]);
  });

  it('is a warning for a high one whose assurance is `none`, on the `assurance` line', () => {
    expect(described(run('criticality: high', 'subprocessor: true', 'assurance: { type: none }'))).toEqual([
      `warning TB511 ${VENDOR}:8 vendor/cloudco: CloudCo is a high subprocessor with no assurance report or certificate on record`,
    ]);
  });

  it('asks nothing of a medium or low subprocessor, of a vendor that is no subprocessor, or of assurance of any kind', () => {
    expect(run('criticality: medium', 'subprocessor: true')).toEqual([]);
    expect(run('criticality: low', 'subprocessor: true')).toEqual([]);
    expect(run('criticality: critical')).toEqual([]);
    expect(run('criticality: critical', 'subprocessor: true', 'assurance: { type: other }')).toEqual([]);
  });
});

describe('a carve-out subservice organization (TB512)', () => {
  it('needs a SOC 2 report of its own and its CSOCs, each reported on the `carve_out` line', () => {
    const found = run('criticality: low', 'carve_out: true');
    expect(described(found)).toEqual([
      `error TB512 ${VENDOR}:7 vendor/cloudco: CloudCo is carved out, but no SOC 2 report of its own is on record`,
      `error TB512 ${VENDOR}:7 vendor/cloudco: CloudCo is carved out, but no complementary subservice organization controls (\`csocs\`) are listed`,
    ]);
  });

  it('does not count a certificate as its report', () => {
    const found = run(
      'criticality: low',
      'carve_out: true',
      'assurance: { type: iso27001, expires: 2027-01-01 }',
      CSOCS,
    );
    expect(found.map((d) => d.message)).toEqual(['CloudCo is carved out, but no SOC 2 report of its own is on record']);
  });

  it('is complete with either SOC 2 report and its CSOCs, and asks nothing of a vendor not carved out', () => {
    for (const type of ['soc2-type2', 'soc2-type1']) {
      expect(
        run('criticality: low', 'carve_out: true', `assurance: { type: ${type}, period_end: 2026-03-31 }`, CSOCS),
      ).toEqual([]);
    }
    expect(run('criticality: low', 'carve_out: false')).toEqual([]);
  });
});
