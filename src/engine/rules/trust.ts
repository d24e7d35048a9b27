/**
 * The trust center's attestations and documents: a report (certificates are certificates.ts's) that has lapsed (TB530), needs a
 * bridge letter (TB531) or cannot be true (TB538), a report or bridge letter that names no trust document (TB211), and a trust
 * document whose file is missing or whose validity has ended (TB532).
 */
import { attestationState } from '../attestations.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
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

/**
 * An attestation's name in a sentence: "SOC 2 Type II report (2025-07-01 to 2026-06-30)", or for a certificate
 * "ISO/IEC 27001 certificate IS 712345 (issued 2025-03-01, expires 2028-02-28)".
 */
export function attestationName(data: AttestationData): string {
  if (data.framework === 'iso27001' && data.expires !== undefined) {
    return `${frameworkNames.iso27001} certificate ${data.certificate ?? ''} (issued ${data.issued}, expires ${data.expires})`;
  }
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
  const at = (path: PropertyKey[]) => ({ file: attestation.file, line: lineOf(attestation, ...path), subject });
  const unknown = (id: string, path: PropertyKey[]) =>
    found.push(finding('TB211', { ...at(path), severity: 'error' }, id));
  if (data.document !== undefined && !documents.has(data.document)) unknown(data.document, ['document']);
  data.bridge_letters.forEach((letter, index) => {
    if (!documents.has(letter.document)) unknown(letter.document, ['bridge_letters', index]);
  });
  // Certificates, and HIPAA (which nobody certifies), are certificates.ts's to judge.
  if (data.framework === 'iso27001' || data.framework === 'hipaa') return found;
  const name = attestationName(data);
  const state = attestationState(data, context.asOf);
  const when = [data.period ? 'period' : 'date'];
  if (state.state === 'impossible') {
    for (const { path, reason } of state.reasons) {
      found.push(finding('TB538', at(path), name, reason));
    }
  } else if (state.state === 'lapsed') {
    found.push(finding('TB530', { ...at(when), severity: 'error' }, name, state.lapses));
  } else if (state.state === 'bridge-needed') {
    found.push(finding('TB531', at(['bridge_letters']), name, state.periodEnd, context.asOf));
  } else if (state.state === 'current') {
    const due = dueState(state.lapses, context);
    if (due.state === 'soon') {
      found.push(finding('TB530', { ...at(when), severity: 'warning' }, name, state.lapses, due.days));
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
  const at = (field: string) => ({ file: document.file, line: lineOf(document, field), subject });
  if (state?.status === 'missing') {
    found.push(finding('TB532', { ...at('file'), severity: 'error' }, { file: data.file!, dir: TRUST_FILES_DIR }));
  } else if (state?.status === 'refused') {
    // The build copies or encrypts the file byte for byte: what it holds must be what its path says.
    found.push(finding('TB011', at('file'), data.file!, state.reason, TRUST_FILES_DIR));
  }
  if (data.valid_until !== undefined) {
    const due = dueState(data.valid_until, context);
    if (due.state !== 'ok') {
      const where = { ...at('valid_until'), severity: due.state === 'overdue' ? 'error' : 'warning' } as const;
      const days = due.state === 'overdue' ? undefined : due.days;
      found.push(finding('TB532', where, { title: data.title, validUntil: data.valid_until, days }));
    }
  }
  return found;
}
