/**
 * The route data the middleware puts on `Astro.locals.trustbook`: the site from the URL's first segment, that
 * site's view (with policies as the site may show them), links relative to the page, and the layout's frame.
 */
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/site/data.ts';
import { routeData, routeOn, routeView, siteOfPath } from '../../src/site/route-data.ts';
import { auditorView, sitePolicies } from '../../src/site/views.ts';
import type { Revision } from '../../src/site/history.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

function handOver(files = validProgram(), extra: Partial<SiteData> = {}): SiteData {
  return {
    result: check(files),
    history: new Map(),
    trustChanges: [],
    grantFiles: [],
    trustDocumentFiles: new Map(),
    ...extra,
  };
}

const publicPolicy = (files: ReturnType<typeof validProgram>) =>
  edit(
    files,
    'policies/acceptable-use.mdx',
    'version: "1.0"',
    'version: "1.0"\naudience: [public, employees, auditors]',
  );

describe('the site of a URL', () => {
  it('is its first segment, when that names a site', () => {
    expect(siteOfPath('/auditors/controls/BASE-01/')).toBe('auditors');
    expect(siteOfPath('/public/')).toBe('public');
    expect(siteOfPath('/employees')).toBe('employees');
  });

  it('is none for a URL outside the three sites, even one that starts like a site', () => {
    expect(siteOfPath('/')).toBeUndefined();
    expect(siteOfPath('/publicity/')).toBeUndefined();
    expect(siteOfPath('/_astro/site.css')).toBeUndefined();
  });
});

describe('the route data of a page', () => {
  it('links relative to the page, inside its site', () => {
    const data = handOver();
    expect(routeData(data, '/auditors/controls/BASE-01/')!.href('evidence/')).toBe('../../evidence/');
    expect(routeData(data, '/auditors/')!.href('evidence/')).toBe('evidence/');
    expect(routeData(data, '/auditors/')!.href('')).toBe('./');
  });

  it('frames the trust center as indexable, with its own menu and no readiness banner', () => {
    const { frame } = routeData(handOver(), '/public/policies/')!;
    expect(frame.indexable).toBe(true);
    expect(frame.siteName).toBe('Trust Center');
    expect(frame.organization).toBe('Test Co');
    expect(frame.asOf).toBe('2026-07-15');
    expect(frame.path).toBe('policies/');
    // The helper program records no vendor and publishes no practice or policy: no menu entry leads to a
    // held-back page.
    expect(frame.navigation.map((item) => item.path)).toEqual(['', 'updates/', 'search/']);
    expect(frame.contentSecurityPolicy).toContain("form-action 'none'");
  });

  it('frames the private sites as not indexable, and with no feed', () => {
    const { frame } = routeData(handOver(), '/employees/')!;
    expect(frame.indexable).toBe(false);
    expect(frame.feedBase).toBeUndefined();
    expect(frame.siteName).toBe('Policy Portal');
  });

  it('hands each page of a site the same view, worked out once per hand-over', () => {
    const data = handOver();
    expect(routeData(data, '/auditors/')!.view).toBe(routeData(data, '/auditors/risks/')!.view);
    expect(routeView(data, 'auditors')).toBe(routeData(data, '/auditors/')!.view);
    expect(routeView(handOver(), 'auditors')).not.toBe(routeView(data, 'auditors'));
  });

  it('is none outside the three sites', () => {
    expect(routeData(handOver(), '/elsewhere/')).toBeUndefined();
  });
});

describe('a page of one site', () => {
  it('gets its site’s route data', () => {
    const route = routeData(handOver(), '/auditors/vendors/')!;
    expect(routeOn({ trustbook: route }, 'auditors').view.controls.length).toBeGreaterThan(0);
  });

  it('rendered on another site says which, rather than showing another audience’s view', () => {
    const route = routeData(handOver(), '/public/')!;
    expect(() => routeOn({ trustbook: route }, 'auditors')).toThrow(
      'A page of the auditors site was rendered on the public site',
    );
  });

  it('rendered without the middleware says so', () => {
    expect(() => routeOn({}, 'employees')).toThrow('the trustbook middleware');
  });
});

