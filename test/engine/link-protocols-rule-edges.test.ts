/**
 * The link-protocols rule called directly: a link whose address runs script (TB010) in an MDX or a Markdown
 * body, on its line; a safe link asks nothing; and a YAML record, which has no body, is not read.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { linkProtocolsRule } from '../../src/engine/rules/link-protocols.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

/** A policy whose body starts on line 7. */
const policy = (body: string) => `---\ntitle: Backup\nversion: "1"\nowner: engineer\n---\n\n${body}\n`;

const run = (files: Record<string, string>) => linkProtocolsRule(smallModel(files), ruleContext('2026-07-15'));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const BODY = 'Read [the terms](https://acme-corp.io/terms).\n\nOr [click](javascript:alert(1)).';

describe('a link that runs script (TB010)', () => {
  it('is reported on its line in an MDX body and in a Markdown body', () => {
    const found = run({ 'policies/backup.mdx': policy(BODY), 'policies/restore.md': policy(BODY) });
    expect(described(found)).toEqual([
      `error TB010 policies/backup.mdx:9 policy/backup: a link goes to "javascript:alert(1)", which runs script or opens a page of its own in the reader's browser`,
      `error TB010 policies/restore.md:9 policy/restore: a link goes to "javascript:alert(1)", which runs script or opens a page of its own in the reader's browser`,
    ]);
  });

  it('is not reported for safe links', () => {
    expect(run({ 'policies/backup.mdx': policy('Read [the terms](https://acme-corp.io/terms).') })).toEqual([]);
  });
});
