/**
 * Content-only mode (`content_only: true` in program.yaml): a body that would run code when the site is built
 * (TB009) is an error, one finding for each statement, expression or element, with its line.
 */
import { BODY_COMPONENTS, codeInBody } from '../content-only.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { allDocuments } from '../model.ts';
import type { Rule } from './context.ts';

const components = Object.keys(BODY_COMPONENTS)
  .map((name) => `<${name}>`)
  .join(', ');

export const contentOnlyRule: Rule = (model) => {
  if (model.program?.data.content_only !== true) return [];
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    // Markdown bodies (`.md`) are never compiled to code: `{` is text there.
    if (!document.file.endsWith('.mdx')) continue;
    for (const code of codeInBody(document.body, document.bodyLine)) {
      const subject = { kind: document.kind, id: document.id };
      found.push(finding('TB009', { file: document.file, line: code.line, subject }, code.what, components));
    }
  }
  return found;
};
