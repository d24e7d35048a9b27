/**
 * The certificates rule at edges certificates.test.ts leaves open, calling the rule on a small program: each state
 * of a certificate with its finding, severity and line (the surveillance line when audits are recorded, else
 * `issued`), the latest audit named whatever the order they are written in, a warning of the expiry before one of
 * the surveillance audit, the day a warning starts, and the attestations the rule leaves to others.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { certificatesRule } from '../../src/engine/rules/certificates.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const FILE = 'content/trust/attestations/iso27001.yaml';

/**
 * A certificate (lines 1 framework, 2 auditor, 3 certificate, 4 scope, 5 issued, 6 expires, then
 * `surveillance_audits` when given, one audit a line).
 */
const certificate = (issued: string, expires: string, audits?: string[]) =>
  `framework: iso27001\nauditor: Test Certification Ltd\ncertificate: IS 700001\nscope: The test platform.\nissued: ${issued}\nexpires: ${expires}\n${
    audits === undefined
      ? ''
      : audits.length === 0
        ? 'surveillance_audits: []\n'
        : `surveillance_audits:\n${audits.map((day) => `  - ${day}\n`).join('')}`
  }`;

function run(files: Record<string, string>, asOf = '2026-07-15'): Diagnostic[] {
  return certificatesRule(smallModel(files), ruleContext(asOf));
}

const name = (issued: string, expires: string) =>
  `ISO/IEC 27001 certificate IS 700001 (issued ${issued}, expires ${expires})`;

const brief = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity} ${d.line} ${d.message}`);

describe('a certificate', () => {
  it('that has expired is an error at `expires`', () => {
    const found = run({ [FILE]: certificate('2023-07-15', '2026-07-14', ['2024-06-10', '2025-06-12']) });
    expect(found).toEqual([
      {
        code: 'TB358',
        severity: 'error',
        file: FILE,
        line: 6,
        subject: { kind: 'attestation', id: 'iso27001' },
        message: `the ${name('2023-07-15', '2026-07-14')} expired on 2026-07-14; the trust center shows no badge for it`,
        hint: expect.stringContaining('Record the certificate the recertification audit issued'),
      },
    ]);
  });

  it('expiring within the warning days is a warning, from 30 days ahead and not 31', () => {
    const audits = ['2024-06-10', '2025-06-12'];
    expect(brief(run({ [FILE]: certificate('2023-08-15', '2026-08-14', audits) }))).toEqual([
      `TB358 warning 6 the ${name('2023-08-15', '2026-08-14')} expires on 2026-08-14, in 30 days`,
    ]);
    expect(run({ [FILE]: certificate('2023-08-16', '2026-08-15', audits) })).toEqual([]);
  });

  it('whose surveillance audit is overdue is an error at the audits, naming the latest whatever the order', () => {
    const found = run({ [FILE]: certificate('2024-01-10', '2027-01-09', ['2024-03-15', '2024-12-01', '2024-06-10']) });
    expect(found).toEqual([
      {
        code: 'TB359',
        severity: 'error',
        file: FILE,
        line: 7,
        subject: { kind: 'attestation', id: 'iso27001' },
        message: `the ${name('2024-01-10', '2027-01-09')} needed a surveillance audit by 2025-12-31 (the last one recorded was on 2024-12-01); a certification body suspends a certificate whose surveillance lapses, so the trust center shows no badge for it`,
        hint: expect.stringContaining('Add the day the certification body completed the surveillance audit'),
      },
    ]);
  });

  it('without any surveillance audit, overdue, is an error at `issued` saying none is recorded', () => {
    expect(brief(run({ [FILE]: certificate('2025-07-14', '2028-07-13') }))).toEqual([
      `TB359 error 5 the ${name('2025-07-14', '2028-07-13')} needed a surveillance audit by 2026-07-14 (none is recorded); a certification body suspends a certificate whose surveillance lapses, so the trust center shows no badge for it`,
    ]);
    expect(brief(run({ [FILE]: certificate('2025-07-14', '2028-07-13', []) }))).toEqual([
      expect.stringMatching(/^TB359 error 5 .*\(none is recorded\)/),
    ]);
  });

  it('whose surveillance audit is due within the warning days is a warning at the audits', () => {
    expect(brief(run({ [FILE]: certificate('2024-08-20', '2027-08-19', ['2025-08-01']) }, '2026-12-01'))).toEqual([
      `TB359 warning 7 the ${name('2024-08-20', '2027-08-19')} needs its next surveillance audit by 2026-12-31, in 30 days`,
    ]);
    expect(run({ [FILE]: certificate('2024-08-20', '2027-08-19', ['2025-08-01']) }, '2026-11-30')).toEqual([]);
  });

  it('expiring soon is warned of for its expiry, not for a surveillance audit due soon too', () => {
    // Issued 2023-08-15: with no audit since 2025-06-12 the next is due by 2026-12-31, after the expiry: none asked.
    // With the last audit in 2024, one would be due by 2025-12-31 (overdue); so the case needs both soon at once.
    const found = run({ [FILE]: certificate('2025-08-10', '2026-08-14') });
    expect(brief(found)).toEqual([
      `TB358 warning 6 the ${name('2025-08-10', '2026-08-14')} expires on 2026-08-14, in 30 days`,
    ]);
  });

  it('that is current, with nothing due soon, gives nothing; nor one not yet issued', () => {
    expect(run({ [FILE]: certificate('2025-09-01', '2028-08-31') })).toEqual([]);
    // Audited in 2025, the next audit would be due after the expiry: none is asked, and the expiry is 47 days off.
    expect(run({ [FILE]: certificate('2023-09-01', '2026-08-31', ['2024-06-01', '2025-06-01']) })).toEqual([]);
    expect(run({ [FILE]: certificate('2026-07-16', '2029-07-15') })).toEqual([]);
  });

  it('whose dates cannot be true is an error for each, at the date that cannot be', () => {
    const found = run({ [FILE]: certificate('2025-01-10', '2028-02-01', ['2025-12-01', '2026-07-16']) });
    expect(brief(found)).toEqual([
      `TB360 error 6 the ${name('2025-01-10', '2028-02-01')} cannot be true: it runs from 2025-01-10 to 2028-02-01, longer than the 3 years of a certification cycle; the trust center shows no badge for it`,
      `TB360 error 9 the ${name('2025-01-10', '2028-02-01')} cannot be true: a surveillance audit is recorded on 2026-07-16, which has not yet passed on 2026-07-15; the trust center shows no badge for it`,
    ]);
  });
});

describe('other attestations', () => {
  it('refuses HIPAA at its `framework` line, and leaves a SOC 2 report alone', () => {
    const hipaa =
      'auditor: Test Assessors LLC\nframework: hipaa\nperiod: { start: 2026-04-01, end: 2026-06-30 }\nissued: 2026-07-10\n';
    expect(run({ 'content/trust/attestations/hipaa.yaml': hipaa })).toEqual([
      {
        code: 'TB361',
        severity: 'error',
        file: 'content/trust/attestations/hipaa.yaml',
        line: 2,
        subject: { kind: 'attestation', id: 'hipaa' },
        message:
          'records a HIPAA attestation, but nobody certifies HIPAA compliance: the trust center shows no badge for it',
        hint: expect.stringContaining('Keep an assessor’s HIPAA report as a trust document'),
      },
    ]);
    const soc2 =
      'framework: soc2\nreport_type: II\nperiod: { start: 2024-01-01, end: 2024-06-30 }\nauditor: Test CPA\nissued: 2024-07-15\n';
    expect(run({ 'content/trust/attestations/soc2.yaml': soc2 })).toEqual([]);
  });
});
