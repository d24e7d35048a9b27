/**
 * Grants of documents under NDA: a grant that names a document it cannot give (TB533) or an NDA text that is
 * not kept (TB534), one about to expire (TB535), one without the salt its key needs (TB550), and a build that
 * cannot publish what the grants give safely: no secret (TB536; an error in the deployed build), a secret that
 * was not generated (TB537), or an evaluation date pinned while grants are published (TB551), which would keep
 * an expired grant's documents open.
 */
import type { Diagnostic, Subject } from '../diagnostics.ts';
import { daysBetween } from '../dates.ts';
import { GRANT_SECRET_ENV, DEPLOY_ENV, grantState } from '../grants.ts';
import type { UngivableDocument } from '../findings/catalogue.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, PROGRAM_FILE, type Document, type ProgramModel } from '../model.ts';
import type { GrantData } from '../../schema/index.ts';
import { dueState, type Rule, type RuleContext } from './context.ts';

export const grantsRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  for (const grant of model.grants) found.push(...grantFindings(grant, model, context));
  const current = model.grants.filter((grant) => grantState(grant.data, context.asOf).state === 'current');
  const first = current[0];
  if (first && context.grantSecret !== 'set') {
    const subject = { kind: 'grant' as const, id: first.id };
    const where = { file: first.file, line: 1, subject };
    found.push(
      context.grantSecret === 'missing'
        ? finding(
            'TB536',
            { ...where, severity: context.deploy ? 'error' : 'warning' },
            GRANT_SECRET_ENV,
            current.length,
            context.deploy ? DEPLOY_ENV : undefined,
          )
        : finding('TB537', where, GRANT_SECRET_ENV),
    );
  }
  const published = model.grants.filter((grant) => grantState(grant.data, context.asOf).state !== 'revoked');
  if (published.length > 0 && context.grantSecret === 'set' && context.asOfSource !== 'today') {
    const program = model.program;
    const inProgram = context.asOfSource === 'program as_of' && program;
    const subject: Subject = inProgram ? { kind: 'program', id: 'as_of' } : { kind: 'grant', id: published[0]!.id };
    const where = {
      severity: context.deploy ? 'error' : 'warning',
      file: inProgram ? PROGRAM_FILE : published[0]!.file,
      line: inProgram ? lineOf(program, 'as_of') : 1,
      subject,
    } as const;
    found.push(finding('TB551', where, context.asOf, context.asOfSource, published.length));
  }
  return found;
};

function grantFindings(grant: Document<GrantData>, model: ProgramModel, context: RuleContext): Diagnostic[] {
  const { data } = grant;
  const subject = { kind: 'grant' as const, id: grant.id };
  const found: Diagnostic[] = [];
  const at = (...path: PropertyKey[]) => ({ file: grant.file, line: lineOf(grant, ...path), subject });
  const ungivable = (index: number, problem: UngivableDocument) =>
    found.push(
      finding(
        'TB533',
        { ...at('documents', index), severity: problem.what === 'not-pdf' ? 'warning' : 'error' },
        problem,
      ),
    );
  // A revoked grant publishes nothing: what it named no longer matters.
  if (data.revoked !== undefined) return found;
  if (data.salt === undefined) {
    found.push(finding('TB550', at(), data.name, grant.id));
  }

  data.documents.forEach((id, index) => {
    const document = model.trustDocuments.find((candidate) => candidate.id === id);
    if (!document) {
      if (model.knownIds['trust-document'].has(id)) return; // Its own file's finding already fails the check.
      ungivable(index, { what: 'unknown', id });
    } else if (document.data.access !== 'nda') {
      ungivable(index, { what: 'public', title: document.data.title });
    } else if (document.data.file === undefined) {
      ungivable(index, { what: 'elsewhere', title: document.data.title });
    } else if (!document.data.file.toLowerCase().endsWith('.pdf')) {
      ungivable(index, { what: 'not-pdf', title: document.data.title });
    }
  });

  if (!model.ndaVersions.has(data.nda_version) && !model.unparsed.has('nda')) {
    const kept = [...model.ndaVersions].map(([version, nda]) => `${nda.file} is ${version.slice(0, 12)}…`);
    found.push(finding('TB534', at('nda_version'), data.nda_version, kept));
  }

  const state = grantState(data, context.asOf);
  // A grant given for no longer than the warning window was made short on purpose: warning of its end from its
  // first build on would tell the person who chose the date what they just chose.
  const shortOnPurpose = daysBetween(data.granted, data.expires) <= context.warnWithinDays;
  if (state.state === 'current' && !shortOnPurpose) {
    const due = dueState(data.expires, context);
    if (due.state === 'soon') {
      found.push(finding('TB535', at('expires'), data.name, data.organization, data.expires, due.days));
    }
  }
  return found;
}
