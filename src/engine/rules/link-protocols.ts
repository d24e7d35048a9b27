/** A body's link or image whose address would run script or open a document of its own (TB010). */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { unsafeLinks } from '../link-protocols.ts';
import { allDocuments } from '../model.ts';
import type { Rule } from './context.ts';

export const linkProtocolsRule: Rule = (model) => {
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    if (!/\.mdx?$/.test(document.file)) continue;
    for (const link of unsafeLinks(document.body, document.bodyLine, document.file)) {
      const subject = { kind: document.kind, id: document.id };
      found.push(finding('TB010', { file: document.file, line: link.line, subject }, link.where, link.address));
    }
  }
  return found;
};
