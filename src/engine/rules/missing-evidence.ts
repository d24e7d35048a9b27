/**
 * Missing evidence: an implemented control with no evidence series, and a series with no artifact. Evidence
 * of controls that are only planned or not applicable is not required to be complete.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { operatingSpan } from '../evidence-timeline.ts';
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
    diagnostics.push({
      ...severity,
      code: 'TB401',
      file: control.file,
      line: lineOf(control, 'id'),
      subject: { kind: 'control', id: control.id },
      message: `implemented control ${control.id} has no evidence series`,
      hint: `Create evidence-index/EV-${control.id}.mdx with \`controls: [${control.id}]\` (\`trustbook new evidence EV-${control.id}\`), or set \`status: planned\` if it is not operating yet.`,
    });
  }
  for (const series of model.evidence) {
    if (series.data.artifacts.length > 0 || !operatingSpan(model, series)) continue;
    // A per-event series whose population states that no event occurred has nothing to show.
    if (series.data.frequency === 'per-event' && series.data.population.some((entry) => entry.rows === 0)) continue;
    diagnostics.push({
      ...severity,
      code: 'TB402',
      file: series.file,
      line: lineOf(series, 'artifacts'),
      subject: { kind: 'evidence', id: series.id },
      message: `evidence series ${series.id} has no artifacts`,
      hint: 'Record what was collected as an entry under `artifacts:` (`collected`, `period`, and a `location` or `file`).',
    });
  }
  return diagnostics;
};
