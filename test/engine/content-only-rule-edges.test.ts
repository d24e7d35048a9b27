/**
 * The content-only rule called directly: in a program with `content_only: true`, each expression, statement or
 * element of an MDX body that would run code is one TB009 on its line, naming the components bodies may use;
 * a Markdown body is text; and a program that allows code, or says nothing, is not judged.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { contentOnlyRule } from '../../src/engine/rules/content-only.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

/** A policy whose body starts on line 7. */
const policy = (body: string) => `---\ntitle: Backup\nversion: "1"\nowner: engineer\n---\n\n${body}\n`;

const BODY = 'Kept for {30} days.\n\n<Chart />';

const run = (contentOnly: string | undefined, files: Record<string, string>) =>
  contentOnlyRule(
    smallModel({
      'content/program.yaml': programYaml(contentOnly === undefined ? '' : `content_only: ${contentOnly}\n`),
      ...files,
    }),
    ruleContext('2026-07-15'),
  );

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('a content-only program', () => {
  it('reports each piece of code in an MDX body on its line (TB009)', () => {
    const found = run('true', { 'policies/backup.mdx': policy(BODY) });
    expect(described(found)).toEqual([
      'error TB009 policies/backup.mdx:7 policy/backup: the expression `{30}` would run when the site is built, and the program is content-only',
      'error TB009 policies/backup.mdx:9 policy/backup: the component `<Chart>`, which is not one bodies are rendered with would run when the site is built, and the program is content-only',
    ]);
    expect(found[0]!.hint).toContain('and <Check>, <Todo>, <Var> with plain "quoted" attributes');
  });

  it('reads a Markdown body as text', () => {
    expect(run('true', { 'policies/backup.md': policy(BODY) })).toEqual([]);
  });
});

describe('a program that allows code', () => {
  it('is not judged, whether it says so or says nothing', () => {
    expect(run('false', { 'policies/backup.mdx': policy(BODY) })).toEqual([]);
    expect(run(undefined, { 'policies/backup.mdx': policy(BODY) })).toEqual([]);
  });

  it('is not judged in a model without a program', () => {
    const { model } = buildModel([{ path: 'policies/backup.mdx', text: policy(BODY) }]);
    expect(contentOnlyRule(model, ruleContext('2026-07-15'))).toEqual([]);
  });
});
