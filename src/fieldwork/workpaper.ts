/**
 * The mock audit: the workpaper an auditor's dry run of the Type II window would produce, worked out from the
 * program's own records. For each control, the test it gets, and for each of its evidence series the
 * population, the sample recorded by `trustbook sample`, the evidence of each sampled item and its result;
 * then what an auditor would likely note for each criterion in scope.
 *
 * Every result is read from the check's findings and facts (the same ones `trustbook check` reports), never
 * worked out another way. What the records do not show is "not tested": the workpaper never invents a pass.
 */
import { findCriterion } from '../catalog/index.ts';
import type { CheckResult, Diagnostic, DiagnosticCode } from '../engine/index.ts';
import type { Document, YamlFile } from '../engine/model.ts';
import { criterionState, describeShortfall } from '../engine/coverage.ts';
import { auditWindow, type AuditWindow, type TimelineCell } from '../engine/evidence-timeline.ts';
import { defaultTest, isBlocking } from '../engine/facts.ts';
import { parsePeriodLabel, periodUnitOf, resolvePeriod, type Period, type PeriodUnit } from '../engine/periods.ts';
import { isCollectionDue, overlaps, recordedSpans } from '../engine/rules/control-occurrences.ts';
import { firstUncoveredDay } from '../engine/rules/populations.ts';
import { makesPopulationUnfit, populationOf, samplingFrequency } from '../engine/sampling.ts';
import { personnelTests, type PersonnelTests } from './personnel-tests.ts';
import type { ArtifactData, ControlData, EvidenceData, ExceptionData, Frequency } from '../schema/index.ts';
import { withInquiryCorroborated } from './inquiry.ts';
import {
  worstResult,
  type CriterionNote,
  type WorkpaperControl,
  type WorkpaperCounts,
  type WorkpaperCriterion,
  type WorkpaperDeviation,
  type WorkpaperEvidence,
  type WorkpaperItem,
  type WorkpaperResult,
  type WorkpaperSeries,
} from './workpaper-results.ts';

export * from './workpaper-results.ts';
import type { SampledSeries, SamplesData } from '../schema/samples.ts';

export interface Workpaper {
  organization: string;
  system: string;
  /** The Type II window; undefined for a Type I audit, which tests design only and has no samples. */
  window: AuditWindow | undefined;
  asOf: string;
  auditor: string | undefined;
  /** The sample record the items come from, when one was drawn for the window. */
  sampleRecord: { file: string; seed: number | undefined; drawn: string; method: string } | undefined;
  counts: WorkpaperCounts;
  /** Every control, sorted by id. */
  controls: WorkpaperControl[];
  /** Every criterion in scope, in the framework's order. */
  criteria: WorkpaperCriterion[];
  /** The window's new hires and leavers, tested person by person; undefined without a Type II window. */
  personnel: PersonnelTests | undefined;
}

/** Findings that say a sampled item's evidence is missing, late, altered or gone. */
const missingCodes = new Set<DiagnosticCode>(['TB601', 'TB605', 'TB902']);
/** Findings about one artifact's file or dates, or a document it shares with another occurrence: it cannot be relied on. */
const artifactCodes = new Set<DiagnosticCode>(['TB602', 'TB603', 'TB621', 'TB622', 'TB701', 'TB702', 'TB703', 'TB704']);
/** Findings about a file of the series that no artifact names (its population export). */
const fileCodes = new Set<DiagnosticCode>(['TB701', 'TB702', 'TB703', 'TB704']);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** The workpaper of the program's audit window, from a check result. */
export function workpaper(result: CheckResult): Workpaper {
  const { model, summary } = result;
  const program = model.program?.data;
  const window = auditWindow(model);
  const record = window ? sampleRecordOf(model.samples, window) : undefined;
  const controls = [...model.controls]
    .sort(byId)
    .map((control) => withInquiryCorroborated(testControl(result, control, window, record), worstResult));
  const counts = countResults(controls);
  const review = result.facts.personnel();
  return {
    organization: program?.organization ?? '',
    system: program?.system ?? '',
    window,
    asOf: summary.asOf,
    auditor: program?.audit.auditor,
    sampleRecord: record && {
      file: record.file,
      seed: record.data.seed,
      drawn: record.data.drawn,
      method: record.data.method,
    },
    counts,
    controls,
    criteria: criterionConclusions(result, controls),
    personnel: review && model.people ? personnelTests(result, review) : undefined,
  };
}

