/**
 * A sample record is a claim the check can test: drawn again from its seed and today's population by the
 * documented method, each entry must hold the same items and the same sizes. A hand-edited record (an
 * awkward item swapped for an easy one, a size cut down) is caught here; a population that changed since
 * the draw is TB901's (samples.ts), and is not reported twice.
 */
import type { SampledSeries, SamplesData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { auditWindow, implementedControlsOf, type AuditWindow } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type ProgramModel, type YamlFile } from '../model.ts';
import { periodUnitOf } from '../periods.ts';
import { drawSeries, isDocumentedMethod, samplingFrequency } from '../sampling.ts';
import type { Rule } from './context.ts';

const sampling = { kind: 'program' as const, id: 'sampling' };
const evidence = (id: string) => ({ kind: 'evidence' as const, id });

export const sampleRecordsRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  const seriesById = new Map(model.evidence.map((series) => [series.id, series]));
  for (const record of model.samples) {
    const { data } = record;
    if (data.window.start !== window.start || data.window.end !== window.end) continue; // history
    if (data.seed === undefined || !isDocumentedMethod(data.method)) {
      const where = {
        file: record.file,
        line: data.seed === undefined ? 1 : lineOf(record, 'method'),
        subject: sampling,
      };
      diagnostics.push(finding('TB906', where, data.seed === undefined, data.method));
      continue;
    }
    const seed = data.seed;
    diagnostics.push(...leftOut(model, record, window, context.asOf, seed));
    data.samples.forEach((sampled, index) => {
      const series = seriesById.get(sampled.series);
      if (!series) return; // TB904
      const expected = drawSeries(model, series, window, context.asOf, seed);
      if (expected.population.sha256 !== sampled.population.sha256) return; // TB901: the population changed
      const difference = describeDifference(sampled, expected);
      if (!difference) return;
      const where = {
        file: record.file,
        line: lineOf(record, 'samples', index, difference.field),
        subject: evidence(series.id),
      };
      diagnostics.push(finding('TB905', where, series.id, seed, { difference: difference.text }));
    });
  }
  return diagnostics;
};

/**
 * Periodic series the draw includes that the record leaves out: a sample with its awkward series deleted is as
 * edited as one with an item swapped. (Per-event series are left out by `trustbook sample` when their
 * population has a finding, which that finding reports; periodic populations are the calendar's.)
 */
function leftOut(
  model: ProgramModel,
  record: YamlFile<SamplesData>,
  window: AuditWindow,
  asOf: string,
  seed: number,
): Diagnostic[] {
  const recorded = new Set(record.data.samples.map((entry) => entry.series));
  return model.evidence.flatMap((series): Diagnostic[] => {
    if (recorded.has(series.id) || periodUnitOf(samplingFrequency(model, series)) === undefined) return [];
    const controls = implementedControlsOf(model, series);
    if (controls.length === 0) return [];
    const expected = drawSeries(model, series, window, asOf, seed);
    if (expected.size === 0) return [];
    const where = { file: record.file, line: lineOf(record, 'samples'), subject: evidence(series.id) };
    const ids = controls.map((control) => control.id);
    return [
      finding('TB905', where, series.id, seed, {
        controls: ids,
        size: expected.size,
        population: expected.population.size,
      }),
    ];
  });
}

function describeDifference(
  recorded: SampledSeries,
  expected: SampledSeries,
): { field: 'population' | 'kind' | 'size' | 'items'; text: string } | undefined {
  if (recorded.population.size !== expected.population.size) {
    return {
      field: 'population',
      text: `it records a population of ${recorded.population.size} items, which has ${expected.population.size}`,
    };
  }
  if (recorded.kind !== expected.kind) {
    return { field: 'kind', text: `it records ${recorded.kind}, the series is sampled by ${expected.kind}` };
  }
  if (recorded.size !== expected.size || recorded.items.length !== expected.size) {
    const count = recorded.size !== expected.size ? recorded.size : recorded.items.length;
    return {
      field: recorded.size !== expected.size ? 'size' : 'items',
      text: `it tests ${count} of ${expected.population.size} items where the sample size is ${expected.size}`,
    };
  }
  const missing = expected.items.filter((item) => !recorded.items.includes(item));
  const extra = recorded.items.filter((item) => !expected.items.includes(item));
  if (missing.length === 0 && extra.length === 0) {
    if (recorded.items.every((item, position) => item === expected.items[position])) return undefined;
    return { field: 'items', text: 'its items are out of population order' };
  }
  return {
    field: 'items',
    text: `it lists ${list(extra)} where the draw selects ${list(missing)}`,
  };
}

function list(items: readonly string[]): string {
  if (items.length === 0) return 'nothing';
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}
