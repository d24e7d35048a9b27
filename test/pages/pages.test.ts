/**
 * Pages that only render a view, rendered with the container API from a `validProgram()` view: what each site's
 * page shows, and what it leaves out, in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import PolicyList from '../../src/components/PolicyList.astro';
import Readiness from '../../src/routes/auditors/readiness.astro';
import RiskRegister from '../../src/routes/auditors/risks/index.astro';
import Grants from '../../src/routes/employees/grants.astro';
import Subprocessors from '../../src/routes/public/subprocessors.astro';
import { routeView } from '../../src/site/route-data.ts';
import { edit, validProgram } from '../helpers/program.ts';
import { handOver, renderAt, textOf } from './render.ts';

const risk = (id: string, likelihood: number, impact: number) => `---
id: ${id}
title: Risk ${id}
owner: security-lead
likelihood: ${likelihood}
impact: ${impact}
treatment: mitigate
controls: [BASE-01]
residual: low
reviewed: 2026-06-01
---

Text.
`;

const vendor = (id: string, name: string, isPublic: boolean) => `---
id: ${id}
name: ${name}
purpose: Hosts things.
data: [customer data]
criticality: high
subprocessor: ${isPublic}
locations: [Ireland]
added: 2025-06-01
reviewed: 2026-06-01
review_months: 12
assurance: { type: soc2-type2, period_end: 2026-05-31 }
public: ${isPublic}
---
`;

describe('the risk register', () => {
  const data = handOver({
    ...validProgram(),
    'content/risks/R-01.mdx': risk('R-01', 2, 3),
    'content/risks/R-02.mdx': risk('R-02', 5, 4),
  });

  it('lists the risks worst first, with owner titles and links relative to the page', async () => {
    const html = await renderAt(RiskRegister, '/auditors/risks/', data);
    const text = textOf(html);
    expect(text).toContain('Risk register');
    expect(text.indexOf('Risk R-02')).toBeLessThan(text.indexOf('Risk R-01'));
    expect(text).toContain('5 × 4 = 20');
    expect(text).toContain('Security Lead');
    expect(html).toContain('href="../risks/R-01/"');
  });

  it('is framed as the evidence index: not indexable, with its menu', async () => {
    const html = await renderAt(RiskRegister, '/auditors/risks/', data);
    expect(html).toContain('<title>Risk register · Test Co Evidence Index</title>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toMatch(/<a href="\.\.\/risks\/"[^>]*aria-current="page"/);
  });
});

describe('the readiness page', () => {
  it('offers the export files with what each holds, linked relative to the page', async () => {
    const html = await renderAt(Readiness, '/auditors/readiness/', handOver(validProgram()));
    const text = textOf(html);
    expect(text).toContain('What the build found, as of 2026-07-15.');
    expect(text).toContain('PBC request list, one row per period (CSV)');
    expect(text).toContain('OSCAL 1.1 component definition (JSON)');
    expect(html).toContain('href="../exports/control-matrix.csv"');
    expect(html).not.toContain('updates.xml');
  });
});

describe('the policy list', () => {
  const files = edit(
    validProgram(),
    'policies/acceptable-use.mdx',
    'version: "1.0"',
    'version: "1.0"\naudience: [public, employees, auditors]',
  );
  const data = handOver(files);

  it('shows staff the owner and next review of every policy they may read', async () => {
    const html = await renderAt(PolicyList, '/employees/policies/', data, {
      policies: routeView(data, 'employees').policies,
    });
    const text = textOf(html);
    expect(text).toContain('Owner');
    expect(text).toContain('Next review');
    expect(text).toContain('Security Lead');
    expect(text).toContain('2027-03-01');
    expect(text).toContain('data-retention policy');
  });

  it('shows the trust center only the published policy, with no owner or review', async () => {
    const html = await renderAt(PolicyList, '/public/policies/', data, {
      policies: routeView(data, 'public').policies,
    });
    const text = textOf(html);
    expect(text).toContain('acceptable-use policy');
    expect(text).not.toContain('data-retention policy');
    expect(text).not.toContain('Owner');
    expect(text).not.toContain('Security Lead');
    expect(text).not.toContain('2027-03-01');
    expect(html).toContain('href="../policies/acceptable-use/"');
  });
});

describe('the trust center’s subprocessors', () => {
  it('lists public subprocessors and never a vendor kept private', async () => {
    const data = handOver({
      ...validProgram(),
      'content/vendors/cloudco.mdx': vendor('cloudco', 'CloudCo Hosting', true),
      'content/vendors/vaultly.mdx': vendor('vaultly', 'Vaultly Secrets', false),
    });
    const html = await renderAt(Subprocessors, '/public/subprocessors/', data);
    const text = textOf(html);
    expect(text).toContain('CloudCo Hosting');
    expect(text).toContain('Ireland');
    expect(text).not.toContain('Vaultly');
    expect(html).not.toContain('noindex');
    // Feed readers find the trust updates from any page of the trust center, at its public address.
    expect(html).toContain('href="https://test.example/updates.xml"');
  });
});

describe('the record of grants', () => {
  it('says so when nothing is shared under NDA', async () => {
    const html = await renderAt(Grants, '/employees/grants/', handOver(validProgram()));
    expect(textOf(html)).toContain('Documents shared under NDA');
    expect(html).toContain('<title>Shared under NDA · Test Co Policy Portal</title>');
  });
});

describe('the readiness banner', () => {
  // Readiness mode lasts until the audit window opens on 2026-01-01.
  const files = edit(validProgram(), 'content/program.yaml', 'as_of: 2026-07-15', 'readiness: true');
  const banner = 'Readiness: this program is being prepared for its audit.';

  it('frames the private sites while the program prepares for its audit', async () => {
    const html = await renderAt(Grants, '/employees/grants/', handOver(files, { asOf: '2025-12-31' }));
    expect(textOf(html)).toContain(banner);
  });

  it('is gone on the day the window opens', async () => {
    const html = await renderAt(Grants, '/employees/grants/', handOver(files, { asOf: '2026-01-01' }));
    expect(textOf(html)).not.toContain(banner);
  });

  it('never frames the trust center', async () => {
    const html = await renderAt(Subprocessors, '/public/subprocessors/', handOver(files, { asOf: '2025-12-31' }));
    expect(textOf(html)).not.toContain(banner);
  });
});
