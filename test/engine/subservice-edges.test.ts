/**
 * The subservice rule at its edges: a vendor's removal on the day it was added and on the evaluation date, and
 * the day before and after (TB518); a carve-out on a Type I report (TB515); a vendor bridge letter up to three
 * months past the period and up to the evaluation date, and a day more (TB516); management's review of each SOC
 * report, of either type, for a vendor still in use (TB517); and the criteria of CSOCs and CUECs the report does
 * not cover (TB330).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { subserviceRule, VENDOR_BRIDGE_MONTHS } from '../../src/engine/rules/subservice.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const VENDOR = 'content/vendors/cloudco.yaml';
const AS_OF = '2026-07-15';

/** A vendor added on 2025-01-01 and reviewed on 2026-05-01, with `fields` after those lines (line 7 on). */
const vendorYaml = (fields: string, reviewed = '2026-05-01') =>
  `id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nadded: 2025-01-01\nreviewed: ${reviewed}\n${fields}`;

/** The subservice rule's findings for the vendor written as `fields`, on `asOf`. */
const run = (fields: string, asOf = AS_OF, reviewed?: string) =>
  subserviceRule(smallModel({ [VENDOR]: vendorYaml(fields, reviewed) }), ruleContext(asOf));

const brief = (found: Diagnostic[]) =>
  found.map((d) => ({ code: d.code, severity: d.severity, file: d.file, line: d.line, subject: d.subject?.id }));

/** A SOC report of `type` whose period ended on `periodEnd`, with a bridge letter up to `coversUntil`. */
const bridged = (coversUntil: string, periodEnd = '2026-03-31', type = 'soc2-type2') =>
  `assurance:\n  type: ${type}\n  period_end: ${periodEnd}\n  bridge_letter:\n    covers_until: ${coversUntil}\n    location: https://cloudco.example/bridge.pdf\n`;

describe('a vendor removed from use', () => {
  it('may be removed on the day it was added and on the evaluation date', () => {
    expect(run('removed: 2025-01-01\n')).toEqual([]);
    expect(run(`removed: ${AS_OF}\n`)).toEqual([]);
  });

  it('is refused a removal the day before it was added (TB518)', () => {
    const found = run('removed: 2024-12-31\n');
    expect(brief(found)).toEqual([{ code: 'TB518', severity: 'error', file: VENDOR, line: 7, subject: 'cloudco' }]);
    expect(found[0]!.message).toBe('CloudCo is recorded as removed on 2024-12-31, before it was added on 2025-01-01');
  });

  it('is refused a removal the day after the evaluation date (TB518)', () => {
    const found = run('removed: 2026-07-16\n');
    expect(brief(found)).toEqual([{ code: 'TB518', severity: 'error', file: VENDOR, line: 7, subject: 'cloudco' }]);
    expect(found[0]!.message).toBe('CloudCo is recorded as removed on 2026-07-16, a day still to come on 2026-07-15');
  });

  it('added and removed on the same day still to come, is refused for the day to come, not for its order', () => {
    const model = smallModel({
      [VENDOR]: vendorYaml('removed: 2026-08-01\n').replace('added: 2025-01-01', 'added: 2026-08-01'),
    });
    const found = subserviceRule(model, ruleContext(AS_OF));
    expect(found.map((d) => d.message)).toEqual([
      'CloudCo is recorded as removed on 2026-08-01, a day still to come on 2026-07-15',
    ]);
  });
});

describe('a carved-out subservice organization', () => {
  it('on a Type I report is reported on its `type` line (TB515)', () => {
    const found = run('carve_out: true\nassurance:\n  type: soc2-type1\n');
    expect(brief(found)).toEqual([{ code: 'TB515', severity: 'error', file: VENDOR, line: 9, subject: 'cloudco' }]);
    expect(found[0]!.message).toBe(
      'CloudCo is carved out on the strength of a SOC 2 Type I report, which says nothing about how its controls operated over a period',
    );
  });

  it('on a Type II report, or a vendor not carved out on a Type I, is not', () => {
    expect(run('carve_out: true\nassurance:\n  type: soc2-type2\n')).toEqual([]);
    expect(run('assurance:\n  type: soc2-type1\n')).toEqual([]);
  });

  it('without any assurance on record is not reported as resting on a Type I (its missing report is TB512)', () => {
    expect(run('carve_out: true\n')).toEqual([]);
  });
});