/** The sample drawn for this window; records of earlier windows are history. */
function sampleRecordOf(records: YamlFile<SamplesData>[], window: AuditWindow): YamlFile<SamplesData> | undefined {
  return records.find((record) => record.data.window.start === window.start && record.data.window.end === window.end);
}

function testControl(
  result: CheckResult,
  control: Document<ControlData>,
  window: AuditWindow | undefined,
  record: YamlFile<SamplesData> | undefined,
): WorkpaperControl {
  const operation = result.facts.controlStatus(control);
  const effectiveness = result.facts.effectiveness(control);
  const base = {
    id: control.id,
    title: control.data.title,
    criteria: control.data.criteria,
    test: defaultTest(control.data),
    operation,
    deviations: [] as WorkpaperDeviation[],
    ...(effectiveness && window
      ? {
          effectiveness: {
            occurrences: effectiveness.occurrences,
            deviations: effectiveness.deviations,
            tolerable: effectiveness.tolerable,
            effective: effectiveness.effective,
            neverRan: effectiveness.neverRan.length > 0,
          },
        }
      : {}),
  };
  if (operation === 'not in operation') {
    return { ...base, result: 'not tested', notTested: notInOperation(control.data, result.summary.asOf), series: [] };
  }
  if (!window) {
    return {
      ...base,
      result: 'not tested',
      notTested: 'Type I: the design is examined at a point in time, without samples',
      series: [],
    };
  }
  const series = [...result.facts.evidenceOf(control.id)]
    .sort(byId)
    .map((candidate) => testSeries(result, candidate, window, record));
  if (series.length === 0) {
    return { ...base, result: 'not tested', notTested: 'no evidence series names it (TB401)', series };
  }
  const deviations = disclosedDeviations(result, control, window, series);
  const results = series.flatMap((entry) =>
    entry.items.length === 0 ? ['not tested' as const] : entry.items.map((item) => item.result),
  );
  // A deviation the sample missed is still a deviation: the auditor evaluates every one disclosed.
  if (deviations.some((deviation) => !deviation.sampled)) results.push('exception disclosed');
  const tested = results.some((outcome) => outcome !== 'not tested');
  const reasons = [
    ...new Set(
      series.flatMap((entry) =>
        entry.notTested !== undefined
          ? [entry.notTested]
          : entry.items.filter((item) => item.result === 'not tested').map((item) => item.note),
      ),
    ),
  ];
  return {
    ...base,
    result: tested || deviations.length > 0 ? worstResult(results) : 'not tested',
    ...(reasons.length > 0 ? { notTested: reasons.join('; ') } : {}),
    series,
    deviations,
  };
}

/** Every exception of the control's series that concerns the window, and whether the sample reached it. */
function disclosedDeviations(
  result: CheckResult,
  control: Document<ControlData>,
  window: AuditWindow,
  tested: WorkpaperSeries[],
): WorkpaperDeviation[] {
  return [...result.facts.evidenceOf(control.id)].sort(byId).flatMap((series) => {
    const items = tested.find((entry) => entry.id === series.id)?.items ?? [];
    return series.data.exceptions.flatMap((exception): WorkpaperDeviation[] => {
      const period = resolvePeriod(exception.period);
      if (!period || period.end < window.start || period.start > window.end) return [];
      return [
        {
          series: series.id,
          item: exception.sample ?? period.label,
          exception,
          sampled: items.some((item) => item.exceptions.includes(exception)),
        },
      ];
    });
  });
}

