/**
 * A control tested by inquiry alone: asking the people who run a control is where testing starts, never
 * where it ends, because inquiry alone is not sufficient evidence that a control operated effectively. The
 * mock audit therefore never concludes "no exception" for such a control: each item that would have passed is
 * left not tested, with the further test it needs.
 */
import type { WorkpaperControl, WorkpaperItem, WorkpaperResult } from './workpaper-results.ts';

/** What the workpaper says instead of "no exception" for an item tested by inquiry alone. */
export const INQUIRY_ALONE =
  'inquiry alone does not evidence operating effectiveness: corroborate it by inspecting the evidence of the item, or by observing or re-performing the control, and record that test as the control’s `test`';

/** The control as tested, with inquiry alone taken for what it is; other controls unchanged. */
export function withInquiryCorroborated(
  control: WorkpaperControl,
  worstResult: (results: readonly WorkpaperResult[]) => WorkpaperResult,
): WorkpaperControl {
  if (control.test !== 'inquiry' || control.result === 'not tested') return control;
  const corroborate = (item: WorkpaperItem): WorkpaperItem =>
    item.result === 'no exception' ? { ...item, result: 'not tested', note: INQUIRY_ALONE } : item;
  const series = control.series.map((entry) => ({ ...entry, items: entry.items.map(corroborate) }));
  const results = series.flatMap((entry) => entry.items.map((item) => item.result));
  const tested = results.some((result) => result !== 'not tested');
  return {
    ...control,
    series,
    result: tested ? worstResult(results) : 'not tested',
    notTested: control.notTested === undefined ? INQUIRY_ALONE : `${control.notTested}; ${INQUIRY_ALONE}`,
  };
}
