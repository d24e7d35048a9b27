/**
 * A population is complete and accurate, or the sample drawn from it proves nothing. What the check can see
 * in the exports themselves: an event listed twice (in one export or in two that overlap), a blank row where
 * an event should be, a "no events" statement that the program's own records contradict, and (a question
 * rather than an error) months the export leaves empty while the rest of it is busy.
 */
import { addDays, endOfMonth } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { auditWindow, operatingSpan, performedOn, type AuditWindow } from '../evidence-timeline.ts';
import { lineOf, type ArtifactFileState, type Document, type ProgramModel } from '../model.ts';
import { resolvePeriod, type Period } from '../periods.ts';
import type { EvidenceData } from '../../schema/index.ts';
import { type Rule } from './context.ts';
import { populationPeriod } from './populations.ts';

/** A month with no event is a question when the export's other months average at least this many events. */
export const BUSY_MONTH_EVENTS = 3;

type PresentCsv = Extract<ArtifactFileState, { status: 'present' }> & { csvIds: string[] };

export const populationRecordsRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    if (series.data.population.length === 0) continue;
    if (!operatingSpan(model, series)) continue; // nothing is required of a planned control's evidence
    const push = (found: Diagnostic | undefined) => {
      if (found) diagnostics.push(found);
    };
    for (const found of blankRows(model, series)) diagnostics.push(found);
    const overlapping = overlappingExports(series, window);
    push(duplicateIds(model, series, overlapping));
    for (const found of overlapping) diagnostics.push(found.diagnostic);
    for (const found of contradictedNoEvents(series, window)) diagnostics.push(found);
    for (const found of emptyMonths(model, series, window, context.asOf)) diagnostics.push(found);
  }
  return diagnostics;
};

function csvOf(model: ProgramModel, file: string | undefined): PresentCsv | undefined {
  const state = file ? model.artifactFiles.get(file) : undefined;
  return state?.status === 'present' && state.csvIds ? (state as PresentCsv) : undefined;
}

/** The line a record of an export ends on (header is line 1 when lines were not kept). */
function recordLine(csv: PresentCsv, row: number): number {
  return csv.csvLines?.[row] ?? row + 2;
}

/** TB411: a row with no event id names no event; it is never sampled, and the export is not the list it claims. */
function blankRows(model: ProgramModel, series: Document<EvidenceData>): Diagnostic[] {
  return series.data.population.flatMap((population, index): Diagnostic[] => {
    const csv = csvOf(model, population.file);
    if (!csv) return [];
    const blank = csv.csvIds.flatMap((id, row) => (id === '' ? [recordLine(csv, row)] : []));
    if (blank.length === 0) return [];
    const where = {
      file: series.file,
      line: lineOf(series, 'population', index, 'file'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    return [finding('TB411', where, population.file!, blank)];
  });
}

/**
 * TB410: an event listed twice, in one export or in two; counted twice, the population is not the events. Two
 * exports that overlap (TB412) list the same events as a matter of course: that finding says it once.
 */
function duplicateIds(
  model: ProgramModel,
  series: Document<EvidenceData>,
  overlapping: readonly Overlap[],
): Diagnostic | undefined {
  // An id is first seen in the earlier of two entries, and each overlapping pair names the earlier entry first.
  const overlaps = (earlier: number, later: number) =>
    overlapping.some((pair) => pair.first === earlier && pair.second === later);
  const seen = new Map<string, { where: string; entry: number }>();
  const repeated: string[] = [];
  let firstIndex: number | undefined;
  series.data.population.forEach((population, index) => {
    const csv = csvOf(model, population.file);
    if (!csv) return;
    csv.csvIds.forEach((id, row) => {
      if (id === '') return; // TB411
      const where = `\`evidence-index/${population.file}\` line ${recordLine(csv, row)}`;
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, { where, entry: index });
        return;
      }
      if (overlaps(earlier.entry, index)) return; // TB412 (never an entry with itself)
      firstIndex ??= index;
      repeated.push(`${id} (${earlier.where} and ${where})`);
    });
  });
  if (firstIndex === undefined) return undefined;
  const where = {
    file: series.file,
    line: lineOf(series, 'population', firstIndex, 'file'),
    subject: { kind: 'evidence' as const, id: series.id },
  };
  return finding('TB410', where, series.id, repeated);
}

function overlap(a: Period, b: Period): Period | undefined {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { label: `${start}..${end}`, start, end } : undefined;
}

interface Overlap {
  first: number;
  second: number;
  diagnostic: Diagnostic;
}

