/**
 * A green check means a green build: a body that reads a name the build does not define (TB013) or uses a
 * component it is not given (TB014) passes the syntax check, then throws while its page renders. Found here,
 * with file and line, for programs that allow code in bodies (a content-only program reports every expression
 * and component as TB009 instead, one finding for one thing).
 */
import { BODY_COMPONENTS } from '../content-only.ts';
import { unresolvedNames } from '../body-names.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { allDocuments } from '../model.ts';
import type { Rule } from './context.ts';

const components = Object.keys(BODY_COMPONENTS)
  .map((name) => `<${name}>`)
  .join(', ');

export const bodyNamesRule: Rule = (model) => {
  if (model.program?.data.content_only === true) return [];
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    // Markdown bodies (`.md`) are never compiled to code: `{` is text there.
    if (!document.file.endsWith('.mdx')) continue;
    for (const unresolved of unresolvedNames(document.body, document.bodyLine)) {
      const where = { file: document.file, line: unresolved.line, subject: { kind: document.kind, id: document.id } };
      found.push(
        unresolved.use === 'expression'
          ? finding('TB013', where, unresolved.name, unresolved.where)
          : finding('TB014', where, unresolved.where, components),
      );
    }
  }
  return found;
};
