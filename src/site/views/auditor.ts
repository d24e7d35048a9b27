/**
 * The auditor site's projections: each control, evidence series, risk, vendor and person as the evidence index
 * shows it, with the engine's facts about it (status, latest artifact, review and training due) already read
 * from `result.facts`, so no page works one out or holds a document of the model.
 */
import type { CheckResult } from '../../engine/check.ts';
import type { Criterion } from '../../catalog/index.ts';
import {
  coverageByMonth,
  criterionState,
  describeShortfall,
  type CategoryCoverage,
  type CoverageMonth,
  type CriterionState,
} from '../../engine/coverage.ts';
import type { AcknowledgementState } from '../../engine/acknowledgement-status.ts';
import type { TimelineCell } from '../../engine/evidence-timeline.ts';
import { artifactPeriod } from '../../engine/evidence-timeline.ts';
import { evidenceFileHref } from '../../engine/evidence-files.ts';
import { defaultTest, type ControlStatus } from '../../engine/facts.ts';
import { periodUnitOf } from '../../engine/periods.ts';
import type { StaffCohort } from '../../engine/personnel.ts';
import type { Document } from '../../engine/model.ts';
import type {
  ArtifactData,
  ControlData,
  ControlTest,
  EvidenceData,
  Frequency,
  PopulationData,
  RiskData,
  VendorData,
} from '../../schema/index.ts';
import type { Category } from '../../catalog/index.ts';
import { frameworkReadiness, type FrameworkReadiness } from '../../report/frameworks.ts';
import { ownerLabel } from '../format.ts';
import { auditorResult, auditorView } from '../views.ts';
import type { BodySource, NamedLink } from './shared.ts';

/** A control as the evidence index shows it, with its operating status and how an auditor would test it. */
export interface SiteControl extends BodySource {
  kind: 'control';
  id: string;
  title: string;
  criteria: readonly string[];
  pointsOfFocus: readonly string[];
  owner: string;
  frequency: Frequency;
  status: ControlData['status'];
  justification?: string | undefined;
  implemented?: string | undefined;
  retired?: string | undefined;
  type?: ControlData['type'];
  automated: boolean;
  policies: NamedLink[];
  procedures: NamedLink[];
  /** What the trust center publishes of it, when anything. */
  publicSummary?: string | undefined;
  /** From the check's findings (src/engine/facts.ts). */
  operating: ControlStatus;
  /** Its own `test`, else what its automation suggests. */
  test: ControlTest;
}

/**
 * Where the auditor site serves a file kept in the repository, as a link inside the site; absent when the
 * series names no file or the check did not verify it.
 */
interface ServedFile {
  /** `href` inside the auditor site, percent-encoded; `name`, the file name it is served under. */
  download?: { href: string; name: string } | undefined;
}

/** An artifact of a series, with the period it evidences as the series' frequency names it (`2026-Q1`). */
export type SiteArtifact = ArtifactData & ServedFile & { periodLabel: string };

/** A population export of a series. */
export type SitePopulation = PopulationData & ServedFile;

/** An evidence series as the evidence index shows it. */
export interface SiteEvidence extends BodySource {
  kind: 'evidence';
  id: string;
  title: string;
  controls: readonly string[];
  owner: string;
  frequency: Frequency;
  frequencyNote?: string | undefined;
  /** Newest first. */
  artifacts: SiteArtifact[];
  /** The day the newest artifact was collected (the engine's latest artifact); undefined when none. */
  latestCollected?: string | undefined;
  exceptions: EvidenceData['exceptions'];
  population: SitePopulation[];
  /** Its periods in the audit window (none for a Type I audit), worked out when a page first asks. */
  timeline: () => TimelineCell[];
}

/** A risk of the register. */
export interface SiteRisk extends BodySource {
  kind: 'risk';
  id: string;
  title: string;
  owner: string;
  likelihood: number;
  impact: number;
  /** Likelihood times impact: the inherent risk the register sorts by. */
  score: number;
  treatment: RiskData['treatment'];
  residual: RiskData['residual'];
  reviewed: string;
  due?: string | undefined;
  controls: readonly string[];
}

/** A vendor as the auditor site lists it, with its next review from the engine's facts. */
export interface SiteVendor {
  id: string;
  name: string;
  purpose: string;
  criticality: VendorData['criticality'];
  subprocessor: boolean;
  /** Listed on the trust center (until removed). */
  published: boolean;
  removed?: string | undefined;
  assurance?: VendorData['assurance'];
  carveOut: boolean;
  csocs: VendorData['csocs'];
  reviewed: string;
  reviewDue: string;
}

