import { describe, expect, it } from 'vitest';
import {
  bindVariables,
  fillVariables,
  placeholdersAsVariables,
  unsafePlaceholders,
  unsetVariables,
} from '../../src/workspace/variables.ts';

const document = (body: string) => `---\ntitle: Tools\n---\n\n${body}\n`;

describe('library variables: <Var> bound at build time, {{placeholders}} at sync', () => {
  it('finds an unanswered <Var> of an MDX body at its line, as it finds a placeholder', () => {
    const text = document('Tickets live in <Var name="ticketing" />.\n\nCode lives in {{code_host}}.');
    expect(unsetVariables(text, {}, 'policies/tools.mdx')).toEqual([
      { name: 'ticketing', line: 5 },
      { name: 'code_host', line: 7 },
    ]);
    expect(unsetVariables(text, { ticketing: 'Linear', code_host: 'GitHub' }, 'policies/tools.mdx')).toEqual([]);
  });

  it('leaves <Var> in the text when sync fills the placeholders: the build binds it', () => {
    const text = document('Tickets live in <Var name="ticketing" />, code in {{code_host}}.');
    expect(fillVariables(text, { ticketing: 'Linear', code_host: 'GitHub' })).toBe(
      document('Tickets live in <Var name="ticketing" />, code in GitHub.'),
    );
  });

  it('names a placeholder whose answer would be markup in the text, and lets <Var> take any answer', () => {
    const text = document('Owned by {{organization}}; tickets in <Var name="ticketing" />.');
    const answers = { organization: '<b>Acme</b>', ticketing: '<script>{x}</script>' };
    expect(unsafePlaceholders(text, answers)).toEqual([{ name: 'organization', line: 5 }]);
  });

  it('writes each answered <Var> out as escaped text when a client leaves, so the MDX stays text', () => {
    const text = document('Tickets live in <Var name="ticketing" />; code in <Var name="code_host" />.');
    const bound = bindVariables(text, { ticketing: '<script>alert(1)</script> {x}' });
    expect(bound).toBe(
      document('Tickets live in \\<script\\>alert(1)\\</script\\> \\{x\\}; code in <Var name="code_host" />.'),
    );
  });
});

describe("a new workspace's library: body placeholders become <Var>", () => {
  it('writes each body placeholder as <Var>, but not in the frontmatter, before a full stop or in a comment', () => {
    const text = [
      '---',
      'title: "Security at {{organization}}"',
      '---',
      '{/* Describe {{system}} as it is. */}',
      '{{organization}} runs {{system}}, and {{organization}} owns it.',
      'Reports go to {{contact}}.',
      '',
    ].join('\n');
    expect(placeholdersAsVariables(text)).toBe(
      [
        '---',
        'title: "Security at {{organization}}"',
        '---',
        '{/* Describe {{system}} as it is. */}',
        '<Var name="organization" /> runs <Var name="system" />, and <Var name="organization" /> owns it.',
        'Reports go to {{contact}}.',
        '',
      ].join('\n'),
    );
  });

  it('leaves a text without frontmatter as it is', () => {
    expect(placeholdersAsVariables('At {{organization}} we care')).toBe('At {{organization}} we care');
  });
});
