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
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { policyApproval } from '../policy-approval.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

/** The document each category needs, by the criterion it addresses. */
const neededDocuments: { category: Category; criterion: string; code: 'TB331' | 'TB332'; name: string }[] = [
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
  // A draft counts here: its own finding (TB214) says that it awaits approval, and one finding is enough.
  const inForce = model.policies.filter((policy) => {
    const approval = policyApproval(policy);
    return approval === undefined || approval.effective <= context.asOf;
  });
  for (const { category, criterion, code, name } of neededDocuments) {
    if (!scope.has(category) || inForce.some((policy) => policy.data.criteria.includes(criterion))) continue;
    if (model.unparsed.has('policy')) continue;
    const where = {
      file: program.file,
      line: lineOf(program, 'scope'),
      subject: { kind: 'program' as const, id: category },
    };
    found.push(finding(code, where, categoryLabels[category], criterion, name, category));
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
    const subject = { kind: 'control' as const, id: control.id };
    found.push(finding('TB333', { file: control.file, line: lineOf(control, 'criteria'), subject }, control.id, names));
  }
  return found;
};
