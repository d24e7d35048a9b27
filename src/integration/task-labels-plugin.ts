/**
 * A hast plugin for the Markdown processor: GFM task lists render as bare checkboxes before the item's text, so
 * each box gets that text as its accessible name, and a screen reader says what it ticks, with or without
 * JavaScript. Reads the syntax tree the build renders, never the HTML.
 */
import { defineHastPlugin } from 'satteri';

interface HastLike {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: readonly HastLike[];
  value?: string;
}

/** The text of an item's own content: up to its first nested list, which belongs to the items below it. */
function ownText(node: HastLike): string {
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) break;
    text += child.type === 'text' ? (child.value ?? '') : ownText(child);
  }
  return text;
}

export const taskLabelsPlugin = defineHastPlugin({
  name: 'trustbook-task-labels',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties?.type !== 'checkbox' || node.properties?.ariaLabel !== undefined) return;
      const item = ctx.parent(node) as HastLike | undefined;
      if (item?.type !== 'element' || item.tagName !== 'li') return;
      const label = ownText(item).replace(/\s+/g, ' ').trim();
      if (label) ctx.setProperty(node, 'ariaLabel', label);
    },
  },
});
