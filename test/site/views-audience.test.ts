/**
 * What each site's view holds, at the edges of each filter: a document's audience (exactly the trust center, the
 * trust center and others, not the trust center), a trust document's access and the last day it is valid, a
 * subprocessor's removal day, a control's change on the first and last day of the audit window.
 */
import { describe, expect, it } from 'vitest';
import {
  auditorResult,
  auditorView,
  employeeView,
  publicBase,
  publicView,
  servedName,
  viewOf,
  withheldRoutes,
} from '../../src/site/views.ts';
import { auditorPageView } from '../../src/site/views/pages.ts';
import { trustChanges, type TrustFileVersion } from '../../src/trust-center/trust-updates.ts';
import { withGrant } from '../helpers/grants.ts';
import { check, edit, validProgram, without, type Files } from '../helpers/program.ts';

const ids = (documents: readonly { id: string }[]) => documents.map((document) => document.id);

/** The helper program with one policy, procedure and checklist for each audience. */
function audiences(): Files {
  let files = validProgram();
  const lists = {
    'only-public': '[public]',
    'public-and-staff': '[public, employees]',
    'staff-and-auditors': '[employees, auditors]',
    'auditors-only': '[auditors]',
  };
  const policies = Object.keys(lists).map((id) => `policies/${id}.mdx`);
  for (const [index, [id, audience]] of Object.entries(lists).entries()) {
    files = {
      ...files,
      [policies[index]!]: files['policies/information-security.mdx']!.replace(
        'title: information-security policy',
        `title: ${id} policy\naudience: ${audience}`,
      ).replace('kind: information-security\n', ''),
      [`content/procedures/${id}.mdx`]: `---\nid: ${id}\ntitle: ${id} procedure\nowner: security-lead\npolicies: [information-security]\nfrequency: quarterly\naudience: ${audience}\n---\n\n- [ ] Do it\n`,
      [`content/checklists/${id}.mdx`]: `---\nid: ${id}\ntitle: ${id} checklist\naudience: ${audience}\n---\n\n- [ ] Step\n`,
    };
  }
  return files;
}

