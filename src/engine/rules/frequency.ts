/**
 * The evidence of a control is at least as frequent as the control: a quarterly control evidenced once a
 * year shows three quarters of nothing. A series may say why it is less frequent (`frequency_note`), e.g. a
 * monthly export that lists every daily run; each run must then still be recorded (control-occurrences.ts).
 * A per-event control's events are never excused by a note.
 */
import type { Frequency } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { evidenceOfControl } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

/** Occurrences a year; continuous controls are evidenced monthly. Per-event has no rank: it counts events. */
export const occurrencesPerYear: Record<Exclude<Frequency, 'per-event'>, number> = {
  daily: 365,
  weekly: 52,
  monthly: 12,
  continuous: 12,
  quarterly: 4,
  semiannual: 2,
  annual: 1,
};

/** Whether evidence collected at `evidence` frequency can show a control operating at `control` frequency. */
export function isFrequentEnough(control: Frequency, evidence: Frequency): boolean {
  if (control === 'per-event') return evidence === 'per-event';
  if (evidence === 'per-event') return false;
  return occurrencesPerYear[evidence] >= occurrencesPerYear[control];
}

export const frequencyRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    if (control.data.status !== 'implemented') continue;
    const series = evidenceOfControl(model, control.id);
    if (series.length === 0) continue; // the missing-evidence rule reports it
    const frequency = control.data.frequency;
    if (series.some((candidate) => isFrequentEnough(frequency, candidate.data.frequency))) continue;
    // A note explains evidence filed less often than the control runs; a per-event control still needs its
    // events, each with its record, which no periodic file stands in for.
    if (frequency !== 'per-event' && series.some((candidate) => candidate.data.frequency_note !== undefined)) continue;
    const listed = series.map((candidate) => `${candidate.id} (${candidate.data.frequency})`).join(', ');
    const subject = { kind: 'control' as const, id: control.id };
    const where = { file: control.file, line: lineOf(control, 'frequency'), subject };
    diagnostics.push(finding('TB406', where, control.id, frequency, listed));
  }
  return diagnostics;
};
