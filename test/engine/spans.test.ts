/**
 * Stretches of days, inclusive at both ends: clipped to a window, merged, and the days none of them covers. Each
 * boundary is held on the day it moves: spans that share a day, that touch (one ends the day before the next
 * begins) and that leave a one-day gap; spans on the window's first and last day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/engine/dates.ts';
import { clip, describeSpan, uncovered, union, type DateSpan } from '../../src/engine/spans.ts';

const span = (start: string, end: string): DateSpan => ({ start, end });

/** The days of a span, one by one. */
const daysOf = ({ start, end }: DateSpan): string[] =>
  Array.from({ length: daysBetween(start, end) + 1 }, (_, offset) => addDays(start, offset));

const covers = (spans: readonly DateSpan[], day: string) => spans.some((s) => s.start <= day && day <= s.end);

/** A span of 1 to 20 days starting up to 60 days after 2028-02-10 (so some cross the leap day 2028-02-29). */
const arbitrarySpan = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 19 }))
  .map(([offset, length]) => span(addDays('2028-02-10', offset), addDays('2028-02-10', offset + length)));

/** A window of 1 to 40 days inside the same stretch of dates. */
const arbitraryWindow = fc
  .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 39 }))
  .map(([offset, length]) => span(addDays('2028-02-10', offset), addDays('2028-02-10', offset + length)));

describe('clip', () => {
  const window = span('2026-01-01', '2026-03-31');

  it('keeps a span inside the window as it is', () => {
    expect(clip(span('2026-02-01', '2026-02-10'), window)).toEqual(span('2026-02-01', '2026-02-10'));
  });

  it("cuts a span to the window's first and last day", () => {
    expect(clip(span('2025-12-01', '2026-01-15'), window)).toEqual(span('2026-01-01', '2026-01-15'));
    expect(clip(span('2026-03-15', '2026-05-01'), window)).toEqual(span('2026-03-15', '2026-03-31'));
    expect(clip(span('2025-01-01', '2027-01-01'), window)).toEqual(window);
  });

  it("keeps the one day a span shares with the window's edge, and nothing of a span that ends the day before", () => {
    expect(clip(span('2025-12-01', '2026-01-01'), window)).toEqual(span('2026-01-01', '2026-01-01'));
    expect(clip(span('2026-03-31', '2026-04-30'), window)).toEqual(span('2026-03-31', '2026-03-31'));
    expect(clip(span('2025-12-01', '2025-12-31'), window)).toBeUndefined();
    expect(clip(span('2026-04-01', '2026-04-30'), window)).toBeUndefined();
  });

  it('keeps exactly the days of the span that are in the window, for any span and window', () => {
    fc.assert(
      fc.property(arbitrarySpan, arbitraryWindow, (s, within) => {
        const clipped = clip(s, within);
        const expected = daysOf(s).filter((day) => within.start <= day && day <= within.end);
        expect(clipped ? daysOf(clipped) : []).toEqual(expected);
      }),
    );
  });
});

describe('union', () => {
  it('merges spans that overlap or touch, and keeps a one-day gap apart', () => {
    expect(union([span('2026-01-01', '2026-01-31'), span('2026-02-01', '2026-02-28')])).toEqual([
      span('2026-01-01', '2026-02-28'),
    ]);
    expect(union([span('2026-01-01', '2026-01-31'), span('2026-02-02', '2026-02-28')])).toEqual([
      span('2026-01-01', '2026-01-31'),
      span('2026-02-02', '2026-02-28'),
    ]);
    expect(union([span('2026-01-01', '2026-01-31'), span('2026-01-31', '2026-02-28')])).toEqual([
      span('2026-01-01', '2026-02-28'),
    ]);
  });

  it('puts spans in order of their first day, whatever order they come in', () => {
    expect(
      union([span('2026-05-01', '2026-05-31'), span('2026-01-01', '2026-01-31'), span('2026-03-01', '2026-03-31')]),
    ).toEqual([span('2026-01-01', '2026-01-31'), span('2026-03-01', '2026-03-31'), span('2026-05-01', '2026-05-31')]);
  });

  it('keeps the later end when a span lies inside another', () => {
    expect(union([span('2026-01-01', '2026-12-31'), span('2026-03-01', '2026-03-31')])).toEqual([
      span('2026-01-01', '2026-12-31'),
    ]);
    expect(
      union([span('2026-01-01', '2026-01-31'), span('2026-01-10', '2026-01-20'), span('2026-02-01', '2026-02-05')]),
    ).toEqual([span('2026-01-01', '2026-02-05')]);
  });

  it('leaves the spans it was given as they were', () => {
    const first = span('2026-01-01', '2026-01-31');
    const second = span('2026-01-15', '2026-03-31');
    union([first, second]);
    expect(first).toEqual(span('2026-01-01', '2026-01-31'));
  });

  it('covers exactly the days of its parts, in ordered stretches with at least one day between them', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySpan, { maxLength: 8 }), (spans) => {
        const merged = union(spans);
        const days = [...new Set(spans.flatMap(daysOf))].sort();
        expect(merged.flatMap(daysOf)).toEqual(days);
        merged.slice(1).forEach((stretch, index) => {
          expect(daysBetween(merged[index]!.end, stretch.start)).toBeGreaterThan(1);
        });
      }),
    );
  });
});

