/** A YAML syntax error is named in plain words, on the line to fix, with how to fix it. */
import { describe, expect, it } from 'vitest';
import { explainYamlError } from '../../src/engine/yaml-errors.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const POLICY = 'policies/acceptable-use.mdx';

describe('YAML syntax errors in plain words', () => {
  it('points an unclosed quote at the line it opens on, not the end of the frontmatter', () => {
    const files = edit(validProgram(), POLICY, 'version: "1.0"', 'version: "1.0');
    expect(findings(check(files), 'TB001')).toEqual([
      expect.objectContaining({
        file: POLICY,
        line: 4,
        message: 'the value opened with " on this line (column 10) is never closed',
        hint: 'Add the closing " at the end of the value; a " inside it is written \\".',
      }),
    ]);
  });

  it('tells a colon inside a value from bad indentation, and says to quote the value', () => {
    const files = edit(validProgram(), 'content/program.yaml', 'system: Test Platform', 'system: Platform: core');
    const [problem] = findings(check(files), 'TB001');
    expect(problem).toMatchObject({ file: 'content/program.yaml', line: 2 });
    expect(problem!.message).toBe(
      'a colon inside the unquoted value of `system` (column 17): YAML reads it as the start of another key',
    );
    expect(problem!.hint).toMatch(/^Quote the value: `system: "/);
  });

  it('names the key given twice, on the line of the second', () => {
    expect(explainYamlError('title: A\nowner: ceo\nowner: cto\n')).toEqual({
      line: 3,
      syntax: { what: 'duplicate-key', column: 1, key: 'owner' },
    });
  });

  it('names a tab on the line it indents', () => {
    expect(explainYamlError('audit:\n\ttype: II\n')).toEqual({ line: 2, syntax: { what: 'tab', column: 1 } });
  });

  it('points an unclosed list in a list item at the item', () => {
    expect(explainYamlError('roles:\n  - { id: a }\n  - { id: b\nstaff: []\n')).toEqual({
      line: 3,
      syntax: { what: 'unclosed-bracket', column: 5, bracket: '{' },
    });
  });

  it('does not mistake a quote closed on its line, or one inside a value, for an unclosed one', () => {
    expect(explainYamlError('title: "A"\nnote: it\'s fine\nbad: "x\n')).toEqual({
      line: 3,
      syntax: { what: 'unclosed-quote', column: 6, quote: '"' },
    });
  });

  it('keeps the parser’s own words for what it does not recognise, with the column', () => {
    const files = edit(validProgram(), 'content/program.yaml', 'as_of: 2026-07-15', '---\nas_of: 2026-07-15');
    const [problem] = findings(check(files), 'TB001');
    expect(problem).toMatchObject({ line: 10, message: expect.stringMatching(/multiple documents/) });
  });

  it('finds nothing to explain in YAML that parses', () => {
    expect(explainYamlError('title: "A: b"\nlist: [a, b]\n')).toBeUndefined();
  });
});
