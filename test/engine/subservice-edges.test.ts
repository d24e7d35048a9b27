/**
 * The subservice rule (TB515 to TB518, TB330) at its date edges, the rule called on a model built from memory: a
 * removal on the day the vendor was added and the day before, on the evaluation date and the day after; a bridge
 * letter up to exactly three months past the period and through the evaluation date, both reasons named at once;
 * a review on the period's last day and the day before, not owed by a vendor removed by then; reports other than
 * SOC 2 left alone; and the criteria a CSOC or CUEC supports, each at its own line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { subserviceRule } from '../../src/engine/rules/subservice.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const VENDOR = 'content/vendors/cloudco.yaml';
const AS_OF = '2026-07-15';

/** A vendor added 2025-01-01 and reviewed on `reviewed` (line 7), with the lines given after it (line 8 on). */
const vendor = (fields: string, reviewed = '2026-05-01') =>
  `id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nsubprocessor: true\nadded: 2025-01-01\nreviewed: ${reviewed}\n${fields}\n`;

function run(files: Record<string, string>, asOf = AS_OF): Diagnostic[] {
  return subserviceRule(smallModel(files), ruleContext(asOf));
}
const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.severity} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('a vendor’s removal (TB518)', () => {
  const removed = (day: string) => run({ [VENDOR]: vendor(`removed: ${day}`) });

  it('stands from the day it was added through the evaluation date', () => {
    expect(removed('2025-01-01')).toEqual([]);
    expect(removed(AS_OF)).toEqual([]);
  });

  it('is refused the day before it was added, and the day after the evaluation date, at its line', () => {
    expect(described(removed('2024-12-31'))).toEqual([
      `TB518 error ${VENDOR}:8 vendor/cloudco: CloudCo is recorded as removed on 2024-12-31, before it was added on 2025-01-01`,
    ]);
    expect(described(removed('2026-07-16'))).toEqual([
      `TB518 error ${VENDOR}:8 vendor/cloudco: CloudCo is recorded as removed on 2026-07-16, a day still to come on 2026-07-15`,
    ]);
  });
});

describe('a carve-out (TB515)', () => {
  it('resting on a Type I report is reported at its type; not carved out, or a Type II, it is not', () => {
    const carved = (type: string, carve = 'true') =>
      run({ [VENDOR]: vendor(`carve_out: ${carve}\nassurance:\n  type: ${type}\n  period_end: 2026-03-31`) });
    expect(described(carved('soc2-type1'))).toEqual([
      `TB515 error ${VENDOR}:10 vendor/cloudco: CloudCo is carved out on the strength of a SOC 2 Type I report, which says nothing about how its controls operated over a period`,
    ]);
    expect(carved('soc2-type1', 'false')).toEqual([]);
    expect(carved('soc2-type2')).toEqual([]);
  });
});

describe('a bridge letter (TB516)', () => {
  const letter = (periodEnd: string, coversUntil: string, asOf = AS_OF) =>
    run(
      {
        [VENDOR]: vendor(
          `assurance:\n  type: soc2-type2\n  period_end: ${periodEnd}\n  bridge_letter:\n    location: "https://cloudco.example/bridge.pdf"\n    covers_until: ${coversUntil}`,
          periodEnd,
        ),
      },
      asOf,
    );

  it('reaches exactly three months past the period, and not a day more, for any period end', () => {
    const day = fc
      .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (periodEnd) => {
        const limit = addMonths(periodEnd, 3);
        expect(letter(periodEnd, limit, '2027-12-31')).toEqual([]);
        expect(letter(periodEnd, addDays(limit, 1), '2027-12-31').map((d) => d.message)).toEqual([
          `the bridge letter of CloudCo covers until ${addDays(limit, 1)}, more than 3 months past the report's period (ended ${periodEnd}): no letter can, so the vendor's report has lapsed`,
        ]);
      }),
      { numRuns: 30 },
    );
  });

  it('speaks through the evaluation date and not the day after, and gives both reasons at once, at `covers_until`', () => {
    expect(letter('2026-05-31', AS_OF)).toEqual([]);
    expect(described(letter('2026-03-31', '2026-07-16'))).toEqual([
      `TB516 error ${VENDOR}:13 vendor/cloudco: the bridge letter of CloudCo covers until 2026-07-16, more than 3 months past the report's period (ended 2026-03-31) and past the evaluation date 2026-07-15: no letter can, so the vendor's report has lapsed`,
    ]);
    expect(letter('2026-03-31', '2026-07-16')[0]?.hint).toBe(
      "A bridge letter speaks for days that have passed, and for no more than 3 months after the report's period: obtain the vendor's next report, or record the letter's real `covers_until`.",
    );
  });
});