describe("a vendor's bridge letter", () => {
  it(`may reach ${VENDOR_BRIDGE_MONTHS} months past the report's period, to the day, and no further (TB516)`, () => {
    expect(VENDOR_BRIDGE_MONTHS).toBe(3);
    expect(run(bridged('2026-06-30'))).toEqual([]);
    const found = run(bridged('2026-07-01'));
    expect(brief(found)).toEqual([{ code: 'TB516', severity: 'error', file: VENDOR, line: 11, subject: 'cloudco' }]);
    expect(found[0]!.message).toBe(
      "the bridge letter of CloudCo covers until 2026-07-01, more than 3 months past the report's period (ended 2026-03-31): no letter can, so the vendor's report has lapsed",
    );
    expect(found[0]!.hint).toContain("no more than 3 months after the report's period");
  });

  it('may reach the evaluation date, and not the day after (TB516)', () => {
    expect(run(bridged(AS_OF, '2026-05-31'), AS_OF, '2026-06-15')).toEqual([]);
    const found = run(bridged('2026-07-16', '2026-05-31'), AS_OF, '2026-06-15');
    expect(found.map((d) => d.message)).toEqual([
      "the bridge letter of CloudCo covers until 2026-07-16, past the evaluation date 2026-07-15: no letter can, so the vendor's report has lapsed",
    ]);
  });

  it('gives both reasons when it reaches past both', () => {
    const found = run(bridged('2026-07-16', '2026-03-31'));
    expect(found[0]!.message).toBe(
      "the bridge letter of CloudCo covers until 2026-07-16, more than 3 months past the report's period (ended 2026-03-31) and past the evaluation date 2026-07-15: no letter can, so the vendor's report has lapsed",
    );
  });

  it('is not judged for a report without a period end, nor for assurance that is no SOC 2 report', () => {
    const noPeriod =
      'assurance:\n  type: soc2-type2\n  bridge_letter:\n    covers_until: 2027-01-01\n    location: https://cloudco.example/bridge.pdf\n';
    expect(run(noPeriod)).toEqual([]);
    expect(run(bridged('2027-01-01', '2026-03-31', 'iso27001'))).toEqual([]);
    expect(run(bridged('2027-01-01', '2026-03-31', 'other'))).toEqual([]);
  });
});

describe("management's review of a vendor's SOC report", () => {
  const report = (type: string, extra = '') => `${extra}assurance:\n  type: ${type}\n  period_end: 2026-03-31\n`;

  it('on the last day of the period has read it', () => {
    expect(run(report('soc2-type2'), AS_OF, '2026-03-31')).toEqual([]);
  });

  it('the day before is a warning for a vendor, on its `reviewed` line, for either type of report (TB517)', () => {
    const found = run(report('soc2-type2'), AS_OF, '2026-03-30');
    expect(brief(found)).toEqual([{ code: 'TB517', severity: 'warning', file: VENDOR, line: 6, subject: 'cloudco' }]);
    expect(found[0]!.message).toBe(
      "CloudCo's soc2-type2 report covers a period ending 2026-03-31, and the last review of the vendor was on 2026-03-30: nobody has reviewed that report",
    );
    expect(run(report('soc2-type1'), AS_OF, '2026-03-30').map((d) => d.message)).toEqual([
      expect.stringContaining("CloudCo's soc2-type1 report covers a period ending 2026-03-31"),
    ]);
  });

  it('the day before is an error for a carved-out organization (TB517)', () => {
    const found = run(report('soc2-type2', 'carve_out: true\n'), AS_OF, '2026-03-30');
    expect(brief(found)).toEqual([{ code: 'TB517', severity: 'error', file: VENDOR, line: 6, subject: 'cloudco' }]);
  });

  it('is not asked of a vendor removed by the evaluation date, and is of one removed later', () => {
    expect(run(report('soc2-type2', `removed: ${AS_OF}\n`), AS_OF, '2026-03-30')).toEqual([]);
    expect(run(report('soc2-type2', 'removed: 2026-07-16\n'), AS_OF, '2026-03-30').map((d) => d.code)).toEqual([
      'TB518',
      'TB517',
    ]);
  });

  it('is not asked for assurance that is no SOC 2 report', () => {
    expect(run(report('pci-dss'), AS_OF, '2026-03-30')).toEqual([]);
    expect(run(report('iso27001'), AS_OF, '2026-03-30')).toEqual([]);
  });
});

