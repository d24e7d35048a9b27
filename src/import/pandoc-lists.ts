/**
 * comply renders with pandoc, whose Markdown has lettered and roman-numbered lists (`a.`, `i.`, `(b)`); its
 * sample policies are written in them. CommonMark has only numbered lists, and reads those lines as prose, or
 * the nested ones (indented four spaces) as code. They become numbered lists with the same indentation, so the
 * nesting survives; the letters do not (Markdown cannot say "a, b, c"), which the report notes.
 */

const marker = /^( *)(\(?)([a-zA-Z]|[ivxlc]+|[IVXLC]+)([.)])( +)(?=\S)/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

export function pandocListsToCommonMark(text: string): { text: string; converted: number } {
  const lines = text.split('\n');
  let converted = 0;
  let inFence: string | undefined;
  // Pandoc starts a list after a blank line or another item, never in the middle of a paragraph.
  let canStart = true;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = fence.exec(line);
    if (inFence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(inFence)) inFence = undefined;
      continue;
    }
    if (fenceMatch) {
      inFence = fenceMatch[1]!.slice(0, 3);
      continue;
    }
    const match = marker.exec(line);
    const parenthesised = match?.[2] === '(';
    if (match && canStart && (!parenthesised || match[4] === ')')) {
      const [whole, indent, open, label, close, spaces] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const width = open.length + label.length + close.length + spaces.length;
      // Keep the text's column, so lines that continue the item stay inside it.
      lines[index] = `${indent}1.${' '.repeat(Math.max(1, width - 2))}${line.slice(whole.length)}`;
      converted++;
      canStart = true;
      continue;
    }
    canStart = line.trim() === '';
  }
  return { text: lines.join('\n'), converted };
}
