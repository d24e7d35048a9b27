/**
 * Tie-out of a drawn sample: each sampled event has its evidence (an artifact naming it with `sample:`, or a
 * disclosed exception naming it), no artifact claims an event the population does not list, and the
 * population is still the one sampled. Samples of earlier windows are history and are not tied out.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { auditWindow } from '../evidence-timeline.ts';
import { lineOf } from '../model.ts';
import { listedEvents, populationHash, populationOf } from '../sampling.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const samplesRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  const seriesById = new Map(model.evidence.map((series) => [series.id, series]));
  for (const record of model.samples) {
    const { data } = record;
    if (data.window.start !== window.start || data.window.end !== window.end) continue;
    data.samples.forEach((sampled, index) => {
      const series = seriesById.get(sampled.series);
      const at = (...path: PropertyKey[]) => lineOf(record, 'samples', index, ...path);
      if (!series) {
        if (model.knownIds.evidence.has(sampled.series)) return; // it failed its schema: reported already
        diagnostics.push({
          severity: 'error',
          code: 'TB904',
          file: record.file,
          line: at('series'),
          subject: { kind: 'evidence', id: sampled.series },
          message: `the sample names evidence series ${sampled.series}, which does not exist`,
          hint: 'Draw the sample again (`trustbook sample --redraw`), or restore the series.',
        });
        return;
      }
      const subject = { kind: 'evidence' as const, id: series.id };
      const population = populationOf(model, series, window, context.asOf);
      if (populationHash(population.items) !== sampled.population.sha256) {
        diagnostics.push({
          severity: 'error',
          code: 'TB901',
          file: record.file,
          line: at('population'),
          subject,
          message: `the population of ${series.id} changed after the sample was drawn (${sampled.population.size} items then, ${population.items.length} now)`,
          hint: 'A sample speaks for the population it was drawn from. If the population was incomplete, say so to the auditor and draw again (`trustbook sample --control ID`); never edit a population after sampling.',
        });
      }
      if (sampled.kind !== 'events') return; // a sampled period is evidenced by its artifact (Type II rule)
      const evidenced = new Set(series.data.artifacts.flatMap((artifact) => artifact.sample ?? []));
      const excepted = new Set(series.data.exceptions.flatMap((exception) => exception.sample ?? []));
      sampled.items.forEach((item) => {
        if (evidenced.has(item) || excepted.has(item)) return;
        diagnostics.push({
          ...evidenceSeverity(context),
          code: 'TB902',
          file: series.file,
          line: lineOf(series, 'artifacts'),
          subject: { ...subject, period: item },
          message: `sampled item ${item} of ${series.id} has no evidence`,
          hint: `Record the evidence of ${item} under \`artifacts:\` with \`sample: ${item}\`; if the control failed for it, disclose it under \`exceptions:\` with \`sample: ${item}\`.`,
        });
      });
    });
  }
  // Artifacts that claim a sampled event the population does not list.
  for (const series of model.evidence) {
    if (series.data.frequency !== 'per-event') continue;
    const listed = listedEvents(model, series, window, context.asOf);
    if (!listed) continue;
    series.data.artifacts.forEach((artifact, index) => {
      if (artifact.sample === undefined || listed.has(artifact.sample)) return;
      diagnostics.push({
        severity: 'error',
        code: 'TB903',
        file: series.file,
        line: lineOf(series, 'artifacts', index, 'sample'),
        subject: { kind: 'evidence', id: series.id },
        message: `artifact names sample ${artifact.sample}, which the population of ${series.id} does not list`,
        hint: 'Name the event by its id in the population export (its first column), or correct the population.',
      });
    });
  }
  return diagnostics;
};