function notInOperation(control: ControlData, asOf: string): string {
  if (control.status === 'planned') return 'planned, not in operation';
  if (control.status === 'not-applicable') {
    return `not applicable${control.justification ? ` (${control.justification})` : ''}`;
  }
  if (control.implemented !== undefined && control.implemented > asOf) {
    return `implemented ${control.implemented}, after the evaluation date`;
  }
  if (control.retired !== undefined) return `retired ${control.retired}, not in operation on the evaluation date`;
  return 'not in operation on the evaluation date';
}

function testSeries(
  result: CheckResult,
  series: Document<EvidenceData>,
  window: AuditWindow,
  record: YamlFile<SamplesData> | undefined,
): WorkpaperSeries {
  const { model, summary } = result;
  const sampled = record?.data.samples.find((entry) => entry.series === series.id);
  const current = populationOf(model, series, window, summary.asOf);
  const kind = current.kind;
  // Findings about the series as a whole (a file, a date, the population), not about one period or event.
  const wholeSeries = result.facts
    .findingsAbout('evidence', series.id)
    .filter((d) => isBlocking(d) && d.subject?.period === undefined);
  const asFindings = (list: Diagnostic[]) => list.map((d) => ({ code: d.code, message: d.message }));
  const populationSize = sampled?.population.size ?? current.items.length;
  const base = {
    id: series.id,
    title: series.data.title,
    frequency: series.data.frequency,
    kind,
    population: {
      size: populationSize,
      description: describePopulation(series.data, samplingFrequency(model, series), kind, populationSize, current),
    },
  };

  if (!sampled) {
    // As `trustbook sample` decides it: findings that make the population unfit to sample.
    const unfit = wholeSeries.filter((d) => makesPopulationUnfit(series, d));
    return {
      ...base,
      items: [],
      notTested:
        unfit.length > 0
          ? `no sample drawn: the population has findings (${[...new Set(unfit.map((d) => d.code))].join(', ')}); fix them, then run \`trustbook sample\``
          : 'no sample drawn: run `trustbook sample`',
      findings: asFindings(wholeSeries),
    };
  }

  const changed = wholeSeries.filter((d) => d.code === 'TB901');
  // A file of the series that no artifact names (its population export): the whole population is in doubt.
  const unreliableFiles = wholeSeries.filter((d) => fileCodes.has(d.code) && d.subject?.artifact === undefined);
  const findingsOfArtifact = (index: number) =>
    wholeSeries.filter((d) => artifactCodes.has(d.code) && d.subject?.artifact === index);
  // Findings an item's note already shows; the rest are listed with the series.
  const shown = new Set<Diagnostic>([...changed, ...unreliableFiles]);
  const timeline = kind === 'periods' ? result.facts.periods(series) : [];
  // A series filed less often than its control runs (with a `frequency_note`) is sampled by the control's occurrences.
  const samplingUnit = periodUnitOf(samplingFrequency(model, series));

  const items = sampled.items.map((item): WorkpaperItem => {
    const outcomes: Outcome[] = [];
    let evidenceIndexes: number[];
    if (kind === 'events') {
      evidenceIndexes = indexesWhere(series.data.artifacts, (artifact) => artifact.sample === item);
      const exception = series.data.exceptions.find((candidate) => candidate.sample === item);
      if (exception) {
        outcomes.push({
          result: 'exception disclosed',
          note: exceptionNote(exception),
          codes: ['TB606'],
          exceptions: [exception],
        });
      }
      const missing = result.facts.findingsAboutPeriod(series.id, item).filter((d) => d.code === 'TB902');
      if (missing.length > 0) {
        outcomes.push({
          result: 'evidence missing',
          note: 'no artifact names this event, and no exception discloses it',
          codes: ['TB902'],
        });
      }
    } else if (samplingUnit !== periodUnitOf(series.data.frequency)) {
      const occurrence = occurrenceOf(item, samplingUnit);
      evidenceIndexes = occurrence ? recordedIn(series.data, occurrence) : [];
      outcomes.push(...occurrenceOutcomes(result, series, item, occurrence, timeline));
    } else {
      const cell = timeline.find((candidate) => candidate.period.label === item);
      evidenceIndexes = cell?.artifacts ?? [];
      outcomes.push(...periodOutcomes(result, series, item, cell));
    }
    for (const index of evidenceIndexes) {
      const unreliable = findingsOfArtifact(index);
      for (const finding of unreliable) shown.add(finding);
      if (unreliable.length > 0) {
        outcomes.push({
          result: 'evidence missing',
          note: unreliable.map((d) => d.message).join('; '),
          codes: unreliable.map((d) => d.code),
        });
      }
    }
    if (unreliableFiles.length > 0) {
      outcomes.push({
        result: 'evidence missing',
        note: unreliableFiles.map((d) => d.message).join('; '),
        codes: unreliableFiles.map((d) => d.code),
      });
    }
    if (changed.length > 0) {
      outcomes.push({
        result: 'not tested',
        note: 'population changed after sampling (TB901): draw the sample again',
        codes: ['TB901'],
      });
    }
    if (outcomes.length === 0) {
      // Evidenced, and the check has nothing against it: the only way to a pass.
      outcomes.push(
        evidenceIndexes.length > 0
          ? { result: 'no exception', note: '', codes: [] }
          : { result: 'not tested', note: 'no evidence found for the item', codes: [] },
      );
    }
    const worst = worstResult(outcomes.map((outcome) => outcome.result));
    const deciding = outcomes.filter((outcome) => outcome.result === worst);
    return {
      item,
      evidence: evidenceIndexes.map((index) => evidenceOf(series.data.artifacts[index]!)),
      result: worst,
      note: [...new Set(deciding.map((outcome) => outcome.note).filter(Boolean))].join('; '),
      codes: [...new Set(outcomes.flatMap((outcome) => outcome.codes))],
      exceptions: outcomes.flatMap((outcome) => outcome.exceptions ?? []),
    };
  });
  return {
    ...base,
    sample: { size: sampled.items.length, of: sampled.population.size },
    items,
    ...(items.length === 0 ? { notTested: 'the sample of the series is empty: its population has no items' } : {}),
    findings: asFindings(wholeSeries.filter((d) => !shown.has(d))),
  };
}

