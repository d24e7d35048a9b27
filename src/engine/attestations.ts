/**
 * Where an attestation stands on the evaluation date, by the rules a customer's vendor-review team applies:
 * a report speaks for 12 months after its period ends (or its Type I date), after which it has lapsed; from
 * three months after the period ends, the gap up to today needs a bridge letter.
 *
 * A bridge letter is management's word that nothing changed from the period's end up to `through`, so it
 * speaks only for days that have passed: one that reaches past the evaluation date cannot be true. The report
 * and its letter are then taken for three months after `through`, as a report alone is after its period (and
 * never past the report's 12 months).
 *
 * Some attestations cannot be true at all, and get no badge whatever the day (TB538): a report issued before
 * its period ended, a Type II without a period or over more than 12 months, a bridge letter into the future.
 */
import type { AttestationData } from '../schema/index.ts';
import { addMonths } from './dates.ts';

/** How long after the period (or the last bridge letter) a report is taken without another letter. */
export const BRIDGE_AFTER_MONTHS = 3;
/** How long after the period a report is taken at all. */
export const LAPSES_AFTER_MONTHS = 12;
/** The longest period a Type II report covers. */
export const TYPE_II_MAX_MONTHS = 12;

/** Why an attestation cannot be true, with the field that says so. */
export interface Impossibility {
  path: PropertyKey[];
  reason: string;
}

export type AttestationState =
  /** Taken as it is: within three months of its period, or of a bridge letter. */
  | { state: 'current'; periodEnd: string; lapses: string; bridgedThrough?: string }
  /** Within its 12 months, but the months since its period need a bridge letter, from `needsBridgeFrom`. */
  | { state: 'bridge-needed'; periodEnd: string; lapses: string; needsBridgeFrom: string }
  /** Its period ended over 12 months ago. */
  | { state: 'lapsed'; periodEnd: string; lapses: string }
  /** Issued after the evaluation date: not a report yet. */
  | { state: 'not-issued'; periodEnd: string; lapses: string }
  /** What it says cannot be true: never a badge. */
  | { state: 'impossible'; periodEnd: string; lapses: string; reasons: Impossibility[] };

type AttestationFacts = Pick<AttestationData, 'period' | 'date' | 'issued' | 'bridge_letters'> &
  Partial<Pick<AttestationData, 'report_type'>>;

/** The last day the report speaks for: the end of its period, or its Type I date. */
export function periodEndOf(attestation: Pick<AttestationData, 'period' | 'date'>): string {
  return attestation.period?.end ?? attestation.date!;
}

/** What about an attestation cannot be true as of `asOf`; empty when nothing. */
export function impossibilities(attestation: AttestationFacts, asOf: string): Impossibility[] {
  const found: Impossibility[] = [];
  const periodEnd = periodEndOf(attestation);
  const { period, issued } = attestation;
  if (issued < periodEnd) {
    found.push({
      path: ['issued'],
      reason: `it was issued on ${issued}, before the ${period ? 'period it covers ended' : 'date it speaks for'} (${periodEnd})`,
    });
  }
  if (attestation.report_type === 'II') {
    if (!period) {
      found.push({ path: ['report_type'], reason: 'a Type II report covers a period, and none is given' });
    } else if (period.end >= addMonths(period.start, TYPE_II_MAX_MONTHS)) {
      found.push({
        path: ['period'],
        reason: `its period ${period.start} to ${period.end} is longer than the ${TYPE_II_MAX_MONTHS} months a Type II report covers`,
      });
    }
  }
  attestation.bridge_letters.forEach((letter, index) => {
    if (letter.through > asOf) {
      found.push({
        path: ['bridge_letters', index],
        reason: `a bridge letter speaks for days up to ${letter.through}, which have not yet passed on ${asOf}`,
      });
    }
  });
  return found;
}

export function attestationState(attestation: AttestationFacts, asOf: string): AttestationState {
  const periodEnd = periodEndOf(attestation);
  // 12 months after 2024-02-29 is 2025-02-28: the last day of the month when the day does not exist.
  const lapses = addMonths(periodEnd, LAPSES_AFTER_MONTHS);
  const reasons = impossibilities(attestation, asOf);
  if (reasons.length > 0) return { state: 'impossible', periodEnd, lapses, reasons };
  if (attestation.issued > asOf) return { state: 'not-issued', periodEnd, lapses };
  if (asOf > lapses) return { state: 'lapsed', periodEnd, lapses };
  const needsBridgeFrom = addMonths(periodEnd, BRIDGE_AFTER_MONTHS);
  if (asOf <= needsBridgeFrom) return { state: 'current', periodEnd, lapses };
  const bridgedThrough = attestation.bridge_letters
    .map((letter) => letter.through)
    .filter((through) => addMonths(through, BRIDGE_AFTER_MONTHS) >= asOf)
    .sort()
    .at(-1);
  return bridgedThrough
    ? { state: 'current', periodEnd, lapses, bridgedThrough }
    : { state: 'bridge-needed', periodEnd, lapses, needsBridgeFrom };
}

