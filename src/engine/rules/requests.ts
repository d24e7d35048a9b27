/**
 * The audit firm's request lists: every control and evidence series a request names exists, each request id
 * appears once in its list, and a mapping the import only suggested is confirmed by a person.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { folderOf } from '../document-kinds.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

export const requestsRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const controls = model.knownIds.control;
  const evidence = model.knownIds.evidence;
  for (const list of model.requests) {
    const seen = new Set<string>();
    list.data.requests.forEach((request, index) => {
      const at = (...path: PropertyKey[]) => lineOf(list, 'requests', index, ...path);
      const subject = { kind: 'program' as const, id: request.id };
      if (seen.has(request.id)) {
        diagnostics.push(finding('TB912', { file: list.file, line: at('id'), subject }, request.id));
      }
      seen.add(request.id);
      const unknown = [
        ...request.controls.filter((id) => !controls.has(id)).map((id) => ({ id, field: 'controls', noun: 'control' })),
        ...request.evidence
          .filter((id) => !evidence.has(id))
          .map((id) => ({ id, field: 'evidence', noun: 'evidence series' })),
      ];
      for (const { id, field, noun } of unknown) {
        const folder = folderOf(field === 'controls' ? 'control' : 'evidence');
        diagnostics.push(finding('TB910', { file: list.file, line: at(field), subject }, request.id, noun, id, folder));
      }
      if (!request.confirmed) {
        diagnostics.push(finding('TB911', { file: list.file, line: at('confirmed'), subject }, request.id));
      }
    });
  }
  return diagnostics;
};