/** One reason for an item's result; the item takes the worst of them. */
interface Outcome {
  result: WorkpaperResult;
  note: string;
  codes: DiagnosticCode[];
  exceptions?: ExceptionData[];
}

/** The period a sampled occurrence's label names: a day's is its date. */
function occurrenceOf(label: string, unit: PeriodUnit | undefined): Period | undefined {
  if (unit === 'day') return /^\d{4}-\d{2}-\d{2}$/.test(label) ? { label, start: label, end: label } : undefined;
  return parsePeriodLabel(label);
}

/** The artifacts whose record (their period, up to the day they were made) reaches into an occurrence. */
function recordedIn(series: EvidenceData, occurrence: Period): number[] {
  return recordedSpans(series)
    .filter((entry) => overlaps(entry.span, occurrence))
    .map((entry) => entry.index);
}

/**
 * A sampled occurrence of the control (a day of a daily control whose reports are monthly): its series period
 * missing or late (TB601, TB605), an exception covering the occurrence itself (TB606), or no artifact recording
 * the whole of it (TB620).
 */
function occurrenceOutcomes(
  result: CheckResult,
  series: Document<EvidenceData>,
  label: string,
  occurrence: Period | undefined,
  timeline: TimelineCell[],
): Outcome[] {
  const cell =
    occurrence && timeline.find((candidate) => overlaps(candidate.period, { ...occurrence, start: occurrence.end }));
  if (!occurrence || !cell) {
    return [{ result: 'not tested', note: 'the occurrence is not in the timeline of the window', codes: [] }];
  }
  const exceptions = series.data.exceptions.filter((exception) => {
    const range = resolvePeriod(exception.period);
    return range !== undefined && overlaps(range, occurrence);
  });
  const outcomes = periodOutcomes(result, series, cell.period.label, { ...cell, exceptions: [] }).filter(
    (outcome) => outcome.result !== 'exception disclosed',
  );
  if (exceptions.length > 0) {
    outcomes.push({
      result: 'exception disclosed',
      note: exceptions.map(exceptionNote).join('; '),
      codes: ['TB606'],
      exceptions,
    });
  } else if (outcomes.length === 0) {
    const spans = recordedSpans(series.data).map((entry) => entry.span);
    const unit = periodUnitOf(series.data.frequency);
    const window = auditWindow(result.model);
    if (firstUncoveredDay(occurrence, spans) !== undefined && unit && window) {
      outcomes.push(
        isCollectionDue(occurrence, unit, window, result.summary.asOf)
          ? {
              result: 'evidence missing',
              note: `no artifact records ${label}: the ${cell.period.label} artifact does not reach it (TB620)`,
              codes: ['TB620'],
            }
          : {
              result: 'not tested',
              note: `not yet recorded: the ${cell.period.label} artifact is not due yet`,
              codes: [],
            },
      );
    }
  }
  return outcomes;
}

