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