/** TB412: two exports of one series covering the same days list those days' events twice, or contradict each other. */
function overlappingExports(series: Document<EvidenceData>, window: AuditWindow): Overlap[] {
  const periods = series.data.population.map((population) => populationPeriod(population, window));
  const diagnostics: Overlap[] = [];
  periods.forEach((period, j) => {
    if (!period) return;
    for (let i = 0; i < j; i++) {
      const other = periods[i];
      const shared = other && overlap(other, period);
      if (!shared) continue;
      const population = series.data.population[j]!;
      diagnostics.push({
        first: i,
        second: j,
        diagnostic: finding(
          'TB412',
          {
            file: series.file,
            line: lineOf(series, 'population', j, population.period !== undefined ? 'period' : 'source'),
            subject: { kind: 'evidence', id: series.id },
          },
          series.id,
          shared,
          i + 1,
          j + 1,
        ),
      });
      return; // one finding per entry
    }
  });
  return diagnostics;
}

/**
 * TB413: `rows: 0` states that no event happened in its period. An artifact of the series dated inside that
 * period, an exception naming an event in it, or any sampled event when every population says "no events",
 * shows that one did.
 */
function contradictedNoEvents(series: Document<EvidenceData>, window: AuditWindow): Diagnostic[] {
  const everyEmpty = series.data.population.every((population) => population.rows === 0);
  return series.data.population.flatMap((population, index): Diagnostic[] => {
    if (population.rows !== 0) return [];
    const period = populationPeriod(population, window);
    if (!period) return [];
    const events = series.data.artifacts.flatMap((artifact) => {
      const day = performedOn(artifact);
      const inside = day >= period.start && day <= period.end;
      if (!inside && !(everyEmpty && artifact.sample !== undefined)) return [];
      return [artifact.sample !== undefined ? `${artifact.sample} (${day})` : day];
    });
    // A deviation disclosed for a named event in the period is a record of that event too.
    for (const exception of series.data.exceptions) {
      const range = exception.sample === undefined ? undefined : resolvePeriod(exception.period);
      if (range && overlap(range, period)) events.push(`${exception.sample} (an exception)`);
    }
    if (events.length === 0) return [];
    const where = {
      file: series.file,
      line: lineOf(series, 'population', index, 'rows'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    return [finding('TB413', where, series.id, period, events)];
  });
}

/** The calendar months that lie wholly inside a range. */
function wholeMonths(range: Period): Period[] {
  const months: Period[] = [];
  let year = Number(range.start.slice(0, 4));
  let month = Number(range.start.slice(5, 7));
  for (;;) {
    const start = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (start > range.end) break;
    const end = endOfMonth(year, month);
    if (start >= range.start && end <= range.end) months.push({ label: start.slice(0, 7), start, end });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * TB414 (warning): an export whose rows are dated (`date_column`) leaves whole months of its period empty
 * while its other months hold at least BUSY_MONTH_EVENTS events each on average: a quiet month is then
 * unlikely by chance, and the auditor will ask whether the query or the system missed it.
 */
function emptyMonths(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  asOf: string,
): Diagnostic[] {
  const span = operatingSpan(model, series) ?? {};
  return series.data.population.flatMap((population, index): Diagnostic[] => {
    const csv = csvOf(model, population.file);
    const column = population.date_column;
    if (!csv || column === undefined || !csv.csvHeader || !csv.csvRows) return [];
    const position = csv.csvHeader.indexOf(column);
    const period = populationPeriod(population, window);
    if (position < 0 || !period) return []; // TB409 reports an unknown column
    let start = period.start > window.start ? period.start : window.start;
    if (span.from !== undefined && span.from > start) start = span.from;
    let end = period.end < window.end ? period.end : window.end;
    if (span.to !== undefined && span.to < end) end = span.to;
    const lastDay = addDays(asOf, -1);
    if (lastDay < end) end = lastDay;
    if (start > end) return [];
    const months = wholeMonths({ label: '', start, end });
    const counts = new Map(months.map((month) => [month.label, 0]));
    for (const row of csv.csvRows) {
      const label = (row[position] ?? '').slice(0, 7);
      if (counts.has(label)) counts.set(label, counts.get(label)! + 1);
    }
    const empty = months.filter((month) => counts.get(month.label) === 0).map((month) => month.label);
    const busy = months.length - empty.length;
    if (empty.length === 0 || busy === 0) return [];
    const events = [...counts.values()].reduce((sum, count) => sum + count, 0);
    if (events / busy < BUSY_MONTH_EVENTS) return [];
    const where = {
      file: series.file,
      line: lineOf(series, 'population', index, 'date_column'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    return [finding('TB414', where, population.file!, empty, events / busy)];
  });
}
