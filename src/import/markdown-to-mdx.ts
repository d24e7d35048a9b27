/**
 * Markdown from elsewhere (comply's pandoc-flavoured Markdown, a wiki's GFM) turned into an MDX body the build
 * parses. Read with remark-parse and remark-gfm, written with remark-mdx and remark-stringify, so a bare `<` or
 * `{` in prose comes out escaped. What MDX cannot hold as it is, raw HTML, is converted: a comment becomes an
 * MDX comment, a `<br>` a line break, and any other HTML is kept as visible text for a person to redo, since
 * HTML is not JSX (`<br>` unclosed, `class=`, an element split over blocks) and guessing its meaning could
 * change what a policy says.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

export interface ConvertOptions {
  /** A first heading whose text is this title is dropped: the page shows the title already. */
  title?: string | undefined;
  /** Take the title from the document's first heading (and drop that heading from the body). */
  titleFromHeading?: boolean;
  /** The depth the shallowest heading is moved down to: 2 under the page's title, 3 inside a section. */
  topDepth?: number;
}

export interface ConvertedBody {
  body: string;
  /** The title read from the first heading, with `titleFromHeading`. */
  title?: string;
  /** What the conversion changed that a person may want to look at, in plain words. */
  changes: string[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

// The mdast node types, as the parser gives them (so no import of the types-only package).
type Root = ReturnType<typeof parser.parse>;
type RootContent = Root['children'][number];
type Nodes = Root | RootContent;
type Parents = Extract<Nodes, { children: unknown }>;
type Heading = Extract<RootContent, { type: 'heading' }>;

/**
 * A line of prose that starts with the word `import` or `export` ("export the CSV weekly") would be read by MDX as
 * JavaScript: its first letter is written as a character reference, so it stays prose.
 */
const esmLookalikes = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/** Containers whose children are phrasing content: HTML inside them is inline. */
const phrasingParents = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'tableCell']);

export function markdownToMdx(markdown: string, options: ConvertOptions = {}): ConvertedBody {
  const tree = parser.parse(markdown);
  const changes: string[] = [];
  const title = takeTitle(tree, options);
  convertHtml(tree, changes);
  shiftHeadings(tree, options.topDepth ?? 2);
  const body = unified()
    .use(remarkGfm)
    .use(remarkMdx)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true, unsafe: esmLookalikes })
    .stringify(tree);
  return { body, ...(title === undefined ? {} : { title }), changes };
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}

function sameTitle(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(a) === normal(b);
}

function takeTitle(tree: Root, options: ConvertOptions): string | undefined {
  const first = tree.children[0];
  if (options.titleFromHeading) {
    // The first heading is the title when the document opens with it, or when it is the only top-level heading.
    const topHeadings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
    const heading = first?.type === 'heading' ? first : topHeadings.length === 1 ? topHeadings[0] : undefined;
    if (!heading) return undefined;
    const text = plainText(heading).replace(/\s+/g, ' ').trim();
    if (text === '') return undefined;
    tree.children.splice(tree.children.indexOf(heading), 1);
    return text;
  }
  if (options.title !== undefined && first?.type === 'heading' && sameTitle(plainText(first), options.title)) {
    tree.children.shift();
  }
  return undefined;
}

/** Moves every heading down by the same number of levels so the shallowest sits at `topDepth`. */
function shiftHeadings(tree: Root, topDepth: number): void {
  const headings: Heading[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  if (headings.length === 0) return;
  const shallowest = Math.min(...headings.map((heading) => heading.depth));
  const shift = Math.max(0, topDepth - shallowest);
  for (const heading of headings) heading.depth = Math.min(6, heading.depth + shift) as Heading['depth'];
}

const commentPattern = /^<!--([\s\S]*?)-->$/;
const breakPattern = /^<br\s*\/?>$/i;

function convertHtml(parent: Parents, changes: string[]): void {
  const inline = phrasingParents.has(parent.type);
  const converted: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type !== 'html') {
      if ('children' in child) convertHtml(child, changes);
      converted.push(child);
      continue;
    }
    const html = child.value.trim();
    const comment = commentPattern.exec(html);
    if (comment) {
      // An MDX comment keeps the author's note out of the page, as the HTML comment did. `*/` would end it early.
      const text = comment[1]!.replace(/\*\//g, '* /').trim();
      const value = `/* ${text} */`;
      converted.push(
        (inline ? { type: 'mdxTextExpression', value } : { type: 'mdxFlowExpression', value }) as RootContent,
      );
      changes.push('an HTML comment became an MDX comment');
    } else if (breakPattern.test(html)) {
      if (inline) converted.push({ type: 'break' });
    } else {
      // Kept as text: it shows on the page as written, for a person to rewrite in Markdown.
      const text = { type: 'text', value: child.value } as const;
      converted.push((inline ? text : { type: 'paragraph', children: [text] }) as RootContent);
      changes.push(`raw HTML kept as visible text: \`${oneLine(child.value)}\``);
    }
  }
  (parent as { children: RootContent[] }).children = converted;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
