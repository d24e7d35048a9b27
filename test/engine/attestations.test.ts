/** Attestations: where a report stands on a day, around the 12-month boundary and leap days, and the findings. */
import { describe, expect, it } from 'vitest';
import { attestationState } from '../../src/engine/attestations.ts';
import { addMonths } from '../../src/engine/dates.ts';
import { trustChanges } from '../../src/trust-center/trust-updates.ts';
import { publicView } from '../../src/site/views.ts';
import { check, findings, validProgram, type Files } from '../helpers/program.ts';

/** A report issued on the last day of its period, which is as early as one can be. */
const report = (end: string, bridges: { document: string; through: string }[] = []) => ({
  period: { start: '2020-01-01', end },
  issued: end,
  bridge_letters: bridges,
});

describe('the state of an attestation', () => {
  it('is current up to three months after its period, then needs a bridge letter, and lapses after 12 months', () => {
    const end = '2025-06-30';
    expect(attestationState(report(end), '2025-09-30').state).toBe('current');
    expect(attestationState(report(end), '2025-10-01')).toMatchObject({
      state: 'bridge-needed',
      needsBridgeFrom: '2025-09-30',
    });
    expect(attestationState(report(end), '2026-06-30')).toMatchObject({ state: 'bridge-needed', lapses: '2026-06-30' });
    expect(attestationState(report(end), '2026-07-01')).toMatchObject({ state: 'lapsed', lapses: '2026-06-30' });
  });

  it('is current for three months after the day a bridge letter speaks up to, and not a day longer', () => {
    const bridged = report('2025-06-30', [{ document: 'bridge', through: '2025-12-31' }]);
    expect(attestationState(bridged, '2025-12-31')).toMatchObject({ state: 'current', bridgedThrough: '2025-12-31' });
    expect(attestationState(bridged, '2026-03-31')).toMatchObject({ state: 'current', bridgedThrough: '2025-12-31' });
    expect(attestationState(bridged, '2026-04-01').state).toBe('bridge-needed');
    // A bridge letter cannot stretch a report past its 12 months.
    const late = report('2025-06-30', [{ document: 'bridge', through: '2026-06-15' }]);
    expect(attestationState(late, '2026-07-01').state).toBe('lapsed');
  });

  it('cannot be true with a bridge letter that speaks for days still to come', () => {
    const bridged = report('2025-06-30', [{ document: 'bridge', through: '2025-12-31' }]);
    expect(attestationState(bridged, '2025-12-30')).toMatchObject({
      state: 'impossible',
      reasons: [expect.objectContaining({ path: ['bridge_letters', 0] })],
    });
  });

  it('cannot be true when issued before its period ended: the day before is refused, the last day accepted', () => {
    const early = { ...report('2025-06-30'), issued: '2025-06-29' };
    expect(attestationState(early, '2025-07-15')).toMatchObject({
      state: 'impossible',
      reasons: [expect.objectContaining({ path: ['issued'] })],
    });
    expect(attestationState(report('2025-06-30'), '2025-07-15').state).toBe('current');
  });

  it('cannot be true as a Type II without a period, or over more than 12 months', () => {
    const year = {
      report_type: 'II' as const,
      period: { start: '2025-01-01', end: '2025-12-31' },
      issued: '2026-02-01',
      bridge_letters: [],
    };
    expect(attestationState(year, '2026-02-01').state).toBe('current');
    const longer = { ...year, period: { start: '2025-01-01', end: '2026-01-01' } };
    expect(attestationState(longer, '2026-02-01')).toMatchObject({
      state: 'impossible',
      reasons: [expect.objectContaining({ path: ['period'] })],
    });
    const none = { report_type: 'II' as const, date: '2025-12-31', issued: '2026-02-01', bridge_letters: [] };
    expect(attestationState(none, '2026-02-01')).toMatchObject({
      state: 'impossible',
      reasons: [expect.objectContaining({ path: ['report_type'] })],
    });
  });

  it('lapses on the last day of February after a period that ended on a leap day', () => {
    expect(attestationState(report('2024-02-29'), '2025-02-28')).toMatchObject({
      state: 'bridge-needed',
      lapses: '2025-02-28',
    });
    expect(attestationState(report('2024-02-29'), '2025-03-01').state).toBe('lapsed');
    // And a period ending on the 28th of a common year lapses on the 28th, even when the next year is a leap year.
    expect(attestationState(report('2023-02-28'), '2024-02-28').state).not.toBe('lapsed');
    expect(attestationState(report('2023-02-28'), '2024-02-29').state).toBe('lapsed');
  });

  it('takes a Type I report’s date as the end of what it speaks for, and is nothing before it is issued', () => {
    const typeOne = { date: '2025-05-31', issued: '2025-06-20', bridge_letters: [] };
    expect(attestationState(typeOne, '2025-06-20').state).toBe('current');
    expect(attestationState(typeOne, '2025-06-19').state).toBe('not-issued');
  });
});