describe('the audience of a policy, a procedure and a checklist', () => {
  it('puts a document on exactly the sites its audience names, the trust center only when it names it', () => {
    const result = check(audiences());
    const mine = (list: readonly { id: string }[]) =>
      ids(list).filter((id) => /only|and/.test(id) && !id.startsWith('information'));
    const expected = {
      public: ['only-public', 'public-and-staff'],
      employees: ['public-and-staff', 'staff-and-auditors'],
      auditors: ['auditors-only', 'staff-and-auditors'],
    };
    const views = { public: publicView(result), employees: employeeView(result), auditors: auditorView(result) };
    for (const [site, view] of Object.entries(views)) {
      const want = expected[site as keyof typeof expected];
      expect(mine(view.policies).sort(), `${site} policies`).toEqual(want);
      expect(mine(view.checklists).sort(), `${site} checklists`).toEqual(want);
      expect([...view.checklistProgress.keys()].filter((id) => want.includes(id)).sort()).toEqual(want);
      expect([...view.checklistProgress.keys()].every((id) => ids(view.checklists).includes(id))).toBe(true);
    }
    // The trust center publishes no procedure, whatever its audience says... except one meant for it.
    expect(mine(views.public.procedures).sort()).toEqual(['only-public', 'public-and-staff']);
    expect(mine(views.employees.procedures).sort()).toEqual(['public-and-staff', 'staff-and-auditors']);
    expect(mine(views.auditors.procedures).sort()).toEqual(['auditors-only', 'staff-and-auditors']);
  });

  it('leaves out of the trust center a public document that still holds a to-do, and keeps it on the others', () => {
    const files = edit(audiences(), 'policies/only-public.mdx', '## Purpose', '## Purpose\n\n<Todo>Write it.</Todo>');
    const withTodo = edit(
      files,
      'content/checklists/public-and-staff.mdx',
      '- [ ] Step',
      '<Todo>Say when.</Todo>\n\n- [ ] Step',
    );
    const result = check(withTodo);
    expect(ids(publicView(result).policies)).not.toContain('only-public');
    expect(ids(publicView(result).policies)).toContain('public-and-staff');
    expect(ids(publicView(result).checklists)).not.toContain('public-and-staff');
    expect([...publicView(result).checklistProgress.keys()]).not.toContain('public-and-staff');
    expect(ids(publicView(result).checklists)).toContain('only-public');
    expect(ids(employeeView(result).checklists)).toContain('public-and-staff');
  });

  it('gives the auditor site the controls, evidence, risks, system description and assertion auditors may see', () => {
    let files = edit(validProgram(), 'content/system-description.mdx', 'owner:', 'audience: [employees]\nowner:');
    files = edit(files, 'content/assertion.mdx', 'date:', 'audience: [employees]\ndate:');
    files = {
      ...files,
      'content/risks/r1.md':
        '---\nid: r1\ntitle: Lost laptop\nowner: security-lead\nlikelihood: 2\nimpact: 3\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-01-05\naudience: [employees]\n---\n\nText.\n',
      'content/risks/r2.md':
        '---\nid: r2\ntitle: Stolen key\nowner: security-lead\nlikelihood: 2\nimpact: 3\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-01-05\n---\n\nText.\n',
    };
    const result = check(files);
    const view = auditorView(result);
    expect(view.systemDescription).toBeUndefined();
    expect(view.assertion).toBeUndefined();
    expect(ids(view.risks)).toEqual(['r2']);
    expect(ids(view.controls)).toEqual(['BASE-01']);
    expect(ids(view.evidence)).toEqual(['EV-BASE-01']);
    const open = auditorView(check(validProgram()));
    expect(open.systemDescription?.file).toBe('content/system-description.mdx');
    expect(open.assertion?.file).toBe('content/assertion.mdx');
    // The auditor site's files are made from what auditors see, and nothing else.
    const filtered = auditorResult(result);
    expect(filtered.model.systemDescription).toBeUndefined();
    expect(ids(filtered.model.risks)).toEqual(['r2']);
    expect(filtered.model.trustPages).toEqual([]);
    expect(auditorResult(check(validProgram())).model.systemDescription?.file).toBe('content/system-description.mdx');
  });

  it('hides a control meant for employees from the auditor view and its statuses', () => {
    const result = check(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'owner:', 'audience: [employees]\nowner:'),
    );
    expect(auditorView(result).controls).toEqual([]);
    expect(auditorPageView(result, new Map()).controls).toEqual([]);
    const shown = auditorPageView(check(validProgram()), new Map()).controls;
    expect(shown.map((control) => [control.id, control.operating])).toEqual([['BASE-01', 'operating']]);
  });
});

describe('the people each site names', () => {
  it('names roles everywhere and staff on the private sites only', () => {
    const result = check(validProgram());
    const roles = ['Chief Executive Officer', 'Security Lead'];
    const titles = (view: { people: { roles: readonly { title: string }[] } }) => view.people.roles.map((r) => r.title);
    expect(titles(publicView(result))).toEqual(roles);
    expect(titles(employeeView(result))).toEqual(roles);
    expect(titles(auditorView(result))).toEqual(roles);
    expect(publicView(result).people.staff).toEqual([]);
    expect(ids(employeeView(result).people.staff)).toEqual(['ada']);
    expect(ids(auditorView(result).people.staff)).toEqual(['ada']);
    expect(ids(auditorView(result).staff)).toEqual(['ada']);
    expect(employeeView(result).roles.map((role) => role.title)).toEqual(roles);
    expect(auditorView(result).roles.map((role) => role.title)).toEqual(roles);
  });
});

/** The grant helper's program, with more trust documents around the evaluation date (2026-07-15). */
function trustDocuments(): Files {
  return {
    ...withGrant(),
    'content/trust/documents/pentest.yaml':
      'title: Penetration test summary\nfile: content/trust/files/pentest.PDF\naccess: public\nvalid_until: 2026-07-15\n',
    'content/trust/documents/old-letter.yaml':
      'title: Bridge letter\nurl: https://files.test/bridge.pdf\naccess: public\nvalid_until: 2026-07-14\n',
    'content/trust/files/pentest.PDF': '%PDF-1.4',
    'content/trust/files/report.pdf': '%PDF-1.4',
  };
}

