/**
 * The control matrix: one row per control, the table auditors start their testing from. `operating` is the
 * control's status from the check's findings (operating, exception, failing, not in operation); for a Type II
 * window, `in operation` gives the days of the window it was in operation and `operated effectively` weighs
 * its deviations against its sample (docs/sampling.md).
 */
import { operatingSpan } from '../engine/coverage.ts';
import type { Effectiveness } from '../engine/effectiveness.ts';
import type { CheckResult } from '../engine/index.ts';
import { plural } from '../engine/rules/context.ts';
import type { Document } from '../engine/model.ts';
import { isApproved } from '../engine/policy-approval.ts';
import { describeSpan } from '../engine/spans.ts';
import type { ControlData } from '../schema/index.ts';
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
  'in operation',
  'operated effectively',
] as const;

export function controlMatrixRows(result: CheckResult): string[][] {
  const { model, facts } = result;
  // A policy nobody has approved yet is named as such: a control cannot rest on a draft (TB214).
  const drafts = new Set(model.policies.filter((policy) => !isApproved(policy)).map((policy) => policy.id));
  return [...model.controls]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((control) => {
      const series = facts.evidenceOf(control.id);
      const latest =
        series
          .flatMap((s) => facts.latestArtifact(s)?.collected ?? [])
          .sort()
          .at(-1) ?? '';
      return [
        control.id,
        control.data.title,
        control.data.criteria.join('; '),
        control.data.owner,
        control.data.frequency,
        control.data.status,
        facts.controlStatus(control),
        control.data.policies.map((id) => (drafts.has(id) ? `${id} (not approved)` : id)).join('; '),
        series.map((s) => s.id).join('; '),
        latest,
        ...windowColumns(result, control),
      ];
    });
}

/** The days of the judged window the control was in operation, and whether it operated effectively over them. */
function windowColumns(result: CheckResult, control: Document<ControlData>): [string, string] {
  const judged = result.facts.judgedWindow();
  const span = judged ? operatingSpan(control, judged) : undefined;
  if (!judged || !span) return ['', ''];
  // A judged window is a Type II audit's window, and effectiveness is worked out for every such window.
  const effectiveness = result.facts.effectiveness(control)!;
  return [describeSpan(span), verdictOf(effectiveness)];
}

/** Whether a control operated effectively over the window, as the matrix's last column says it. */
function verdictOf(effectiveness: Effectiveness): string {
  if (effectiveness.neverRan.length > 0) return `no: never ran (${effectiveness.neverRan.map((s) => s.id).join(', ')})`;
  if (!effectiveness.effective)
    return `no: ${effectiveness.deviations} of ${effectiveness.occurrences} occurrences deviated, ${effectiveness.tolerable} tolerated`;
  return effectiveness.deviations > 0 ? `yes, ${plural(effectiveness.deviations, 'deviation')} tolerated` : 'yes';
}

export function controlMatrixCsv(result: CheckResult): string {
  return toCsv(controlMatrixHeader, controlMatrixRows(result));
}
