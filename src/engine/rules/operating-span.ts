/**
 * A control's `implemented` and `retired` dates decide which periods of the window its evidence must cover;
 * periods outside them are not required. An artifact that shows the control running before `implemented`
 * or after `retired` contradicts them: either the date is wrong, or the control ran then, and the periods
 * from its first run are required (their gaps are deviations). Either way the dates cannot stand as written.
 */
import type { ArtifactData, ControlData, EvidenceData } from '../../schema/index.ts';
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { artifactPeriod, collectionGraceDays, implementedControlsOf, performedOn } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document } from '../model.ts';
import { periodUnitOf, type PeriodUnit } from '../periods.ts';
import type { Rule } from './context.ts';

export const operatingSpanRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    const controls = implementedControlsOf(model, series);
    if (controls.length === 0) continue;
    const unit = periodUnitOf(series.data.frequency);
    const from = earliest(controls.map((control) => control.data.implemented));
    const to = latest(controls.map((control) => control.data.retired));
    if (from !== undefined && to !== undefined && from > to) continue; // TB808: the dates contradict each other
    const before: number[] = [];
    const after: number[] = [];
    series.data.artifacts.forEach((artifact, index) => {
      if (from !== undefined && performedOn(artifact) < from) before.push(index);
      else if (to !== undefined && ranAfter(artifact, to, unit)) after.push(index);
    });
    if (before.length > 0) diagnostics.push(outsideOperation(series, controls, before, 'implemented', from!));
    if (after.length > 0) diagnostics.push(outsideOperation(series, controls, after, 'retired', to!));
  }
  return diagnostics;
};

/** Undefined when any control has no such date: the series' controls together are then unbounded. */
function earliest(dates: (string | undefined)[]): string | undefined {
  return dates.includes(undefined) ? undefined : (dates as string[]).sort().at(0);
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates.includes(undefined) ? undefined : (dates as string[]).sort().at(-1);
}

/**
 * After retirement: performed later than the grace days of the series' unit allow for the last occurrence,
 * or claiming a period that starts after the control was retired.
 */
function ranAfter(artifact: ArtifactData, retired: string, unit: PeriodUnit | undefined): boolean {
  const grace = unit ? collectionGraceDays[unit] : 0;
  if (performedOn(artifact) > addDays(retired, grace)) return true;
  if (!unit || performedOn(artifact) <= retired) return false;
  const claimed = artifactPeriod(artifact, unit);
  return claimed !== undefined && claimed.start > retired;
}

function outsideOperation(
  series: Document<EvidenceData>,
  controls: Document<ControlData>[],
  indexes: number[],
  field: 'implemented' | 'retired',
  date: string,
): Diagnostic {
  const first = indexes[0]!;
  const artifact = series.data.artifacts[first]!;
  const named = controls
    .filter((control) => control.data[field] === date)
    .map((control) => control.id)
    .join(', ');
  const days = indexes.map((index) => performedOn(series.data.artifacts[index]!));
  const shown = days.length > 4 ? `${days.slice(0, 4).join(', ')} and ${days.length - 4} more` : days.join(', ');
  const what = indexes.length === 1 ? 'an artifact' : `${indexes.length} artifacts`;
  const where = {
    file: series.file,
    line: lineOf(series, 'artifacts', first, artifact.performed ? 'performed' : 'collected'),
    subject: { kind: 'evidence' as const, id: series.id, artifact: first },
  };
  return finding('TB621', where, series.id, what, named, field, date, shown);
}
