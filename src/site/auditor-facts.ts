/** Facts the auditor pages share: findings per file, evidence of a control, and the audit window. */
import type { CheckResult, Diagnostic } from '../engine/index.ts';
import { auditWindow, seriesTimeline } from '../engine/evidence-timeline.ts';

const findingsCache = new WeakMap<CheckResult, Map<string, Diagnostic[]>>();

/** The findings of each file, worked out once per check result. */
export function findingsByFile(result: CheckResult): Map<string, Diagnostic[]> {
  let map = findingsCache.get(result);
  if (map) return map;
  map = new Map<string, Diagnostic[]>();
  for (const diagnostic of result.diagnostics)
    map.set(diagnostic.file, [...(map.get(diagnostic.file) ?? []), diagnostic]);
  findingsCache.set(result, map);
  return map;
}

const evidenceCache = new WeakMap<CheckResult, Map<string, CheckResult['model']['evidence']>>();

/** The evidence series that name a control. */
export function evidenceOf(result: CheckResult, controlId: string): CheckResult['model']['evidence'] {
  let byControl = evidenceCache.get(result);
  if (!byControl) {
    byControl = new Map();
    for (const series of result.model.evidence) {
      for (const id of series.data.controls) byControl.set(id, [...(byControl.get(id) ?? []), series]);
    }
    evidenceCache.set(result, byControl);
  }
  return byControl.get(controlId) ?? [];
}

/** The timeline of a series in the audit window, or none for a Type I audit. */
export function timelineOf(result: CheckResult, series: Parameters<typeof seriesTimeline>[1]) {
  const window = auditWindow(result.model);
  return window ? seriesTimeline(result.model, series, window, result.summary.asOf) : [];
}

export function latestArtifact(series: { data: { artifacts: { collected: string }[] } }): string | undefined {
  return series.data.artifacts
    .map((artifact) => artifact.collected)
    .sort()
    .at(-1);
}
