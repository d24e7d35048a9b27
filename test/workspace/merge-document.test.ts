import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocument } from '../../src/workspace/merge-document.ts';
import { sectionsOf } from '../../src/workspace/sections.ts';

/** A library policy as the client first took it. */
const base = `---
title: Access control
version: 1
owner: cto # the person who keeps it current
review_months: 12
criteria: [CC6.1, CC6.2]
---
Access follows the least privilege.

## Scope

Every system that holds customer data.

## Granting access

Managers request access in the ticket system.

## Exceptions

Exceptions are approved by the security lead.
`;

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('merging a library change into a client copy', () => {
  it('takes the library change when the client left the document as it was', () => {
    const library = edit(base, 'version: 1', 'version: 2');
    const merged = mergeDocument({ base, library, client: base });
    expect(merged.text).toBe(library);
    expect(merged.fields).toEqual(['version']);
    expect(merged.conflicts).toEqual([]);
  });

  it('keeps the client file byte for byte when the library did not change', () => {
    const client = edit(base, 'cto # the person', 'ciso # the person');
    const merged = mergeDocument({ base, library: base, client });
    expect(merged.text).toBe(client);
    expect(merged.changed).toBe(false);
  });

  it('merges different keys changed on each side and keeps the client comments', () => {
    const library = edit(base, 'review_months: 12', 'review_months: 6');
    const client = edit(base, 'owner: cto', 'owner: ciso');
    const merged = mergeDocument({ base, library, client });
    expect(merged.text).toContain('owner: ciso # the person who keeps it current');
    expect(merged.text).toContain('review_months: 6');
    expect(merged.fields).toEqual(['review_months']);
  });

  it('merges a list as a set: the library adds one criterion, the client another', () => {
    const library = edit(base, '[CC6.1, CC6.2]', '[CC6.1, CC6.2, CC6.3]');
    const client = edit(base, '[CC6.1, CC6.2]', '[CC6.1, CC6.2, CC7.1]');
    const merged = mergeDocument({ base, library, client });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toMatch(/criteria: \[ ?CC6\.1, CC6\.2, CC7\.1, CC6\.3 ?\]/);
  });

  it('drops from the client list what the library removed, and keeps what the client added', () => {
    const library = edit(base, '[CC6.1, CC6.2]', '[CC6.1]');
    const client = edit(base, '[CC6.1, CC6.2]', '[CC6.1, CC6.2, CC7.1]');
    const merged = mergeDocument({ base, library, client });
    expect(merged.text).toMatch(/criteria: \[ ?CC6\.1, CC7\.1 ?\]/);
  });

  it('reports a field both sides changed differently and leaves the client file untouched', () => {
    const library = edit(base, 'review_months: 12', 'review_months: 6');
    const client = edit(base, 'review_months: 12', 'review_months: 3');
    const merged = mergeDocument({ base, library, client }, { markers: true });
    expect(merged.text).toBeUndefined();
    expect(merged.conflicts).toEqual([{ kind: 'field', name: 'review_months', base: 12, library: 6, client: 3 }]);
  });

  it('agrees without a conflict when both sides made the same change', () => {
    const library = edit(base, 'version: 1', 'version: 2');
    const merged = mergeDocument({ base, library, client: library });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(library);
  });

  it('merges edits to different sections even when the library moved its section', () => {
    const moved = edit(
      base,
      '## Granting access\n\nManagers request access in the ticket system.\n\n## Exceptions\n\nExceptions are approved by the security lead.\n',
      '## Exceptions\n\nExceptions are approved by the security lead and expire after 90 days.\n\n## Granting access\n\nManagers request access in the ticket system.\n',
    );
    const client = edit(base, 'Every system that holds customer data.', 'Every system of the Acme platform.');
    const merged = mergeDocument({ base, library: moved, client });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toContain('Every system of the Acme platform.');
    expect(merged.text).toContain('expire after 90 days');
    expect(merged.sections).toEqual(['exceptions']);
  });

  it('follows the library reordering its sections when the client kept the order', () => {
    const reordered = edit(
      base,
      '## Scope\n\nEvery system that holds customer data.\n\n## Granting access\n\nManagers request access in the ticket system.\n\n',
      '## Granting access\n\nManagers request access in the ticket system.\n\n## Scope\n\nEvery system that holds customer data.\n\n',
    );
    const client = edit(base, 'the security lead', 'the head of IT');
    const merged = mergeDocument({ base, library: reordered, client });
    const body = merged.text!.slice(merged.text!.indexOf('Access follows'));
    expect(sectionsOf(body).map((section) => section.id)).toEqual([
      '#preamble',
      'granting-access',
      'scope',
      'exceptions',
    ]);
    expect(body).toContain('the head of IT');
  });

  it('merges line by line inside a section both sides edited in different places', () => {
    const longer = edit(
      base,
      'Managers request access in the ticket system.',
      'Managers request access.\n\nAccess is reviewed every quarter.',
    );
    const library = edit(longer, 'Access is reviewed every quarter.', 'Access is reviewed every quarter by the owner.');
    const client = edit(longer, 'Managers request access.', 'Team leads request access in Jira.');
    const merged = mergeDocument({ base: longer, library, client });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toContain('Team leads request access in Jira.');
    expect(merged.text).toContain('reviewed every quarter by the owner.');
  });

  it('reports a section both sides rewrote and, with markers, writes the three versions into it', () => {
    const library = edit(base, 'Every system that holds customer data.', 'Every production system.');
    const client = edit(base, 'Every system that holds customer data.', 'Every system of the Acme platform.');
    const quiet = mergeDocument({ base, library, client });
    expect(quiet.text).toBeUndefined();
    expect(quiet.conflicts).toMatchObject([{ kind: 'section', name: 'scope' }]);

    const marked = mergeDocument({ base, library, client }, { markers: true });
    expect(marked.text).toMatch(
      /<<<<<<< client\nEvery system of the Acme platform\.\n\|\|\|\|\|\|\| library, as the client last took it\nEvery system that holds customer data\.\n=======\nEvery production system\.\n>>>>>>> library, now/,
    );
  });

  it('leaves a section the client deleted deleted, even when the library changed it', () => {
    const client = edit(base, '## Exceptions\n\nExceptions are approved by the security lead.\n', '');
    const library = edit(base, 'approved by the security lead', 'approved by the CISO');
    const merged = mergeDocument({ base, library, client });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).not.toContain('## Exceptions');
  });

  it('adds a section the library added after the section it follows there', () => {
    const library = edit(base, '## Exceptions', '## Reviews\n\nAccess is reviewed every quarter.\n\n## Exceptions');
    const merged = mergeDocument({ base, library, client: base });
    const ids = sectionsOf(merged.text!.split('---\n').slice(2).join('---\n')).map((section) => section.id);
    expect(ids).toEqual(['#preamble', 'scope', 'granting-access', 'reviews', 'exceptions']);
  });

  it('removes a section the library removed, unless the client edited it', () => {
    const library = edit(base, '## Exceptions\n\nExceptions are approved by the security lead.\n', '');
    expect(mergeDocument({ base, library, client: base }).text).not.toContain('## Exceptions');
    const client = edit(base, 'approved by the security lead', 'approved by the CEO');
    expect(mergeDocument({ base, library, client }).conflicts).toMatchObject([{ kind: 'section', name: 'exceptions' }]);
  });

  it('never touches an override and reports the library change under it for review', () => {
    const overridden = edit(
      base,
      'criteria: [CC6.1, CC6.2]\n',
      'criteria: [CC6.1, CC6.2]\noverrides:\n  - field: review_months\n    reason: twice a year for a customer\n  - section: exceptions\n    reason: our works council approves exceptions\n',
    );
    const client = edit(
      edit(overridden, 'review_months: 12', 'review_months: 6'),
      'approved by the security lead',
      'approved by the works council',
    );
    const library = edit(edit(base, 'review_months: 12', 'review_months: 24'), 'security lead', 'CISO');
    const merged = mergeDocument({ base, library, client });
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(client);
    expect(merged.overridesToReview).toEqual([
      { kind: 'field', name: 'review_months', base: 12, library: 24 },
      expect.objectContaining({ kind: 'section', name: 'exceptions' }),
    ]);
  });

  it('does not take a heading inside a code block for a section', () => {
    const body = 'Intro\n\n```sh\n# not a heading\n```\n\n## Real\n\ntext\n';
    expect(sectionsOf(body).map((section) => section.id)).toEqual(['#preamble', 'real']);
  });
});

