/**
 * The trust rule at its edges: each framework's name, an attestation naming documents that do not exist (TB211),
 * a report that cannot be true (TB538), has lapsed or lapses soon (TB530) or needs a bridge letter (TB531), on
 * the day of each boundary and the day after, certificates and HIPAA left to certificates.ts, and a trust
 * document whose file is missing or refused or whose validity ends (TB532, TB011).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { attestationName, frameworkNames, trustRule } from '../../src/engine/rules/trust.ts';
import type { TrustFileState } from '../../src/engine/model.ts';
import type { AttestationData } from '../../src/schema/index.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const ATTESTATION = 'content/trust/attestations/report.yaml';
const documentPath = (id: string) => `content/trust/documents/${id}.yaml`;

/** A trust document with a file in the trust folder, and `extra` lines. */
const trustDocument = (id: string, extra = '') =>
  `title: ${id} title\nfile: content/trust/files/${id}.pdf\naccess: nda\n${extra}`;

/** The trust rule's findings for an attestation written as `attestation` (YAML), with the documents named. */
function run(
  attestation: string,
  asOf: string,
  options: { documents?: Record<string, string>; files?: Record<string, TrustFileState> } = {},
): Diagnostic[] {
  const documents = options.documents ?? { report: trustDocument('report'), bridge: trustDocument('bridge') };
  const model = smallModel({
    ...(attestation === '' ? {} : { [ATTESTATION]: attestation }),
    ...Object.fromEntries(Object.entries(documents).map(([id, text]) => [documentPath(id), text])),
  });
  for (const [file, state] of Object.entries(options.files ?? {})) model.trustFiles.set(file, state);
  return trustRule(model, ruleContext(asOf));
}

const brief = (found: Diagnostic[]) =>
  found.map((d) => ({ code: d.code, severity: d.severity, line: d.line, subject: d.subject?.id }));

/** A SOC 2 Type II report over 2024-07-01 to 2025-06-30, issued on 2025-08-15, with the lines given after it. */
const typeII = (extra = '') =>
  `framework: soc2\nreport_type: II\nperiod: { start: 2024-07-01, end: 2025-06-30 }\nauditor: Firm LLP\nissued: 2025-08-15\ndocument: report\n${extra}`;

describe('the name of an attestation', () => {
  it('is the framework as people write it', () => {
    expect(frameworkNames).toEqual({
      soc2: 'SOC 2',
      soc3: 'SOC 3',
      iso27001: 'ISO/IEC 27001',
      'pci-dss': 'PCI DSS',
      hipaa: 'HIPAA',
      other: 'attestation',
    });
  });

  it('names a report by its framework, type and period, or the date it speaks for', () => {
    const base = { auditor: 'Firm', issued: '2025-08-15', bridge_letters: [], surveillance_audits: [] };
    const soc2: AttestationData = {
      ...base,
      framework: 'soc2',
      report_type: 'II',
      period: { start: '2024-07-01', end: '2025-06-30' },
    };
    expect(attestationName(soc2)).toBe('SOC 2 Type II report (2024-07-01 to 2025-06-30)');
    expect(attestationName({ ...base, framework: 'soc3', date: '2025-06-30' })).toBe('SOC 3 report (as of 2025-06-30)');
    expect(attestationName({ ...base, framework: 'pci-dss', report_type: 'I', date: '2025-06-30' })).toBe(
      'PCI DSS Type I report (as of 2025-06-30)',
    );
  });

  it('names a certificate by its number and dates, and only a certificate that states its expiry', () => {
    const base = { auditor: 'Body', issued: '2025-03-01', bridge_letters: [], surveillance_audits: [] };
    const certificate: AttestationData = {
      ...base,
      framework: 'iso27001',
      certificate: 'IS 712345',
      expires: '2028-02-28',
      scope: 'The platform',
    };
    expect(attestationName(certificate)).toBe(
      'ISO/IEC 27001 certificate IS 712345 (issued 2025-03-01, expires 2028-02-28)',
    );
    expect(attestationName({ ...certificate, certificate: undefined })).toBe(
      'ISO/IEC 27001 certificate  (issued 2025-03-01, expires 2028-02-28)',
    );
    // Without its expiry it is named as a report; another framework's record with an expiry is still a report.
    expect(
      attestationName({ ...base, framework: 'iso27001', period: { start: '2024-03-01', end: '2025-02-28' } }),
    ).toBe('ISO/IEC 27001 report (2024-03-01 to 2025-02-28)');
    expect(attestationName({ ...base, framework: 'other', date: '2025-02-28', expires: '2028-02-28' })).toBe(
      'attestation report (as of 2025-02-28)',
    );
  });
});

