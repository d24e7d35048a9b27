/**
 * The PBC ("provided by client") request list: one row for every item the auditor will ask for, which for
 * periodic evidence means one row per period of the audit window, with its due date and whether it is in.
 */
import type { CheckResult } from '../engine/index.ts';
import { addDays } from '../engine/dates.ts';
import { periodUnitOf } from '../engine/periods.ts';
import { auditWindow, collectionGraceDays, evidenceTimeline } from '../engine/rules/type2.ts';
import { toCsv } from './csv.ts';

export const pbcHeader = [
  'request id',
  'criterion',
  'control',
  'request',
  'type',
  'period',
  'owner',
  'due date',
  'status',
  'evidence link',
] as const;

export interface PbcRow {
  id: string;
  criterion: string;
  control: string;
  request: string;
  type: 'policy' | 'periodic' | 'annual' | 'population' | 'point-in-time';
  period: string;
  owner: string;
  due: string;
  status: 'provided' | 'missing' | 'not yet due' | 'open';
  link: string;
}

export function pbcRows(result: CheckResult): PbcRow[] {
  const { model, summary } = result;
  const window = auditWindow(model);
  const asOf = summary.asOf;
  const rows: Omit<PbcRow, 'id'>[] = [];
  const controls = [...model.controls]
    .filter((control) => control.data.status === 'implemented')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const control of controls) {
    const criterion = control.data.criteria.join('; ');
    for (const series of model.evidence.filter((s) => s.data.controls.includes(control.id))) {
      const base = { criterion, control: control.id, owner: series.data.owner };
      const link = (index: number | undefined) => {
        const artifact = index === undefined ? undefined : series.data.artifacts[index];
        return artifact?.location ?? (artifact?.file ? `evidence-index/${artifact.file}` : '');
      };
      const unit = periodUnitOf(series.data.frequency);
      if (!window || !unit) {
        const latest = [...series.data.artifacts].sort((a, b) => b.collected.localeCompare(a.collected))[0];
        rows.push({
          ...base,
          request: `${series.data.title}: ${unit ? 'current evidence' : 'the population of events in the period, and the record of each'}`,
          type: unit ? 'point-in-time' : 'population',
          period: window ? `${window.start}..${window.end}` : asOf,
          due: window ? addDays(window.end, 30) : asOf,
          status: series.data.artifacts.length > 0 ? 'provided' : 'open',
          link: latest ? link(series.data.artifacts.indexOf(latest)) : '',
        });
        continue;
      }
      for (const cell of evidenceTimeline(series.data, window, asOf)) {
        rows.push({
          ...base,
          request: `${series.data.title}: ${unit === 'year' ? 'the occurrence in the audit window' : cell.period.label}`,
          type: unit === 'year' ? 'annual' : 'periodic',
          period: cell.period.label,
          due: addDays(cell.period.end, collectionGraceDays[unit]),
          status: cell.state === 'present' ? 'provided' : cell.state === 'missing' ? 'missing' : 'not yet due',
          link: link(cell.artifacts[0]),
        });
      }
    }
  }
  for (const policy of [...model.policies].sort((a, b) => a.id.localeCompare(b.id))) {
    rows.push({
      criterion: policy.data.criteria.join('; '),
      control: '',
      request: `${policy.data.title}, version ${policy.data.version}, with evidence of approval`,
      type: 'policy',
      period: policy.data.approved,
      owner: policy.data.owner,
      due: window?.start ?? asOf,
      status: 'provided',
      link: `policies/${policy.id}`,
    });
  }
  return rows.map((row, index) => ({ id: `PBC-${String(index + 1).padStart(4, '0')}`, ...row }));
}

export function pbcCsv(result: CheckResult): string {
  return toCsv(
    pbcHeader,
    pbcRows(result).map((r) => [
      r.id,
      r.criterion,
      r.control,
      r.request,
      r.type,
      r.period,
      r.owner,
      r.due,
      r.status,
      r.link,
    ]),
  );
}