/** A sampled period: missing or late (TB601, TB605), disclosed (TB606), or evidenced by its timeline cell. */
function periodOutcomes(
  result: CheckResult,
  series: Document<EvidenceData>,
  label: string,
  cell: TimelineCell | undefined,
): Outcome[] {
  const outcomes: Outcome[] = [];
  const findings = result.facts.findingsAboutPeriod(series.id, label);
  for (const finding of findings) {
    if (!missingCodes.has(finding.code)) continue;
    outcomes.push({
      result: 'evidence missing',
      note:
        finding.code === 'TB605'
          ? `performed late: ${finding.message}`
          : `no artifact for the period (${finding.code})`,
      codes: [finding.code],
    });
  }
  const exceptions = cell?.exceptions.map((index) => series.data.exceptions[index]!) ?? [];
  if (exceptions.length > 0 || findings.some((d) => d.code === 'TB606')) {
    outcomes.push({
      result: 'exception disclosed',
      note:
        exceptions.map(exceptionNote).join('; ') ||
        findings
          .filter((d) => d.code === 'TB606')
          .map((d) => d.message)
          .join('; '),
      codes: ['TB606'],
      exceptions,
    });
  }
  if (!cell) {
    outcomes.push({ result: 'not tested', note: 'the period is not in the timeline of the window', codes: [] });
  } else if (outcomes.length === 0 && cell.state !== 'present') {
    const why: Record<string, string> = {
      'not-yet-due': 'not yet due on the evaluation date',
      'not-required': 'no control of the series was in operation in the period',
    };
    outcomes.push({ result: 'not tested', note: why[cell.state] ?? `the period is ${cell.state}`, codes: [] });
  }
  return outcomes;
}

function exceptionNote(exception: ExceptionData): string {
  return `Disclosed ${exception.disclosed}: ${exception.description} Management's response: ${exception.response} ${
    exception.remediated ? `Remediated ${exception.remediated}.` : 'Not yet remediated.'
  }`;
}

function indexesWhere<T>(list: readonly T[], test: (entry: T) => boolean): number[] {
  return list.flatMap((entry, index) => (test(entry) ? [index] : []));
}

function evidenceOf(artifact: ArtifactData): WorkpaperEvidence {
  return artifact.location
    ? { kind: 'url', ref: artifact.location }
    : { kind: 'file', ref: `evidence-index/${artifact.file ?? ''}` };
}

function describePopulation(
  series: EvidenceData,
  frequency: Frequency,
  kind: SampledSeries['kind'],
  size: number,
  current: { items: string[] },
): string {
  if (kind === 'periods') {
    const unit = periodUnitOf(frequency) ?? 'year';
    if (unit === 'year') return size === 1 ? 'the annual occurrence in the window' : 'no annual occurrence due';
    const first = current.items.at(0);
    const last = current.items.at(-1);
    const span = first === undefined ? '' : first === last ? ` (${first})` : ` (${first} to ${last})`;
    return `${size} ${size === 1 ? unitNames[unit][0] : unitNames[unit][1]} due in the window${span}`;
  }
  if (series.population.length === 0) return 'no population recorded';
  const sources = series.population.map(
    (population) =>
      `${population.source}, ${population.rows} ${population.rows === 1 ? 'row' : 'rows'}, exported ${population.exported}`,
  );
  return `${size} ${size === 1 ? 'event' : 'events'}: ${sources.join('; ')}`;
}