describe('uncovered', () => {
  const whole = span('2026-01-01', '2026-01-31');

  it('is the whole window when nothing covers it', () => {
    expect(uncovered(whole, [])).toEqual([whole]);
    expect(uncovered(whole, [span('2025-12-01', '2025-12-31'), span('2026-02-01', '2026-02-28')])).toEqual([whole]);
  });

  it('is nothing when spans cover every day, touching or overlapping', () => {
    expect(uncovered(whole, [span('2026-01-16', '2026-01-31'), span('2026-01-01', '2026-01-15')])).toEqual([]);
    expect(uncovered(whole, [span('2025-12-01', '2026-01-20'), span('2026-01-10', '2026-02-10')])).toEqual([]);
  });

  it('reports a one-day gap between two spans', () => {
    expect(uncovered(whole, [span('2026-01-01', '2026-01-14'), span('2026-01-16', '2026-01-31')])).toEqual([
      span('2026-01-15', '2026-01-15'),
    ]);
  });

  it("reports the window's first and last day when no span reaches them", () => {
    expect(uncovered(whole, [span('2026-01-02', '2026-01-31')])).toEqual([span('2026-01-01', '2026-01-01')]);
    expect(uncovered(whole, [span('2026-01-01', '2026-01-30')])).toEqual([span('2026-01-31', '2026-01-31')]);
    expect(uncovered(whole, [span('2026-01-02', '2026-01-30')])).toEqual([
      span('2026-01-01', '2026-01-01'),
      span('2026-01-31', '2026-01-31'),
    ]);
  });

  it("counts a span that ends on the window's first day or starts on its last", () => {
    expect(uncovered(whole, [span('2025-12-01', '2026-01-01')])).toEqual([span('2026-01-02', '2026-01-31')]);
    expect(uncovered(whole, [span('2026-01-31', '2026-02-28')])).toEqual([span('2026-01-01', '2026-01-30')]);
    expect(uncovered(whole, [span('2025-12-01', '2025-12-31'), span('2026-01-10', '2026-01-20')])).toEqual([
      span('2026-01-01', '2026-01-09'),
      span('2026-01-21', '2026-01-31'),
    ]);
  });

  it('is nothing for a window that ends before it starts', () => {
    expect(uncovered(span('2026-02-01', '2026-01-31'), [])).toEqual([]);
    expect(uncovered(span('2026-02-01', '2026-01-31'), [span('2026-01-01', '2026-01-15')])).toEqual([]);
  });

  it('ignores spans after the window', () => {
    expect(uncovered(whole, [span('2026-01-05', '2026-01-10'), span('2026-03-01', '2026-03-31')])).toEqual([
      span('2026-01-01', '2026-01-04'),
      span('2026-01-11', '2026-01-31'),
    ]);
  });

  it('finds no gap in a window covered to 9999-12-31, the last day a date can name', () => {
    const forever = span('2026-01-01', '9999-12-31');
    expect(uncovered(forever, [forever])).toEqual([]);
    expect(uncovered(forever, [span('2026-01-01', '2026-12-31'), span('2027-01-01', '9999-12-31')])).toEqual([]);
    expect(uncovered(forever, [span('2026-01-02', '9999-12-31')])).toEqual([span('2026-01-01', '2026-01-01')]);
  });

  it('with the union of the spans inside it, partitions the window day by day', () => {
    fc.assert(
      fc.property(arbitraryWindow, fc.array(arbitrarySpan, { maxLength: 6 }), (window, spans) => {
        const gaps = uncovered(window, spans);
        const inside = union(spans).flatMap((s) => {
          const clipped = clip(s, window);
          return clipped ? [clipped] : [];
        });
        for (const gap of gaps) expect(gap.start <= gap.end).toBe(true);
        expect([...gaps, ...inside].flatMap(daysOf).sort()).toEqual(daysOf(window));
        expect(gaps.flatMap(daysOf)).toEqual(daysOf(window).filter((day) => !covers(spans, day)));
      }),
    );
  });
});

describe('describeSpan', () => {
  it('names a single day, or the first and last day of a longer span', () => {
    expect(describeSpan(span('2026-01-01', '2026-01-01'))).toBe('on 2026-01-01');
    expect(describeSpan(span('2026-01-01', '2026-03-31'))).toBe('from 2026-01-01 to 2026-03-31');
  });
});
