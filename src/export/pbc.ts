/**
 * The PBC ("provided by client") request list: one row for every item the auditor will ask for, which for
 * periodic evidence means one row per period of the audit window, with its due date and whether it is in.
 * Every status comes from the check's own findings about that item: nothing is "provided" that the check
 * would fail.
 */
import type { CheckResult, Diagnostic } from '../engine/index.ts';
import { addDays } from '../engine/dates.ts';
import { collectionGraceDays } from '../engine/evidence-timeline.ts';
import { isBlocking } from '../engine/facts.ts';
import { periodUnitOf } from '../engine/periods.ts';
import { policyApproval } from '../engine/policy-approval.ts';
import { toCsv } from './csv.ts';
import { hasRequestList, requestListCsv } from './requests.ts';

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

/**
 * - `provided`: in, and the check has nothing against it;
 * - `missing`: due and not in; `late`: the control operated after its period (plus grace);
 * - `exception`: a deviation disclosed to the auditor; `not current`: in, but a finding stands against it
 *   (a policy past review, an altered file, an incomplete population);
 * - `not yet due`, `not required` (the control was not in operation then), `open` (no audit window).
 */
export type PbcStatus =
  | 'provided'
  | 'missing'
  | 'late'
  | 'exception'
  | 'not current'
  | 'not yet due'
  | 'not required'
  | 'open'
  | 'not approved';

export interface PbcRow {
  id: string;
  criterion: string;
  control: string;
  request: string;
  type: 'policy' | 'periodic' | 'annual' | 'population' | 'point-in-time';
  period: string;
  owner: string;
  due: string;
  status: PbcStatus;
  link: string;
}

export function pbcRows(result: CheckResult): PbcRow[] {
  const { model, facts } = result;
  const window = facts.auditWindow();
  const asOf = facts.asOf;
  const rows: Omit<PbcRow, 'id'>[] = [];
  const controls = [...model.controls]
    .filter((control) => control.data.status === 'implemented')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const control of controls) {
    const criterion = control.data.criteria.join('; ');
    for (const series of facts.evidenceOf(control.id)) {
      const base = { criterion, control: control.id, owner: series.data.owner };
      const link = (index: number | undefined) => {
        const artifact = index === undefined ? undefined : series.data.artifacts[index];
        return artifact?.location ?? (artifact?.file ? `evidence-index/${artifact.file}` : '');
      };
      const unit = periodUnitOf(series.data.frequency);
      const seriesFindings = facts.findingsAbout('evidence', series.id);
      // Findings about the series as a whole (a changed file, a date before its period) weigh on every row.
      const wholeSeries = seriesFindings.filter((d) => d.subject?.period === undefined && isBlocking(d));
      if (!window || !unit) {
        const latest = facts.latestArtifact(series);
        const due = window ? addDays(window.end, 30) : asOf;
        rows.push({
          ...base,
          request: `${series.data.title}: ${unit ? 'current evidence' : 'the population of events in the period, and the record of each'}`,
          type: unit ? 'point-in-time' : 'population',
          period: window ? `${window.start}..${window.end}` : asOf,
          due,
          status:
            wholeSeries.length > 0
              ? series.data.artifacts.length === 0 && series.data.population.length === 0
                ? 'missing'
                : 'not current'
              : series.data.artifacts.length > 0 || series.data.population.length > 0
                ? 'provided'
                : window && due > asOf
                  ? 'not yet due'
                  : 'open',
          link: latest ? link(series.data.artifacts.indexOf(latest)) : '',
        });
        continue;
      }
      for (const cell of facts.periods(series)) {
        const periodFindings = facts.findingsAboutPeriod(series.id, cell.period.label);
        rows.push({
          ...base,
          request: `${series.data.title}: ${unit === 'year' ? 'the occurrence in the audit window' : cell.period.label}`,
          type: unit === 'year' ? 'annual' : 'periodic',
          period: cell.period.label,
          due: addDays(cell.period.end, collectionGraceDays[unit]),
          // Staleness is about the next artifact, not about the periods already evidenced.
          status: periodStatus(
            cell.state,
            periodFindings,
            wholeSeries.filter((d) => d.code !== 'TB502'),
          ),
          link: link(cell.artifacts[0]),
        });
      }
    }
  }
  for (const policy of [...model.policies].sort((a, b) => a.id.localeCompare(b.id))) {
    // A draft has no evidence of approval to provide: the request stays open as "not approved" (TB214).
    const approval = policyApproval(policy);
    rows.push({
      criterion: policy.data.criteria.join('; '),
      control: '',
      request: `${policy.data.title}, version ${policy.data.version}, with evidence of approval`,
      type: 'policy',
      period: approval?.on ?? '',
      owner: policy.data.owner,
      due: window?.start ?? asOf,
      status: !approval
        ? 'not approved'
        : facts.findingsAbout('policy', policy.id).some(isBlocking)
          ? 'not current'
          : 'provided',
      link: `policies/${policy.id}`,
    });
  }
  return rows.map((row, index) => ({ id: `PBC-${String(index + 1).padStart(4, '0')}`, ...row }));
}

function periodStatus(state: string, periodFindings: Diagnostic[], wholeSeries: Diagnostic[]): PbcStatus {
  const has = (code: string) => periodFindings.some((d) => d.code === code);
  // The cell's state first: an exception written for a quarter or a date range covers each month inside it,
  // though its finding names the range, not the month.
  if (state === 'exception' || has('TB606')) return 'exception';
  if (state === 'missing' || has('TB601')) return 'missing';
  if (state === 'late' || has('TB605')) return 'late';
  if (state === 'not-required') return 'not required';
  if (state === 'not-yet-due') return 'not yet due';
  return wholeSeries.length > 0 ? 'not current' : 'provided';
}

/** The PBC file: the audit firm's own request list when the program has imported one, else the list above. */
export function pbcCsv(result: CheckResult): string {
  if (hasRequestList(result)) return requestListCsv(result);
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