describe('the trust center’s documents', () => {
  it('lists the documents valid through the evaluation date, by title, with a link for public ones only', () => {
    const view = publicView(check(trustDocuments()));
    expect(view.trustDocuments).toEqual([
      {
        id: 'elsewhere',
        title: 'Kept elsewhere',
        summary: undefined,
        access: 'nda',
        href: undefined,
        validUntil: undefined,
      },
      {
        id: 'pentest',
        title: 'Penetration test summary',
        summary: undefined,
        access: 'public',
        href: 'documents/pentest.pdf',
        validUntil: '2026-07-15',
      },
      {
        id: 'soc2-report',
        title: 'SOC 2 report',
        summary: undefined,
        access: 'nda',
        href: undefined,
        validUntil: undefined,
      },
      {
        id: 'summary',
        title: 'Summary',
        summary: undefined,
        access: 'public',
        href: 'https://files.test/summary.pdf',
        validUntil: undefined,
      },
    ]);
    // Only a public document kept in the repository is served by the trust center: never one under NDA.
    expect(ids(view.servedDocuments)).toEqual(['pentest']);
    expect(servedName(view.servedDocuments[0]!)).toBe('pentest.pdf');
  });

  it('drops a document on the day after it is valid', () => {
    const view = publicView(check(trustDocuments(), { asOf: '2026-07-16' }));
    expect(ids(view.trustDocuments)).not.toContain('pentest');
    expect(view.servedDocuments).toEqual([]);
  });

  it('offers a request page while something is under NDA and there is a way to ask', () => {
    expect(publicView(check(trustDocuments())).requestAccess).toBe(true);
    expect(withheldRoutes(check(trustDocuments()))).not.toContain('public/request-access.astro');
    // Nothing under NDA: nothing to request.
    const open = {
      ...validProgram(),
      'content/trust/documents/summary.yaml': 'title: S\nurl: https://f.test/s\naccess: public\n',
    };
    expect(publicView(check(open)).requestAccess).toBe(false);
    expect(withheldRoutes(check(open))).toContain('public/request-access.astro');
    // Under NDA, but no contact and no form to ask through.
    const noWay = edit(
      trustDocuments(),
      'content/program.yaml',
      'contact: security@test.example',
      'contact: security@example.com',
    );
    expect(publicView(check(noWay)).requestAccess).toBe(false);
    const form = edit(noWay, 'content/program.yaml', 'scope:', 'request_access_url: https://forms.test/ask\nscope:');
    expect(publicView(check(form)).requestAccess).toBe(true);
  });

  it('shows the NDA in effect on the evaluation date', () => {
    const view = publicView(check(trustDocuments()));
    expect(view.nda).toMatchObject({
      title: 'Mutual NDA',
      blocks: [{ kind: 'paragraph', text: 'Keep it to yourselves.' }],
    });
    expect(view.nda?.version).toMatch(/^[0-9a-f]{64}$/);
    expect(publicView(check(validProgram())).nda).toBeUndefined();
  });
});

/** What the trust center holds back of the helper program, which records no vendor and publishes no practice. */
const heldBackRoutes = [
  // The helper's program publishes no policy: no empty policies page.
  'public/policies.astro',
  'public/practices.astro',
  'public/subprocessors.astro',
  'public/subprocessors.json.ts',
  'public/subprocessors.xml.ts',
];

describe('the trust center’s program fields', () => {
  it('leaves out a contact or website that is still a template default, and the files made from it', () => {
    const files = edit(
      edit(validProgram(), 'content/program.yaml', 'contact: security@test.example', 'contact: security@example.com'),
      'content/program.yaml',
      'website: https://test.example',
      'website: https://example.com',
    );
    const result = check(files);
    const view = publicView(result);
    expect(view.program.contact).toBeUndefined();
    expect(view.program.website).toBeUndefined();
    expect(view.program.organization).toBe('Test Co');
    expect(publicBase(view.program)).toBeUndefined();
    expect(withheldRoutes(result)).toEqual(
      new Set([
        'public/.well-known/security.txt.ts',
        'public/sitemap.xml.ts',
        'public/subprocessors.xml.ts',
        'public/updates.xml.ts',
        'public/updates.json.ts',
        'public/request-access.astro',
        'public/answers.astro',
        'public/answers.csv.ts',
        ...heldBackRoutes,
      ]),
    );
    // The private sites show the program as written.
    expect(employeeView(result).program.contact).toBe('security@example.com');
    expect(auditorView(result).program.website).toBe('https://example.com');
  });

  it('builds absolute links from the trust center’s address, else the website, always ending in one slash', () => {
    expect(publicBase({ website: 'https://test.example' } as never)).toBe('https://test.example/');
    expect(publicBase({ website: 'https://test.example/' } as never)).toBe('https://test.example/');
    expect(publicBase({ website: 'https://a.test', trust_center_url: 'https://trust.a.test/x' } as never)).toBe(
      'https://trust.a.test/x/',
    );
    expect(withheldRoutes(check(validProgram()))).toEqual(
      new Set(['public/request-access.astro', 'public/answers.astro', 'public/answers.csv.ts', ...heldBackRoutes]),
    );
  });
});

