/**
 * The trust rule (TB211, TB530, TB531, TB532, TB538, TB011) called on a model built from memory, and how an
 * attestation is named: each framework's name, a Type I report by its date, a certificate by its number; a
 * report's findings at the line of its period or date; a trust document valid through the evaluation date and
 * the warning window and not a day more; a document's file missing or refused; and the reports the rule leaves to
 * certificates.ts (ISO/IEC 27001, HIPAA) still held to name real documents.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import type { TrustFileState } from '../../src/engine/model.ts';
import { attestationName, trustRule } from '../../src/engine/rules/trust.ts';
import type { AttestationData } from '../../src/schema/index.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const ATTESTATION = 'content/trust/attestations/report.yaml';
const DOCUMENT = 'content/trust/documents/report.yaml';
const AS_OF = '2026-07-15';

const base = { auditor: 'Test CPA', issued: '2026-01-31', bridge_letters: [], surveillance_audits: [] };

describe('an attestation’s name', () => {
  it('is its framework’s, its type and its period or date', () => {
    const names = (['soc2', 'soc3', 'pci-dss', 'hipaa', 'other'] as const).map((framework) =>
      attestationName({ ...base, framework, period: { start: '2025-01-01', end: '2025-12-31' } } as AttestationData),
    );
    expect(names).toEqual([
      'SOC 2 report (2025-01-01 to 2025-12-31)',
      'SOC 3 report (2025-01-01 to 2025-12-31)',
      'PCI DSS report (2025-01-01 to 2025-12-31)',
      'HIPAA report (2025-01-01 to 2025-12-31)',
      'attestation report (2025-01-01 to 2025-12-31)',
    ]);
    expect(
      attestationName({ ...base, framework: 'soc2', report_type: 'I', date: '2025-12-31' } as AttestationData),
    ).toBe('SOC 2 Type I report (as of 2025-12-31)');
  });

  it('is a certificate’s number and days for ISO/IEC 27001, and a report’s without an expiry', () => {
    const certificate = {
      ...base,
      framework: 'iso27001',
      issued: '2025-03-01',
      expires: '2028-02-28',
    } as AttestationData;
    expect(attestationName({ ...certificate, certificate: 'IS 712345' })).toBe(
      'ISO/IEC 27001 certificate IS 712345 (issued 2025-03-01, expires 2028-02-28)',
    );
    expect(attestationName(certificate)).toBe('ISO/IEC 27001 certificate  (issued 2025-03-01, expires 2028-02-28)');
    const report = { ...base, framework: 'iso27001', date: '2025-12-31' } as AttestationData;
    expect(attestationName(report)).toBe('ISO/IEC 27001 report (as of 2025-12-31)');
  });
});

/** The rule over an attestation (its `period` or `date` on line 3, `bridge_letters` on 6) and the documents given. */
function run(
  attestation: string | undefined,
  documents: Record<string, string> = {},
  files: Record<string, TrustFileState> = {},
  asOf = AS_OF,
): Diagnostic[] {
  const model = smallModel({
    [DOCUMENT]: 'title: SOC 2 Type II report\nurl: https://test.example/report.pdf\naccess: nda\n',
    ...(attestation === undefined ? {} : { [ATTESTATION]: attestation }),
    ...documents,
  });
  for (const [path, state] of Object.entries(files)) model.trustFiles.set(path, state);
  return trustRule(model, ruleContext(asOf));
}

/** A SOC 2 Type II report of the six months ending `end`, issued that day, with the lines given after it. */
const soc2 = (end: string, extra = '') =>
  `framework: soc2\nreport_type: II\nperiod: { start: ${end.slice(0, 4)}-01-01, end: ${end} }\nauditor: Test CPA\nissued: ${end}\ndocument: report\n${extra}`;

