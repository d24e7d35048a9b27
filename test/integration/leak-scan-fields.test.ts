/**
 * The leak scan's knowledge of each document kind, held on models built in memory (no check run): which fields
 * of a kind carry text a site may not show, which of them hold a name looked for whatever its length, and what
 * each site sees of each kind. The expectations are written out here, apart from the scan's own tables, so a
 * field dropped from them fails a test.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/index.ts';
import { emptyModel, type Document, type ProgramModel } from '../../src/engine/model.ts';
import type { DocumentKind } from '../../src/engine/document-kinds.ts';
import {
  findLeak,
  historicalFragments,
  isEmpty,
  needlesFor,
  readableText,
  words,
  type ScanExtras,
} from '../../src/integration/leak-scan.ts';
import type { Site } from '../../src/site/sites.ts';

/** Where each kind's documents are in the model. */
const listOf: Partial<Record<DocumentKind, keyof ProgramModel>> = {
  policy: 'policies',
  control: 'controls',
  procedure: 'procedures',
  evidence: 'evidence',
  vendor: 'vendors',
  risk: 'risks',
  checklist: 'checklists',
  'trust-page': 'trustPages',
  'trust-document': 'trustDocuments',
  attestation: 'attestations',
  answer: 'answers',
  nda: 'ndas',
  grant: 'grants',
};

function documentOf(kind: DocumentKind, file: string, data: Record<string, unknown>, body = ''): Document<unknown> {
  return { kind, id: file.replace(/^.*\/|\.\w+$/g, ''), file, data, body, bodyLine: 1, keyLines: new Map() } as never;
}

/** A check result holding only these documents (and, when given, a program and staff). */
function resultOf(documents: Document<unknown>[], more: Partial<ProgramModel> = {}): CheckResult {
  const model = { ...emptyModel(), ...more };
  for (const document of documents) {
    if (document.kind === 'system-description') model.systemDescription = document as never;
    else if (document.kind === 'assertion') model.assertion = document as never;
    else (model[listOf[document.kind]!] as Document<unknown>[]).push(document);
  }
  return { model } as CheckResult;
}

/** The scan's verdict on one public page that shows `text`. */
function scan(result: CheckResult, site: Site, text: string, extra?: ScanExtras) {
  return findLeak(readableText(`<main><p>${text}</p></main>`), needlesFor(result, site, extra));
}

/** A phrase no other text holds: the words a test plants in one field. */
const planted = (kind: string, field: string) => `planted ${kind} ${field} words`;

/**
 * Each kind the trust center may be denied, as the scan must know it: the file, the data that makes the document
 * private to the trust center, and the fields whose text is forbidden there (besides the body).
 */
const privateKinds: { kind: DocumentKind; file: string; data: Record<string, unknown>; fields: string[] }[] = [
  {
    kind: 'policy',
    file: 'policies/p.mdx',
    data: { audience: ['employees', 'auditors'] },
    fields: ['title', 'summary'],
  },
  {
    kind: 'control',
    file: 'content/controls/C-1.mdx',
    data: { audience: ['auditors'], status: 'planned' },
    fields: ['title', 'public_summary', 'justification'],
  },
  {
    kind: 'procedure',
    file: 'content/procedures/p.mdx',
    data: { audience: ['employees'] },
    fields: ['title', 'summary'],
  },
  { kind: 'evidence', file: 'evidence-index/EV-1.mdx', data: { audience: ['auditors'] }, fields: ['title'] },
  {
    kind: 'vendor',
    file: 'content/vendors/v.yaml',
    data: { public: false },
    fields: ['name', 'purpose', 'data', 'locations'],
  },
  { kind: 'risk', file: 'content/risks/r.yaml', data: { audience: ['auditors'] }, fields: ['title'] },
  {
    kind: 'checklist',
    file: 'content/checklists/c.mdx',
    data: { audience: ['employees', 'auditors'] },
    fields: ['title', 'summary'],
  },
  {
    kind: 'answer',
    file: 'content/answers/a.yaml',
    data: { audience: ['employees', 'auditors'], cites: { policies: [], controls: [], documents: [] } },
    fields: ['question', 'answer'],
  },
  { kind: 'grant', file: 'content/trust/grants/g.yaml', data: {}, fields: ['name', 'email', 'organization'] },
  {
    kind: 'system-description',
    file: 'content/system-description.mdx',
    data: { audience: ['auditors'] },
    fields: ['title'],
  },
];

