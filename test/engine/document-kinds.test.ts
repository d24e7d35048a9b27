/**
 * One test per document kind, generated from the registry: a valid file of the kind reaches the model, the
 * findings about it name it as their subject, every text field the leak scan declares for it (and its body) is
 * read by the scan, and a kind with a content collection is handed to the content loader. A kind added to the
 * registry alone fails here (no fixture below) and in the type check (`fixtures`, the leak scan's tables).
 */
import { describe, expect, it } from 'vitest';
import { documentKindList, documentKinds, type DocumentKind } from '../../src/engine/document-kinds.ts';
import { allDocuments, emptyModel, type Document } from '../../src/engine/model.ts';
import { findLeak, needlesFor, readableText, textFields } from '../../src/integration/leak-scan.ts';
import { collectionKinds, programLoader } from '../../src/site/content-loader.ts';
import { setSiteData } from '../../src/site/data.ts';
import { sites } from '../../src/site/sites.ts';
import { check, validProgram, type Files } from '../helpers/program.ts';

/** A valid file of a kind, with `plant(field)` written wherever a text (a field's or the body's) goes. */
interface Fixture {
  path: string;
  text: (plant: (field: string) => string) => string;
}

const dcSections = ['DC1', 'DC2', 'DC3', 'DC4', 'DC5', 'DC6', 'DC7', 'DC8', 'DC9']
  .map((id) => `## ${id} Section\n\nText.\n`)
  .join('\n');

/** Every kind's fixture: keyed by the registry's kinds, so a kind without one does not compile. */
const fixtures: Record<DocumentKind, Fixture> = {
  policy: {
    path: 'policies/planted.mdx',
    text: (plant) => `---
title: ${plant('title')}
summary: ${plant('summary')}
version: "1.0"
owner: security-lead
approved_by: ceo
approved: 2026-03-01
effective: 2026-03-01
---

${plant('body')}
`,
  },
  control: {
    path: 'content/controls/PLANTED-01.mdx',
    text: (plant) => `---
id: PLANTED-01
title: ${plant('title')}
criteria: [CC1.1]
policies: [information-security]
owner: security-lead
frequency: quarterly
public_summary: ${plant('public_summary')}
justification: ${plant('justification')}
---

${plant('body')}
`,
  },
  procedure: {
    path: 'content/procedures/planted.mdx',
    text: (plant) => `---
id: planted
title: ${plant('title')}
summary: ${plant('summary')}
owner: security-lead
policies: [information-security]
frequency: quarterly
---

${plant('body')}
`,
  },
  evidence: {
    path: 'evidence-index/EV-PLANTED.mdx',
    text: (plant) => `---
id: EV-PLANTED
title: ${plant('title')}
controls: [BASE-01]
owner: security-lead
frequency: quarterly
artifacts:
  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf", note: "${plant('artifacts')}" }
---

${plant('body')}
`,
  },
  vendor: {
    path: 'content/vendors/planted.yaml',
    text: (plant) => `id: planted
name: ${plant('name')}
purpose: ${plant('purpose')}
data: [${plant('data')}]
locations: [${plant('locations')}]
criticality: low
added: 2026-01-01
reviewed: 2026-03-01
`,
  },
  risk: {
    path: 'content/risks/R-PLANTED.mdx',
    text: (plant) => `---
id: R-PLANTED
title: ${plant('title')}
owner: security-lead
likelihood: 2
impact: 2
treatment: mitigate
controls: [BASE-01]
residual: low
reviewed: 2026-03-01
---

${plant('body')}
`,
  },
  checklist: {
    path: 'content/checklists/planted.mdx',
    text: (plant) => `---
id: planted
title: ${plant('title')}
summary: ${plant('summary')}
---

${plant('body')}
`,
  },
  'trust-page': {
    path: 'content/trust/planted.mdx',
    text: (plant) => `---
title: ${plant('title')}
summary: ${plant('summary')}
---

${plant('body')}
`,
  },
  'trust-document': {
    path: 'content/trust/documents/planted.yaml',
    text: (plant) => `title: ${plant('title')}
summary: ${plant('summary')}
url: https://docs.test.example/planted.pdf
access: public
`,
  },
  attestation: {
    path: 'content/trust/attestations/planted.yaml',
    text: (plant) => `framework: soc2
report_type: II
period: { start: 2026-01-01, end: 2026-06-30 }
auditor: ${plant('auditor')}
issued: 2026-07-10
`,
  },
  answer: {
    path: 'content/answers/planted.yaml',
    text: (plant) => `question: ${plant('question')}
answer: ${plant('answer')}
`,
  },
  nda: {
    path: 'content/trust/nda/planted.md',
    text: (plant) => `---
title: ${plant('title')}
effective: 2026-01-01
---

${plant('body')}
`,
  },
  grant: {
    path: 'content/trust/grants/planted.yaml',
    text: (plant) => `name: ${plant('name')}
email: ${plant('email').replaceAll(' ', '-')}@planted.test
organization: ${plant('organization')}
documents: [planted]
nda_version: ${'a'.repeat(64)}
granted: 2026-07-01
expires: 2026-12-31
`,
  },
  'system-description': {
    path: 'content/system-description.mdx',
    text: (plant) => `---
title: ${plant('title')}
owner: security-lead
reviewed: 2026-02-01
---

${dcSections}
${plant('body')}
`,
  },
  assertion: {
    path: 'content/assertion.mdx',
    text: (plant) => `---
title: ${plant('title')}
date: 2026-07-10
signed_by: ceo
period: { start: 2026-01-01, end: 2026-06-30 }
---

${plant('body')}
`,
  },
  soa: {
    path: 'content/statement-of-applicability.yaml',
    text: (plant) => `title: ${plant('title')}
version: "1.0"
owner: security-lead
approved_by: ceo
approved: 2026-03-01
controls:
  A.5.1: { applicable: false, justification: ${plant('controls')} }
`,
  },
};

