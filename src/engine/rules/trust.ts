/**
 * The trust center's attestations and documents: an attestation whose report has lapsed (TB530), needs a
 * bridge letter (TB531) or cannot be true (TB538), a report or bridge letter that names no trust document (TB211), and a trust
 * document whose file is missing or whose validity has ended (TB532).
 */
import { attestationState } from '../attestations.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, TRUST_FILES_DIR, type Document, type TrustFileState } from '../model.ts';
import type { AttestationData, TrustDocumentData } from '../../schema/index.ts';
import { dueState, type Rule, type RuleContext } from './context.ts';

/** The framework's name as people write it. */
export const frameworkNames: Record<AttestationData['framework'], string> = {
  soc2: 'SOC 2',
  soc3: 'SOC 3',
  iso27001: 'ISO/IEC 27001',
  'pci-dss': 'PCI DSS',
  hipaa: 'HIPAA',
  other: 'attestation',
};

/** An attestation's name in a sentence: "SOC 2 Type II report (2025-07-01 to 2026-06-30)". */
export function attestationName(data: AttestationData): string {
  const type = data.report_type ? ` Type ${data.report_type}` : '';
  const when = data.period ? `${data.period.start} to ${data.period.end}` : `as of ${data.date}`;
  return `${frameworkNames[data.framework]}${type} report (${when})`;
}

export const trustRule: Rule = (model, context) => {
  const documents = new Set([...model.knownIds['trust-document']]);
  const found: Diagnostic[] = [];
  for (const attestation of model.attestations) {
    found.push(...attestationFindings(attestation, documents, context));
  }
  for (const document of model.trustDocuments) found.push(...documentFindings(document, model.trustFiles, context));
  return found;
};

function attestationFindings(
  attestation: Document<AttestationData>,
  documents: ReadonlySet<string>,
  context: RuleContext,
): Diagnostic[] {
  const { data } = attestation;
  const subject = { kind: 'attestation' as const, id: attestation.id };
  const found: Diagnostic[] = [];
  const report = (
    severity: Diagnostic['severity'],
    code: 'TB211' | 'TB530' | 'TB531' | 'TB538',
    path: PropertyKey[],
    message: string,
    hint: string,
  ) =>
    found.push({ severity, code, file: attestation.file, line: lineOf(attestation, ...path), subject, message, hint });
  const unknown = (id: string, path: PropertyKey[]) =>
    report(
      'error',
      'TB211',
      path,
      `names the trust document "${id}", which does not exist`,
      'Name a document of content/trust/documents/ by its id (its file name), or add it there.',
    );
  if (data.document !== undefined && !documents.has(data.document)) unknown(data.document, ['document']);
  data.bridge_letters.forEach((letter, index) => {
    if (!documents.has(letter.document)) unknown(letter.document, ['bridge_letters', index]);
  });
  const name = attestationName(data);
  const state = attestationState(data, context.asOf);
  const when = [data.period ? 'period' : 'date'];
  if (state.state === 'impossible') {
    for (const { path, reason } of state.reasons) {
      report(
        'error',
        'TB538',
        path,
        `the ${name} cannot be true: ${reason}; the trust center shows no badge for it`,
        'Correct the record from the report itself (its period, its type, the date it was issued, the day each bridge letter speaks up to); a bridge letter is listed once the days it speaks for have passed.',
      );
    }
  } else if (state.state === 'lapsed') {
    report(
      'error',
      'TB530',
      when,
      `the ${name} lapsed on ${state.lapses}, 12 months after its period ended; the trust center shows no badge for it`,
      'Record the new report as an attestation, and retire this one (delete the file: git keeps its history).',
    );
  } else if (state.state === 'bridge-needed') {
    report(
      'warning',
      'TB531',
      ['bridge_letters'],
      `the ${name} ended over three months ago (${state.periodEnd}) and no bridge letter speaks for the last three months before ${context.asOf}; the trust center shows no badge for it until one does`,
      'Add the bridge letter management signed as a trust document, and list it under `bridge_letters` with the day it covers to.',
    );
  } else if (state.state === 'current') {
    const due = dueState(state.lapses, context);
    if (due.state === 'soon') {
      report(
        'warning',
        'TB530',
        when,
        `the ${name} lapses on ${state.lapses}, in ${due.days} days`,
        'Have the next report issued, and record it as an attestation.',
      );
    }
  }
  return found;
}

function documentFindings(
  document: Document<TrustDocumentData>,
  files: ReadonlyMap<string, TrustFileState>,
  context: RuleContext,
): Diagnostic[] {
  const { data } = document;
  const subject = { kind: 'trust-document' as const, id: document.id };
  const found: Diagnostic[] = [];
  const state = data.file === undefined ? undefined : files.get(data.file);
  if (state?.status === 'missing') {
    found.push({
      severity: 'error',
      code: 'TB532',
      file: document.file,
      line: lineOf(document, 'file'),
      subject,
      message: `the file ${data.file} does not exist inside the repository`,
      hint: `Add the file, or correct the path (relative to the repository root, in ${TRUST_FILES_DIR}/).`,
    });
  } else if (state?.status === 'refused') {
    // The build copies or encrypts the file byte for byte: what it holds must be what its path says.
    found.push({
      severity: 'error',
      code: 'TB011',
      file: document.file,
      line: lineOf(document, 'file'),
      subject,
      message: `the file ${data.file} is ${state.reason}, so the trust center will not publish it`,
      hint: `Put the document itself (a real PDF, exported again if need be) in ${TRUST_FILES_DIR}/ as a plain file, and name it by that path.`,
    });
  }
  if (data.valid_until !== undefined) {
    const due = dueState(data.valid_until, context);
    if (due.state !== 'ok') {
      found.push({
        severity: due.state === 'overdue' ? 'error' : 'warning',
        code: 'TB532',
        file: document.file,
        line: lineOf(document, 'valid_until'),
        subject,
        message:
          due.state === 'overdue'
            ? `"${data.title}" was valid until ${data.valid_until}; the trust center no longer lists it`
            : `"${data.title}" is valid until ${data.valid_until}, in ${due.days} days`,
        hint: 'Replace it with the current document and date, or remove it.',
      });
    }
  }
  return found;
}
