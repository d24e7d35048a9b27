/**
 * The answer library: every citation must exist (TB212: a policy, a section of it, a control, a trust
 * document), an answer may not rest on a control that is not in operation, and a public answer may cite only
 * what the trust center shows (TB213: a public policy, a published practice, a trust document).
 */
import type { AnswerData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { policySections, splitCitation } from '../policy-sections.ts';
import { isInOperation } from '../coverage.ts';
import type { Rule } from './context.ts';

export const answersRule: Rule = (model, context) =>
  model.answers.flatMap((answer) => answerFindings(model, answer, context.asOf));

function answerFindings(model: ProgramModel, answer: Document<AnswerData>, asOf: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const isPublic = answer.data.audience.includes('public');
  const report = (code: 'TB212' | 'TB213', field: string, index: number, message: string, hint: string) =>
    found.push({
      severity: 'error',
      code,
      file: answer.file,
      line: lineOf(answer, 'cites', field, index),
      subject: { kind: 'answer', id: answer.id },
      message,
      hint,
    });

  answer.data.cites.policies.forEach((citation, index) => {
    const { id, section } = splitCitation(citation);
    const policy = model.policies.find((candidate) => candidate.id === id);
    if (!policy) {
      if (!model.knownIds.policy.has(id)) {
        report(
          'TB212',
          'policies',
          index,
          `cites the policy "${id}", which does not exist`,
          'Cite a policy of policies/ by its id.',
        );
      }
      return;
    }
    if (section !== undefined && !policySections(policy).has(section)) {
      const known = [...policySections(policy).keys()].slice(0, 6).join(', ');
      report(
        'TB212',
        'policies',
        index,
        `cites the section "${section}" of ${policy.id}, which has no such heading`,
        `Use the anchor of one of its headings (${known}${policySections(policy).size > 6 ? ', …' : ''}).`,
      );
    }
    if (isPublic && !policy.data.audience.includes('public')) {
      report(
        'TB213',
        'policies',
        index,
        `is public but cites ${policy.id}, a policy the trust center does not publish`,
        'Cite a public policy, make this policy public, or take `public` out of the answer’s audience.',
      );
    }
  });

  answer.data.cites.controls.forEach((id, index) => {
    const control = model.controls.find((candidate) => candidate.id === id);
    if (!control) {
      if (!model.knownIds.control.has(id)) {
        report(
          'TB212',
          'controls',
          index,
          `cites the control "${id}", which does not exist`,
          'Cite a control of content/controls/ by its id.',
        );
      }
      return;
    }
    if (!isInOperation(control, asOf)) {
      report(
        'TB213',
        'controls',
        index,
        `cites ${control.id}, which is not in operation (${control.data.status}${control.data.retired ? `, retired ${control.data.retired}` : ''}): an answer cannot rest on it`,
        'Cite the control that operates today, or say in the answer that this one is planned.',
      );
    } else if (isPublic && control.data.public_summary === undefined) {
      report(
        'TB213',
        'controls',
        index,
        `is public but cites ${control.id}, a control the trust center does not describe (it has no \`public_summary\`)`,
        'Give the control a `public_summary`, cite a published practice, or take `public` out of the answer’s audience.',
      );
    }
  });

  answer.data.cites.documents.forEach((id, index) => {
    if (!model.knownIds['trust-document'].has(id)) {
      report(
        'TB212',
        'documents',
        index,
        `cites the trust document "${id}", which does not exist`,
        'Cite a document of content/trust/documents/ by its id.',
      );
    }
  });

  if (
    answer.data.cites.policies.length + answer.data.cites.controls.length + answer.data.cites.documents.length ===
    0
  ) {
    found.push({
      severity: 'warning',
      code: 'TB212',
      file: answer.file,
      line: lineOf(answer, 'answer'),
      subject: { kind: 'answer', id: answer.id },
      message: 'cites nothing: a reviewer cannot see what the answer rests on',
      hint: 'Cite the policy (and section), control or trust document that shows it, under `cites:`.',
    });
  }
  return found;
}