describe('an attestation naming trust documents', () => {
  it('is quiet when its report and bridge letters are trust documents', () => {
    const found = run(typeII('bridge_letters:\n  - { document: bridge, through: 2025-09-30 }\n'), '2025-10-01');
    expect(found).toEqual([]);
  });

  it('reports a report document that does not exist on its `document` line (TB211)', () => {
    const found = run(typeII(), '2025-08-20', { documents: {} });
    expect(brief(found)).toEqual([{ code: 'TB211', severity: 'error', line: 6, subject: 'report' }]);
    expect(found[0]!.message).toBe('names the trust document "report", which does not exist');
  });

  it('reports each bridge letter that does not exist on its own line (TB211)', () => {
    const found = run(
      typeII(
        'bridge_letters:\n  - document: bridge\n    through: 2025-09-30\n  - document: missing\n    through: 2025-10-31\n',
      ),
      '2025-11-02',
    );
    expect(brief(found)).toEqual([{ code: 'TB211', severity: 'error', line: 10, subject: 'report' }]);
    expect(found[0]!.message).toContain('"missing"');
  });

  it('names an unknown document for HIPAA too, whose dates are certificates.ts’s to judge', () => {
    const hipaa =
      'framework: hipaa\nperiod: { start: 2020-01-01, end: 2020-12-31 }\nauditor: Firm\nissued: 2021-02-01\ndocument: nowhere\n';
    expect(brief(run(hipaa, '2025-08-20'))).toEqual([{ code: 'TB211', severity: 'error', line: 5, subject: 'report' }]);
  });
});

describe('an ISO/IEC 27001 certificate', () => {
  it('is left to certificates.ts, even long expired', () => {
    const certificate =
      'framework: iso27001\nauditor: Body\nissued: 2019-03-01\ncertificate: IS 1\nexpires: 2020-02-28\nscope: The platform\n';
    expect(run(certificate, '2025-08-20')).toEqual([]);
  });
});

describe('a report that cannot be true', () => {
  it('is reported once for each reason, on the line that says so (TB538)', () => {
    const impossible = typeII('bridge_letters:\n  - document: bridge\n    through: 2025-09-30\n').replace(
      'issued: 2025-08-15',
      'issued: 2025-06-29',
    );
    const found = run(impossible, '2025-09-29');
    expect(brief(found)).toEqual([
      { code: 'TB538', severity: 'error', line: 5, subject: 'report' },
      { code: 'TB538', severity: 'error', line: 8, subject: 'report' },
    ]);
    expect(found[0]!.message).toBe(
      'the SOC 2 Type II report (2024-07-01 to 2025-06-30) cannot be true: it was issued on 2025-06-29, before the period it covers ended (2025-06-30); the trust center shows no badge for it',
    );
    expect(found[1]!.message).toContain('a bridge letter speaks for days up to 2025-09-30');
  });
});

describe('a report past its 12 months', () => {
  it('lapses the day after its 12 months, an error on its period line (TB530)', () => {
    expect(run(typeII(), '2026-06-30').map((d) => d.code)).toEqual(['TB531']);
    const found = run(typeII(), '2026-07-01');
    expect(brief(found)).toEqual([{ code: 'TB530', severity: 'error', line: 3, subject: 'report' }]);
    expect(found[0]!.message).toBe(
      'the SOC 2 Type II report (2024-07-01 to 2025-06-30) lapsed on 2026-06-30, 12 months after its period ended; the trust center shows no badge for it',
    );
  });

  it('is reported on the `date` line of a Type I report', () => {
    const typeI = 'framework: soc2\nreport_type: I\nauditor: Firm\ndate: 2024-06-30\nissued: 2024-08-01\n';
    const found = run(typeI, '2025-07-01');
    expect(brief(found)).toEqual([{ code: 'TB530', severity: 'error', line: 4, subject: 'report' }]);
    expect(found[0]!.message).toContain('SOC 2 Type I report (as of 2024-06-30) lapsed on 2025-06-30');
  });
});

