/**
 * What the mock audit concludes, item by item and control by control: the shapes of the workpaper's results,
 * apart from the workpaper itself so the inquiry and personnel tests can share them without importing it.
 */
import type { DiagnosticCode } from '../engine/index.ts';
import type { ControlStatus } from '../engine/facts.ts';
import type { ControlTest, ExceptionData, Frequency } from '../schema/index.ts';
import type { SampledSeries } from '../schema/samples.ts';

/**
 * What the dry run concludes about one sampled item, or about a control:
 * - `no exception`: evidenced, and the check has no finding against it;
 * - `exception disclosed`: management disclosed a deviation that covers it (TB606);
 * - `evidence missing`: the check reports its evidence missing, late, altered or gone (TB902, TB601, TB605,
 *   TB701, TB702…);
 * - `not tested`: the records do not let it be tested (control not in operation, no sample drawn, population
 *   changed after sampling, no Type II window).
 */
export type WorkpaperResult = 'no exception' | 'exception disclosed' | 'evidence missing' | 'not tested';

/** From the worst result to the best: a control takes the worst of its items. */
export const resultsWorstFirst: readonly WorkpaperResult[] = [
  'evidence missing',
  'exception disclosed',
  'not tested',
  'no exception',
];

/** A piece of evidence of a sampled item: a URL, or a file kept in the repository (`evidence-index/...`). */
export interface WorkpaperEvidence {
  kind: 'url' | 'file';
  /** The URL, or the file's path from the program root. */
  ref: string;
}

/** One sampled item: an event (per-event series) or a period (periodic series). */
export interface WorkpaperItem {
  /** The event id or period label, as the sample record names it. */
  item: string;
  evidence: WorkpaperEvidence[];
  result: WorkpaperResult;
  /** What the auditor would write beside the result: the exception, the missing record, why it is not tested. */
  note: string;
  /** The findings of the check the result rests on. */
  codes: DiagnosticCode[];
  /** The deviation management disclosed for the item, when one covers it. */
  exceptions: ExceptionData[];
}

/** One evidence series of a control, as tested. */
export interface WorkpaperSeries {
  id: string;
  title: string;
  frequency: Frequency;
  kind: SampledSeries['kind'];
  /** What is sampled from: its size, and in words where it comes from. */
  population: { size: number; description: string };
  /** The sample recorded for the window, when one was drawn for this series. */
  sample?: { size: number; of: number };
  items: WorkpaperItem[];
  /** Set when no item of the series was tested at all: why. */
  notTested?: string;
  /** Blocking findings about the series as a whole, which an auditor would also ask about. */
  findings: { code: DiagnosticCode; message: string }[];
}

/** One control, as tested. */
export interface WorkpaperControl {
  id: string;
  title: string;
  criteria: string[];
  /** The test it gets: its `test`, else inspection (re-performance for automated controls). */
  test: ControlTest;
  /** Whether it operates, as the check sees it on the evaluation date. */
  operation: ControlStatus;
  /** The worst result of its items; `not tested` when no item was tested at all. */
  result: WorkpaperResult;
  /** For a control not tested, or only partly tested: why, in a few words. */
  notTested?: string;
  series: WorkpaperSeries[];
  /** Every deviation management disclosed for the control's series in the window, sampled or not. */
  deviations: WorkpaperDeviation[];
  /** Type II: its deviations over the window weighed against its sample (docs/sampling.md). */
  effectiveness?: { occurrences: number; deviations: number; tolerable: number; effective: boolean; neverRan: boolean };
}

/** A deviation management disclosed: the auditor evaluates each one, whether or not the sample reached it. */
export interface WorkpaperDeviation {
  series: string;
  /** The event (`sample:`) or the period the exception concerns. */
  item: string;
  exception: ExceptionData;
  /** Whether a sampled item of the series is the one the exception concerns. */
  sampled: boolean;
}

/** What an auditor would likely note about one criterion in scope. */
/** One thing an auditor would note about a criterion: "exception noted" and the controls it concerns. */
export interface CriterionNote {
  result: WorkpaperResult | 'excluded' | 'not met';
  /** `not met` (or `… for part of the period`), `no exception noted`, `exception noted`, `deviation`, `not tested` or `excluded`. */
  heading: string;
  /** The controls concerned and what about them, or the reason for an exclusion; empty for no exception. */
  detail: string;
}

/** What an auditor would likely note about one criterion in scope. */
export interface WorkpaperCriterion {
  id: string;
  label: string;
  /** Controls in operation that address it. */
  controls: string[];
  /**
   * The worst of their results; `not met` when, judged on every day of the Type II window, no control was in
   * operation and effective on some of them; `excluded` when the program excludes the criterion.
   */
  result: WorkpaperResult | 'excluded' | 'not met';
  /** What would be noted, worst first. */
  notes: CriterionNote[];
  /** The notes in one line: "exception noted: AC-02, disclosed with management's response", … */
  conclusion: string;
}

export interface WorkpaperCounts {
  controls: number;
  controlsTested: number;
  /** Items tested: sampled items with a result other than `not tested`. */
  itemsTested: number;
  noException: number;
  exceptions: number;
  missing: number;
  /** Sampled items not tested. */
  itemsNotTested: number;
  controlsNotTested: number;
}

/** The worst of some results; `not tested` when there are none. */
export function worstResult(results: readonly WorkpaperResult[]): WorkpaperResult {
  return resultsWorstFirst.find((result) => results.includes(result)) ?? 'not tested';
}