describe('the trust center’s pages, practices and subprocessors', () => {
  it('orders trust pages by their order, then by id', () => {
    const page = (title: string, order?: number) =>
      `---\ntitle: ${title}\n${order === undefined ? '' : `order: ${order}\n`}---\n\nText of ${title}.\n`;
    const files = {
      ...validProgram(),
      'content/trust/zeta.mdx': page('Zeta', 1),
      'content/trust/beta.mdx': page('Beta', 2),
      'content/trust/alpha.mdx': page('Alpha', 2),
      'content/trust/last.mdx': page('Last'),
    };
    expect(ids(publicView(check(files)).trustPages)).toEqual(['zeta', 'alpha', 'beta', 'last']);
  });

  it('publishes an implemented control with a public summary as a practice, and no other', () => {
    const withSummary = edit(
      validProgram(),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\npublic_summary: "A baseline program runs every quarter."',
    );
    expect(publicView(check(withSummary)).practices).toEqual([
      {
        title: 'Baseline security program',
        summary: 'A baseline program runs every quarter.',
        criteria: check(withSummary).model.controls[0]!.data.criteria,
      },
    ]);
    expect(publicView(check(validProgram())).practices).toEqual([]);
    const planned = edit(
      withSummary,
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(publicView(check(planned)).practices).toEqual([]);
  });

  const vendor = (id: string, extra: string) =>
    `id: ${id}\nname: ${id} Inc\npurpose: Hosting for ${id}.\ndata: [customer data]\nlocations: [EU]\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n${extra}`;

  it('lists public subprocessors until the day they are removed', () => {
    const files = {
      ...validProgram(),
      'content/vendors/listed.yaml': vendor('listed', 'public: true\neffective: 2026-08-01\n'),
      'content/vendors/private.yaml': vendor('private', ''),
      'content/vendors/removed-today.yaml': vendor('removed-today', 'public: true\nremoved: 2026-07-15\n'),
      'content/vendors/removed-tomorrow.yaml': vendor('removed-tomorrow', 'public: true\nremoved: 2026-07-16\n'),
    };
    expect(publicView(check(files)).subprocessors).toEqual([
      {
        name: 'listed Inc',
        purpose: 'Hosting for listed.',
        data: ['customer data'],
        locations: ['EU'],
        added: '2026-01-01',
        effective: '2026-08-01',
      },
      {
        name: 'removed-tomorrow Inc',
        purpose: 'Hosting for removed-tomorrow.',
        data: ['customer data'],
        locations: ['EU'],
        added: '2026-01-01',
        effective: undefined,
      },
    ]);
    // The auditor site sees every vendor, and which are carved out.
    const view = auditorPageView(check(files), new Map());
    expect(ids(view.vendors)).toEqual(['listed', 'private', 'removed-today', 'removed-tomorrow']);
    expect(view.vendors.map((vendor) => [vendor.id, vendor.reviewDue])).toEqual([
      ['listed', '2027-01-01'],
      ['private', '2027-01-01'],
      ['removed-today', '2027-01-01'],
      ['removed-tomorrow', '2027-01-01'],
    ]);
  });
});

describe('the trust center’s answers', () => {
  it('lists public answers only, each citation linked to the page that shows it', () => {
    let files = edit(
      trustDocuments(),
      'policies/information-security.mdx',
      'owner: security-lead',
      'owner: security-lead\naudience: [public, employees, auditors]',
    );
    files = edit(
      files,
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\npublic_summary: "A baseline program runs every quarter."',
    );
    files = {
      ...files,
      'content/answers/mfa.yaml':
        'question: "Do you require MFA?"\nanswer: "Yes."\nshort: "yes"\ncites:\n  policies: [information-security#purpose, information-security]\n  controls: [BASE-01]\n  documents: [soc2-report, summary, pentest]\naudience: [public, employees, auditors]\n',
      'content/answers/internal.yaml': 'question: "Internal?"\nanswer: "Yes."\ncategory: Internal\n',
    };
    const result = check(files);
    const [answer, ...others] = publicView(result).answers;
    expect(others).toEqual([]);
    expect(answer).toMatchObject({
      id: 'mfa',
      question: 'Do you require MFA?',
      answer: 'Yes.',
      short: 'yes',
      category: 'General',
    });
    expect(answer!.citations.map((citation) => citation.href)).toEqual([
      'policies/information-security/#purpose',
      'policies/information-security/',
      'practices/',
      '#documents-heading',
      'https://files.test/summary.pdf',
      'documents/pentest.pdf',
    ]);
    expect(withheldRoutes(result)).not.toContain('public/answers.astro');
  });
});

describe('the record of grants', () => {
  it('lists each grant with its documents’ titles and NDA, newest first, then by id, naming recipients to auditors only', () => {
    const files = {
      ...withGrant(),
      'content/trust/grants/acme.yaml': withGrant({ name: 'Al Acme', granted: '2026-07-01', expires: '2026-07-10' })[
        'content/trust/grants/northwind.yaml'
      ]!,
      'content/trust/grants/early.yaml': withGrant({ name: 'Ed Early', granted: '2026-06-01', documents: '[gone]' })[
        'content/trust/grants/northwind.yaml'
      ]!,
    };
    const result = check(files);
    const grants = auditorView(result).grants;
    expect(grants.map((grant) => [grant.id, grant.name, grant.state, grant.documents, grant.ndaTitle])).toEqual([
      ['acme', 'Al Acme', 'expired', ['SOC 2 report'], 'Mutual NDA'],
      ['northwind', 'Priya Raman', 'current', ['SOC 2 report'], 'Mutual NDA'],
      ['early', 'Ed Early', 'current', ['gone'], 'Mutual NDA'],
    ]);
    expect(grants[1]).toMatchObject({
      email: 'priya@northwind.example',
      organization: 'Northwind Clinics',
      granted: '2026-07-01',
      expires: '2026-12-31',
    });
    expect(grants[1]!.ndaVersion).toMatch(/^[0-9a-f]{64}$/);
    // Staff see the same record by organization: no recipient's name or address reaches the portal.
    const shared = employeeView(result).grants;
    expect(shared.map((grant) => Object.keys(grant).sort())).toEqual(
      grants.map((grant) =>
        Object.keys(grant)
          .filter((key) => key !== 'name' && key !== 'email')
          .sort(),
      ),
    );
    expect(shared.map((grant) => [grant.id, grant.organization, grant.state])).toEqual(
      grants.map((grant) => [grant.id, grant.organization, grant.state]),
    );
    expect(JSON.stringify(shared)).not.toMatch(/Priya|priya@|Al Acme|Ed Early/);
  });
});

describe('the auditor site’s significant changes', () => {
  const changed = (implemented: string, retired?: string) =>
    check(
      edit(
        validProgram(),
        'content/controls/BASE-01.mdx',
        'frequency: quarterly',
        `frequency: quarterly\nimplemented: ${implemented}${retired ? `\nretired: ${retired}` : ''}`,
      ),
    );

  it('names a control implemented on the first or the last day of the window, and none the day before or after', () => {
    const dates = (implemented: string) =>
      auditorView(changed(implemented)).significantChanges.map((change) => [change.change, change.date]);
    expect(dates('2025-12-31')).toEqual([]);
    expect(dates('2026-01-01')).toEqual([['implemented', '2026-01-01']]);
    expect(dates('2026-06-30')).toEqual([['implemented', '2026-06-30']]);
    expect(dates('2026-07-01')).toEqual([]);
  });

  it('names a control retired inside the window, after its implementation, in date order', () => {
    const changes = auditorView(changed('2026-02-01', '2026-06-30')).significantChanges;
    expect(changes.map((change) => [change.control.id, change.change, change.date])).toEqual([
      ['BASE-01', 'implemented', '2026-02-01'],
      ['BASE-01', 'retired', '2026-06-30'],
    ]);
    expect(auditorView(changed('2025-02-01', '2026-07-01')).significantChanges).toEqual([]);
  });

  it('names none for a Type I audit', () => {
    const typeOne = edit(
      validProgram(),
      'content/program.yaml',
      /type: II\n {2}period: \{[^}]*\}/,
      'type: I\n  date: 2026-06-30',
    );
    const result = check(
      edit(
        typeOne,
        'content/controls/BASE-01.mdx',
        'frequency: quarterly',
        'frequency: quarterly\nimplemented: 2026-02-01',
      ),
    );
    expect(auditorView(result).significantChanges).toEqual([]);
    expect(auditorView(result).auditWindow).toBeUndefined();
    expect(auditorView(result).personnel).toBeUndefined();
  });
});