/** The valid program with one more file of the kind (a single kind's file replaces the program's own). */
function programWith(kind: DocumentKind, plant: (field: string) => string): Files {
  const { path, text } = fixtures[kind];
  return { ...validProgram(), [path]: text(plant) };
}

const planted = (kind: DocumentKind) => (field: string) => `planted ${kind} ${field} words`;

/** Every string in a value, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe.for(documentKindList.map((info) => info.kind))('a valid %s file', (kind) => {
  // Kept apart from the type check: a kind added with the type check not run fails here, one kind at a time.
  const fixture = fixtures[kind] as Fixture | undefined;
  if (!fixture) {
    it('has a fixture in this file', () => expect.fail(`no fixture for the ${kind} kind: add one to \`fixtures\``));
    return;
  }
  const { path } = fixture;
  const result = check(programWith(kind, planted(kind)));
  const document = allDocuments(result.model).find((candidate) => candidate.file === path);

  it('reaches the model as a document of its kind, with no schema finding', () => {
    expect(result.diagnostics.filter((d) => d.file === path && /^TB(0|1)\d\d$/.test(d.code))).toEqual([]);
    expect(document).toMatchObject({ kind, file: path });
  });

  it('is the subject of the findings about it', () => {
    // Every planted text becomes a value still to write: each is a finding in the file.
    const withTodos = check(programWith(kind, (field) => `TODO ${field}`));
    const about = withTodos.diagnostics.filter((d) => d.file === path);
    expect(about.map((d) => d.code)).toContain('TB320');
    const id = allDocuments(withTodos.model).find((candidate) => candidate.file === path)!.id;
    for (const finding of about) expect(finding.subject, finding.code).toMatchObject({ kind, id });
  });

  it('has every text field and its body read by the leak scan', () => {
    const texts: { text: string; source: string }[] = textFields[kind].map((field) => {
      const value = stringsIn((document!.data as Record<string, unknown>)[field]).find((text) =>
        text.includes('planted'),
      );
      expect(value, `a planted ${field} in the fixture`).toBeDefined();
      return { text: value!, source: `${path} ${field}` };
    });
    // A long body is looked for in runs of words, so the page shows the whole body.
    if (document!.body.includes('planted')) texts.push({ text: document!.body, source: path });
    for (const { text, source } of texts) {
      for (const site of sites) {
        // The same text is also forbidden by a probe: the scan either forbids it as the document's (and names
        // the document), or allows it as the document's (and the probe finds nothing). Only a text the scan
        // never read is found as the probe's.
        const needles = needlesFor(result, site, { forbidden: [{ text, source: 'probe' }] });
        const found = findLeak(readableText(`<main><p>${text}</p></main>`), needles);
        if (found) expect(found.source, `${source} on ${site}`).toBe(source);
      }
    }
  });

  it('is handed to the content loader by its collection, and by no other', async () => {
    setSiteData({ result, history: new Map(), trustChanges: [], grantFiles: [], trustDocumentFiles: new Map() });
    const holding: string[] = [];
    for (const collection of collectionKinds.keys()) {
      const entries: { filePath?: string }[] = [];
      const store = {
        clear: () => entries.splice(0),
        set: (entry: { filePath?: string }) => entries.push(entry) > 0,
      };
      await programLoader(collection).load({
        config: { root: new URL('file:///nowhere/') },
        store,
        generateDigest: (text: string) => String(text.length),
        renderMarkdown: async (body: string) => ({ html: body }),
      } as never);
      if (entries.some((entry) => entry.filePath === path)) holding.push(collection);
    }
    const own = documentKindList.find((info) => info.kind === kind)?.collection;
    expect(holding).toEqual(own ? [own] : []);
  });
});

describe('a kind added to the registry alone', () => {
  it('has no fixture, no leak-scan fields and no model slot until each is decided', () => {
    // The tables are keyed by the registry's kinds, not by any string: a kind they lack is a type error, and
    // `tsc` fails if one of these lines compiles.
    // @ts-expect-error no fixture for a kind the registry does not hold
    expect(fixtures['not-a-kind']).toBeUndefined();
    // @ts-expect-error no leak-scan fields for it either
    expect(textFields['not-a-kind']).toBeUndefined();
    // @ts-expect-error nor a slot in the model
    expect(emptyModel().notAKind).toBeUndefined();
    expect(Object.keys(textFields).sort()).toEqual(Object.keys(documentKinds).sort());
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(documentKinds).sort());
  });

  it('gets a slot in the model for each list kind, and none for a single kind until its file is read', () => {
    const model = emptyModel() as unknown as Record<string, Document<unknown>[] | undefined>;
    for (const info of documentKindList) {
      expect(model[info.model], info.kind).toEqual(info.single ? undefined : []);
    }
  });
});
