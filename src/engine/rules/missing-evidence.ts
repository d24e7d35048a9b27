/** Missing evidence: an implemented control with no evidence series, and a series with no artifact. */
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf, unvalidatedStrings } from '../model.ts';
import type { Rule } from './context.ts';

export const missingEvidenceRule: Rule = (model, context) => {
  const severity = context.readiness ? 'warning' : 'error';
  const proven = new Set([
    ...model.evidence.flatMap((series) => series.data.controls),
    ...unvalidatedStrings(model, 'evidence', 'controls'),
  ]);
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    if (control.data.status !== 'implemented' || proven.has(control.id)) continue;
    diagnostics.push({
      severity,
      code: 'TB401',
      file: control.file,
      line: lineOf(control, 'id'),
      message: `implemented control ${control.id} has no evidence series`,
      hint: `Create evidence-index/EV-${control.id}.mdx with \`controls: [${control.id}]\` (\`trustbook new evidence EV-${control.id}\`), or set \`status: planned\` if it is not operating yet.`,
    });
  }
  for (const series of model.evidence) {
    if (series.data.artifacts.length > 0) continue;
    diagnostics.push({
      severity,
      code: 'TB402',
      file: series.file,
      line: lineOf(series, 'artifacts'),
      message: `evidence series ${series.id} has no artifacts`,
      hint: 'Record what was collected as an entry under `artifacts:` (`collected`, `period`, and a `location` or `file`).',
    });
  }
  return diagnostics;
};
