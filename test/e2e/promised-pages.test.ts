/**
 * The pages and files each site promises its readers. The every-page walk only sees what the build wrote; this
 * list catches a page that was never written.
 */
import { describe, it } from 'vitest';
import { useHarness } from './harness.ts';
import type { SiteName } from './sites.ts';

const harness = useHarness();

const promised: Record<SiteName, string[]> = {
  public: [
    '/',
    '/practices/',
    '/subprocessors/',
    '/subprocessors.xml',
    '/subprocessors.json',
    '/policies/',
    '/policies/encryption/',
    '/faq/',
    '/search/',
    '/.well-known/security.txt',
    '/sitemap.xml',
  ],
  employees: [
    '/',
    '/policies/',
    '/policies/access-control/',
    '/procedures/',
    '/procedures/onboarding/',
    '/checklists/',
    '/checklists/soc2-readiness/',
    '/owners/',
    '/calendar.ics',
    '/search/',
  ],
  auditors: [
    '/',
    '/criteria/',
    '/frameworks/',
    '/frameworks/iso27001/',
    '/frameworks/hipaa/',
    '/controls/',
    '/controls/AC-04/',
    '/evidence/',
    '/evidence/EV-AC-04/',
    '/policies/',
    '/policies/access-control/',
    '/procedures/',
    '/procedures/onboarding/',
    '/vendors/',
    '/risks/',
    '/people/',
    '/acknowledgements/',
    '/system-description/',
    '/statement-of-applicability/',
    '/audit/',
    '/requests/',
    '/readiness/',
    '/search/',
  ],
};

/** Pages of another audience: a site that served them would show its readers what they may not see. */
const withheld: Record<SiteName, string[]> = {
  // Access Control is an employees-and-auditors policy; controls and evidence are for auditors only.
  public: ['/policies/access-control/', '/procedures/onboarding/', '/controls/AC-04/', '/evidence/EV-AC-04/'],
  employees: [
    '/controls/',
    '/controls/AC-04/',
    '/evidence/',
    '/evidence/EV-AC-04/',
    '/risks/',
    '/people/',
    '/acknowledgements/',
    '/statement-of-applicability/',
    '/frameworks/',
    '/frameworks/iso27001/',
  ],
  // The sample has no NIST CSF in scope: no page claims coverage of it.
  auditors: ['/frameworks/csf/'],
};

describe.each(Object.entries(promised))('the %s site', (site, paths) => {
  it.concurrent.for(paths)('serves %s', async (path, { expect }) => {
    const response = await fetch(harness().url(site as SiteName, path), { redirect: 'manual' });
    await response.body?.cancel();
    expect(response.status).toBe(200);
  });
});

describe.each(Object.entries(withheld).filter(([, paths]) => paths.length > 0))('the %s site', (site, paths) => {
  it.concurrent.for(paths)('does not serve %s', async (path, { expect }) => {
    const response = await fetch(harness().url(site as SiteName, path), { redirect: 'manual' });
    await response.body?.cancel();
    expect(response.status).toBe(404);
  });
});
