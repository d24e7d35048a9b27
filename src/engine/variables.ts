/**
 * Variables bound at build time: a body writes `<Var name="organization" />` and the build renders the program's
 * value for it as text. The values are a workspace client's answers, kept in its sync record, so a changed answer
 * changes that record and no document. Read from the same syntax tree the build compiles, never by pattern.
 */
import { bodyTree, isElement, type BodyNode } from './body-tree.ts';
import type { ProgramModel } from './model.ts';

/** The component a body names a variable with, and its one attribute. */
export const VARIABLE_COMPONENT = 'Var';
export const VARIABLE_ATTRIBUTE = 'name';

/** A variable's name, as `library.yaml` declares it. */
const variableName = /^[a-z][a-z0-9_]*$/;

/** One `<Var>` of a body: the name it reads, or what is wrong with how it is written. */
export interface VariableReference {
  /** Line in the file. */
  line: number;
  /** Where the element starts and ends in the body (offsets), for a tool that replaces it with its value. */
  start: number;
  end: number;
  name?: string;
  /** Set when the element is not `<Var name="…" />` with a plain variable name: said in words. */
  problem?: string;
  /** Whether an attribute is code (`{…}`): a content-only program reports that as code already (TB009). */
  computed?: boolean;
}

/** Every `<Var>` in an MDX body that starts on line `bodyLine` of its file; none when the body does not parse. */
export function variableReferences(body: string, bodyLine: number): VariableReference[] {
  if (!body.includes(`<${VARIABLE_COMPONENT}`)) return [];
  const tree = bodyTree(body, bodyLine, 'mdx');
  if (!tree) return [];
  const found: VariableReference[] = [];
  const visit = (node: BodyNode): void => {
    if (isElement(node, VARIABLE_COMPONENT)) {
      const position = (node as { position?: { start: { offset?: number }; end?: { offset?: number } } }).position;
      found.push({
        line: bodyLine + (node.position?.start.line ?? 1) - 1,
        start: position?.start.offset ?? 0,
        end: position?.end?.offset ?? 0,
        ...readReference(node),
      });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

function readReference(node: BodyNode): { name?: string; problem?: string; computed?: boolean } {
  const attributes = node.attributes ?? [];
  const computed = attributes.some(
    (attribute) =>
      attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value === 'object'),
  );
  if (computed)
    return { problem: 'computes an attribute with `{…}`; `name` must be a plain string in quotes', computed };
  const named = attributes.find((attribute) => attribute.name === VARIABLE_ATTRIBUTE);
  const others = attributes.filter((attribute) => attribute !== named);
  if (others.length > 0) {
    const what = others.map((attribute) => `\`${attribute.name}\``).join(', ');
    return { problem: `takes only \`name\`, and has ${what}` };
  }
  if (named === undefined) return { problem: 'has no `name`' };
  if (typeof named.value !== 'string') return { problem: 'has a `name` with no value' };
  if (!variableName.test(named.value)) {
    return {
      problem: `\`name="${named.value}"\` is not a variable name (lower-case letters, digits and _, starting with a letter)`,
    };
  }
  if ((node.children ?? []).length > 0)
    return { name: named.value, problem: 'has content; write it `<Var name="…" />`' };
  return { name: named.value };
}

/**
 * The values `<Var>` renders: the answers of the client's sync record. A program outside a workspace has none,
 * so every `<Var>` in it is reported (TB030) rather than rendered empty.
 */
export function programVariables(model: ProgramModel): ReadonlyMap<string, string> {
  return new Map(Object.entries(model.syncRecord?.data.answers ?? {}));
}

/**
 * The lines of a Markdown body (`.md`) that hold a `<Var>`: the build renders such a body's HTML as it is, so the
 * element would reach the page as an unknown tag and show nothing. Read from the parsed tree's HTML nodes.
 */
export function variablesInMarkdown(body: string, bodyLine: number): number[] {
  if (!body.includes(`<${VARIABLE_COMPONENT}`)) return [];
  const tree = bodyTree(body, bodyLine, 'markdown');
  if (!tree) return [];
  const lines: number[] = [];
  const tag = new RegExp(`<${VARIABLE_COMPONENT}[\\s/>]`);
  const visit = (node: BodyNode): void => {
    if (node.type === 'html' && typeof node.value === 'string' && tag.test(node.value)) {
      lines.push(bodyLine + (node.position?.start.line ?? 1) - 1);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return lines;
}