const withTrust = (attestation: string, documents: Files = {}): Files => ({
  ...validProgram(),
  'content/trust/attestations/soc2-2025.yaml': attestation,
  'content/trust/documents/soc2-report-2025.yaml':
    'title: SOC 2 Type II report 2025\nfile: reports/soc2-2025.pdf\naccess: nda\n',
  ...documents,
});

const soc2 = (end: string, extra = '') =>
  `framework: soc2\nreport_type: II\nperiod: { start: ${addMonths(end, -6)}, end: ${end} }\nauditor: Test CPA\nissued: ${end}\ndocument: soc2-report-2025\n${extra}`;

describe('the trust rule', () => {
  it('reports a lapsed report as an error with its line, and one about to lapse as a warning', () => {
    const lapsed = check(withTrust(soc2('2025-06-30')), { asOf: '2026-07-15' });
    expect(findings(lapsed, 'TB530')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'content/trust/attestations/soc2-2025.yaml',
        line: 3,
        subject: { kind: 'attestation', id: 'soc2-2025' },
      }),
    ]);
    const soon = check(
      withTrust(soc2('2025-07-31', 'bridge_letters: [{ document: soc2-report-2025, through: 2026-07-01 }]\n')),
      {
        asOf: '2026-07-15',
      },
    );
    expect(findings(soon, 'TB530')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('asks for a bridge letter once the period is over three months behind', () => {
    const result = check(withTrust(soc2('2026-01-31')), { asOf: '2026-07-15' });
    expect(findings(result, 'TB531')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('refuses a report or bridge letter that names no trust document', () => {
    const result = check(
      withTrust(
        soc2('2026-05-31', 'bridge_letters: [{ document: nope, through: 2026-06-30 }]\n').replace(
          'document: soc2-report-2025',
          'document: missing',
        ),
      ),
    );
    expect(findings(result, 'TB211').map((d) => d.message)).toEqual([
      'names the trust document "missing", which does not exist',
      'names the trust document "nope", which does not exist',
    ]);
  });

  it('says when a trust document is no longer valid', () => {
    const result = check(
      withTrust(soc2('2026-05-31'), {
        'content/trust/documents/insurance.yaml':
          'title: Cyber insurance certificate\nurl: https://test.example/insurance.pdf\naccess: public\nvalid_until: 2026-06-30\n',
      }),
    );
    expect(findings(result, 'TB532')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/trust/documents/insurance.yaml', line: 4 }),
    ]);
  });

  it('reports an attestation that cannot be true on the line that says so, and the trust center shows no badge for it', () => {
    const result = check(
      withTrust(soc2('2026-05-31', 'bridge_letters: [{ document: soc2-report-2025, through: 2026-08-31 }]\n')),
    );
    expect(findings(result, 'TB538')).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 7,
        message: expect.stringMatching(/up to 2026-08-31, which have not yet passed on 2026-07-15/),
      }),
    ]);
    expect(publicView(result).attestations).toEqual([]);
    const fine = check(
      withTrust(soc2('2026-05-31', 'bridge_letters: [{ document: soc2-report-2025, through: 2026-07-15 }]\n')),
    );
    expect(findings(fine, 'TB538')).toEqual([]);
    expect(publicView(fine).attestations.map((attestation) => attestation.id)).toEqual(['soc2-2025']);
  });
});

describe('the trust center’s updates', () => {
  it('never announce an attestation that cannot be true', () => {
    const text = (issued: string) =>
      `framework: soc2\nreport_type: II\nperiod: { start: 2025-07-01, end: 2026-06-30 }\nauditor: Test CPA\nissued: ${issued}\n`;
    const updates = (issued: string) => {
      const path = 'content/trust/attestations/soc2.yaml';
      const history = [
        { commit: 'a'.repeat(40), date: '2026-07-10', baseline: false, files: [{ path, text: text(issued) }] },
      ];
      return publicView(check({ ...validProgram(), [path]: text(issued) }), trustChanges(history)).updates;
    };
    expect(updates('2026-07-10').map((update) => update.kind)).toEqual(['attestation-issued']);
    expect(updates('2026-06-01')).toEqual([]);
  });
});
