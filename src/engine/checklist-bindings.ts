/**
 * The items of a checklist body, read from its syntax tree (Sätteri's mdast, the tree Astro's MDX build
 * parses): each `<Check>` element bound to a control, evidence series, policy or rule, and each GFM task list
 * item. A `<Check>` inside a code block or an MDX comment is not an item, and a task list is what GFM
 * says it is; no pattern is matched against the Markdown.
 */
import { createRequire } from 'node:module';
import type * as Satteri from 'satteri';
import { beyondParserLimits } from './body-syntax.ts';

export type BindingKind = 'control' | 'evidence' | 'policy' | 'rule';

export interface CheckBinding {
  kind: BindingKind;
  target: string;
  /** Line in the file. */
  line: number;
  /** The item's text, between the opening and closing tags. */
  label: string;
}

/** A GFM task list item (`- [ ]` or `- [x]`): a manual step whose state the file records. */
export interface TaskItem {
  checked: boolean;
  /** Line in the file. */
  line: number;
}

export interface ChecklistItems {
  checks: CheckBinding[];
  tasks: TaskItem[];
}

/** The rules a `<Check rule="...">` can name. */
export const checkRules = ['coverage', 'required-documents', 'training', 'vendors', 'risks'] as const;
export type CheckRule = (typeof checkRules)[number];

const bindingKinds = new Set<string>(['control', 'evidence', 'policy', 'rule']);

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  checked?: boolean | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

let satteri: typeof Satteri | undefined;

/** The text of a node and its descendants, as a reader sees it. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  return (node.children ?? []).map(textOf).join('');
}

/** One parse per body: the check's rules, the report and the pages ask for the same items. */
const cache = new Map<string, ChecklistItems>();

/**
 * The items of a body that starts on line `bodyLine` of its file. A body that does not parse has none: the
 * check reports its syntax error (TB007) instead.
 */
export function checklistItems(body: string, bodyLine: number): ChecklistItems {
  const key = `${bodyLine}\u0000${body}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const items: ChecklistItems = { checks: [], tasks: [] };
  if (beyondParserLimits(body, bodyLine) === undefined) {
    try {
      satteri ??= createRequire(import.meta.url)('satteri') as typeof Satteri;
      const tree = satteri.mdxToMdast(body, { features: { frontmatter: false } }) as unknown as Node;
      collect(tree, bodyLine, items);
    } catch {
      // Not parseable: TB007 says so, and nothing is counted.
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, items);
  return items;
}

function collect(node: Node, bodyLine: number, items: ChecklistItems): void {
  const line = bodyLine + (node.position?.start.line ?? 1) - 1;
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Check') {
    const attribute = node.attributes?.find(
      (candidate) => candidate.type === 'mdxJsxAttribute' && bindingKinds.has(candidate.name ?? ''),
    );
    if (attribute && typeof attribute.value === 'string') {
      items.checks.push({
        kind: attribute.name as BindingKind,
        target: attribute.value,
        line,
        label: textOf(node).trim(),
      });
    }
  }
  if (node.type === 'listItem' && typeof node.checked === 'boolean') items.tasks.push({ checked: node.checked, line });
  for (const child of node.children ?? []) collect(child, bodyLine, items);
}

/** The `<Check>` items of a body, in document order. */
export function checkBindings(body: string, bodyLine: number): CheckBinding[] {
  return checklistItems(body, bodyLine).checks;
}
