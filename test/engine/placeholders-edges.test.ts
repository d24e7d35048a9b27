/**
 * The placeholders rule (TB320, TB321) called directly, at its edges: a warning the day before the audit window
 * opens and an error on its first day (or a Type I report's date), an error at once for a public subprocessor's
 * field, the finding's file, line and subject for a document and for program.yaml (a nested field reported by
 * its top-level name), and the words that say what the trust center leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { placeholdersRule } from '../../src/engine/rules/placeholders.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const POLICY = 'policies/retention.mdx';

const policy = (audience: string, body: string) => `---
title: Retention policy
version: "1.0"
owner: engineer
audience: [${audience}]
---

${body}
`;

const vendor = (isPublic: boolean) => `id: cloudco
name: CloudCo
purpose: "TODO: what the company uses CloudCo for"
criticality: medium
subprocessor: true
data: [customer data]
locations: [Germany]
added: 2025-11-01
reviewed: 2025-11-01
review_months: 12
assurance: { type: iso27001, expires: 2027-01-01 }
public: ${isPublic}
`;

const run = (files: Record<string, string>, asOf: string) => placeholdersRule(smallModel(files), ruleContext(asOf));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('the severity of a placeholder', () => {
  const files = { [POLICY]: policy('employees', '<Todo>Say how long records are kept.</Todo>') };

  it('is a warning the day before the Type II window opens and an error from its first day', () => {
    expect(run(files, '2025-12-31').map((d) => d.severity)).toEqual(['warning']);
    expect(run(files, '2026-01-01').map((d) => d.severity)).toEqual(['error']);
  });

  it('is a warning the day before a Type I report date and an error on it', () => {
    const typeI = { ...files, 'content/program.yaml': programYaml('', 'type: I\n  date: 2026-03-31') };
    expect(run(typeI, '2026-03-30').map((d) => d.severity)).toEqual(['warning']);
    expect(run(typeI, '2026-03-31').map((d) => d.severity)).toEqual(['error']);
  });

  it('is an error at once in a public subprocessor’s listed field, a warning in a private one', () => {
    const listed = run({ 'content/vendors/cloudco.yaml': vendor(true) }, '2025-12-01');
    expect(described(listed)).toEqual([
      'error TB320 content/vendors/cloudco.yaml:3 vendor/cloudco: `purpose` still to write: "TODO: what the company uses CloudCo for"; the trust center lists this subprocessor, so the placeholder would be published',
    ]);
    expect(listed[0]!.hint).toBe('Replace the TODO value with the real one.');
    expect(run({ 'content/vendors/cloudco.yaml': vendor(false) }, '2025-12-01').map((d) => d.severity)).toEqual([
      'warning',
    ]);
  });
});

describe('a placeholder in a document', () => {
  it('is TB320 for text still to write and TB321 for a default, each on its line, in file order', () => {
    const body = '<Todo>Say how long records are kept.</Todo>\n\nWrite to records@example.com.';
    expect(described(run({ [POLICY]: policy('employees', body) }, '2026-02-01'))).toEqual([
      `error TB320 ${POLICY}:8 policy/retention: still to write: "Say how long records are kept."`,
      `error TB321 ${POLICY}:10 policy/retention: still holds the template default records@example.com`,
    ]);
  });

  it('says the trust center leaves a public document out until it is done', () => {
    const found = run({ [POLICY]: policy('public, employees', 'Write to records@example.com.') }, '2025-12-01');
    expect(described(found)).toEqual([
      `warning TB321 ${POLICY}:8 policy/retention: still holds the template default records@example.com; the trust center leaves this document out until it is done`,
    ]);
    expect(found[0]!.hint).toBe(
      'Write your own address or site; an example meant as such goes in code: `user@example.com`.',
    );
  });
});

describe('a placeholder in program.yaml', () => {
  it('is reported in program.yaml by its field, with what the trust center leaves out meanwhile', () => {
    const files = { 'content/program.yaml': programYaml().replace('security@test.example', 'security@example.com') };
    const found = run(files, '2025-12-01');
    expect(described(found)).toEqual([
      'warning TB321 content/program.yaml:4 program/contact: `contact` still holds the template default security@example.com: the trust center publishes no security.txt and no contact address until it is yours',
    ]);
    expect(run(files, '2026-01-01').map((d) => d.severity)).toEqual(['error']);
  });

  it('names a nested field by its top-level name, and its whole path in the message', () => {
    const files = { 'content/program.yaml': programYaml().replace('auditor: Test CPA', 'auditor: "TODO: the firm"') };
    expect(described(run(files, '2026-02-01'))).toEqual([
      'error TB320 content/program.yaml:9 program/audit: `audit.auditor` still to write: "TODO: the firm"',
    ]);
  });

  it('finds nothing in a program without placeholders', () => {
    expect(run({}, '2026-02-01')).toEqual([]);
  });
});
