/**
 * ISO/IEC 27001 certificates and HIPAA on the trust center: a certificate past its expiry date (TB358), one whose
 * surveillance audit is overdue (TB359), one whose dates cannot be true (TB360), each losing its badge; and an
 * attestation of HIPAA, which nobody certifies (TB361). Reports (SOC 2 and the rest) are trust.ts's.
 */
import { certificateState } from '../attestations.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document } from '../model.ts';
import type { AttestationData } from '../../schema/index.ts';
import { dueState, type Rule, type RuleContext } from './context.ts';
import { attestationName } from './trust.ts';

export const certificatesRule: Rule = (model, context) =>
  model.attestations.flatMap((attestation) => attestationFindings(attestation, context));

function attestationFindings(attestation: Document<AttestationData>, context: RuleContext): Diagnostic[] {
  const { data } = attestation;
  const subject = { kind: 'attestation' as const, id: attestation.id };
  const at = (...path: PropertyKey[]) => ({ file: attestation.file, line: lineOf(attestation, ...path), subject });
  if (data.framework === 'hipaa') return [finding('TB361', at('framework'))];
  // The schema holds an ISO/IEC 27001 attestation to its certificate's fields.
  if (data.framework !== 'iso27001' || data.expires === undefined) return [];
  const name = attestationName(data);
  const state = certificateState({ ...data, expires: data.expires }, context.asOf);
  const last = data.surveillance_audits
    .filter((day) => day <= context.asOf)
    .sort()
    .at(-1);
  // With no surveillance audit recorded, the first is counted from the day the certificate was issued.
  const surveillance = at(data.surveillance_audits.length > 0 ? 'surveillance_audits' : 'issued');
  switch (state.state) {
    case 'impossible':
      return state.reasons.map(({ path, reason }) => finding('TB360', at(...path), name, reason));
    case 'expired':
      return [finding('TB358', { ...at('expires'), severity: 'error' }, name, state.expires)];
    case 'surveillance-overdue':
      return [finding('TB359', { ...surveillance, severity: 'error' }, name, state.surveillanceDue, last)];
    case 'current': {
      const expiring = dueState(state.expires, context);
      if (expiring.state === 'soon') {
        return [finding('TB358', { ...at('expires'), severity: 'warning' }, name, state.expires, expiring.days)];
      }
      const next = state.surveillanceDue === undefined ? undefined : dueState(state.surveillanceDue, context);
      if (next?.state === 'soon') {
        return [
          finding('TB359', { ...surveillance, severity: 'warning' }, name, state.surveillanceDue!, last, next.days),
        ];
      }
      return [];
    }
    case 'not-issued':
      return [];
  }
}