/** A person on record, with their standing on the evaluation date. */
export interface SiteStaff {
  id: string;
  /** Their name, or their id when the register gives none. */
  name: string;
  role: string;
  hired: string;
  backgroundCheck?: string | undefined;
  lastTraining?: string | undefined;
  left?: string | undefined;
  accessRemoved?: string | undefined;
  /** On staff on the evaluation date. */
  current: boolean;
  trainingDue: string;
}

/** One person against one policy that applies to them. */
export interface SiteAcknowledgement {
  person: { id: string; name: string };
  policy: { id: string; title: string; version: string };
  status: AcknowledgementState | { state: 'left' };
  disclosed: boolean;
  cohort: StaffCohort;
}

/** A criterion in scope with what covers it, its state and the window month by month. */
export interface SiteCriterion {
  criterion: Criterion;
  controls: { id: string; title: string }[];
  exclusion?: string | undefined;
  state: CriterionState;
  /** What kept it from being met, in words; undefined when nothing did. */
  shortfall?: string | undefined;
  months: CoverageMonth[];
}

export interface SiteCategoryCoverage {
  category: Category;
  criteria: SiteCriterion[];
  covered: number;
  total: number;
}

/** The system description's heading facts. */
export interface SiteSystemDescription extends BodySource {
  title: string;
  owner: string;
  reviewed: string;
}

/** Management's assertion: when and by whom it was signed, and what it speaks for. */
export interface SiteAssertion extends BodySource {
  date: string;
  signedBy: string;
  /** The period it covers (`2026-01-01 to 2026-06-30`) or the day it speaks of. */
  speaksFor: string;
}

/** A control that started or stopped operating inside the audit window: a significant change (DC9). */
export interface SiteSignificantChange {
  control: { id: string; title: string };
  change: 'implemented' | 'retired';
  date: string;
}

/** A request list of the audit firm, as the requests page names it. */
export interface SiteRequestList {
  file: string;
  firm?: string | undefined;
  source?: string | undefined;
}