/**
 * ISO/IEC 27001 certificates. A certificate states its own expiry date, at most three years after it was issued (one
 * certification cycle, ISO/IEC 17021-1). Within the cycle the certification body audits the management system
 * again: the first surveillance audit within 12 months of certification, then at least once each calendar year, up to
 * the recertification that issues the next certificate. A certificate whose surveillance audit is overdue would be
 * suspended, so the trust center shows it no more than an expired one.
 */

/** The longest certification cycle: a certificate expiring later cannot be true. */
export const CERTIFICATE_MAX_YEARS = 3;
/** The first surveillance audit falls within this many months of the certificate's issue. */
export const FIRST_SURVEILLANCE_MONTHS = 12;

export type CertificateState =
  /** Within its dates, with every surveillance audit due so far recorded; `surveillanceDue` when one is still ahead. */
  | { state: 'current'; certificate: true; expires: string; surveillanceDue?: string }
  /** A surveillance audit was due by `surveillanceDue` and none is recorded. */
  | { state: 'surveillance-overdue'; certificate: true; expires: string; surveillanceDue: string }
  /** Past the expiry date it states. */
  | { state: 'expired'; certificate: true; expires: string }
  /** Issued after the evaluation date. */
  | { state: 'not-issued'; certificate: true; expires: string }
  /** What it says cannot be true: never a badge. */
  | { state: 'impossible'; certificate: true; expires: string; reasons: Impossibility[] };

type CertificateFacts = Pick<AttestationData, 'issued' | 'surveillance_audits'> & { expires: string };

/**
 * When the next surveillance audit is due: 12 months after the issue for the first, the end of the calendar year
 * after the latest one for each later one. Undefined when the certificate expires first (recertification is due
 * then instead).
 */
export function surveillanceDue(certificate: CertificateFacts, asOf: string): string | undefined {
  const done = certificate.surveillance_audits.filter((day) => day >= certificate.issued && day <= asOf).sort();
  const latest = done.at(-1);
  const due = latest
    ? `${Number(latest.slice(0, 4)) + 1}-12-31`
    : addMonths(certificate.issued, FIRST_SURVEILLANCE_MONTHS);
  return due < certificate.expires ? due : undefined;
}

/** What about a certificate cannot be true as of `asOf`; empty when nothing. */
export function certificateImpossibilities(certificate: CertificateFacts, asOf: string): Impossibility[] {
  const found: Impossibility[] = [];
  const { issued, expires } = certificate;
  if (expires <= issued) {
    found.push({ path: ['expires'], reason: `it expires on ${expires}, before it was issued (${issued})` });
  } else if (expires > addMonths(issued, CERTIFICATE_MAX_YEARS * 12)) {
    found.push({
      path: ['expires'],
      reason: `it runs from ${issued} to ${expires}, longer than the ${CERTIFICATE_MAX_YEARS} years of a certification cycle`,
    });
  }
  certificate.surveillance_audits.forEach((day, index) => {
    if (day > asOf) {
      found.push({
        path: ['surveillance_audits', index],
        reason: `a surveillance audit is recorded on ${day}, which has not yet passed on ${asOf}`,
      });
    } else if (day < issued) {
      found.push({
        path: ['surveillance_audits', index],
        reason: `a surveillance audit is recorded on ${day}, before the certificate was issued (${issued})`,
      });
    }
  });
  return found;
}

export function certificateState(certificate: CertificateFacts, asOf: string): CertificateState {
  const { expires } = certificate;
  const reasons = certificateImpossibilities(certificate, asOf);
  if (reasons.length > 0) return { state: 'impossible', certificate: true, expires, reasons };
  if (certificate.issued > asOf) return { state: 'not-issued', certificate: true, expires };
  if (asOf > expires) return { state: 'expired', certificate: true, expires };
  const due = surveillanceDue(certificate, asOf);
  if (due !== undefined && asOf > due) {
    return { state: 'surveillance-overdue', certificate: true, expires, surveillanceDue: due };
  }
  return due === undefined
    ? { state: 'current', certificate: true, expires }
    : { state: 'current', certificate: true, expires, surveillanceDue: due };
}

/** HIPAA has no certification: an attestation of it is never shown as one, whatever its dates (TB361). */
export interface NoCertification {
  state: 'no-certification';
}

/** Where any attestation stands: a report's state, a certificate's, or none for a framework nobody certifies. */
export type AttestationStanding = AttestationState | CertificateState | NoCertification;

export function attestationStanding(attestation: AttestationData, asOf: string): AttestationStanding {
  if (attestation.framework === 'hipaa') return { state: 'no-certification' };
  if (attestation.framework === 'iso27001' && attestation.expires !== undefined) {
    return certificateState({ ...attestation, expires: attestation.expires }, asOf);
  }
  return attestationState(attestation, asOf);
}
