/**
 * The control matrix: one row per control, the table auditors start their testing from. `operating` is the
 * control's status from the check's findings (operating, exception, failing, not in operation).
 */
import type { CheckResult } from '../engine/index.ts';
import { toCsv } from './csv.ts';

export const controlMatrixHeader = [
  'control',
  'title',
  'criteria',
  'owner',
  'frequency',
  'status',
  'operating',
  'policies',
  'evidence',
  'latest artifact',
] as const;

export function controlMatrixRows(result: CheckResult): string[][] {
  const { model } = result;
  return [...model.controls]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((control) => {
      const series = model.evidence.filter((s) => s.data.controls.includes(control.id));
      const latest =
        series
          .flatMap((s) => s.data.artifacts.map((a) => a.collected))
          .sort()
          .at(-1) ?? '';
      return [
        control.id,
        control.data.title,
        control.data.criteria.join('; '),
        control.data.owner,
        control.data.frequency,
        control.data.status,
        result.facts.controlStatus(control),
        control.data.policies.join('; '),
        series.map((s) => s.id).join('; '),
        latest,
      ];
    });
}

export function controlMatrixCsv(result: CheckResult): string {
  return toCsv(controlMatrixHeader, controlMatrixRows(result));
}
