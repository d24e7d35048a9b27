/**
 * Content-only mode: MDX bodies that are text and the components Trustbook gives them, never code.
 *
 * An MDX body is a JavaScript module: its `import`/`export` statements and every `{ }` expression run in the
 * build's process when its page renders, with the process's rights (its files, its environment). A program in
 * content-only mode (`content_only: true`) lets a body use Markdown, HTML elements and the components bodies are
 * rendered with (`<Check>`, `<Todo>`), with plain string attributes; anything that would run is found here, from
 * the same syntax tree the build compiles, before any page renders.
 */
import { bodyTree, type BodyNode } from './body-tree.ts';

/** The components a body is rendered with (see DocumentBody.astro), with the attributes each takes. */
export const BODY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Check: ['control', 'evidence', 'policy', 'rule'],
  Todo: [],
  /** A variable bound at build time, rendered as text (src/engine/variables.ts). */
  Var: ['name'],
};

/** HTML elements that run or load code in the reader's browser: no body needs one. */
const ACTIVE_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta']);

/** Code found in a body: its line in the file, and what it is, quoted short. */
export interface CodeInBody {
  line: number;
  what: string;
}

/** How much of a statement or expression a finding quotes. */
const QUOTED = 60;

/**
 * The code in an MDX body that starts on line `bodyLine` of its file. A body that does not parse yields nothing
 * here (its syntax error fails the check, and the build never compiles it).
 */
export function codeInBody(body: string, bodyLine: number): CodeInBody[] {
  // Code needs a `{`, a statement at the start of a line, or an element: a body without any is plain text.
  if (!/[{<]|^[ \t]*(?:import|export)\b/m.test(body)) return [];
  const tree = bodyTree(body, bodyLine, 'mdx');
  if (!tree) return [];
  const found: CodeInBody[] = [];
  const lineOf = (node: BodyNode) => bodyLine + (node.position?.start.line ?? 1) - 1;
  const visit = (node: BodyNode): void => {
    const value = typeof node.value === 'string' ? node.value : '';
    switch (node.type) {
      case 'mdxjsEsm':
        found.push({ line: lineOf(node), what: `the statement \`${quote(value)}\`` });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!onlyComments(value)) found.push({ line: lineOf(node), what: `the expression \`{${quote(value)}}\`` });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        found.push(...elementCode(node, lineOf(node)));
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

/** What an element runs: an unknown component, an expression or spread in its attributes, an event handler. */
function elementCode(node: BodyNode, line: number): CodeInBody[] {
  const name = node.name ?? '';
  const found: CodeInBody[] = [];
  const tag = name === '' ? '<>' : `<${name}>`;
  const component = /^[A-Z]/.test(name) || name.includes('.');
  if (component && !Object.hasOwn(BODY_COMPONENTS, name)) {
    found.push({ line, what: `the component \`${tag}\`, which is not one bodies are rendered with` });
  } else if (ACTIVE_ELEMENTS.has(name.toLowerCase())) {
    found.push({ line, what: `the element \`${tag}\`, which runs or loads code in the reader's browser` });
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      found.push({ line, what: `the attributes \`{${quote(String(attribute.value ?? ''))}}\` on \`${tag}\`` });
    } else if (attribute.value !== null && typeof attribute.value === 'object') {
      const expression = String((attribute.value as { value?: unknown }).value ?? '');
      found.push({ line, what: `the attribute \`${attribute.name}={${quote(expression)}}\` on \`${tag}\`` });
    } else if (/^on/i.test(attribute.name ?? '')) {
      found.push({ line, what: `the event handler \`${attribute.name}\` on \`${tag}\`` });
    }
  }
  return found;
}

/** Whether an expression holds nothing but comments (`{/* note *\/}`), which MDX drops. */
function onlyComments(expression: string): boolean {
  return (
    expression
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .trim() === ''
  );
}

function quote(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTED ? `${flat.slice(0, QUOTED - 1)}…` : flat;
}
