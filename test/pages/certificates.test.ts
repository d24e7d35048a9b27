import { describe, expect, it } from 'vitest';
import PublicHome from '../../src/components/home/PublicHome.astro';
import Practices from '../../src/routes/public/practices.astro';
import { publicView } from '../../src/site/views.ts';
import { trustSummary } from '../../src/trust-center/trust-summary.ts';
import { validProgram, type Files } from '../helpers/program.ts';
import { handOver, renderAt, textOf } from './render.ts';

const FILE = 'content/trust/attestations/iso27001.yaml';

/** The test program with an ISO/IEC 27001 certificate issued on `issued` that expires on `expires`. */
const withCertificate = (issued: string, expires: string): Files => ({
  ...validProgram(),
  [FILE]: `framework: iso27001\nauditor: Test Certification Ltd\ncertificate: IS 700001\nscope: The test platform and the team that runs it.\nissued: ${issued}\nexpires: ${expires}\nsurveillance_audits: [2024-06-10, 2025-06-12]\n`,
});

describe('an ISO/IEC 27001 certificate on the trust center', () => {
  it('shows a current certificate as a badge with its number, expiry, scope and certification body', async () => {
    const text = textOf(await renderAt(PublicHome, '/public/', handOver(withCertificate('2023-08-14', '2026-08-13'))));
    expect(text).toContain('ISO/IEC 27001 certificate current');
    expect(text).toContain('Certificate IS 700001 Valid until 2026-08-13');
    expect(text).toContain('Scope The test platform and the team that runs it.');
    expect(text).toContain('Certification body Test Certification Ltd');
    // The note about obtaining the SOC 2 report is not the certificate's to make.
    expect(text).not.toContain('The report is available');
  });

  it('claims nothing of ISO/IEC 27001 on any public page once the certificate has expired', async () => {
    const data = handOver(withCertificate('2023-07-15', '2026-07-14'));
    expect(data.result.diagnostics.map((finding) => finding.code)).toContain('TB358');
    for (const [page, path] of [
      [PublicHome, '/public/'],
      [Practices, '/public/practices/'],
    ] as const) {
      expect(await renderAt(page, path, data)).not.toMatch(/ISO|27001|IS 700001/);
    }
    expect(JSON.stringify(trustSummary(publicView(data.result)))).not.toMatch(/ISO|27001/);
  });
});
