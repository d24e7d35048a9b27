/**
 * The syntax tree of a document body, as the build reads it: Sätteri's mdast of an MDX body (the tree Astro's
 * MDX build parses) or of a Markdown body (`.md`, where `<` is HTML, not a component). One parse per body,
 * shared by everything that reads bodies (checklist items, placeholders), so no pattern is matched against
 * the Markdown.
 */
import { memoText } from './memo.ts';
import { createRequire } from 'node:module';
import type * as Satteri from 'satteri';
import { beyondParserLimits } from './body-syntax.ts';

/** The parts of an mdast node the readers use. */
export interface BodyNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  checked?: boolean | null;
  /** A heading's level: 2 for `##`. */
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: BodyNode[];
  position?: { start: { line: number } };
}

export type BodySyntax = 'mdx' | 'markdown';

let satteri: typeof Satteri | undefined;

/**
 * The tree of a body; undefined when it does not parse (the check reports that as TB007) or is beyond the
 * parser's limits. Lines in the tree are the body's own: add `bodyLine - 1` for the file's.
 */
export function bodyTree(body: string, bodyLine: number, syntax: BodySyntax = 'mdx'): BodyNode | undefined {
  // One tree per body: the check's rules, the report and the pages ask about the same bodies.
  return memoText('body-tree', `${syntax}\u0000${body}`, () => parseBody(body, bodyLine, syntax));
}

function parseBody(body: string, bodyLine: number, syntax: BodySyntax): BodyNode | undefined {
  let tree: BodyNode | undefined;
  if (beyondParserLimits(body, bodyLine) === undefined) {
    try {
      satteri ??= createRequire(import.meta.url)('satteri') as typeof Satteri;
      const options = { features: { frontmatter: false } };
      tree = (syntax === 'mdx'
        ? satteri.mdxToMdast(body, options)
        : satteri.markdownToMdast(body, options)) as unknown as BodyNode;
    } catch {
      tree = undefined;
    }
  }
  return tree;
}

/** The syntax a document's body is written in, from its file name. */
export function syntaxOf(file: string): BodySyntax {
  return file.endsWith('.md') ? 'markdown' : 'mdx';
}

/** The text of a node and its descendants, as a reader sees it. */
export function textOf(node: BodyNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  return (node.children ?? []).map(textOf).join('');
}

/** Whether a node is the MDX element `<name>`, written as a block or inside a paragraph. */
export function isElement(node: BodyNode, name: string): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;
}
