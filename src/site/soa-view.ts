/**
 * What the auditor site shows of the Statement of Applicability: the statement's approval and review, its rows as
 * `trustbook export soa` writes them, and counts of the decisions. Undefined when the program has none.
 */
import { addMonths } from '../engine/dates.ts';
import type { CheckResult } from '../engine/index.ts';
import { soaRows, type SoaRow } from '../export/soa.ts';

export interface SoaView {
  id: string;
  title: string;
  version: string;
  owner: string;
  approvedBy: string;
  approved: string;
  /** When the next review is due: `approved` plus `review_months`. */
  reviewDue: string;
  /** Whether ISO/IEC 27001 is in scope: without it nothing checks the statement. */
  inScope: boolean;
  /** The program's ISMS scope statement, when ISO/IEC 27001 is in scope. */
  ismsScope: string | undefined;
  rows: SoaRow[];
  counts: { applicable: number; excluded: number; undecided: number };
}

export function soaView(result: CheckResult): SoaView | undefined {
  const soa = result.model.soa;
  if (!soa) return undefined;
  const rows = soaRows(result);
  const count = (applicable: SoaRow['applicable']) => rows.filter((row) => row.applicable === applicable).length;
  const iso = result.model.program?.data.frameworks?.iso27001;
  return {
    id: soa.id,
    title: soa.data.title,
    version: soa.data.version,
    owner: soa.data.owner,
    approvedBy: soa.data.approved_by,
    approved: soa.data.approved,
    reviewDue: addMonths(soa.data.approved, soa.data.review_months),
    inScope: iso !== undefined,
    ismsScope: iso?.isms_scope,
    rows,
    counts: { applicable: count('Yes'), excluded: count('No'), undecided: count('Not decided') },
  };
}
