/**
 * Per-event controls (every change approved, every new hire screened) are tested by sampling their
 * population: the complete list of events of the window. A per-event series needs that list for the whole
 * window, or a statement that no event occurred, and evidence of events inside the window.
 */
import { addDays } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { auditWindow, operatingSpan, performedOn, type AuditWindow } from '../evidence-timeline.ts';
import { lineOf, type Document, type ProgramModel } from '../model.ts';
import { cohortDate, cohortLabels, cohortMembers, exportPeople } from '../personnel.ts';
import { resolvePeriod, type Period } from '../periods.ts';
import type { EvidenceData, PopulationData } from '../../schema/index.ts';
import { evidenceSeverity, type Rule, type RuleContext } from './context.ts';

/** Days after a period ends by which its population should have been exported. */
export const POPULATION_GRACE_DAYS = 30;

/** The period a population claims: its own, else the audit window. */
export function populationPeriod(population: PopulationData, window: AuditWindow): Period | undefined {
  if (population.period === undefined) return { label: `${window.start}..${window.end}`, ...window };
  return resolvePeriod(population.period);
}

/**
 * The part of the window the populations must cover by now: from its start to its end, or, while it is
 * still running, to the evaluation date less the grace days. Undefined when nothing is due yet.
 */
export function requiredPopulationRange(
  window: AuditWindow,
  asOf: string,
  from?: string,
  to?: string,
): Period | undefined {
  const start = from !== undefined && from > window.start ? from : window.start;
  const dueBy = addDays(asOf, -POPULATION_GRACE_DAYS);
  let end = window.end < dueBy ? window.end : dueBy;
  if (to !== undefined && to < end) end = to;
  return start <= end ? { label: `${start}..${end}`, start, end } : undefined;
}

/** The first day of `range` that no population period covers, if any. */
export function firstUncoveredDay(range: Period, periods: Period[]): string | undefined {
  let next = range.start;
  for (const period of [...periods].sort((a, b) => a.start.localeCompare(b.start))) {
    if (period.start > next) break;
    if (period.end >= next) next = addDays(period.end, 1);
  }
  return next <= range.end ? next : undefined;
}

export const populationRule: Rule = (model, context) => {
  const window = auditWindow(model);
  if (!window) return [];
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    if (series.data.frequency !== 'per-event') {
      if (series.data.cohort !== undefined) diagnostics.push(...checkCohort(model, series, window, context));
      continue;
    }
    const span = operatingSpan(model, series);
    if (!span) continue;
    for (const diagnostic of checkSeries(series, window, context, span)) diagnostics.push(diagnostic);
    for (const diagnostic of checkRowDates(model, series, window)) diagnostics.push(diagnostic);
    for (const diagnostic of checkCohort(model, series, window, context)) diagnostics.push(diagnostic);
  }
  return diagnostics;
};

/** A CSV field's calendar date: its first ten characters when they are one. */
function fieldDate(value: string | undefined): string | undefined {
  const day = value?.slice(0, 10);
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : undefined;
}

/** TB409: every row of an export whose `date_column` is named is dated inside the population's period. */
function checkRowDates(model: ProgramModel, series: Document<EvidenceData>, window: AuditWindow): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  series.data.population.forEach((population, index) => {
    const column = population.date_column;
    const state = population.file ? model.artifactFiles.get(population.file) : undefined;
    if (column === undefined || state?.status !== 'present' || !state.csvHeader || !state.csvRows) return;
    const period = populationPeriod(population, window);
    if (!period) return;
    const at = {
      file: series.file,
      line: lineOf(series, 'population', index, 'date_column'),
      subject: { kind: 'evidence' as const, id: series.id },
    };
    const file = population.file!;
    const position = state.csvHeader.indexOf(column);
    if (position < 0) {
      diagnostics.push(finding('TB409', at, { what: 'no-column', file, column, columns: state.csvHeader }));
      return;
    }
    const outside = state.csvRows.flatMap((row, r) => {
      const day = fieldDate(row[position]);
      if (day !== undefined && day >= period.start && day <= period.end) return [];
      const what = day === undefined ? `no date (\`${row[position] ?? ''}\`)` : day;
      return [`row ${r + 2} (${row[0] ?? ''}: ${what})`];
    });
    if (outside.length === 0) return;
    diagnostics.push(finding('TB409', at, { what: 'outside', file, rows: outside, period }));
  });
  return diagnostics;
}