describe('the fields the leak scan forbids, kind by kind', () => {
  it.for(privateKinds)('forbids every text field and the body of a private $kind on the trust center', (entry) => {
    const data: Record<string, unknown> = { ...entry.data };
    // A list field (a vendor's data and locations) holds its text in items.
    for (const field of entry.fields) {
      const text = planted(entry.kind, field);
      data[field] = field === 'data' || field === 'locations' ? ['eu', text] : text;
    }
    const result = resultOf([documentOf(entry.kind, entry.file, data, planted(entry.kind, 'body'))]);
    for (const field of entry.fields) {
      expect(scan(result, 'public', `Shown: ${planted(entry.kind, field)}.`), field).toEqual({
        text: words(planted(entry.kind, field)).join(' '),
        source: `${entry.file} ${field}`,
      });
    }
    expect(scan(result, 'public', planted(entry.kind, 'body'))).toEqual({
      text: words(planted(entry.kind, 'body')).join(' '),
      source: entry.file,
    });
  });

  it('forbids the title and body of a trust page withheld for a to-do, and its summary', () => {
    const page = documentOf(
      'trust-page',
      'content/trust/overview.mdx',
      { title: planted('page', 'title'), summary: planted('page', 'summary'), order: 1 },
      `<Todo>Describe the hosting.</Todo>\n\nOur hosting runs in two regions with ${planted('page', 'body')}.\n`,
    );
    const result = resultOf([page]);
    expect(scan(result, 'public', planted('page', 'title'))).toMatchObject({
      source: 'content/trust/overview.mdx title',
    });
    expect(scan(result, 'public', planted('page', 'summary'))).toMatchObject({
      source: 'content/trust/overview.mdx summary',
    });
    expect(scan(result, 'public', `Our hosting runs in two regions with ${planted('page', 'body')}`)).toMatchObject({
      source: 'content/trust/overview.mdx',
    });
    // The private sites show what the trust center holds back.
    expect(scan(result, 'employees', planted('page', 'title'))).toBeUndefined();
  });

  it('does not forbid what a field holds besides its text: dates, periods and hashes of artifacts', () => {
    const artifacts = [
      {
        collected: '2026-07-03',
        period: '2026-04-01 to 2026-06-30',
        sha256: 'aa11 bb22 cc33 dd44',
        location: 'https://files.zorbex.test/quarterly/review.pdf',
        note: planted('artifact', 'note'),
      },
    ];
    const result = resultOf([
      documentOf('evidence', 'evidence-index/EV-1.mdx', { audience: ['auditors'], title: 'Review', artifacts }),
    ]);
    expect(scan(result, 'public', 'Fetched https://files.zorbex.test/quarterly/review.pdf')).toMatchObject({
      source: 'evidence-index/EV-1.mdx artifacts',
    });
    expect(scan(result, 'public', planted('artifact', 'note'))).toMatchObject({
      source: 'evidence-index/EV-1.mdx artifacts',
    });
    for (const shown of ['As of 2026-07-03.', 'From 2026-04-01 to 2026-06-30.', 'aa11 bb22 cc33 dd44'])
      expect(scan(result, 'public', shown), shown).toBeUndefined();
  });

  it('does not forbid the fields that are not text: ids, owners, frequencies and statuses', () => {
    const control = documentOf('control', 'content/controls/C-1.mdx', {
      audience: ['auditors'],
      title: 'Quarterly review',
      owner: 'head of platform security',
      frequency: 'every other quarter thing',
      status: 'not yet implemented anywhere',
    });
    const result = resultOf([control]);
    for (const shown of ['head of platform security', 'every other quarter thing', 'not yet implemented anywhere'])
      expect(scan(result, 'public', shown), shown).toBeUndefined();
  });
});

