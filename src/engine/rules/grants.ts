/**
 * Grants of documents under NDA: a grant that names a document it cannot give (TB533) or an NDA text that is
 * not kept (TB534), one about to expire (TB535), and a build that cannot publish what the grants give: no
 * secret (TB536) or one too short to protect a SOC 2 report (TB537).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { GRANT_SECRET_ENV, grantState, MIN_SECRET_LENGTH } from '../grants.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import type { GrantData } from '../../schema/index.ts';
import { dueState, plural, type Rule, type RuleContext } from './context.ts';

export const grantsRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  for (const grant of model.grants) found.push(...grantFindings(grant, model, context));
  const current = model.grants.filter((grant) => grantState(grant.data, context.asOf).state === 'current');
  const first = current[0];
  if (first && context.grantSecret !== 'set') {
    const subject = { kind: 'grant' as const, id: first.id };
    found.push(
      context.grantSecret === 'missing'
        ? {
            severity: 'warning',
            code: 'TB536',
            file: first.file,
            line: 1,
            subject,
            message: `${GRANT_SECRET_ENV} is not set, so the ${plural(current.length, 'current grant')} publish nothing: no recipient's link opens a document`,
            hint: `Set ${GRANT_SECRET_ENV} in the build's environment (a CI secret; \`openssl rand -base64 32\` makes one). Never commit it.`,
          }
        : {
            severity: 'error',
            code: 'TB537',
            file: first.file,
            line: 1,
            subject,
            message: `${GRANT_SECRET_ENV} is shorter than ${MIN_SECRET_LENGTH} characters: too easy to guess for keys that protect documents under NDA`,
            hint: `Replace it with a random secret of at least ${MIN_SECRET_LENGTH} characters (\`openssl rand -base64 32\`); every recipient then needs a new link (\`trustbook grant link <id>\`).`,
          },
    );
  }
  return found;
};

function grantFindings(grant: Document<GrantData>, model: ProgramModel, context: RuleContext): Diagnostic[] {
  const { data } = grant;
  const subject = { kind: 'grant' as const, id: grant.id };
  const found: Diagnostic[] = [];
  const report = (
    severity: Diagnostic['severity'],
    code: 'TB533' | 'TB534' | 'TB535',
    path: PropertyKey[],
    message: string,
    hint: string,
  ) => found.push({ severity, code, file: grant.file, line: lineOf(grant, ...path), subject, message, hint });

  data.documents.forEach((id, index) => {
    const document = model.trustDocuments.find((candidate) => candidate.id === id);
    if (!document) {
      if (model.knownIds['trust-document'].has(id)) return; // Its own file's finding already fails the check.
      report(
        'error',
        'TB533',
        ['documents', index],
        `gives the trust document "${id}", which does not exist`,
        'Name a document of content/trust/documents/ by its id (its file name).',
      );
    } else if (document.data.access !== 'nda') {
      report(
        'error',
        'TB533',
        ['documents', index],
        `gives "${document.data.title}", which is public: a grant is for documents under NDA`,
        'Remove it from the grant (anyone can download it from the trust center), or make the document `access: nda`.',
      );
    } else if (document.data.file === undefined) {
      report(
        'error',
        'TB533',
        ['documents', index],
        `gives "${document.data.title}", which is kept elsewhere (\`url:\`), so the build cannot encrypt it for the recipient`,
        'Keep the document in the repository (`file:`), or share it from where it is kept and remove it from the grant.',
      );
    } else if (!document.data.file.toLowerCase().endsWith('.pdf')) {
      report(
        'warning',
        'TB533',
        ['documents', index],
        `gives "${document.data.title}", which is not a PDF: the recipient's copy is encrypted but cannot be stamped with their name`,
        'Give the document as a PDF (export it), so every page of the copy names its recipient.',
      );
    }
  });

  if (!model.ndaVersions.has(data.nda_version) && !model.unparsed.has('nda')) {
    const kept = [...model.ndaVersions].map(([version, nda]) => `${nda.file} is ${version.slice(0, 12)}…`);
    report(
      'error',
      'TB534',
      ['nda_version'],
      `names the NDA version ${data.nda_version.slice(0, 12)}…, which is no NDA text in content/trust/nda/${kept.length ? ` (${kept.join('; ')})` : ''}`,
      'Keep the exact text the recipient accepted as a file in content/trust/nda/ (a changed text is a new version: add it as a new file); `trustbook grant add` fills in the current version.',
    );
  }

  const state = grantState(data, context.asOf);
  if (state.state === 'current') {
    const due = dueState(data.expires, context);
    if (due.state === 'soon') {
      report(
        'warning',
        'TB535',
        ['expires'],
        `${data.name}'s access (${data.organization}) ends on ${data.expires}, in ${plural(due.days, 'day')}`,
        'Extend `expires` if the NDA still covers them (the link stays the same), or let it end.',
      );
    }
  }
  return found;
}
