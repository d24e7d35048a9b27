/**
 * Tie-out of a drawn sample: each sampled event has its evidence (an artifact naming it with `sample:`, or a
 * disclosed exception naming it), no artifact claims an event the population does not list, and the
 * population is still the one sampled. Samples of earlier windows are history and are not tied out.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { auditWindow } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
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
        const subject = { kind: 'evidence' as const, id: sampled.series };
        diagnostics.push(finding('TB904', { file: record.file, line: at('series'), subject }, sampled.series));
        return;
      }
      const subject = { kind: 'evidence' as const, id: series.id };
      const population = populationOf(model, series, window, context.asOf);
      if (populationHash(population.items) !== sampled.population.sha256) {
        const where = { file: record.file, line: at('population'), subject };
        diagnostics.push(finding('TB901', where, series.id, sampled.population.size, population.items.length));
      }
      if (sampled.kind !== 'events') return; // a sampled period is evidenced by its artifact (Type II rule)
      const evidenced = new Set(series.data.artifacts.flatMap((artifact) => artifact.sample ?? []));
      const excepted = new Set(series.data.exceptions.flatMap((exception) => exception.sample ?? []));
      sampled.items.forEach((item) => {
        if (evidenced.has(item) || excepted.has(item)) return;
        const where = {
          ...evidenceSeverity(context),
          file: series.file,
          line: lineOf(series, 'artifacts'),
          subject: { ...subject, period: item },
        };
        diagnostics.push(finding('TB902', where, item, series.id));
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
      const where = {
        file: series.file,
        line: lineOf(series, 'artifacts', index, 'sample'),
        subject: { kind: 'evidence' as const, id: series.id },
      };
      diagnostics.push(finding('TB903', where, artifact.sample, series.id));
    });
  }
  return diagnostics;
};