describe('names', () => {
  it('looks for a vendor’s name and a grant’s name and organization as one word, and for no other one-word field', () => {
    const result = resultOf([
      documentOf('vendor', 'content/vendors/zorbexia.yaml', {
        public: false,
        name: 'Zorbexia',
        purpose: 'Quillbarrow',
        data: ['Marrowind'],
        locations: ['Tessaline'],
      }),
      documentOf('grant', 'content/trust/grants/g.yaml', {
        name: 'Orlavenne',
        email: 'orla@prospect.test',
        organization: 'Vantorix',
      }),
      documentOf('policy', 'policies/p.mdx', { audience: ['employees'], title: 'Brindlecomb', summary: 'Halvorsk' }),
    ]);
    expect(scan(result, 'public', 'Built with Zorbexia.')).toEqual({
      text: 'zorbexia',
      source: 'content/vendors/zorbexia.yaml name',
    });
    expect(scan(result, 'public', 'Asked by Orlavenne.')).toEqual({
      text: 'orlavenne',
      source: 'content/trust/grants/g.yaml name',
    });
    expect(scan(result, 'public', 'Asked for Vantorix.')).toEqual({
      text: 'vantorix',
      source: 'content/trust/grants/g.yaml organization',
    });
    expect(scan(result, 'public', 'Write to orla@prospect.test')).toEqual({
      text: 'orla prospect test',
      source: 'content/trust/grants/g.yaml email',
    });
    for (const word of ['Quillbarrow', 'Marrowind', 'Tessaline', 'Brindlecomb', 'Halvorsk'])
      expect(scan(result, 'public', `See ${word}.`), word).toBeUndefined();
  });

  it('looks for a two-word name shorter than a phrase, but not for such a text in any other field', () => {
    const result = resultOf([
      documentOf('vendor', 'content/vendors/kip.yaml', { public: false, name: 'Kip IO', purpose: 'Go ci' }),
      documentOf('grant', 'content/trust/grants/g.yaml', { name: 'Bo Li', email: 'b@c', organization: 'Ux Co' }),
    ]);
    expect(scan(result, 'public', 'Chat: Kip IO')).toMatchObject({ text: 'kip io' });
    expect(scan(result, 'public', 'Owner: Bo Li')).toMatchObject({ text: 'bo li' });
    expect(scan(result, 'public', 'Mail b@c now')).toMatchObject({ text: 'b c' });
    expect(scan(result, 'public', 'For Ux Co')).toMatchObject({ text: 'ux co' });
    expect(scan(result, 'public', 'Go ci')).toBeUndefined();
  });
});

/** A policy's approval: a policy nobody has approved is a draft, which neither the trust center nor the portal shows. */
const approved = { approved_by: 'ceo', approved: '2026-01-01' };

