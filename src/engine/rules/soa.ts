/**
 * The Statement of Applicability, when ISO/IEC 27001 is in scope: it exists (TB345), decides every Annex A control
 * (TB346) and nothing else (TB340), justifies each exclusion (TB347) and each inclusion (TB351), has something
 * implementing each applicable control (TB348), names only what exists (TB350), and is reviewed on time (TB349).
 * A statement without ISO/IEC 27001 in scope is checked by nothing, which is said (TB357).
 */
import { findIsoClause, findIsoControl, frameworkNames, isoControls } from '../../catalog/index.ts';
import type { SoaData } from '../../schema/index.ts';
import { addMonths } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { frameworkCoverage } from '../framework-coverage.ts';
import { lineOf, PROGRAM_FILE, unvalidatedStrings, type Document, type ProgramModel } from '../model.ts';
import { closest } from '../validate.ts';
import { dueState, type Rule, type RuleContext } from './context.ts';
import { isSubstantiveReason } from './coverage.ts';
import { unknownRequirementAdvice } from './frameworks.ts';

export const soaRule: Rule = (model, context) => {
  const iso = model.program?.data.frameworks?.iso27001;
  const soa = model.soa;
  if (!iso) return soa ? [finding('TB357', { file: soa.file, line: 1, subject: subjectOf(soa) })] : [];
  if (!soa) {
    // A statement that failed its schema or did not parse has its own finding already.
    const broken = model.unparsed.has('soa') || model.unvalidated.some((document) => document.kind === 'soa');
    if (broken) return [];
    return [
      finding('TB345', {
        file: PROGRAM_FILE,
        line: lineOf(model.program!, 'frameworks', 'iso27001'),
        subject: { kind: 'program', id: 'iso27001' },
      }),
    ];
  }
  return [...decisions(soa), ...entries(model, soa, context), ...review(soa, context)];
};

function subjectOf(soa: Document<SoaData>) {
  return { kind: 'soa' as const, id: soa.id };
}

/** Every Annex A control decided, and only those. */
function decisions(soa: Document<SoaData>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const subject = subjectOf(soa);
  for (const id of Object.keys(soa.data.controls)) {
    if (findIsoControl(id)) continue;
    const advice = findIsoClause(id)
      ? `${id} is a clause requirement: clauses 4 to 10 all apply and are not decided here. Remove the entry and cite ${id} from the controls that meet it.`
      : unknownRequirementAdvice('iso27001', id);
    found.push(
      finding(
        'TB340',
        { file: soa.file, line: lineOf(soa, 'controls', id), subject },
        id,
        `an Annex A control of ${frameworkNames.iso27001}`,
        advice,
      ),
    );
  }
  const undecided = isoControls.filter((control) => !(control.id in soa.data.controls)).map((control) => control.id);
  if (undecided.length > 0)
    found.push(finding('TB346', { file: soa.file, line: lineOf(soa, 'controls'), subject }, undecided));
  return found;
}

function entries(model: ProgramModel, soa: Document<SoaData>, context: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const subject = subjectOf(soa);
  const coverage = new Map(
    frameworkCoverage(model, context.asOf, 'iso27001').map((entry) => [entry.requirement.id, entry]),
  );
  // A control that failed its schema still names what it cites; its own finding fails the check already.
  const claimed = new Set(unvalidatedStrings(model, 'control', 'iso'));
  const people = model.people ? [...model.people.data.roles, ...model.people.data.staff].map((entry) => entry.id) : [];
  const documents = new Set([...model.knownIds.policy, ...model.knownIds.procedure]);
  const unknown = (where: string, what: string, id: string, candidates: Iterable<string>, ...path: PropertyKey[]) =>
    found.push(
      finding(
        'TB350',
        { file: soa.file, line: lineOf(soa, 'controls', ...path), subject },
        where,
        what,
        id,
        closest(id, [...candidates]),
      ),
    );
  for (const [id, entry] of Object.entries(soa.data.controls)) {
    const control = findIsoControl(id);
    if (!control) continue;
    const at = (...path: PropertyKey[]) => ({ file: soa.file, line: lineOf(soa, 'controls', id, ...path), subject });
    const where = `the entry for ${id}`;
    if (entry.owner !== undefined && model.people && !people.includes(entry.owner)) {
      unknown(where, 'person', entry.owner, people, id, 'owner');
    }
    entry.documents?.forEach((document, index) => {
      if (!documents.has(document)) unknown(where, 'policy or procedure', document, documents, id, 'documents', index);
    });
    if (!entry.applicable) {
      const written = entry.justification;
      if (written === undefined || !isSubstantiveReason(written)) {
        found.push(finding('TB347', at(written === undefined ? 'applicable' : 'justification'), id, written));
      }
      continue;
    }
    entry.risks?.forEach((risk, index) => {
      if (!model.knownIds.risk.has(risk)) unknown(where, 'risk', risk, model.knownIds.risk, id, 'risks', index);
    });
    if ((entry.risks ?? []).length === 0 && entry.reason === undefined)
      found.push(finding('TB351', at('applicable'), id));
    const implementing = (coverage.get(id)?.controls.length ?? 0) > 0 || (entry.documents ?? []).length > 0;
    if (!implementing && !claimed.has(id) && !model.unparsed.has('control')) {
      found.push(finding('TB348', at('applicable'), id, control.label));
    }
  }
  return found;
}

function review(soa: Document<SoaData>, context: RuleContext): Diagnostic[] {
  const due = addMonths(soa.data.approved, soa.data.review_months);
  const state = dueState(due, context);
  if (state.state === 'ok') return [];
  const overdue = state.state === 'overdue';
  return [
    finding(
      'TB349',
      {
        file: soa.file,
        line: lineOf(soa, 'approved'),
        subject: subjectOf(soa),
        severity: overdue ? 'error' : 'warning',
      },
      due,
      overdue,
      state.days,
    ),
  ];
}
