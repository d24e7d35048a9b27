/**
 * `acknowledgements.csv`: every person's status for every policy that applies to them, by cohort of the audit
 * window (current staff, new hires, leavers), as the auditor site lists it.
 */
import type { CheckResult } from '../engine/index.ts';
import { toCsv } from './csv.ts';

export const acknowledgementsHeader = [
  'cohort',
  'person',
  'name',
  'role',
  'policy',
  'current version',
  'version acknowledged',
  'acknowledged on',
  'status',
  'due',
  'exception disclosed',
] as const;

export function acknowledgementsCsv(result: CheckResult): string {
  const { facts } = result;
  const rows = facts
    .acknowledgements()
    .map((row) => ({ row, cohort: facts.cohortOf(row.person) }))
    .filter(({ cohort }) => cohort !== 'former')
    .map(({ row, cohort }) => {
      const { status } = row;
      return [
        cohort,
        row.person.id,
        row.person.name ?? '',
        row.person.role,
        row.policy.id,
        row.policy.data.version,
        status.state === 'acknowledged' ? status.version : '',
        status.state === 'acknowledged' ? status.date : '',
        status.state,
        status.state === 'overdue' || status.state === 'due' ? status.due : '',
        row.disclosed ? 'yes' : '',
      ];
    });
  return toCsv(acknowledgementsHeader, rows);
}
