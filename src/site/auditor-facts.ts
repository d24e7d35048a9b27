/** Facts the auditor pages share: findings per file, evidence of a control, and the audit window. */
import type { CheckResult, Diagnostic } from '../engine/index.ts';
import { auditWindow, evidenceTimeline } from '../engine/rules/type2.ts';

export function findingsByFile(result: CheckResult): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const diagnostic of result.diagnostics)
    map.set(diagnostic.file, [...(map.get(diagnostic.file) ?? []), diagnostic]);
  return map;
}

export function evidenceOf(result: CheckResult, controlId: string) {
  return result.model.evidence.filter((series) => series.data.controls.includes(controlId));
}

/** The timeline of a series in the audit window, or none for a Type I audit. */
export function timelineOf(result: CheckResult, series: { data: Parameters<typeof evidenceTimeline>[0] }) {
  const window = auditWindow(result.model);
  return window ? evidenceTimeline(series.data, window, result.summary.asOf) : [];
}

export function latestArtifact(series: { data: { artifacts: { collected: string }[] } }): string | undefined {
  return series.data.artifacts
    .map((artifact) => artifact.collected)
    .sort()
    .at(-1);
}
