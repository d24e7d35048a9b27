/**
 * The variables rule called directly: a `<Var>` the sync record answers, one it does not (TB030, listing the
 * answers it has in order), one written in a form the build does not render (TB031) or in a Markdown body; a
 * computed name in a content-only program left to TB009; and nothing while the sync record does not read.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { variablesRule } from '../../src/engine/rules/variables.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const RECORD = '.trustbook-sync/sync.yaml';
const POLICY = 'policies/backup.mdx';

/** A sync record answering the variables given, in that order. */
const record = (answers: Record<string, string>) =>
  `layers:\n  - { name: Baseline, version: '1' }\nsynced: '2026-07-01'\n${
    Object.keys(answers).length > 0
      ? `answers:\n${Object.entries(answers)
          .map(([name, value]) => `  ${name}: ${value}\n`)
          .join('')}`
      : ''
  }`;

/** A policy whose body (from line 7) is `body`. */
const policy = (body: string) => `---\ntitle: Backup\nversion: "1"\nowner: engineer\n---\n\n${body}\n`;

const run = (files: Record<string, string>, broken: string[] = []) =>
  variablesRule(smallModel(files, broken), ruleContext('2026-07-15'));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('a variable the sync record answers', () => {
  it('asks nothing', () => {
    expect(
      run({ [RECORD]: record({ ticketing: 'Linear' }), [POLICY]: policy('In <Var name="ticketing" />.') }),
    ).toEqual([]);
  });
});

describe('a variable without a value (TB030)', () => {
  it('is reported on its line, with the answers the record has in alphabetical order', () => {
    const files = {
      [RECORD]: record({ ticketing: 'Linear', organization: 'Acme' }),
      [POLICY]: policy('Tickets live\nin <Var name="chat" />.'),
    };
    expect(described(run(files))).toEqual([
      `error TB030 ${POLICY}:8 policy/backup: \`<Var name="chat" />\` reads the variable chat, which has no value in this program (it has organization, ticketing): the page would show nothing where the text expects it`,
    ]);
  });

  it('is reported in a program outside a workspace, which has no answers', () => {
    expect(run({ [POLICY]: policy('In <Var name="chat" />.') }).map((d) => d.message)).toEqual([
      '`<Var name="chat" />` reads the variable chat, which has no value in this program (it has none): the page would show nothing where the text expects it',
    ]);
  });
});

describe('a `<Var>` the build does not render (TB031)', () => {
  it('is reported for a form other than `<Var name="…" />`, and not also as a missing value', () => {
    const files = { [RECORD]: record({ chat: 'Slack' }), [POLICY]: policy('In <Var name="chat" lang="en" />.') };
    expect(described(run(files))).toEqual([
      `error TB031 ${POLICY}:7 policy/backup: this \`<Var>\` takes only \`name\`, and has \`lang\`: the build renders only \`<Var name="variable" />\``,
    ]);
  });

  it('is reported for a name computed with `{…}`, unless the program is content-only (TB009 says it)', () => {
    const body = policy('In <Var name={"chat"} />.');
    expect(run({ [POLICY]: body }).map((d) => d.code)).toEqual(['TB031']);
    const contentOnly = { 'content/program.yaml': programYaml('content_only: true\n'), [POLICY]: body };
    expect(run(contentOnly)).toEqual([]);
  });

  it('is reported in a Markdown body, where the build shows it as an unknown tag, whatever its name', () => {
    const files = { [RECORD]: record({ chat: 'Slack' }), 'policies/backup.md': policy('Text.\n\n<Var name="chat" />') };
    expect(described(run(files))).toEqual([
      'error TB031 policies/backup.md:9 policy/backup: this `<Var>` is in a Markdown (.md) body, where the build shows it as an unknown tag: the build renders only `<Var name="variable" />`',
    ]);
  });
});

describe('a model without a program', () => {
  it('is judged as a program that allows code', () => {
    const { model } = buildModel([{ path: POLICY, text: policy('In <Var name={"chat"} />.') }]);
    expect(variablesRule(model, ruleContext('2026-07-15')).map((d) => d.code)).toEqual(['TB031']);
  });
});

describe('a sync record that does not read', () => {
  it('has its own finding: no `<Var>` is reported besides it', () => {
    const files = { [RECORD]: 'layers: 3\n', [POLICY]: policy('In <Var name="chat" />.') };
    expect(run(files, [RECORD])).toEqual([]);
  });
});
