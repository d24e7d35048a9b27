/** ISO/IEC 27001 certificates and HIPAA attestations: where a certificate stands on a day, and the findings. */
import { describe, expect, it } from 'vitest';
import { certificateState, surveillanceDue } from '../../src/engine/attestations.ts';
import { publicView } from '../../src/site/views.ts';
import { trustChanges } from '../../src/trust-center/trust-updates.ts';
import { check, findings, validProgram, type Files } from '../helpers/program.ts';

const FILE = 'content/trust/attestations/iso27001.yaml';

/** A certificate issued on 2025-03-01 for a full cycle, with the surveillance audits given. */
const cycle = (surveillance: string[] = [], expires = '2028-02-29') => ({
  issued: '2025-03-01',
  expires,
  surveillance_audits: surveillance,
});

/** The test program with a certificate (lines 1 framework, 2 auditor, 3 certificate, 4 scope, 5 issued, 6 expires). */
const withCertificate = (fields: string): Files => ({
  ...validProgram(),
  [FILE]: `framework: iso27001\nauditor: Test Certification Ltd\ncertificate: IS 700001\nscope: The test platform and the team that runs it.\n${fields}\n`,
});

describe('the state of an ISO/IEC 27001 certificate', () => {
  it('is current up to the expiry date it states, and expired the day after', () => {
    const certificate = cycle(['2026-02-10', '2027-01-20']);
    expect(certificateState(certificate, '2028-02-29')).toMatchObject({ state: 'current', expires: '2028-02-29' });
    expect(certificateState(certificate, '2028-03-01')).toMatchObject({ state: 'expired', expires: '2028-02-29' });
  });

  it('needs its first surveillance audit within 12 months of its issue', () => {
    expect(surveillanceDue(cycle(), '2026-01-01')).toBe('2026-03-01');
    expect(certificateState(cycle(), '2026-03-01')).toMatchObject({ state: 'current', surveillanceDue: '2026-03-01' });
    expect(certificateState(cycle(), '2026-03-02')).toMatchObject({
      state: 'surveillance-overdue',
      surveillanceDue: '2026-03-01',
    });
    expect(certificateState(cycle(['2026-03-01']), '2026-03-02').state).toBe('current');
  });

  it('needs each later surveillance audit by the end of the calendar year after the one before', () => {
    const certificate = cycle(['2026-02-10']);
    expect(certificateState(certificate, '2027-12-31')).toMatchObject({
      state: 'current',
      surveillanceDue: '2027-12-31',
    });
    expect(certificateState(certificate, '2028-01-01').state).toBe('surveillance-overdue');
  });

  it('asks for no surveillance audit that would fall after the expiry: recertification is due then', () => {
    expect(surveillanceDue(cycle(['2026-02-10', '2027-01-20']), '2027-06-01')).toBeUndefined();
    expect(certificateState(cycle(['2026-02-10', '2027-01-20']), '2028-01-15')).toEqual({
      state: 'current',
      certificate: true,
      expires: '2028-02-29',
    });
  });

  it('cannot be true when it runs longer than three years, or with a surveillance audit still to come', () => {
    expect(certificateState(cycle([], '2028-03-02'), '2025-06-01')).toMatchObject({
      state: 'impossible',
      reasons: [{ path: ['expires'], reason: expect.stringMatching(/longer than the 3 years/) }],
    });
    expect(certificateState(cycle([], '2028-03-01'), '2025-06-01').state).toBe('current');
    expect(certificateState(cycle(['2026-02-10']), '2026-02-09')).toMatchObject({
      state: 'impossible',
      reasons: [{ path: ['surveillance_audits', 0], reason: expect.stringMatching(/not yet passed on 2026-02-09/) }],
    });
    expect(certificateState(cycle(['2026-02-10']), '2026-02-10').state).toBe('current');
  });

  it('is not a certificate yet before the day it was issued', () => {
    expect(certificateState(cycle(), '2025-02-28').state).toBe('not-issued');
  });
});