/**
 * TB408: a personnel series names its cohort; its exports (the HR system's list) must name exactly the
 * register's new hires or leavers of the periods they cover, so neither the register nor the export can
 * leave a person out unnoticed.
 */
function checkCohort(
  model: ProgramModel,
  series: Document<EvidenceData>,
  window: AuditWindow,
  context: RuleContext,
): Diagnostic[] {
  const cohort = series.data.cohort;
  if (cohort === undefined || !model.people) return [];
  const at = {
    file: series.file,
    line: lineOf(series, 'cohort'),
    subject: { kind: 'evidence' as const, id: series.id },
  };
  if (series.data.frequency !== 'per-event') {
    const frequency = series.data.frequency;
    return [finding('TB408', at, { what: 'not-per-event', series: series.id, cohort, frequency })];
  }
  const periods: Period[] = [];
  const exported = new Map<string, string>();
  for (const population of series.data.population) {
    const period = populationPeriod(population, window);
    if (!period) continue;
    if (population.rows === 0) {
      periods.push(period);
      continue;
    }
    const rows = exportPeople(population.file ? model.artifactFiles.get(population.file) : undefined);
    if (!rows) return []; // an export outside the repository cannot be compared
    periods.push(period);
    for (const row of rows) exported.set(row.person, row.item);
  }
  if (periods.length === 0) return [];
  const inPeriods = (date: string) => periods.some((period) => date >= period.start && date <= period.end);
  const members = cohortMembers(model, cohort, window, context.asOf).filter((member) => inPeriods(member.date));
  const register = new Set(members.map((member) => member.person.id));
  const staff = new Map(model.people.data.staff.map((person) => [person.id, person]));
  const label = cohortLabels[cohort];
  const notInRegister = [...exported.keys()]
    .filter((person) => !register.has(person))
    .map((person) => {
      const record = staff.get(person);
      if (!record) return `${person} (not in ${model.people!.file})`;
      const date = cohortDate(record, cohort);
      return date === undefined ? `${person} (no \`left\` date)` : `${person} (${date})`;
    });
  const notExported = members.filter((member) => !exported.has(member.person.id)).map((member) => member.person.id);
  if (notInRegister.length === 0 && notExported.length === 0) return [];
  const people = model.people.file;
  const disagreement = { series: series.id, register: people, cohort, label, notInRegister, notExported };
  return [finding('TB408', at, { what: 'disagree', ...disagreement })];
}

function checkSeries(
  series: Document<EvidenceData>,
  window: AuditWindow,
  context: RuleContext,
  span: { from?: string | undefined; to?: string | undefined },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const subject = { kind: 'evidence' as const, id: series.id };
  const valid: Period[] = [];
  series.data.population.forEach((population, index) => {
    const period = populationPeriod(population, window);
    if (!period) return;
    if (period.start > window.end || period.end < window.start) {
      const where = { file: series.file, line: lineOf(series, 'population', index, 'period'), subject };
      diagnostics.push(
        finding('TB405', where, { what: 'outside', source: population.source, period: period.label, window }),
      );
      return;
    }
    if (population.exported < period.end) {
      const where = { file: series.file, line: lineOf(series, 'population', index, 'exported'), subject };
      const { source, exported } = population;
      diagnostics.push(finding('TB405', where, { what: 'early', source, exported, end: period.end }));
      return;
    }
    valid.push(period);
  });

  const required = requiredPopulationRange(window, context.asOf, span.from, span.to);
  // A personnel series without an export takes its population from the staff register.
  const fromRegister = series.data.cohort !== undefined && series.data.population.length === 0;
  const gap = required && !fromRegister ? firstUncoveredDay(required, valid) : undefined;
  if (required && gap !== undefined) {
    const none = series.data.population.length === 0;
    const where = {
      ...evidenceSeverity(context),
      file: series.file,
      line: lineOf(series, none ? 'frequency' : 'population'),
      subject,
    };
    diagnostics.push(finding('TB403', where, series.id, none ? undefined : { start: gap, end: required.end }));
  }

  const noEvents = series.data.population.length > 0 && series.data.population.every((entry) => entry.rows === 0);
  const inWindow = series.data.artifacts.some((artifact) => {
    const day = performedOn(artifact);
    return day >= window.start && day <= window.end;
  });
  if (!noEvents && !inWindow && required && series.data.artifacts.length > 0) {
    const where = { ...evidenceSeverity(context), file: series.file, line: lineOf(series, 'artifacts'), subject };
    diagnostics.push(finding('TB404', where, series.id, window));
  }
  return diagnostics;
}