const described = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity} ${d.line}: ${d.message}`);

describe('a report', () => {
  it('lapsed is an error at its period line, for the attestation', () => {
    const [found] = run(soc2('2025-06-30'));
    expect(found).toMatchObject({
      code: 'TB530',
      severity: 'error',
      file: ATTESTATION,
      line: 3,
      subject: { kind: 'attestation', id: 'report' },
      message:
        'the SOC 2 Type II report (2025-01-01 to 2025-06-30) lapsed on 2026-06-30, 12 months after its period ended; the trust center shows no badge for it',
    });
  });

  it('of a Type I audit, lapsed, is reported at its date line', () => {
    const typeI =
      'framework: soc2\nreport_type: I\ndate: 2025-06-30\nauditor: Test CPA\nissued: 2025-06-30\ndocument: report\n';
    expect(run(typeI).map((d) => [d.code, d.line])).toEqual([['TB530', 3]]);
  });

  it('about to lapse is a warning with the days left, and not within the warning window is nothing', () => {
    const bridged = (end: string) => soc2(end, `bridge_letters: [{ document: report, through: ${AS_OF} }]\n`);
    expect(described(run(bridged('2025-08-14')))).toEqual([
      'TB530 warning 3: the SOC 2 Type II report (2025-01-01 to 2025-08-14) lapses on 2026-08-14, in 30 days',
    ]);
    expect(run(bridged('2025-08-15'))).toEqual([]);
  });

  it('needing a bridge letter is a warning at `bridge_letters`, naming the evaluation date', () => {
    expect(described(run(soc2('2026-01-31', 'bridge_letters: []\n')))).toEqual([
      'TB531 warning 7: the SOC 2 Type II report (2026-01-01 to 2026-01-31) ended over three months ago (2026-01-31) and no bridge letter speaks for the last three months before 2026-07-15; the trust center shows no badge for it until one does',
    ]);
  });

  it('that cannot be true is reported at the entry that says so (a bridge letter speaking for days to come)', () => {
    const ahead = soc2('2026-05-31', 'bridge_letters:\n  - document: report\n    through: 2026-07-16\n');
    expect(run(ahead).map((d) => [d.code, d.severity, d.line])).toEqual([['TB538', 'error', 8]]);
  });

  it('not issued yet raises nothing', () => {
    expect(run(soc2('2026-06-30').replace('issued: 2026-06-30', 'issued: 2026-07-16'))).toEqual([]);
  });
});

describe('the documents an attestation names', () => {
  it('that do not exist are errors at the report’s `document` and at the letter’s entry', () => {
    const text = soc2(
      '2026-05-31',
      'bridge_letters:\n  - { document: report, through: 2026-06-30 }\n  - { document: nope, through: 2026-07-01 }\n',
    ).replace('document: report\n', 'document: missing\n');
    expect(described(run(text))).toEqual([
      'TB211 error 6: names the trust document "missing", which does not exist',
      'TB211 error 9: names the trust document "nope", which does not exist',
    ]);
  });

  it('are held for a certificate and a HIPAA report too, which the rule judges no further', () => {
    const certificate =
      'framework: iso27001\ncertificate: IS 1\nexpires: 2026-07-01\nscope: Everything\nauditor: Test CPA\nissued: 2023-07-01\ndocument: nope\n';
    expect(run(certificate).map((d) => d.code)).toEqual(['TB211']);
    const hipaa = 'framework: hipaa\ndate: 2024-01-01\nauditor: Test CPA\nissued: 2024-01-01\ndocument: report\n';
    expect(run(hipaa)).toEqual([]);
  });
});

describe('a trust document', () => {
  const valid = (until: string) => ({
    'content/trust/documents/insurance.yaml': `title: Cyber insurance\nurl: https://test.example/insurance.pdf\naccess: public\nvalid_until: ${until}\n`,
  });

  it('is valid through the evaluation date with a warning, and an error the day after its last day', () => {
    expect(described(run(undefined, valid(AS_OF)))).toEqual([
      'TB532 warning 4: "Cyber insurance" is valid until 2026-07-15, in 0 days',
    ]);
    expect(described(run(undefined, valid('2026-07-14')))).toEqual([
      'TB532 error 4: "Cyber insurance" was valid until 2026-07-14; the trust center no longer lists it',
    ]);
  });

  it('valid beyond the warning window raises nothing; on its last day, a warning', () => {
    expect(run(undefined, valid('2026-08-15'))).toEqual([]);
    expect(run(undefined, valid('2026-08-14')).map((d) => d.severity)).toEqual(['warning']);
  });

  it('whose file is missing, or refused, is reported at its `file` line', () => {
    const filed = {
      'content/trust/documents/policy.yaml': 'title: Security policy\naccess: nda\nfile: security.pdf\n',
    };
    const [missing] = run(undefined, filed, { 'security.pdf': { status: 'missing' } });
    expect(missing).toMatchObject({
      code: 'TB532',
      severity: 'error',
      line: 3,
      subject: { kind: 'trust-document', id: 'policy' },
      message: 'the file security.pdf does not exist inside the repository',
    });
    expect(
      described(run(undefined, filed, { 'security.pdf': { status: 'refused', reason: 'a symbolic link' } })),
    ).toEqual(['TB011 error 3: the file security.pdf is a symbolic link, so the trust center will not publish it']);
    expect(run(undefined, filed, { 'security.pdf': { status: 'present' } })).toEqual([]);
  });
});
