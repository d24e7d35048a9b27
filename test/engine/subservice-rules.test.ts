import { describe, expect, it } from 'vitest';
import { readPublished } from '../../src/trust-center/trust-updates.ts';
import { publicView } from '../../src/site/views.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const VENDOR = 'content/vendors/cloudco.yaml';

/** The test program (evaluated 2026-07-15) with one vendor whose last lines are `fields`. */
const vendor = (fields: string): Files => ({
  ...validProgram(),
  [VENDOR]: `id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nsubprocessor: true\nadded: 2025-01-01\nreviewed: 2026-05-01\npublic: true\n${fields}\n`,
});

const carvedOut = (assurance: string) =>
  vendor(
    `carve_out: true\nassurance:\n${assurance}\ncsocs:\n  - { control: "Physical security of the data centres", criteria: [CC6.4] }`,
  );

const letter = (coversUntil: string) =>
  vendor(
    `assurance:\n  type: soc2-type2\n  period_end: 2026-03-31\n  bridge_letter: { covers_until: ${coversUntil}, location: "https://cloudco.example/bridge.pdf" }`,
  );

describe('subservice organizations', () => {
  it('refuses a carve-out resting on a Type I report, and accepts a Type II', () => {
    const typeOne = findings(check(carvedOut('  type: soc2-type1\n  period_end: 2026-03-31')), 'TB515');
    expect(typeOne).toEqual([expect.objectContaining({ severity: 'error', file: VENDOR, line: 11 })]);
    expect(findings(check(carvedOut('  type: soc2-type2\n  period_end: 2026-03-31')), 'TB515')).toEqual([]);
  });

  it('takes a bridge letter up to three months past the period, and not a day more', () => {
    expect(findings(check(letter('2026-06-30')), 'TB516')).toEqual([]);
    const [finding] = findings(check(letter('2026-07-01')), 'TB516');
    expect(finding).toMatchObject({ severity: 'error', line: 12 });
    expect(finding?.message).toMatch(/more than 3 months past the report's period \(ended 2026-03-31\)/);
  });

  it('refuses a bridge letter that reaches past the evaluation date', () => {
    const files = vendor(
      'assurance:\n  type: soc2-type2\n  period_end: 2026-05-31\n  bridge_letter: { covers_until: 2026-07-16, location: "https://cloudco.example/bridge.pdf" }',
    );
    expect(findings(check(files), 'TB516')[0]?.message).toMatch(/past the evaluation date 2026-07-15/);
    const today = edit(files, VENDOR, 'covers_until: 2026-07-16', 'covers_until: 2026-07-15');
    expect(findings(check(today), 'TB516')).toEqual([]);
  });

  it("needs management's review of each report: an error for a carve-out, a warning for another vendor", () => {
    const reviewedBefore = (files: Files) => edit(files, VENDOR, 'reviewed: 2026-05-01', 'reviewed: 2026-03-30');
    const carved = findings(check(reviewedBefore(carvedOut('  type: soc2-type2\n  period_end: 2026-03-31'))), 'TB517');
    expect(carved).toEqual([expect.objectContaining({ severity: 'error', line: 7 })]);
    const other = findings(
      check(reviewedBefore(vendor('assurance: { type: soc2-type2, period_end: 2026-03-31 }'))),
      'TB517',
    );
    expect(other).toEqual([expect.objectContaining({ severity: 'warning' })]);
    // Reviewed on the period's last day is not before it.
    const onTheDay = edit(
      vendor('assurance: { type: soc2-type2, period_end: 2026-03-31 }'),
      VENDOR,
      'reviewed: 2026-05-01',
      'reviewed: 2026-03-31',
    );
    expect(findings(check(onTheDay), 'TB517')).toEqual([]);
  });

  it('refuses CSOC and CUEC criteria the report does not cover', () => {
    const files = vendor(
      'carve_out: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\ncsocs:\n  - { control: "Backup power", criteria: [CC6.4, A1.2] }',
    );
    const result = check(
      edit(
        files,
        'content/program.yaml',
        'warn_within_days: 30',
        'warn_within_days: 30\ncuecs:\n  - { id: CUEC-1, control: "Customers keep exports safe", criteria: [C1.1] }',
      ),
    );
    expect(findings(result, 'TB330').map((finding) => [finding.file, finding.line, finding.message])).toEqual([
      ['content/program.yaml', 13, expect.stringMatching(/CUEC-1 supports C1\.1/)],
      [
        VENDOR,
        12,
        expect.stringMatching(
          /supports A1\.2, which the report does not cover: its category \(availability\) is not in scope/,
        ),
      ],
    ]);
  });
});

describe('a vendor removed during the window', () => {
  it('is no longer a subprocessor on the trust center from its removal, and nothing more is due from it', () => {
    const stale = vendor('assurance: { type: soc2-type2, period_end: 2025-03-31 }');
    expect(publicView(check(stale)).subprocessors.map((subprocessor) => subprocessor.name)).toEqual(['CloudCo']);
    expect(findings(check(stale), 'TB504')).not.toEqual([]);
    const removed = edit(stale, VENDOR, 'public: true', 'public: true\nremoved: 2026-07-15');
    const result = check(removed);
    expect(publicView(result).subprocessors).toEqual([]);
    expect(findings(result, 'TB504')).toEqual([]);
    expect(findings(result, 'TB518')).toEqual([]);
  });

  it('refuses a removal dated before the vendor was added or still to come', () => {
    const before = edit(vendor(''), VENDOR, 'public: true', 'public: true\nremoved: 2024-12-31');
    expect(findings(check(before), 'TB518')[0]?.message).toMatch(/before it was added on 2025-01-01/);
    const ahead = edit(vendor(''), VENDOR, 'public: true', 'public: true\nremoved: 2026-07-16');
    expect(findings(check(ahead), 'TB518')).toEqual([expect.objectContaining({ severity: 'error', line: 9 })]);
  });

  it('is a removal in the trust updates from the version that records `removed:`', () => {
    const text =
      'id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nadded: 2025-01-01\nreviewed: 2026-05-01\npublic: true\n';
    expect(readPublished(VENDOR, text)).toMatchObject({ ok: true, published: { kind: 'vendor', name: 'CloudCo' } });
    const removed = readPublished(VENDOR, `${text}removed: 2026-07-01\n`);
    expect(removed.ok).toBe(true);
    expect(removed.published).toBeUndefined();
  });
});
