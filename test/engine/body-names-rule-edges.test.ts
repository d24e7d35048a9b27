/**
 * The body-names rule called directly: a name nothing defines (TB013) and a component nothing provides (TB014)
 * in an MDX body, each on its line and naming the components bodies are rendered with; nothing in a Markdown
 * body, where braces are text, nor in a content-only program, where TB009 reports the code instead.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { bodyNamesRule } from '../../src/engine/rules/body-names.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

/** A policy whose body starts on line 7. */
const policy = (body: string) => `---\ntitle: Backup\nversion: "1"\nowner: engineer\n---\n\n${body}\n`;

const run = (files: Record<string, string>) => bodyNamesRule(smallModel(files), ruleContext('2026-07-15'));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const BODY = 'Kept for {retention} days.\n\n<Chart />';

describe('an MDX body', () => {
  it('reports a name nothing defines (TB013) and a component nothing provides (TB014), each on its line', () => {
    expect(described(run({ 'policies/backup.mdx': policy(BODY) }))).toEqual([
      'error TB013 policies/backup.mdx:7 policy/backup: `{retention}` reads `retention`, which nothing defines when the page is built: the build would stop on this page with "retention is not defined"',
      'error TB014 policies/backup.mdx:9 policy/backup: the component `<Chart>` is neither one bodies are rendered with (<Check>, <Todo>, <Var>) nor imported in the body: the build would stop on this page',
    ]);
  });

  it('is judged in a model without a program, as in one that allows code', () => {
    const { model } = buildModel([{ path: 'policies/backup.mdx', text: policy(BODY) }]);
    expect(bodyNamesRule(model, ruleContext('2026-07-15')).map((d) => d.code)).toEqual(['TB013', 'TB014']);
  });

  it('reports nothing for a body that reads only what it defines', () => {
    expect(run({ 'policies/backup.mdx': policy('export const days = 30;\n\nKept for {days} days.') })).toEqual([]);
  });
});

describe('nothing to report', () => {
  it('in a Markdown body, where braces and tags are text', () => {
    expect(run({ 'policies/backup.md': policy(BODY) })).toEqual([]);
  });

  it('in a content-only program, where TB009 reports the code instead', () => {
    const files = { 'content/program.yaml': programYaml('content_only: true\n'), 'policies/backup.mdx': policy(BODY) };
    expect(run(files)).toEqual([]);
  });
});