/** The auditor site's projections of the documents it shows. */
export function auditorProjections(result: CheckResult) {
  const view = auditorView(result);
  const { facts } = result;
  const owner = (id: string) => ownerLabel(id, view.roles, view.staff);
  const titles = (documents: readonly Document<{ title: string }>[]) =>
    new Map(documents.map((document) => [document.id, document.data.title]));
  const named = (ids: readonly string[], known: ReadonlyMap<string, string>): NamedLink[] =>
    ids.map((id) => ({ id, label: known.get(id) ?? id, linked: known.has(id) }));
  const policyTitles = titles(view.policies);
  const procedureTitles = titles(view.procedures);

  const controls = view.controls.map((control): SiteControl => ({
    kind: 'control',
    id: control.id,
    file: control.file,
    title: control.data.title,
    criteria: control.data.criteria,
    pointsOfFocus: control.data.points_of_focus,
    owner: owner(control.data.owner),
    frequency: control.data.frequency,
    status: control.data.status,
    justification: control.data.justification,
    implemented: control.data.implemented,
    retired: control.data.retired,
    type: control.data.type,
    automated: control.data.automated,
    policies: named(control.data.policies, policyTitles),
    procedures: named(control.data.procedures, procedureTitles),
    publicSummary: control.data.public_summary,
    operating: facts.controlStatus(control),
    test: control.data.test ?? defaultTest(control.data),
  }));

  const servedPaths = new Map(view.evidenceFiles.map((served) => [`${served.seriesId}\0${served.file}`, served.path]));
  const evidence = view.evidence.map((series): SiteEvidence => {
    const unit = periodUnitOf(series.data.frequency) ?? 'month';
    const served = (file: string | undefined) => {
      const path = file === undefined ? undefined : servedPaths.get(`${series.id}\0${file}`);
      return path === undefined ? undefined : { href: evidenceFileHref(path), name: path.split('/').pop()! };
    };
    return {
      kind: 'evidence',
      id: series.id,
      file: series.file,
      title: series.data.title,
      controls: series.data.controls,
      owner: owner(series.data.owner),
      frequency: series.data.frequency,
      frequencyNote: series.data.frequency_note,
      artifacts: [...series.data.artifacts]
        .sort((a, b) => b.collected.localeCompare(a.collected))
        .map((artifact) => ({
          ...artifact,
          download: served(artifact.file),
          periodLabel: artifactPeriod(artifact, unit)?.label ?? String(artifact.period),
        })),
      latestCollected: facts.latestArtifact(series)?.collected,
      exceptions: series.data.exceptions,
      population: series.data.population.map((population) => ({ ...population, download: served(population.file) })),
      timeline: () => facts.periods(series),
    };
  });
  const evidenceByControl = new Map<string, SiteEvidence[]>();
  for (const series of evidence) {
    for (const id of series.controls) evidenceByControl.set(id, [...(evidenceByControl.get(id) ?? []), series]);
  }

  const risks = view.risks.map((risk): SiteRisk => ({
    kind: 'risk',
    id: risk.id,
    file: risk.file,
    title: risk.data.title,
    owner: owner(risk.data.owner),
    likelihood: risk.data.likelihood,
    impact: risk.data.impact,
    score: risk.data.likelihood * risk.data.impact,
    treatment: risk.data.treatment,
    residual: risk.data.residual,
    reviewed: risk.data.reviewed,
    due: risk.data.due,
    controls: risk.data.controls,
  }));

  const vendors = view.vendors.map((vendor): SiteVendor => ({
    id: vendor.id,
    name: vendor.data.name,
    purpose: vendor.data.purpose,
    criticality: vendor.data.criticality,
    subprocessor: vendor.data.subprocessor,
    published: vendor.data.public,
    removed: vendor.data.removed,
    assurance: vendor.data.assurance,
    carveOut: vendor.data.carve_out,
    csocs: vendor.data.csocs,
    reviewed: vendor.data.reviewed,
    reviewDue: facts.vendorReviewDue(vendor),
  }));

  const staff = view.staff.map((person): SiteStaff => ({
    id: person.id,
    name: person.name ?? person.id,
    role: ownerLabel(person.role, view.roles),
    hired: person.hired,
    backgroundCheck: person.background_check,
    lastTraining: [...person.trainings].sort().at(-1),
    left: person.left,
    accessRemoved: person.access_removed,
    current: facts.isCurrentStaff(person),
    trainingDue: facts.trainingDue(person),
  }));

  const shownPolicies = new Set(view.policies);
  const acknowledgements = facts
    .acknowledgements()
    .filter((row) => shownPolicies.has(row.policy))
    .map((row): SiteAcknowledgement => ({
      person: { id: row.person.id, name: row.person.name ?? row.person.id },
      policy: { id: row.policy.id, title: row.policy.data.title, version: row.policy.data.version },
      status: row.status,
      disclosed: row.disclosed,
      cohort: facts.cohortOf(row.person),
    }));

  const description = view.systemDescription;
  const assertion = view.assertion;
  return {
    controls,
    evidence,
    risks,
    vendors,
    /** Carved-out subservice organizations and the controls relied on at each (DC7). */
    subservice: vendors.filter((vendor) => vendor.carveOut),
    staff,
    acknowledgements,
    /** The evidence series (that auditors see) naming a control. */
    evidenceOf: (controlId: string): SiteEvidence[] => evidenceByControl.get(controlId) ?? [],
    /** Coverage of each in-scope criterion: the controls in operation that address it, or its exclusion. */
    coverage: facts.coverage().map((category) => projectCoverage(result, category)),
    systemDescription: description && {
      kind: description.kind,
      file: description.file,
      title: description.data.title,
      owner: owner(description.data.owner),
      reviewed: description.data.reviewed,
    },
    assertion: assertion && {
      kind: assertion.kind,
      file: assertion.file,
      date: assertion.data.date,
      signedBy: owner(assertion.data.signed_by),
      speaksFor: assertion.data.period
        ? `${assertion.data.period.start} to ${assertion.data.period.end}`
        : (assertion.data.as_of ?? ''),
    },
    significantChanges: view.significantChanges.map((change): SiteSignificantChange => ({
      control: { id: change.control.id, title: change.control.data.title },
      change: change.change,
      date: change.date,
    })),
    requestLists: view.requestLists.map((list): SiteRequestList => ({
      file: list.file,
      firm: list.data.firm,
      source: list.data.source,
    })),
    /** Each framework besides SOC 2 in scope, requirement by requirement, from what auditors see (as the readiness report). */
    frameworks: (): FrameworkReadiness[] => frameworkReadiness(auditorResult(result)),
  };
}

/** One category's coverage with each criterion's state, shortfall and months worked out for the page. */
function projectCoverage(result: CheckResult, category: CategoryCoverage): SiteCategoryCoverage {
  return {
    category: category.category,
    covered: category.covered,
    total: category.total,
    criteria: category.criteria.map((entry) => ({
      criterion: entry.criterion,
      controls: entry.controls.map((control) => ({ id: control.id, title: control.data.title })),
      exclusion: entry.exclusion,
      state: criterionState(entry),
      shortfall: describeShortfall(entry),
      months: coverageByMonth(result.model, result.summary.asOf, entry),
    })),
  };
}

export type AuditorProjections = ReturnType<typeof auditorProjections>;
