import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyTree, type BodyNode } from '../../src/engine/body-tree.ts';
import { markdownToMdx } from '../../src/import/markdown-to-mdx.ts';

/** Pieces of Markdown and of what MDX reads differently, put together at random. */
const piece = fc.constantFrom(
  'text ',
  'word',
  '\n',
  '\n\n',
  '<',
  '>',
  '{',
  '}',
  '{{.Name}}',
  '<!-- c -->',
  '<div>',
  '</div>',
  '<br>',
  '`',
  '```\n',
  '# ',
  '- ',
  '1. ',
  '- [ ] ',
  '| a | b |\n|---|---|\n',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '&',
  '\\',
  'import ',
  'export ',
  '    ',
  'http://a.test ',
  '<a@b.test>',
);

/** What MDX reads as code or components in a tree: imported prose must hold none, comments aside. */
function codeIn(node: BodyNode): string[] {
  const comment = typeof node.value === 'string' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
  const own =
    node.type === 'mdxjsEsm' || node.type.startsWith('mdxJsx') || (node.type.endsWith('Expression') && !comment)
      ? [node.type]
      : [];
  return [...own, ...(node.children ?? []).flatMap(codeIn)];
}

describe('converting Markdown to MDX', () => {
  it('always gives a body the build’s parser reads as prose, with no code or component in it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { body } = markdownToMdx(pieces.join(''));
        const tree = bodyTree(body, 1);
        expect(tree, JSON.stringify(body)).toBeDefined();
        expect(codeIn(tree!), JSON.stringify(body)).toEqual([]);
      }),
      { numRuns: 300, seed: 26 },
    );
  });
});
