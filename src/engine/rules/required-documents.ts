/** Required documents: the policies the SOC 2 checklist names, a risk assessment, and a system description. */
import { descriptionCriteria } from '../../catalog/index.ts';
import type { PolicyKind } from '../../schema/index.ts';
import { bodyTree, syntaxOf, textOf, type BodyNode } from '../body-tree.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { documentKinds } from '../document-kinds.ts';
import { finding } from '../findings/finding.ts';
import { policyApproval } from '../policy-approval.ts';
import { PROGRAM_FILE, unvalidatedStrings } from '../model.ts';
import type { Rule } from './context.ts';

export const requiredPolicyKinds: { kind: PolicyKind; name: string }[] = [
  { kind: 'information-security', name: 'Information security policy' },
  { kind: 'incident-response', name: 'Incident response policy' },
  { kind: 'data-retention', name: 'Data retention and disposal policy' },
  { kind: 'acceptable-use', name: 'Acceptable use policy' },
  { kind: 'vendor-management', name: 'Vendor management policy' },
  { kind: 'business-continuity', name: 'Business continuity and disaster recovery policy' },
];

export const SYSTEM_DESCRIPTION_FILE = documentKinds['system-description'].path;

export const requiredDocumentsRule: Rule = (model, context) => {
  if (!model.program) return [];
  const diagnostics: Diagnostic[] = [];
  // A policy counts once it is in force: one that takes effect later does not stand in for the required one.
  // A draft counts here: its own finding (TB214) says that it awaits approval, and one finding is enough.
  const inForce = model.policies.filter((policy) => {
    const approval = policyApproval(policy);
    return approval === undefined || approval.effective <= context.asOf;
  });
  const kinds = new Set<string | undefined>([
    ...inForce.map((policy) => policy.data.kind),
    ...unvalidatedStrings(model, 'policy', 'kind'),
  ]);
  // A policy file that does not parse may be the one required: its own finding is enough.
  const policyUnknown = model.unparsed.has('policy');
  for (const { kind, name } of requiredPolicyKinds) {
    if (kinds.has(kind) || policyUnknown) continue;
    // Every policy of the kind is approved but takes effect later (a draft would count as in force above).
    const notYet = model.policies.flatMap((policy) => {
      const approval = policyApproval(policy);
      return policy.data.kind === kind && approval ? [{ file: policy.file, effective: approval.effective }] : [];
    })[0];
    const where = { file: PROGRAM_FILE, subject: { kind: 'program' as const, id: kind } };
    diagnostics.push(finding('TB302', where, name, kind, notYet));
  }
  if (
    !policyUnknown &&
    !model.unparsed.has('risk') &&
    !kinds.has('risk-assessment') &&
    model.risks.length === 0 &&
    model.knownIds.risk.size === 0
  ) {
    diagnostics.push(finding('TB303', { file: PROGRAM_FILE }));
  }
  const description = model.systemDescription;
  if (!description && !model.knownIds['system-description'].size) {
    diagnostics.push(finding('TB304', { file: SYSTEM_DESCRIPTION_FILE }, SYSTEM_DESCRIPTION_FILE));
  }
  // A body that does not parse has its own finding (TB007); its sections cannot be told apart.
  const tree = description && bodyTree(description.body, description.bodyLine, syntaxOf(description.file));
  if (description && tree) {
    const headings = sectionHeadings(tree).map((heading) => /^(DC\d+)\b/.exec(textOf(heading).trim())?.[1]);
    for (const criterion of descriptionCriteria) {
      if (headings.includes(criterion.id)) continue;
      const where = { file: description.file, line: description.bodyLine };
      diagnostics.push(finding('TB305', where, criterion.id, criterion.label));
    }
  }
  return diagnostics;
};

/** The `##` headings of a body, wherever they stand (a component may wrap a section); never text in code. */
function sectionHeadings(node: BodyNode): BodyNode[] {
  if (node.type === 'heading') return node.depth === 2 ? [node] : [];
  return (node.children ?? []).flatMap(sectionHeadings);
}
