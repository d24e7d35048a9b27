/**
 * What a category in scope needs besides controls:
 * - privacy: the privacy notice and commitments, a policy in force that addresses P1.1 (TB331);
 * - processing integrity: the processing specifications, a policy in force that addresses PI1.1 (TB332).
 *
 * And one control claiming every criterion of a category is a warning (TB333): an auditor tests each
 * criterion against what a control really does, and a single generic control is not accepted as addressing
 * all of them. Security is not judged here: its 33 common criteria include the entity-level ones (CC1 to
 * CC5) a governance program addresses together, and coverage already judges each one on its own.
 */
import { categoryLabels, criteriaOf, type Category } from '../../catalog/index.ts';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

/** The document each category needs, by the criterion it addresses. */
const neededDocuments: { category: Category; criterion: string; code: DiagnosticCode; name: string }[] = [
  { category: 'privacy', criterion: 'P1.1', code: 'TB331', name: 'privacy notice and commitments' },
  {
    category: 'processing-integrity',
    criterion: 'PI1.1',
    code: 'TB332',
    name: 'processing specifications',
  },
];

export const categoriesRule: Rule = (model, context) => {
  const program = model.program;
  if (!program) return [];
  const scope = new Set<Category>(program.data.scope);
  const found: Diagnostic[] = [];
  const inForce = model.policies.filter((policy) => policy.data.effective <= context.asOf);
  for (const { category, criterion, code, name } of neededDocuments) {
    if (!scope.has(category) || inForce.some((policy) => policy.data.criteria.includes(criterion))) continue;
    if (model.unparsed.has('policy')) continue;
    found.push({
      severity: 'error',
      code,
      file: program.file,
      line: lineOf(program, 'scope'),
      subject: { kind: 'program', id: category },
      message: `${categoryLabels[category]} is in scope, but no policy in force addresses ${criterion}: the ${name} are missing`,
      hint: `Write the ${name} as a policy with \`criteria: [${criterion}]\` (and publish what customers and data subjects must read), or take ${category} out of scope.`,
    });
  }
  for (const control of model.controls) {
    if (control.data.status !== 'implemented') continue;
    const claimed = new Set(control.data.criteria);
    const whole = [...scope].filter(
      (category) =>
        category !== 'security' &&
        criteriaOf(category).length > 1 &&
        criteriaOf(category).every((criterion) => claimed.has(criterion.id)),
    );
    if (whole.length === 0) continue;
    const names = whole.map((category) => categoryLabels[category]).join(' and ');
    found.push({
      severity: 'warning',
      code: 'TB333',
      file: control.file,
      line: lineOf(control, 'criteria'),
      subject: { kind: 'control', id: control.id },
      message: `${control.id} claims every criterion of ${names}: an auditor will not accept one control as addressing all of them`,
      hint: 'Map the control to the criteria it really addresses, and give the others controls of their own.',
    });
  }
  return found;
};