describe('a report three months after its period', () => {
  it('needs a bridge letter from the day after, a warning on its `bridge_letters` line (TB531)', () => {
    expect(run(typeII(), '2025-09-30')).toEqual([]);
    const withoutLetters = run(typeII(), '2025-10-01');
    expect(brief(withoutLetters)).toEqual([{ code: 'TB531', severity: 'warning', line: 1, subject: 'report' }]);
    expect(withoutLetters[0]!.message).toBe(
      'the SOC 2 Type II report (2024-07-01 to 2025-06-30) ended over three months ago (2025-06-30) and no bridge letter speaks for the last three months before 2025-10-01; the trust center shows no badge for it until one does',
    );
    // A letter too old to speak for the last three months: the finding points at the letters.
    const stale = run(typeII('bridge_letters:\n  - { document: bridge, through: 2025-07-31 }\n'), '2025-11-01');
    expect(brief(stale)).toEqual([{ code: 'TB531', severity: 'warning', line: 7, subject: 'report' }]);
  });
});

describe('a current report near the end of its 12 months', () => {
  const bridged = (through: string) => typeII(`bridge_letters:\n  - { document: bridge, through: ${through} }\n`);

  it('warns from the day it lapses within the warning days, with the days left (TB530)', () => {
    expect(run(bridged('2026-05-30'), '2026-05-30')).toEqual([]);
    const found = run(bridged('2026-05-31'), '2026-05-31');
    expect(brief(found)).toEqual([{ code: 'TB530', severity: 'warning', line: 3, subject: 'report' }]);
    expect(found[0]!.message).toBe(
      'the SOC 2 Type II report (2024-07-01 to 2025-06-30) lapses on 2026-06-30, in 30 days',
    );
    expect(run(bridged('2026-05-31'), '2026-06-30')[0]!.message).toContain('lapses on 2026-06-30, in 0 days');
  });

  it('is not reported before it is issued, however soon it lapses', () => {
    const late = typeII().replace('issued: 2025-08-15', 'issued: 2026-06-20');
    expect(run(late, '2026-06-10')).toEqual([]);
  });
});

describe('a trust document', () => {
  const files = (state: TrustFileState) => ({ 'content/trust/files/report.pdf': state });

  it('whose file is present, or that links to a URL, is quiet', () => {
    expect(run('', '2025-08-20', { files: files({ status: 'present' }) })).toEqual([]);
    const linked = { report: 'title: Report\nurl: https://example.com/report\naccess: public\n' };
    expect(run('', '2025-08-20', { documents: linked, files: files({ status: 'missing' }) })).toEqual([]);
  });

  it('whose file is missing is an error on its `file` line (TB532)', () => {
    const found = run('', '2025-08-20', {
      documents: { report: trustDocument('report') },
      files: files({ status: 'missing' }),
    });
    expect(brief(found)).toEqual([{ code: 'TB532', severity: 'error', line: 2, subject: 'report' }]);
    expect(found[0]!.message).toBe('the file content/trust/files/report.pdf does not exist inside the repository');
    expect(found[0]!.hint).toContain('content/trust/files/');
  });

  it('whose file is not what its path says is refused on its `file` line (TB011)', () => {
    const found = run('', '2025-08-20', {
      documents: { report: trustDocument('report') },
      files: files({ status: 'refused', reason: 'not a PDF' }),
    });
    expect(brief(found)).toEqual([{ code: 'TB011', severity: 'error', line: 2, subject: 'report' }]);
    expect(found[0]!.message).toBe(
      'the file content/trust/files/report.pdf is not a PDF, so the trust center will not publish it',
    );
    expect(found[0]!.hint).toContain('content/trust/files/');
  });

  it('is valid through its last day, a warning within the warning days and an error the day after (TB532)', () => {
    const valid = { report: trustDocument('report', 'valid_until: 2025-09-30\n') };
    expect(run('', '2025-08-30', { documents: valid })).toEqual([]);
    const soon = run('', '2025-08-31', { documents: valid });
    expect(brief(soon)).toEqual([{ code: 'TB532', severity: 'warning', line: 4, subject: 'report' }]);
    expect(soon[0]!.message).toBe('"report title" is valid until 2025-09-30, in 30 days');
    expect(run('', '2025-09-30', { documents: valid })[0]!.message).toBe(
      '"report title" is valid until 2025-09-30, in 0 days',
    );
    const ended = run('', '2025-10-01', { documents: valid });
    expect(brief(ended)).toEqual([{ code: 'TB532', severity: 'error', line: 4, subject: 'report' }]);
    expect(ended[0]!.message).toBe('"report title" was valid until 2025-09-30; the trust center no longer lists it');
  });
});