describe('merge properties', () => {
  const paragraph = fc.constantFrom('Alpha.', 'Beta gamma.', 'Delta.', '', 'Epsilon zeta.');
  const heading = fc.constantFrom('## Scope', '## Roles', '## Review', '## Exceptions');
  const body = fc.array(fc.oneof(paragraph, heading), { maxLength: 12 }).map((lines) => lines.join('\n'));
  const document = fc
    .record({ version: fc.integer({ min: 1, max: 3 }), owner: fc.constantFrom('cto', 'ciso'), body })
    .map(({ version, owner, body }) => `---\ntitle: Policy\nversion: ${version}\nowner: ${owner}\n---\n${body}`);

  it('gives the library text when the client did not edit, and the client text when the library did not change', () => {
    fc.assert(
      fc.property(document, document, (original, changed) => {
        expect(mergeDocument({ base: original, library: changed, client: original }).text).toBe(changed);
        expect(mergeDocument({ base: original, library: original, client: changed }).text).toBe(changed);
      }),
    );
  });

  it('agrees with both sides when they made the same change', () => {
    fc.assert(
      fc.property(document, document, (original, changed) => {
        const merged = mergeDocument({ base: original, library: changed, client: changed });
        expect(merged.conflicts).toEqual([]);
        expect(merged.text).toBe(changed);
      }),
    );
  });
});
