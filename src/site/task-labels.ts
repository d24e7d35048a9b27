/**
 * GFM task lists render as bare checkboxes before the item's text. Each box gets the text as its accessible
 * name, so a screen reader says what it ticks, with or without JavaScript.
 */
const taskItem = /(<li class="task-list-item">\s*<input\b)([^>]*?)(\/?>)([\s\S]*?)(?=<\/li>|<ul|<ol)/g;

export function labelTaskItems(html: string): string {
  return html.replace(taskItem, (match, start: string, attributes: string, end: string, rest: string) => {
    if (/\baria-label=/.test(attributes)) return match;
    const text = rest
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/"/g, '&quot;');
    return text ? `${start}${attributes} aria-label="${text}"${end}${rest}` : match;
  });
}
