/**
 * Content-only mode (`content_only: true` in program.yaml): a body that would run code when the site is built
 * (TB009) is an error, one finding for each statement, expression or element, with its line.
 */
import { BODY_COMPONENTS, codeInBody } from '../content-only.ts';
import type { Diagnostic } from '../diagnostics.ts';
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
      found.push({
        severity: 'error',
        code: 'TB009',
        file: document.file,
        line: code.line,
        subject: { kind: document.kind, id: document.id },
        message: `${code.what} would run when the site is built, and the program is content-only`,
        hint:
          `Write it as text: Markdown, HTML without scripts or handlers, and ${components} with plain "quoted" ` +
          'attributes; `\\{` for a brace; a comment as `{/* comment */}`. If the body truly needs code, trust ' +
          'its authors as build operators and set `content_only: false` (the README says what that opens).',
      });
    }
  }
  return found;
};
