/**
 * A document body cut into sections on its headings, the unit a library update is merged in. A section runs
 * from its heading to the line before the next heading of any depth; the lines before the first heading are
 * the preamble. Each section is named by its heading's slug (the id the sites give the heading), so a
 * section keeps its name when the library or the client moves it, and the merge can match the three versions
 * without a line-by-line diff of the whole body. Headings are found in the body's syntax tree, never by a
 * pattern: a `#` inside a code block is not a heading.
 */
import GithubSlugger from 'github-slugger';
import { bodyTree, textOf, type BodySyntax } from '../engine/body-tree.ts';

/** The id of the text before the first heading. */
export const preambleId = '#preamble';

export interface Section {
  /** The heading's slug, unique within the body (`scope`, `scope-1`…), or `#preamble`. */
  id: string;
  /** The section's lines, its heading first. */
  lines: string[];
}

/**
 * The body's sections in order. A body the parser cannot read is one section, the preamble, so it is
 * still merged, line by line, as a whole.
 */
export function sectionsOf(body: string, syntax: BodySyntax = 'mdx'): Section[] {
  const lines = body.split('\n');
  const tree = bodyTree(body, 1, syntax);
  const headings = (tree?.children ?? [])
    .filter((node) => node.type === 'heading' && node.position !== undefined)
    .map((node) => ({ line: node.position!.start.line - 1, text: textOf(node) }));
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  const firstHeading = headings[0]?.line ?? lines.length;
  if (firstHeading > 0 || headings.length === 0) {
    sections.push({ id: preambleId, lines: lines.slice(0, firstHeading) });
  }
  headings.forEach((heading, index) => {
    const end = headings[index + 1]?.line ?? lines.length;
    sections.push({ id: slugger.slug(heading.text), lines: lines.slice(heading.line, end) });
  });
  return sections;
}

/** The body again, from its sections. */
export function joinSections(sections: readonly Section[]): string {
  return sections.flatMap((section) => section.lines).join('\n');
}