describe('the auditor site’s facts', () => {
  it('gives each staff member’s standing, each control’s evidence and the window', () => {
    const result = check(validProgram());
    const view = auditorPageView(result, new Map());
    expect(view.staff.map(({ id, current, trainingDue }) => ({ id, current, trainingDue }))).toEqual([
      { id: 'ada', current: true, trainingDue: '2027-02-01' },
    ]);
    expect(ids(view.evidenceOf('BASE-01'))).toEqual(['EV-BASE-01']);
    expect(view.evidenceOf('NOPE')).toEqual([]);
    expect(view.auditWindow).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(view.asOf).toBe('2026-07-15');
    expect('result' in view).toBe(false);
    expect(view.summary).toBe(result.summary);
    expect(view.tracksAcknowledgements).toBe(false);
    expect(view.evidence[0]!.timeline().map((cell) => cell.period.label)).toEqual(['2026-Q1', '2026-Q2']);
    expect(view.findingsAbout('control', 'BASE-01')).toEqual([]);
    expect(view.subservice).toEqual([]);
    expect(view.cuecs).toEqual([]);
    expect(view.personnel).toEqual({ newHires: [], leavers: [] });
    expect(view.coverage.length).toBeGreaterThan(0);
    const entry = view.coverage[0]!.criteria[0]!;
    expect(entry.state).toBe('met');
    expect(entry.months.length).toBe(6);
  });

  it('gives each site the view a shared route renders from', () => {
    const result = check(validProgram());
    expect(viewOf('public', result)).toEqual(publicView(result));
    expect(viewOf('employees', result)).toBe(employeeView(result));
    expect(viewOf('auditors', result)).toBe(auditorView(result));
    expect(employeeView(result).readiness).toBe(result.summary.readiness);
    expect(employeeView(result).asOf).toBe('2026-07-15');
    expect(publicView(result).asOf).toBe('2026-07-15');
  });
});

