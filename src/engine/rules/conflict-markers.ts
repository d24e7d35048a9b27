/**
 * Merge conflict markers left in a body (TB012). Git writes them, and so does `trustbook sync --markers`; in
 * Markdown they read as ordinary text and a heading underline, so without this rule both versions of the text
 * would reach the sites. Markers are a line format, not Markdown, so they are found on the body's lines.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { allDocuments } from '../model.ts';
import type { Rule } from './context.ts';

const opening = /^<{7}(?: |$)/;
const closing = /^>{7}(?: |$)/;

export const conflictMarkersRule: Rule = (model) => {
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    const lines = document.body.split('\n');
    for (let index = 0; index < lines.length; index++) {
      if (!opening.test(lines[index]!)) continue;
      const end = lines.findIndex((line, later) => later > index && closing.test(line));
      if (end === -1) continue;
      const [opened, closed] = [document.bodyLine + index, document.bodyLine + end];
      const subject = { kind: document.kind, id: document.id };
      found.push(finding('TB012', { file: document.file, line: opened, subject }, opened, closed));
      index = end;
    }
  }
  return found;
};
