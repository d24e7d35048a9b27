/**
 * The answer library: every citation must exist (TB212: a policy, a section of it, a control, a trust
 * document), an answer may not rest on a control that is not in operation, and a public answer may cite only
 * what the trust center shows (TB213: a public policy, a published practice, a trust document).
 */
import type { AnswerData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { MissingCitation, UnfitCitation } from '../findings/catalogue.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { policySections, splitCitation } from '../policy-sections.ts';
import { isInOperation } from '../coverage.ts';
import type { Rule } from './context.ts';

export const answersRule: Rule = (model, context) =>
  model.answers.flatMap((answer) => answerFindings(model, answer, context.asOf));

function answerFindings(model: ProgramModel, answer: Document<AnswerData>, asOf: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const isPublic = answer.data.audience.includes('public');
  const subject = { kind: 'answer' as const, id: answer.id };
  const at = (field: string, index: number) => ({
    file: answer.file,
    line: lineOf(answer, 'cites', field, index),
    subject,
  });
  const missing = (field: string, index: number, problem: MissingCitation) =>
    found.push(finding('TB212', { ...at(field, index), severity: 'error' }, problem));
  const unfit = (field: string, index: number, problem: UnfitCitation) =>
    found.push(finding('TB213', at(field, index), problem));

  answer.data.cites.policies.forEach((citation, index) => {
    const { id, section } = splitCitation(citation);
    const policy = model.policies.find((candidate) => candidate.id === id);
    if (!policy) {
      if (!model.knownIds.policy.has(id)) {
        missing('policies', index, { what: 'policy', id });
      }
      return;
    }
    if (section !== undefined && !policySections(policy).has(section)) {
      const known = [...policySections(policy).keys()];
      missing('policies', index, { what: 'section', policy: policy.id, section, known });
    }
    if (isPublic && !policy.data.audience.includes('public')) {
      unfit('policies', index, { what: 'unpublished-policy', id: policy.id });
    }
  });

  answer.data.cites.controls.forEach((id, index) => {
    const control = model.controls.find((candidate) => candidate.id === id);
    if (!control) {
      if (!model.knownIds.control.has(id)) {
        missing('controls', index, { what: 'control', id });
      }
      return;
    }
    if (!isInOperation(control, asOf)) {
      const { status, retired } = control.data;
      unfit('controls', index, { what: 'not-in-operation', id: control.id, status, retired });
    } else if (isPublic && control.data.public_summary === undefined) {
      unfit('controls', index, { what: 'undescribed-control', id: control.id });
    }
  });

  answer.data.cites.documents.forEach((id, index) => {
    if (!model.knownIds['trust-document'].has(id)) {
      missing('documents', index, { what: 'document', id });
    }
  });

  if (
    answer.data.cites.policies.length + answer.data.cites.controls.length + answer.data.cites.documents.length ===
    0
  ) {
    const where = { file: answer.file, line: lineOf(answer, 'answer'), subject, severity: 'warning' as const };
    found.push(finding('TB212', where, { what: 'nothing' }));
  }
  return found;
}
