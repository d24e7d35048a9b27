/**
 * Names an MDX body uses that the build cannot resolve. A body is compiled into a function that runs when its
 * page renders: `{year}` there is a reference to a variable `year`, and when nothing defines it the page throws
 * "year is not defined" in the middle of the build, long after the check passed. What a body may name is what
 * the build puts in its scope: `props`, `frontmatter` (Astro exports the document's fields under that name),
 * what the body itself imports or exports, and JavaScript's globals; the components it may use are those it is
 * rendered with (`BODY_COMPONENTS`) and those it imports. Pure: the body comes in as text, with the line it
 * starts on.
 *
 * The analysis errs on the side of silence: a name bound anywhere in an expression (a parameter, a variable)
 * counts as defined throughout it, and an expression that does not parse as JavaScript (JSX inside braces) is
 * left to the build. It never reports a name the build would resolve.
 */
import { parse, parseExpressionAt, type Node } from 'acorn';
import { BODY_COMPONENTS } from './content-only.ts';
import { bodyTree, type BodyNode } from './body-tree.ts';

/** What the build gives every body, besides JavaScript's globals. */
const PROVIDED = new Set(['props', 'frontmatter', 'arguments']);

/** A name a body uses and nothing defines: in an expression (`{year}`) or as a component (`<Chart />`). */
export interface UnresolvedName {
  line: number;
  name: string;
  /** The expression or element it is used in, quoted short. */
  where: string;
  use: 'expression' | 'component';
}

const QUOTED = 60;
const options = { ecmaVersion: 'latest', sourceType: 'module' } as const;

/** The names an MDX body starting on line `bodyLine` uses and nothing in the build's scope defines. */
export function unresolvedNames(body: string, bodyLine: number): UnresolvedName[] {
  if (!/[{<]/.test(body)) return [];
  const tree = bodyTree(body, bodyLine, 'mdx');
  if (!tree) return [];
  const defined = new Set([...PROVIDED, ...Object.keys(BODY_COMPONENTS), ...moduleNames(tree)]);
  const known = (name: string) => defined.has(name) || name in globalThis;
  const found: UnresolvedName[] = [];
  const lineOf = (node: BodyNode) => bodyLine + (node.position?.start.line ?? 1) - 1;
  const expression = (code: string, line: number, shown: string) => {
    for (const name of freeNames(code)) {
      if (!known(name)) found.push({ line, name, where: quote(shown), use: 'expression' });
    }
  };
  const visit = (node: BodyNode): void => {
    const value = typeof node.value === 'string' ? node.value : '';
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      expression(value, lineOf(node), `{${value}}`);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const line = lineOf(node);
      const name = node.name ?? '';
      // `<Chart>` and `<ui.Chart>` are components the body must be given; `<div>` is HTML.
      const root = name.split('.')[0]!;
      if ((/^[A-Z]/.test(name) || name.includes('.')) && !known(root)) {
        found.push({ line, name: root, where: `<${name}>`, use: 'component' });
      }
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          const code = String(attribute.value ?? '');
          expression(`({${code}})`, line, `{${code}}`);
        } else if (attribute.value !== null && typeof attribute.value === 'object') {
          const code = String((attribute.value as { value?: unknown }).value ?? '');
          expression(code, line, `${attribute.name}={${code}}`);
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

/** What the body's `import` and `export` statements define. */
function moduleNames(tree: BodyNode): string[] {
  const names: string[] = [];
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm' || typeof node.value !== 'string') continue;
    let program: Node;
    try {
      program = parse(node.value, options);
    } catch {
      continue; // The syntax check reports a statement that does not compile.
    }
    for (const statement of (program as unknown as { body: EstreeNode[] }).body) {
      if (statement.type === 'ImportDeclaration') {
        for (const specifier of statement.specifiers as EstreeNode[]) names.push(...boundNames(specifier.local));
      }
      const declaration = (statement.declaration as EstreeNode | null | undefined) ?? statement;
      names.push(...declaredNames(declaration));
    }
  }
  return names;
}

type EstreeNode = { type: string; [key: string]: unknown };

function isNode(value: unknown): value is EstreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The names a declaration (`const a = …`, `function f() {}`, `class C {}`) binds. */
function declaredNames(node: EstreeNode): string[] {
  if (node.type === 'VariableDeclaration') {
    return (node.declarations as EstreeNode[]).flatMap((declarator) => boundNames(declarator.id));
  }
  if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') return boundNames(node.id);
  return [];
}

/** The names a binding pattern binds: `a`, `{ a, b: c }`, `[a, ...rest]`, `a = 1`. */
function boundNames(pattern: unknown): string[] {
  if (!isNode(pattern)) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name as string];
    case 'ObjectPattern':
      return (pattern.properties as EstreeNode[]).flatMap((property) =>
        boundNames(property.type === 'RestElement' ? property.argument : property.value),
      );
    case 'ArrayPattern':
      return (pattern.elements as unknown[]).flatMap(boundNames);
    case 'RestElement':
      return boundNames(pattern.argument);
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    default:
      return [];
  }
}

/**
 * The identifiers an expression reads that it does not bind itself. Empty for an expression that is only a
 * comment, and for one that does not parse (left to the build, which says what is wrong with it).
 */
export function freeNames(code: string): string[] {
  let root: Node;
  try {
    if (code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim() === '') return [];
    root = parseExpressionAt(code, 0, options);
  } catch {
    return [];
  }
  const bound = new Set<string>();
  const references: string[] = [];
  const walk = (node: unknown, parent?: EstreeNode, key?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, parent, key);
      return;
    }
    if (!isNode(node)) return;
    switch (node.type) {
      case 'Identifier':
        if (!isNameOnly(parent, key)) references.push(node.name as string);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionDeclaration':
      case 'ClassExpression':
      case 'ClassDeclaration':
        for (const name of boundNames(node.id)) bound.add(name);
        for (const param of (node.params as unknown[] | undefined) ?? []) {
          for (const name of boundNames(param)) bound.add(name);
        }
        break;
      case 'VariableDeclarator':
        for (const name of boundNames(node.id)) bound.add(name);
        break;
      case 'CatchClause':
        for (const name of boundNames(node.param)) bound.add(name);
        break;
      case 'UnaryExpression':
        // `typeof x` of a name nothing defines is "undefined", not an error.
        if (node.operator === 'typeof' && isNode(node.argument) && node.argument.type === 'Identifier') return;
        break;
    }
    for (const [child, value] of Object.entries(node)) {
      if (child !== 'type' && child !== 'loc' && child !== 'range') walk(value, node, child);
    }
  };
  walk(root);
  return [...new Set(references.filter((name) => !bound.has(name)))];
}

/**
 * Whether an identifier in this place is a name and not a read: a property after a dot, a key in an object or
 * class, a label, a binding (a parameter or a declared variable, counted as bound instead).
 */
function isNameOnly(parent: EstreeNode | undefined, key: string | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'property' && parent.computed !== true;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      return key === 'key' && parent.computed !== true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    case 'MetaProperty':
      return true;
    case 'VariableDeclarator':
      return key === 'id';
    case 'FunctionExpression':
    case 'FunctionDeclaration':
    case 'ArrowFunctionExpression':
    case 'ClassExpression':
    case 'ClassDeclaration':
      return key === 'id' || key === 'params';
    case 'CatchClause':
      return key === 'param';
    case 'ExportSpecifier':
    case 'ImportSpecifier':
      return true;
    default:
      return false;
  }
}

function quote(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTED ? `${flat.slice(0, QUOTED - 1)}…` : flat;
}