describe('what each site sees of each kind', () => {
  const policy = (audience: string[]) =>
    documentOf(
      'policy',
      'policies/p.mdx',
      { audience, title: 'Planted policy title words', ...approved },
      'Planted body words here',
    );

  it('shows a document whose audience is exactly the trust center on every site', () => {
    const result = resultOf([policy(['public'])]);
    for (const site of ['public', 'employees', 'auditors'] as const)
      expect(scan(result, site, 'Planted policy title words'), site).toBeUndefined();
  });

  it('keeps a document for employees only from the auditor site as well as from the trust center', () => {
    const result = resultOf([policy(['employees'])]);
    expect(scan(result, 'public', 'Planted body words here')).toMatchObject({ source: 'policies/p.mdx' });
    expect(scan(result, 'auditors', 'Planted body words here')).toMatchObject({ source: 'policies/p.mdx' });
    expect(scan(result, 'employees', 'Planted body words here')).toBeUndefined();
  });

  it('names a grant’s recipient to the auditors only, and its organization to staff too', () => {
    const result = resultOf([
      documentOf('grant', 'content/trust/grants/g.yaml', {
        name: 'Orla Venne',
        email: 'ov7@northbay.test',
        organization: 'Venne Clinics',
      }),
    ]);
    expect(scan(result, 'public', 'Orla Venne')).toMatchObject({ source: 'content/trust/grants/g.yaml name' });
    expect(scan(result, 'employees', 'Orla Venne')).toMatchObject({ source: 'content/trust/grants/g.yaml name' });
    expect(scan(result, 'employees', 'ov7@northbay.test')).toMatchObject({
      source: 'content/trust/grants/g.yaml email',
    });
    expect(scan(result, 'auditors', 'Orla Venne')).toBeUndefined();
    expect(scan(result, 'public', 'Venne Clinics')).toMatchObject({
      source: 'content/trust/grants/g.yaml organization',
    });
    expect(scan(result, 'employees', 'Venne Clinics')).toBeUndefined();
    expect(scan(result, 'auditors', 'Venne Clinics')).toBeUndefined();
  });

  it('shows a public subprocessor’s listed fields everywhere, and its notes to auditors only', () => {
    const result = resultOf([
      documentOf(
        'vendor',
        'content/vendors/v.yaml',
        { public: true, name: 'Zorbex Cloud', purpose: 'Hosts the platform', data: ['customer data'], locations: [] },
        'Contract renewal notes under negotiation',
      ),
    ]);
    for (const site of ['public', 'employees', 'auditors'] as const)
      expect(scan(result, site, 'Zorbex Cloud hosts the platform'), site).toBeUndefined();
    expect(scan(result, 'public', 'Contract renewal notes under negotiation')).toMatchObject({
      source: 'content/vendors/v.yaml',
    });
    expect(scan(result, 'employees', 'Contract renewal notes under negotiation')).toMatchObject({
      source: 'content/vendors/v.yaml',
    });
    expect(scan(result, 'auditors', 'Contract renewal notes under negotiation')).toBeUndefined();
  });

  it('keeps a private vendor from the employees too', () => {
    const result = resultOf([
      documentOf('vendor', 'content/vendors/v.yaml', { public: false, name: 'Zorbex Cloud', purpose: 'Hosting' }),
    ]);
    expect(scan(result, 'employees', 'Zorbex Cloud')).toMatchObject({ source: 'content/vendors/v.yaml name' });
    expect(scan(result, 'auditors', 'Zorbex Cloud')).toBeUndefined();
  });

  it('shows a private control’s title and public summary once it is implemented, never its narrative', () => {
    const control = (status: string, publicSummary?: string) =>
      documentOf(
        'control',
        'content/controls/C-1.mdx',
        {
          audience: ['auditors'],
          status,
          title: 'Planted control title words',
          justification: 'Planted control justification words',
          ...(publicSummary === undefined ? {} : { public_summary: publicSummary }),
        },
        'Planted control narrative words',
      );
    const published = resultOf([control('implemented', 'Planted control summary words')]);
    expect(scan(published, 'public', 'Planted control title words')).toBeUndefined();
    expect(scan(published, 'public', 'Planted control summary words')).toBeUndefined();
    expect(scan(published, 'public', 'Planted control justification words')).toMatchObject({
      source: 'content/controls/C-1.mdx justification',
    });
    expect(scan(published, 'public', 'Planted control narrative words')).toMatchObject({
      source: 'content/controls/C-1.mdx',
    });
    expect(scan(published, 'employees', 'Planted control narrative words')).toMatchObject({
      source: 'content/controls/C-1.mdx',
    });
    expect(scan(published, 'auditors', 'Planted control narrative words')).toBeUndefined();
    // Not yet implemented, or without a public summary: nothing of it is shown.
    expect(scan(resultOf([control('planned', 'Some summary')]), 'public', 'Planted control title words')).toMatchObject(
      { source: 'content/controls/C-1.mdx title' },
    );
    expect(scan(resultOf([control('implemented')]), 'public', 'Planted control title words')).toMatchObject({
      source: 'content/controls/C-1.mdx title',
    });
    // A control meant for the trust center is shown whole on every site.
    const everyone = resultOf([
      documentOf(
        'control',
        'content/controls/C-1.mdx',
        { audience: ['public'], status: 'planned', title: 'Open title words', justification: 'Open reason words' },
        'Open words here',
      ),
    ]);
    for (const text of ['Open words here', 'Open title words', 'Open reason words'])
      expect(scan(everyone, 'employees', text), text).toBeUndefined();
  });

  it('shows trust pages, trust documents, attestations and NDAs on every site, and so allows their words', () => {
    const shown = {
      'trust-page': ['content/trust/p.mdx', { title: 'One two three four', summary: 'Five six seven eight' }],
      'trust-document': [
        'content/trust/documents/d.yaml',
        { title: 'Nine ten eleven twelve', summary: 'Alpha beta gamma delta' },
      ],
      attestation: ['content/trust/attestations/a.yaml', { auditor: 'Epsilon zeta eta theta' }],
      nda: ['content/trust/nda/n.md', { title: 'Iota kappa lambda mu' }],
    } as const;
    for (const [kind, [file, data]] of Object.entries(shown)) {
      const texts = Object.values(data) as string[];
      // Each text is also in a document only auditors see: shown by the first, it is no leak.
      const privates = texts.map((text, index) =>
        documentOf('policy', `policies/p${index}.mdx`, { audience: ['auditors'] }, text),
      );
      const alone = resultOf(privates);
      const result = resultOf([...privates, documentOf(kind as DocumentKind, file, data)]);
      for (const site of ['public', 'employees'] as const) {
        for (const text of texts) {
          expect(scan(alone, site, text), `${kind} ${site}: ${text}`).toBeDefined();
          expect(scan(result, site, text), `${kind} ${site}: ${text}`).toBeUndefined();
        }
      }
    }
  });

  it('has nothing to look for on a site that may show everything', () => {
    const result = resultOf([policy(['public'])]);
    expect(isEmpty(needlesFor(result, 'auditors'))).toBe(true);
    expect(isEmpty(needlesFor(resultOf([policy(['employees'])]), 'auditors'))).toBe(false);
  });
});

