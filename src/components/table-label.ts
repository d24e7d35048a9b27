/**
 * The name of a table's scroll region, read from the table as rendered: its caption, or else its column headings.
 * A screen reader announces the region by this name when a keyboard user tabs into it.
 */
import { DomHandler, DomUtils, Parser } from 'htmlparser2';

type Node = Exclude<Parameters<typeof DomUtils.textContent>[0], unknown[]>;

/**
 * A document tree that ends with the table's first row. The name needs no more than the caption (which comes
 * before any row) and the first row, and an evidence page's table of artifacts runs to hundreds of rows: read
 * whole, each was parsed for one name, a measurable part of the build.
 */
class FirstRowHandler extends DomHandler {
  reader: Parser | undefined;
  stopped = false;
  override onclosetag(): void {
    const closing = this.tagStack.at(-1);
    super.onclosetag();
    if (closing && 'name' in closing && closing.name === 'tr' && !insideRow(closing.parent)) {
      this.stopped = true;
      this.reader?.pause();
    }
  }
}

function insideRow(node: Node['parent']): boolean {
  for (let parent = node; parent; parent = parent.parent) {
    if ('name' in parent && parent.name === 'tr') return true;
  }
  return false;
}

function firstRowDocument(tableHtml: string) {
  const handler = new FirstRowHandler();
  const parser = new Parser(handler);
  handler.reader = parser;
  parser.write(tableHtml);
  if (!handler.stopped) parser.end();
  return handler.root;
}

export function tableRegionLabel(tableHtml: string): string {
  const document = firstRowDocument(tableHtml);
  const text = (node: Node) => DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
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
