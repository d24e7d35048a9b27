/**
 * Placeholders left in (TB320 text still to write, TB321 a template default): a warning while the program is
 * being set up, an error once the audit window opens (or the Type I date comes). On the trust center nothing
 * half-written is shown: the public view leaves the document (or the public file built from a program field)
 * out, and says so here; a placeholder the trust center cannot leave out (a subprocessor's public fields) is
 * an error at once.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { finding, type FindingPlace } from '../findings/finding.ts';
import { PROGRAM_FILE, type Document, type ProgramModel } from '../model.ts';
import type { PlaceholderLeft } from '../findings/catalogue.ts';
import { programPlaceholders, trustCenterReach, type Placeholder } from '../placeholders.ts';
import { auditHasBegun, type Rule } from './context.ts';

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

/** A placeholder's finding: TB320 for text still to write, TB321 for a template default. */
function placeholderFinding(
  placeholder: Placeholder,
  where: FindingPlace & { severity: Severity },
  left: PlaceholderLeft,
): Diagnostic {
  return placeholder.kind === 'todo' ? finding('TB320', where, left) : finding('TB321', where, left);
}

function documentFinding(
  document: Document<unknown>,
  placeholder: Placeholder,
  reach: ReturnType<typeof trustCenterReach>,
  severity: Diagnostic['severity'],
): Diagnostic {
  const where = {
    severity: reach === 'published' ? 'error' : severity,
    file: document.file,
    line: placeholder.line,
    subject: { kind: document.kind, id: document.id },
  };
  return placeholderFinding(placeholder, where, { field: placeholder.field, text: placeholder.text, reach });
}

function programFinding(model: ProgramModel, placeholder: Placeholder, severity: Diagnostic['severity']): Diagnostic {
  const field = placeholder.field!.split('.')[0]!;
  const where = {
    severity,
    file: model.program?.file ?? PROGRAM_FILE,
    line: placeholder.line,
    subject: { kind: 'program' as const, id: field },
  };
  return placeholderFinding(placeholder, where, {
    field: placeholder.field,
    text: placeholder.text,
    programField: field,
  });
}
