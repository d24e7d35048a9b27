/**
 * Stretches of calendar days, inclusive at both ends: what the window checks add up (a control in operation
 * from `implemented` to `retired`) and take away (the days no control covered). Pure date arithmetic, so
 * a thousand-year window costs as little as a month.
 */
import { addDays, toDayNumber } from './dates.ts';

export interface DateSpan {
  start: string;
  end: string;
}

/** The part of `span` inside `within`, or undefined when they do not meet. */
export function clip(span: DateSpan, within: DateSpan): DateSpan | undefined {
  const start = span.start > within.start ? span.start : within.start;
  const end = span.end < within.end ? span.end : within.end;
  return start <= end ? { start, end } : undefined;
}

/** The spans merged into the fewest stretches, in order: overlapping and touching spans become one. */
export function union(spans: readonly DateSpan[]): DateSpan[] {
  const sorted = [...spans].sort((a, b) => toDayNumber(a.start) - toDayNumber(b.start));
  const merged: DateSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= addDays(last.end, 1)) {
      if (span.end > last.end) last.end = span.end;
    } else merged.push({ ...span });
  }
  return merged;
}

/** The stretches of `whole` that none of `covered` reaches, in order. */
export function uncovered(whole: DateSpan, covered: readonly DateSpan[]): DateSpan[] {
  const gaps: DateSpan[] = [];
  let next = whole.start;
  for (const span of union(covered)) {
    if (span.end < next) continue;
    if (span.start > whole.end) break;
    if (span.start > next) gaps.push({ start: next, end: addDays(span.start, -1) });
    if (span.end >= whole.end) return gaps;
    next = addDays(span.end, 1);
  }
  if (next <= whole.end) gaps.push({ start: next, end: whole.end });
  return gaps;
}

/** "from 2026-01-01 to 2026-03-31", or "on 2026-01-01" for a single day. */
export function describeSpan(span: DateSpan): string {
  return span.start === span.end ? `on ${span.start}` : `from ${span.start} to ${span.end}`;
}
