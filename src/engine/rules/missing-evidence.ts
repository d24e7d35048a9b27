/**
 * Missing evidence: an implemented control with no evidence series, and a series with no artifact. Evidence
 * of controls that are only planned or not applicable is not required to be complete.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { operatingSpan } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, unvalidatedStrings } from '../model.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const missingEvidenceRule: Rule = (model, context) => {
  const severity = evidenceSeverity(context);
  const proven = new Set([
    ...model.evidence.flatMap((series) => series.data.controls),
    ...unvalidatedStrings(model, 'evidence', 'controls'),
  ]);
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    if (control.data.status !== 'implemented' || proven.has(control.id) || model.unparsed.has('evidence')) continue;
    const subject = { kind: 'control' as const, id: control.id };
    diagnostics.push(
      finding('TB401', { ...severity, file: control.file, line: lineOf(control, 'id'), subject }, control.id),
    );
  }
  for (const series of model.evidence) {
    if (series.data.artifacts.length > 0 || !operatingSpan(model, series)) continue;
    // A per-event series whose population states that no event occurred has nothing to show: every entry says
    // so (an entry listing events in another period still needs their records).
    const population = series.data.population;
    const noEvents = population.length > 0 && population.every((entry) => entry.rows === 0);
    if (series.data.frequency === 'per-event' && noEvents) continue;
    const subject = { kind: 'evidence' as const, id: series.id };
    diagnostics.push(
      finding('TB402', { ...severity, file: series.file, line: lineOf(series, 'artifacts'), subject }, series.id),
    );
  }
  return diagnostics;
};
