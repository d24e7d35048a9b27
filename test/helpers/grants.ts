/** A program whose trust center gives a report under NDA through one grant, for the grant tests. */
import { createHash } from 'node:crypto';
import { validProgram, type Files } from './program.ts';

export const nda = `---
title: Mutual NDA
effective: 2026-01-01
---

Keep it to yourselves.
`;
export const ndaVersion = createHash('sha256').update(nda).digest('hex');

/** A grant secret as `trustbook grant secret` prints one, for tests only. */
export const TEST_SECRET = 'tbgs1_TSQKyzM409KL5k_4gkK-e3FJ0A-AxyHlHGn_zkRWTHs';

/** The helper grant's salt. */
export const TEST_SALT = 'K3v9Qm2Lx8Pz4Rt7Wy1Nb6';

/** A program with a report under NDA, a public summary, the NDA text and one grant. */
export function withGrant(grant: Record<string, string> = {}): Files {
  const fields = {
    name: 'Priya Raman',
    email: 'priya@northwind.example',
    organization: 'Northwind Clinics',
    documents: '[soc2-report]',
    nda_version: ndaVersion,
    granted: '2026-07-01',
    expires: '2026-12-31',
    salt: TEST_SALT,
    ...grant,
  };
  return {
    ...validProgram(),
    'content/trust/documents/soc2-report.yaml':
      'title: SOC 2 report\nfile: content/trust/files/report.pdf\naccess: nda\n',
    'content/trust/documents/summary.yaml': 'title: Summary\nurl: https://files.test/summary.pdf\naccess: public\n',
    'content/trust/documents/elsewhere.yaml': 'title: Kept elsewhere\nurl: https://files.test/r.pdf\naccess: nda\n',
    'content/trust/nda/mutual.md': nda,
    'content/trust/grants/northwind.yaml': Object.entries(fields)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n'),
  };
}