const unitNames: Record<PeriodUnit, [one: string, many: string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  half: ['half-year', 'half-years'],
  year: ['year', 'years'],
};

function countResults(controls: WorkpaperControl[]): WorkpaperCounts {
  const items = controls.flatMap((control) => control.series.flatMap((series) => series.items));
  const count = (result: WorkpaperResult) => items.filter((item) => item.result === result).length;
  const tested = controls.filter((control) => control.result !== 'not tested').length;
  return {
    controls: controls.length,
    controlsTested: tested,
    itemsTested: items.length - count('not tested'),
    noException: count('no exception'),
    exceptions: count('exception disclosed'),
    missing: count('evidence missing'),
    itemsNotTested: count('not tested'),
    controlsNotTested: controls.length - tested,
  };
}

function criterionConclusions(result: CheckResult, controls: WorkpaperControl[]): WorkpaperCriterion[] {
  const tested = new Map(controls.map((control) => [control.id, control]));
  return result.facts.coverage().flatMap(({ criteria }) =>
    criteria.map((entry): WorkpaperCriterion => {
      const { criterion, controls: addressing, exclusion } = entry;
      const ids = addressing.map((control) => control.id).sort((a, b) => byId({ id: a }, { id: b }));
      const entries = ids.flatMap((id) => tested.get(id) ?? []);
      const listed = (outcome: WorkpaperResult) =>
        entries.filter((control) => control.result === outcome).map((control) => control.id);
      const notes: CriterionNote[] = [];
      const shortfall = exclusion === undefined ? describeShortfall(entry) : undefined;
      if (shortfall !== undefined) {
        // Judged on every day of the window: a stretch nobody covered is noted before any test result.
        const partly = criterionState(entry) === 'partly met';
        notes.push({
          result: 'not met',
          heading: partly ? 'not met for part of the period' : 'not met',
          detail: shortfall,
        });
      }
      if (exclusion !== undefined) notes.push({ result: 'excluded', heading: 'excluded', detail: exclusion });
      else if (entries.length === 0) {
        notes.push({ result: 'not tested', heading: 'not tested', detail: 'no control in operation addresses it' });
      } else {
        const missing = listed('evidence missing');
        if (missing.length > 0) {
          notes.push({
            result: 'evidence missing',
            heading: 'deviation',
            detail: `evidence missing for ${missing.join(', ')}`,
          });
        }
        const excepted = listed('exception disclosed');
        if (excepted.length > 0) {
          notes.push({
            result: 'exception disclosed',
            heading: 'exception noted',
            detail: `${excepted.join(', ')}, disclosed with management's response`,
          });
        }
        const untested = entries.filter((control) => control.result === 'not tested');
        if (untested.length > 0) {
          notes.push({
            result: 'not tested',
            heading: 'not tested',
            detail: untested.map((control) => `${control.id} (${control.notTested ?? 'no item tested'})`).join(', '),
          });
        }
        if (notes.length === 0) notes.push({ result: 'no exception', heading: 'no exception noted', detail: '' });
      }
      return {
        id: criterion.id,
        label: findCriterion(criterion.id)?.label ?? criterion.label,
        controls: ids,
        result:
          exclusion !== undefined
            ? 'excluded'
            : shortfall !== undefined
              ? 'not met'
              : worstResult(notes.map((note) => note.result as WorkpaperResult)),
        notes,
        conclusion: notes.map((note) => (note.detail ? `${note.heading}: ${note.detail}` : note.heading)).join('; '),
      };
    }),
  );
}