describe('the findings about a certificate, and the badge', () => {
  it('reports an expired certificate on its expiry line, and the trust center claims nothing of it', () => {
    const result = check(
      withCertificate('issued: 2023-07-15\nexpires: 2026-07-14\nsurveillance_audits: [2024-06-10, 2025-06-12]'),
    );
    expect(findings(result, 'TB358')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: FILE,
        line: 6,
        message: expect.stringMatching(/certificate IS 700001 .* expired on 2026-07-14/),
      }),
    ]);
    expect(publicView(result).attestations).toEqual([]);
  });

  it('warns ahead of the expiry, and shows the certificate while it is current', () => {
    const result = check(
      withCertificate('issued: 2023-08-14\nexpires: 2026-08-13\nsurveillance_audits: [2024-06-10, 2025-06-12]'),
    );
    expect(findings(result, 'TB358')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 6, message: expect.stringMatching(/in 29 days/) }),
    ]);
    expect(publicView(result).attestations).toEqual([
      expect.objectContaining({
        framework: 'ISO/IEC 27001',
        state: { state: 'current', lapses: '2026-08-13' },
        certificate: {
          number: 'IS 700001',
          expires: '2026-08-13',
          scope: 'The test platform and the team that runs it.',
        },
      }),
    ]);
  });

  it('reports an overdue surveillance audit and drops the badge; one due soon is a warning', () => {
    const overdue = check(withCertificate('issued: 2025-07-14\nexpires: 2028-07-13'));
    expect(findings(overdue, 'TB359')).toEqual([
      expect.objectContaining({ severity: 'error', line: 5, message: expect.stringMatching(/by 2026-07-14/) }),
    ]);
    expect(publicView(overdue).attestations).toEqual([]);
    const soon = check(withCertificate('issued: 2025-07-15\nexpires: 2028-07-14'));
    expect(findings(soon, 'TB359')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/by 2026-07-15, in 0 days/) }),
    ]);
    expect(publicView(soon).attestations).toHaveLength(1);
  });

  it('refuses a certificate without its number, expiry or scope, and report fields on one', () => {
    const missing = check({
      ...validProgram(),
      [FILE]: 'framework: iso27001\nauditor: Test Certification Ltd\nissued: 2025-07-01\n',
    });
    expect(
      findings(missing, 'TB104')
        .map((finding) => finding.message)
        .join(' '),
    ).toMatch(/needs `certificate` \(its number\), `expires` and `scope`/);
    const reportLike = check(withCertificate('issued: 2025-07-01\nexpires: 2028-06-30\nreport_type: II'));
    expect(
      findings(reportLike, 'TB104')
        .map((finding) => finding.message)
        .join(' '),
    ).toMatch(/has no report type, period, date or bridge letters/);
    const onReport = check({
      ...validProgram(),
      'content/trust/attestations/soc2.yaml':
        'framework: soc2\nreport_type: I\ndate: 2026-05-31\nauditor: Test CPA\nissued: 2026-06-15\nexpires: 2027-06-15\n',
    });
    expect(
      findings(onReport, 'TB104')
        .map((finding) => finding.message)
        .join(' '),
    ).toMatch(/belong to an ISO\/IEC 27001 certificate/);
  });

  it('refuses a HIPAA attestation and shows no badge for it, nor announces it', () => {
    const path = 'content/trust/attestations/hipaa.yaml';
    const text =
      'framework: hipaa\nauditor: Test Assessors LLC\nperiod: { start: 2026-04-01, end: 2026-06-30 }\nissued: 2026-07-10\n';
    const result = check({ ...validProgram(), [path]: text });
    expect(findings(result, 'TB361')).toEqual([expect.objectContaining({ severity: 'error', file: path, line: 1 })]);
    const history = [{ commit: 'a'.repeat(40), date: '2026-07-10', baseline: false, files: [{ path, text }] }];
    const view = publicView(result, trustChanges(history));
    expect(view.attestations).toEqual([]);
    expect(view.updates).toEqual([]);
  });
});