describe('the trust center’s badges and status', () => {
  const attestation = (end: string, issued: string, extra = '') =>
    `framework: soc2\nreport_type: II\nperiod: { start: 2025-07-01, end: ${end} }\nauditor: Test CPA\nissued: ${issued}\n${extra}`;

  it('shows current attestations only, newest first, each with the trust document holding its report', () => {
    const files = {
      ...trustDocuments(),
      'content/trust/attestations/older.yaml': attestation('2026-04-30', '2026-05-10', 'document: soc2-report\n'),
      'content/trust/attestations/newer.yaml': attestation('2026-05-31', '2026-06-20'),
      'content/trust/attestations/lapsed.yaml': attestation('2025-01-31', '2025-02-20'),
      'content/trust/attestations/later.yaml': attestation('2026-06-30', '2026-07-16'),
    };
    const badges = publicView(check(files)).attestations;
    expect(badges.map((badge) => [badge.id, badge.issued, badge.document?.id])).toEqual([
      ['newer', '2026-06-20', undefined],
      ['older', '2026-05-10', 'soc2-report'],
    ]);
    expect(badges[0]).toMatchObject({
      framework: 'SOC 2',
      reportType: 'II',
      period: { start: '2025-07-01', end: '2026-05-31' },
      auditor: 'Test CPA',
      state: { state: 'current' },
    });
  });

  it('counts no control that is not in operation', () => {
    const files = edit(
      edit(
        validProgram(),
        'content/program.yaml',
        'warn_within_days: 30',
        'warn_within_days: 30\ntrust_center_status: true',
      ),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(publicView(check(files)).statusByArea).toEqual([]);
    expect(publicView(check(files)).statusByCategory).toEqual([
      { category: 'security', label: 'Security (common criteria)', operating: 0, total: 0 },
    ]);
  });

  it('works a view out once per check result', () => {
    const result = check(validProgram());
    expect(publicView(result).policies).toBe(publicView(result).policies);
    expect(auditorResult(result)).toBe(auditorResult(result));
    expect(publicView(check(validProgram())).policies).not.toBe(publicView(result).policies);
  });

  it('leaves out a trust center address that is still a default, and keeps other unfinished fields', () => {
    const files = edit(
      validProgram(),
      'content/program.yaml',
      'scope:',
      'trust_center_url: https://trust.example.com\nrequest_access_url: https://example.com/ask\nscope:',
    );
    const { program } = publicView(check(files));
    expect(program.trust_center_url).toBeUndefined();
    expect(program.website).toBe('https://test.example');
    expect(program.request_access_url).toBe('https://example.com/ask');
    expect(publicBase(program)).toBe('https://test.example/');
  });
});

describe('the trust center’s updates', () => {
  const page = (title: string) => `---\ntitle: ${title}\n---\n\nText of ${title}.\n`;
  const attestation = (end: string, issued: string) =>
    `framework: soc2\nreport_type: II\nperiod: { start: 2025-07-01, end: ${end} }\nauditor: Test CPA\nissued: ${issued}\n`;
  const at = (path: string, text: string): TrustFileVersion => ({ path, text });

  it('links each update to the page that shows it today: the home page for the overview and attestations', () => {
    // A bridge letter through a day still to come: an attestation that cannot be true is no news.
    const impossible = `${attestation('2026-01-31', '2026-02-20')}bridge_letters: [{ document: soc2-report, through: 2026-08-31 }]\n`;
    const files = {
      ...validProgram(),
      'content/trust/overview.mdx': page('Overview'),
      'content/trust/hosting.mdx': page('Hosting'),
      'content/trust/attestations/soc2.yaml': attestation('2026-05-31', '2026-06-20'),
      'content/trust/attestations/future.yaml': attestation('2026-06-30', '2026-07-10'),
      'content/trust/attestations/impossible.yaml': impossible,
    };
    const history = [
      {
        commit: `0001${'c'.repeat(36)}`,
        date: '2026-06-25',
        baseline: false,
        files: [
          at('content/trust/overview.mdx', page('Overview')),
          at('content/trust/hosting.mdx', page('Hosting')),
          at('content/trust/attestations/soc2.yaml', attestation('2026-05-31', '2026-06-20')),
          at('content/trust/attestations/impossible.yaml', impossible),
        ],
      },
    ];
    const changes = trustChanges(history);
    const result = check(files);
    const updates = publicView(result, changes).updates;
    expect(updates.map((update) => [update.kind, update.href]).sort()).toEqual([
      ['attestation-issued', ''],
      ['trust-page-changed', ''],
      ['trust-page-changed', 'hosting/'],
    ]);
    // The same changes for the same result are worked out once; another result gets its own.
    expect(publicView(result, changes).updates).toBe(updates);
    expect(publicView(check(files), changes).updates).not.toBe(updates);
    expect(publicView(check(files), changes).updates).toEqual(updates);
  });
});

describe('a program without people', () => {
  it('names no role and no staff member on any site', () => {
    const result = check(without(validProgram(), 'content/people.yaml'));
    expect(publicView(result).people).toEqual({ roles: [], staff: [] });
    expect(employeeView(result).people).toEqual({ roles: [], staff: [] });
    expect(employeeView(result).roles).toEqual([]);
    expect(auditorView(result).people).toEqual({ roles: [], staff: [] });
    expect(auditorView(result).roles).toEqual([]);
    expect(auditorView(result).staff).toEqual([]);
  });
});
