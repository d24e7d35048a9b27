/**
 * The name of a table's scroll region, read from the table as rendered: its caption, or else its column headings.
 * A screen reader announces the region by this name when a keyboard user tabs into it.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

export function tableRegionLabel(tableHtml: string): string {
  const document = parseDocument(tableHtml);
  const text = (node: Parameters<typeof DomUtils.textContent>[0]) =>
    DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
  const caption = DomUtils.findOne((element) => element.name === 'caption', document.children);
  if (caption && text(caption)) return text(caption);
  const firstRow = DomUtils.findOne((element) => element.name === 'tr', document.children);
  const headings = firstRow
    ? DomUtils.findAll((cell) => cell.name === 'th', firstRow.children)
        .map(text)
        .filter(Boolean)
    : [];
  return headings.length > 0 ? `Table: ${headings.join(', ')}` : 'Table';
}