describe('staff names, program texts and extra needles', () => {
  const people = {
    file: 'content/people.yaml',
    keyLines: new Map(),
    data: {
      roles: [{ id: 'lead', title: 'Head of Platform Security' }],
      staff: [
        { id: 'ada', name: 'Ada Quillfeather', role: 'lead' },
        { id: 'bo', role: 'lead' },
      ],
    },
  };
  const secretNotes = documentOf(
    'policy',
    'policies/p.mdx',
    { audience: ['auditors'] },
    'Head of Platform Security for Test Co runs the Test Platform with Test CPA at https://test.example and security@test.example',
  );
  const program = {
    file: 'content/program.yaml',
    keyLines: new Map(),
    data: {
      organization: 'Test Co',
      system: 'Test Platform',
      website: 'https://test.example',
      contact: 'security@test.example',
      audit: { auditor: 'Test CPA' },
    },
  };

  it('forbids a staff member’s name on the trust center and the employee portal, not on the auditor site', () => {
    const result = resultOf([], { people } as never);
    expect(scan(result, 'public', 'Owner: Ada Quillfeather')).toEqual({
      text: 'ada quillfeather',
      source: 'content/people.yaml ada',
    });
    expect(scan(result, 'employees', 'Owner: Ada Quillfeather')).toMatchObject({ source: 'content/people.yaml ada' });
    expect(scan(result, 'auditors', 'Owner: Ada Quillfeather')).toBeUndefined();
  });

  it('allows the program’s own names and the role titles on every site', () => {
    const result = resultOf([secretNotes], { people, program } as never);
    for (const shown of [
      'Head of Platform Security',
      'for Test Co',
      'Test Platform with',
      'with Test CPA at',
      'at https://test.example and',
      'and security@test.example',
    ])
      expect(scan(result, 'public', shown), shown).toBeUndefined();
    expect(scan(result, 'public', 'Security for Test Co runs the Test Platform with')).toMatchObject({
      source: 'policies/p.mdx',
    });
  });

  it('allows a program field that still holds a default only on the private sites', () => {
    const unfinished = { ...program, data: { ...program.data, contact: 'security@example.com' } };
    const notes = documentOf('policy', 'policies/p.mdx', { audience: ['employees'] }, 'Write to security@example.com');
    const result = resultOf([notes], { program: unfinished } as never);
    expect(scan(result, 'public', 'Write to security@example.com')).toBeDefined();
    const other = documentOf('policy', 'policies/p.mdx', { audience: ['auditors'] }, 'Write to security@example.com');
    const employees = resultOf([other], { program: unfinished } as never);
    expect(scan(employees, 'employees', 'security@example.com')).toBeUndefined();
  });

  it('allows the words of the policy sections a public answer cites', () => {
    const answer = (audience: string[]) =>
      documentOf('answer', 'content/answers/a.yaml', {
        audience,
        question: 'Q',
        answer: 'A',
        cites: { policies: ['key-handling-rules/#rotation-and-storage'], controls: [], documents: [] },
      });
    const notes = documentOf(
      'policy',
      'policies/p.mdx',
      { audience: ['auditors'] },
      'key handling rules rotation and storage',
    );
    expect(
      scan(resultOf([notes, answer(['public'])]), 'public', 'key handling rules rotation and storage'),
    ).toBeUndefined();
    expect(
      scan(resultOf([notes, answer(['employees'])]), 'employees', 'key handling rules rotation and storage'),
    ).toMatchObject({
      source: 'policies/p.mdx',
    });
  });

  it('adds the trust center’s extra needles there only, and the other extra needles everywhere', () => {
    const extra: ScanExtras = {
      publicForbidden: [{ text: 'Old launch plan title', source: 'the trust history' }],
      forbidden: [{ text: 'grant secret value here', source: 'the grant secret', hidden: true }],
    };
    const result = resultOf([]);
    expect(scan(result, 'public', 'Old launch plan title', extra)).toMatchObject({ source: 'the trust history' });
    expect(scan(result, 'employees', 'Old launch plan title', extra)).toBeUndefined();
    for (const site of ['public', 'employees', 'auditors'] as const)
      expect(scan(result, site, 'the grant secret value here', extra), site).toEqual({
        text: '(a secret, not quoted)',
        source: 'the grant secret',
      });
  });

  it('forbids a past title of a document the trust center does not show today, and not one it shows', () => {
    const shown = documentOf('policy', 'policies/open.mdx', { audience: ['public'], ...approved });
    const hidden = documentOf('policy', 'policies/closed.mdx', { audience: ['employees'], ...approved });
    const result = resultOf([shown, hidden]);
    const fragments = historicalFragments(result, [
      { subject: 'Open Policy', published: true, name: false, current: 'policies/open.mdx', shownAtEnd: true },
      { subject: 'Closed Policy', published: true, name: false, current: 'policies/closed.mdx', shownAtEnd: true },
      { subject: 'Renamed Away', published: true, name: true, current: 'policies/gone.mdx', shownAtEnd: true },
      { subject: 'Never Shown', published: false, name: false, current: 'policies/open.mdx', shownAtEnd: true },
    ]);
    expect(fragments).toEqual([
      { text: 'Closed Policy', source: 'the trust history (policies/closed.mdx)' },
      { text: 'Never Shown', source: 'the trust history (policies/open.mdx)' },
    ]);
    const named = historicalFragments(result, [
      { subject: 'Gone Vendor', published: true, name: true, current: undefined, shownAtEnd: false },
    ]);
    expect(named).toEqual([{ text: 'Gone Vendor', source: 'the trust history (a deleted document)', name: true }]);
  });
});