describe('the criteria of CSOCs and CUECs', () => {
  /** A program with security and availability in scope, A1.3 excluded, and a CUEC whose criteria are given. */
  const program = (cuecCriteria: string) =>
    programYaml(
      `excluded_criteria:\n  - { id: A1.3, reason: The system keeps no backups of its own }\ncuecs:\n  - { id: CUEC-1, control: Customers keep exports safe, criteria: [CC6.1] }\n  - { id: CUEC-2, control: Customers remove their leavers, criteria: ${cuecCriteria} }\n`,
    ).replace('scope: [security]', 'scope: [security, availability]');
  const csocs = (criteria: string) =>
    `carve_out: true\nassurance:\n  type: soc2-type2\n  period_end: 2026-03-31\ncsocs:\n  - { control: Backup power, criteria: [CC6.4] }\n  - { control: Physical security, criteria: ${criteria} }\n`;
  const runWith = (vendorCriteria: string, cuecCriteria: string) =>
    subserviceRule(
      smallModel({ 'content/program.yaml': program(cuecCriteria), [VENDOR]: vendorYaml(csocs(vendorCriteria)) }),
      ruleContext(AS_OF),
    );

  it('are quiet when in scope and not excluded, or not criteria at all (TB202’s)', () => {
    expect(runWith('[CC6.4, A1.2, XX9.9]', '[CC6.2, A1.1]')).toEqual([]);
  });

  it('report each criterion of a category out of scope, or excluded, on its own line (TB330)', () => {
    const found = runWith('[CC6.4, C1.1]', '[A1.1, A1.3]');
    expect(brief(found)).toEqual([
      { code: 'TB330', severity: 'error', file: VENDOR, line: 13, subject: 'cloudco' },
      { code: 'TB330', severity: 'error', file: 'content/program.yaml', line: 14, subject: 'cuecs' },
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'a complementary control of CloudCo supports C1.1, which the report does not cover: its category (confidentiality) is not in scope',
      'the user entity control CUEC-2 supports A1.3, which the report does not cover: it is listed in `excluded_criteria`',
    ]);
    expect(found[1]!.subject).toEqual({ kind: 'program', id: 'cuecs' });
    expect(found[0]!.subject).toEqual({ kind: 'vendor', id: 'cloudco' });
  });

  it('point at the criterion itself when the criteria are written one a line (TB330)', () => {
    const vendor = vendorYaml(
      'carve_out: true\nassurance:\n  type: soc2-type2\n  period_end: 2026-03-31\ncsocs:\n  - control: Physical security\n    criteria:\n      - CC6.4\n      - C1.1\n',
    );
    const withCuec = programYaml(
      'cuecs:\n  - id: CUEC-1\n    control: Customers remove their leavers\n    criteria:\n      - CC6.2\n      - C1.1\n',
    );
    const found = subserviceRule(
      smallModel({ 'content/program.yaml': withCuec, [VENDOR]: vendor }),
      ruleContext(AS_OF),
    );
    expect(found.map((d) => [d.file, d.line])).toEqual([
      [VENDOR, 15],
      ['content/program.yaml', 15],
    ]);
  });

  it('are not judged without a program', () => {
    const { model } = buildModel([{ path: VENDOR, text: vendorYaml(csocs('[C1.1]')) }]);
    expect(subserviceRule(model, ruleContext(AS_OF))).toEqual([]);
  });
});