describe('policies as each site shows them', () => {
  const revisions: Revision[] = [{ commit: 'abc1234', date: '2026-03-01', author: 'Ada', subject: 'Approve' }];

  it('give the trust center the text and version, and nothing internal', () => {
    const result = check(publicPolicy(validProgram()));
    const [policy, ...others] = sitePolicies('public', result);
    expect(others).toEqual([]);
    expect(policy).toMatchObject({ id: 'acceptable-use', version: '1.0', effective: '2026-03-01' });
    expect(policy!.internal).toBeUndefined();
    expect(policy!.acknowledgeHref).toBeUndefined();
  });

  it('give the private sites owner, approval, next review and revisions', () => {
    const history = new Map([['policies/acceptable-use.mdx', revisions]]);
    const policy = sitePolicies('auditors', check(validProgram()), history).find((p) => p.id === 'acceptable-use')!;
    expect(policy.internal).toEqual({
      owner: 'Security Lead',
      approvedBy: 'Chief Executive Officer',
      approved: '2026-03-01',
      reviewDue: '2027-03-01',
      revisions,
    });
    const other = sitePolicies('auditors', check(validProgram()), history).find((p) => p.id === 'data-retention')!;
    expect(other.internal!.revisions).toEqual([]);
  });

  it('give an acknowledgement link on the employee portal only, carrying the text’s hash', () => {
    const files = edit(
      validProgram(),
      'content/program.yaml',
      'as_of:',
      'acknowledge_url: https://forms.test.example/ack\nas_of:',
    );
    const result = check(files);
    const href = sitePolicies('employees', result)[0]!.acknowledgeHref!;
    expect(href).toMatch(/^https:\/\/forms\.test\.example\/ack\?policy=[\w-]+&version=1\.0&sha256=[0-9a-f]{64}$/);
    expect(sitePolicies('auditors', result)[0]!.acknowledgeHref).toBeUndefined();
  });
});

describe('the trust center’s served files', () => {
  it('are the handed-over bytes of the public documents it serves, under their served names', () => {
    const files = {
      ...validProgram(),
      'content/trust/documents/pentest.yaml':
        'title: Penetration test summary\naccess: public\nfile: files/pentest.pdf\n',
    };
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const data = handOver(files, { trustDocumentFiles: new Map([['files/pentest.pdf', bytes]]) });
    const served = routeView(data, 'public').documentFiles;
    expect(served).toEqual([{ name: 'pentest.pdf', mediaType: 'application/pdf', bytes }]);
    expect(served[0]!.bytes).toBe(bytes);
  });

  it('leave out a document whose bytes were not handed over (the check names its file)', () => {
    const files = {
      ...validProgram(),
      'content/trust/documents/pentest.yaml':
        'title: Penetration test summary\naccess: public\nfile: files/pentest.pdf\n',
    };
    expect(routeView(handOver(files), 'public').documentFiles).toEqual([]);
  });
});

describe('the auditor view', () => {
  it('offers what pages read instead of the check result', () => {
    const result = check(validProgram());
    const view = auditorView(result);
    expect('result' in view).toBe(false);
    expect(view.exports.map((exported) => exported.file)).toEqual([
      'control-matrix.csv',
      'pbc-requests.csv',
      'program.json',
      'oscal-component-definition.json',
      'acknowledgements.csv',
    ]);
    expect(view.exports[0]!.contents()).toMatch(/^[^\n]*,/);
    expect(view.exports[0]!.mediaType).toBe('text/csv; charset=utf-8');
    expect(view.report().asOf).toBe('2026-07-15');
    expect(view.todo().length).toBeGreaterThan(0);
    expect(view.workpaper().asOf).toBe('2026-07-15');
    expect(view.findingSections().map((section) => section.title)).toEqual([
      `Errors (${view.report().errors.length})`,
      `Warnings (${view.report().warnings.length})`,
    ]);
    expect(view.requestLists).toEqual([]);
    const [control] = routeView(handOver(validProgram()), 'auditors').controls;
    expect(control!.test).toMatch(/^(inspection|re-performance|inquiry|observation)$/);
  });

  it('works out the workpaper once, when first asked', () => {
    const view = auditorView(check(validProgram()));
    expect(view.workpaper()).toBe(view.workpaper());
  });
});
