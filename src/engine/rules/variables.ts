/**
 * Variables bound at build time (`<Var name="organization" />`): each must be written in the one form the build
 * renders (TB031) and name a variable the program has a value for (TB030), so a green check never ships a page
 * with a hole where a client's name should be.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { allDocuments } from '../model.ts';
import { programVariables, variableReferences, variablesInMarkdown } from '../variables.ts';
import type { Rule } from './context.ts';

export const variablesRule: Rule = (model) => {
  // A record that does not read has its own finding; every `<Var>` reported as well would bury it.
  if (model.syncRecordUnread) return [];
  const values = programVariables(model);
  const known = [...values.keys()].sort().join(', ');
  const contentOnly = model.program?.data.content_only === true;
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    // In a Markdown body (`.md`), `<Var>` is HTML the build passes through unresolved: only MDX renders it.
    if (!document.file.endsWith('.mdx')) {
      for (const line of variablesInMarkdown(document.body, document.bodyLine)) {
        const where = { file: document.file, line, subject: { kind: document.kind, id: document.id } };
        found.push(finding('TB031', where, 'is in a Markdown (.md) body, where the build shows it as an unknown tag'));
      }
      continue;
    }
    for (const reference of variableReferences(document.body, document.bodyLine)) {
      const where = { file: document.file, line: reference.line, subject: { kind: document.kind, id: document.id } };
      if (reference.computed && contentOnly) continue; // already code in a content-only body: TB009, one finding
      if (reference.problem !== undefined) found.push(finding('TB031', where, reference.problem));
      else if (!values.has(reference.name!)) found.push(finding('TB030', where, reference.name!, known));
    }
  }
  return found;
};
