/**
 * Placeholders left in (TB320 text still to write, TB321 a template default): a warning while the program is
 * being set up, an error once the audit window opens (or the Type I date comes). On the trust center nothing
 * half-written is shown: the public view leaves the document (or the public file built from a program field)
 * out, and says so here; a placeholder the trust center cannot leave out (a subprocessor's public fields) is
 * an error at once.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { PROGRAM_FILE, type Document, type ProgramModel } from '../model.ts';
import { programPlaceholders, trustCenterReach, type Placeholder } from '../placeholders.ts';
import { auditHasBegun, type Rule } from './context.ts';

/** What the trust center leaves out while a program field holds a default. */
const programFieldEffects: Record<string, string> = {
  contact: 'the trust center publishes no security.txt and no contact address until it is yours',
  website: 'the trust center publishes no sitemap and no subprocessor feed until it is yours',
  trust_center_url: 'the trust center publishes no sitemap and no subprocessor feed until it is yours',
};

export const placeholdersRule: Rule = (model, context) => {
  const begun = auditHasBegun(model, context.asOf);
  const severity = begun ? 'error' : 'warning';
  const found: Diagnostic[] = [];
  for (const [document, placeholders] of programPlaceholders(model).documents) {
    const reach = trustCenterReach(document, placeholders);
    for (const placeholder of placeholders) found.push(documentFinding(document, placeholder, reach, severity));
  }
  for (const placeholder of programPlaceholders(model).program)
    found.push(programFinding(model, placeholder, severity));
  return found;
};

const SHOWN = 70;

function describe(placeholder: Placeholder): string {
  const where = placeholder.field ? `\`${placeholder.field}\` ` : '';
  const text = placeholder.text.length > SHOWN ? `${placeholder.text.slice(0, SHOWN - 1)}…` : placeholder.text;
  return placeholder.kind === 'todo'
    ? `${where}still to write: "${text}"`
    : `${where}still holds the template default ${placeholder.text}`;
}

function fix(placeholder: Placeholder): string {
  if (placeholder.kind === 'todo') {
    return placeholder.field
      ? 'Replace the TODO value with the real one.'
      : 'Write the text the `<Todo>` asks for in its place, and remove the `<Todo>` element.';
  }
  return placeholder.field
    ? 'Write your own address or site in place of the example.com one.'
    : 'Write your own address or site; an example meant as such goes in code: `user@example.com`.';
}

function documentFinding(
  document: Document<unknown>,
  placeholder: Placeholder,
  reach: ReturnType<typeof trustCenterReach>,
  severity: Diagnostic['severity'],
): Diagnostic {
  const effect =
    reach === 'withheld'
      ? '; the trust center leaves this document out until it is done'
      : reach === 'published'
        ? '; the trust center lists this subprocessor, so the placeholder would be published'
        : '';
  return {
    severity: reach === 'published' ? 'error' : severity,
    code: placeholder.kind === 'todo' ? 'TB320' : 'TB321',
    file: document.file,
    line: placeholder.line,
    subject: { kind: document.kind, id: document.id },
    message: `${describe(placeholder)}${effect}`,
    hint: fix(placeholder),
  };
}

function programFinding(model: ProgramModel, placeholder: Placeholder, severity: Diagnostic['severity']): Diagnostic {
  const field = placeholder.field!.split('.')[0]!;
  const effect = programFieldEffects[field];
  return {
    severity,
    code: placeholder.kind === 'todo' ? 'TB320' : 'TB321',
    file: model.program?.file ?? PROGRAM_FILE,
    line: placeholder.line,
    subject: { kind: 'program', id: field },
    message: `${describe(placeholder)}${effect ? `: ${effect}` : ''}`,
    hint: fix(placeholder),
  };
}
