/** The whole program model as JSON: every document's fields and body, the findings and the summary. */
import type { CheckResult } from '../engine/index.ts';
import { allDocuments } from '../engine/model.ts';

export function modelJson(result: CheckResult): string {
  const { model } = result;
  const documents = allDocuments(model).map((document) => ({
    kind: document.kind,
    id: document.id,
    file: document.file,
    data: document.data,
    body: document.body,
  }));
  return `${JSON.stringify(
    {
      format: 'trustbook-model',
      version: 1,
      asOf: result.summary.asOf,
      program: model.program?.data,
      people: model.people?.data,
      documents,
      diagnostics: result.diagnostics,
      summary: result.summary,
    },
    null,
    2,
  )}\n`;
}
