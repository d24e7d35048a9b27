/**
 * Where an attestation stands on the evaluation date, by the rules a customer's vendor-review team applies:
 * a report speaks for 12 months after its period ends (or its Type I date), after which it has lapsed; from
 * three months after the period ends, the gap up to today needs a bridge letter that covers it.
 */
import type { AttestationData } from '../schema/index.ts';
import { addMonths } from './dates.ts';

/** How long after the period a report is taken without a bridge letter. */
export const BRIDGE_AFTER_MONTHS = 3;
/** How long after the period a report is taken at all. */
export const LAPSES_AFTER_MONTHS = 12;

export type AttestationState =
  /** Taken as it is: within three months of its period, or bridged up to today. */
  | { state: 'current'; periodEnd: string; lapses: string; bridgedThrough?: string }
  /** Within its 12 months, but the months since its period need a bridge letter, from `needsBridgeFrom`. */
  | { state: 'bridge-needed'; periodEnd: string; lapses: string; needsBridgeFrom: string }
  /** Its period ended over 12 months ago. */
  | { state: 'lapsed'; periodEnd: string; lapses: string }
  /** Issued after the evaluation date: not a report yet. */
  | { state: 'not-issued'; periodEnd: string; lapses: string };

/** The last day the report speaks for: the end of its period, or its Type I date. */
export function periodEndOf(attestation: Pick<AttestationData, 'period' | 'date'>): string {
  return attestation.period?.end ?? attestation.date!;
}

export function attestationState(
  attestation: Pick<AttestationData, 'period' | 'date' | 'issued' | 'bridge_letters'>,
  asOf: string,
): AttestationState {
  const periodEnd = periodEndOf(attestation);
  // 12 months after 2024-02-29 is 2025-02-28: the last day of the month when the day does not exist.
  const lapses = addMonths(periodEnd, LAPSES_AFTER_MONTHS);
  if (attestation.issued > asOf) return { state: 'not-issued', periodEnd, lapses };
  if (asOf > lapses) return { state: 'lapsed', periodEnd, lapses };
  const needsBridgeFrom = addMonths(periodEnd, BRIDGE_AFTER_MONTHS);
  if (asOf <= needsBridgeFrom) return { state: 'current', periodEnd, lapses };
  const bridgedThrough = attestation.bridge_letters
    .map((letter) => letter.through)
    .filter((through) => through >= asOf)
    .sort()
    .at(-1);
  return bridgedThrough
    ? { state: 'current', periodEnd, lapses, bridgedThrough }
    : { state: 'bridge-needed', periodEnd, lapses, needsBridgeFrom };
}