describe('the review of a vendor’s report (TB517)', () => {
  const reviewed = (day: string, fields = '') =>
    run({ [VENDOR]: vendor(`${fields}assurance: { type: soc2-type2, period_end: 2026-03-31 }`, day) });

  it('is owed from the period’s last day: on it the report is reviewed, the day before it is not', () => {
    expect(reviewed('2026-03-31')).toEqual([]);
    expect(described(reviewed('2026-03-30'))).toEqual([
      `TB517 warning ${VENDOR}:7 vendor/cloudco: CloudCo's soc2-type2 report covers a period ending 2026-03-31, and the last review of the vendor was on 2026-03-30: nobody has reviewed that report`,
    ]);
    expect(
      reviewed('2026-03-30', 'carve_out: true\ncsocs:\n  - { control: "Power", criteria: [CC6.4] }\n').map(
        (d) => d.severity,
      ),
    ).toEqual(['error']);
  });

  it('is not owed by a vendor removed by the evaluation date', () => {
    expect(reviewed('2026-03-30', `removed: ${AS_OF}\n`)).toEqual([]);
  });

  it('is not asked of a report other than SOC 2, nor of one without a period end', () => {
    const other = (assurance: string) => run({ [VENDOR]: vendor(`assurance: ${assurance}`, '2024-01-01') });
    expect(other('{ type: iso27001, period_end: 2026-03-31 }')).toEqual([]);
    expect(other('{ type: soc2-type2 }')).toEqual([]);
    const letterOnly = vendor(
      'assurance:\n  type: soc2-type2\n  bridge_letter: { covers_until: 2027-01-01, location: "https://cloudco.example/bridge.pdf" }',
      '2024-01-01',
    );
    expect(run({ [VENDOR]: letterOnly })).toEqual([]);
    expect(other('{ type: soc2-type1, period_end: 2026-03-31 }').map((d) => d.code)).toEqual(['TB517']);
  });
});

describe('a carved-out vendor without any report on record', () => {
  it('is not reported as resting on a Type I report', () => {
    const carved = vendor('carve_out: true\ncsocs:\n  - { control: "Power", criteria: [CC6.4] }');
    expect(run({ [VENDOR]: carved })).toEqual([]);
  });
});

describe('a model without a program', () => {
  it('holds no CSOC criteria to a scope', () => {
    const model = smallModel({
      [VENDOR]: vendor(
        'carve_out: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\ncsocs:\n  - { control: "Power", criteria: [A1.2] }',
      ),
    });
    delete model.program;
    expect(subserviceRule(model, ruleContext(AS_OF))).toEqual([]);
  });
});

describe('the criteria a CSOC or CUEC supports (TB330)', () => {
  it('are each reported when out of scope or excluded, at the criterion’s own line', () => {
    const program = programYaml(
      'excluded_criteria:\n  - { id: CC9.2, reason: "No vendors hold customer data on our behalf." }\ncuecs:\n  - id: CUEC-1\n    control: "Customers keep exports safe"\n    criteria:\n      - CC6.1\n      - C1.1\n',
    );
    const carved = vendor(
      'carve_out: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\ncsocs:\n  - { control: "Power", criteria: [CC6.4] }\n  - control: "Vendors"\n    criteria:\n      - CC9.2\n      - XX9.9\n      - A1.2',
    );
    expect(described(run({ 'content/program.yaml': program, [VENDOR]: carved }))).toEqual([
      `TB330 error ${VENDOR}:14 vendor/cloudco: a complementary control of CloudCo supports CC9.2, which the report does not cover: it is listed in \`excluded_criteria\``,
      `TB330 error ${VENDOR}:16 vendor/cloudco: a complementary control of CloudCo supports A1.2, which the report does not cover: its category (availability) is not in scope`,
      'TB330 error content/program.yaml:17 program/cuecs: the user entity control CUEC-1 supports C1.1, which the report does not cover: its category (confidentiality) is not in scope',
    ]);
  });
});
