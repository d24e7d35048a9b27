/** A body's link or image whose address would run script or open a document of its own (TB010). */
import type { Diagnostic } from '../diagnostics.ts';
import { unsafeLinks } from '../link-protocols.ts';
import { allDocuments } from '../model.ts';
import type { Rule } from './context.ts';

export const linkProtocolsRule: Rule = (model) => {
  const found: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    if (!/\.mdx?$/.test(document.file)) continue;
    for (const link of unsafeLinks(document.body, document.bodyLine, document.file)) {
      found.push({
        severity: 'error',
        code: 'TB010',
        file: document.file,
        line: link.line,
        subject: { kind: document.kind, id: document.id },
        message: `${link.where} goes to "${link.address}", which runs script or opens a page of its own in the reader's browser`,
        hint: 'Link to an https: address or a page of the site; put an image in public/ and link to it by its path.',
      });
    }
  }
  return found;
};
