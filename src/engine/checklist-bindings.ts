/**
 * The items of a checklist body, read from its syntax tree (Sätteri's mdast, the tree Astro's MDX build
 * parses): each `<Check>` element bound to a control, evidence series, policy or rule, and each GFM task list
 * item. A `<Check>` inside a code block or an MDX comment is not an item, and a task list is what GFM
 * says it is; no pattern is matched against the Markdown.
 */
import { memoText } from './memo.ts';
import { bodyTree, isElement, textOf, type BodyNode } from './body-tree.ts';

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

/**
 * The items of a body that starts on line `bodyLine` of its file. A body that does not parse has none: the
 * check reports its syntax error (TB007) instead.
 */
export function checklistItems(body: string, bodyLine: number): ChecklistItems {
  // One parse per body: the check's rules, the report and the pages ask for the same items.
  return memoText('checklist-items', `${bodyLine}\u0000${body}`, () => {
    const items: ChecklistItems = { checks: [], tasks: [] };
    // Not parseable: TB007 says so, and nothing is counted.
    const tree = bodyTree(body, bodyLine);
    if (tree) collect(tree, bodyLine, items);
    return items;
  });
}

function collect(node: BodyNode, bodyLine: number, items: ChecklistItems): void {
  const line = bodyLine + (node.position?.start.line ?? 1) - 1;
  if (isElement(node, 'Check')) {
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
