/** Runs every rule over a built model against one evaluation date and sums up the result. */
import { categoryLabels, type Category } from '../catalog/index.ts';
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { finding } from './findings/finding.ts';
import { resolveEvaluationDate, type EvaluationDate } from './evaluation-date.ts';
import { allDocuments, PEOPLE_FILE, PROGRAM_FILE, type ProgramModel } from './model.ts';
import { secretState } from './grants.ts';
import { computeCoverage } from './coverage.ts';
import { ProgramFacts } from './program-facts.ts';
import { auditHasBegun } from './rules/context.ts';
import { rules, type RuleContext } from './rules/index.ts';

export { auditHasBegun };

export interface CheckOptions {
  /** `--as-of` from the command line. */
  asOf?: string | undefined;
  /** `TRUSTBOOK_AS_OF` from the environment. */
  envAsOf?: string | undefined;
  /** Today, for tests; defaults to the real date in UTC. */
  today?: string | undefined;
  /** `TRUSTBOOK_GRANT_SECRET` from the environment: the check says whether it can protect grants, never what it is. */
  grantSecret?: string | undefined;
  /** The build that is deployed (`TRUSTBOOK_DEPLOY` set): current grants then need the secret. */
  deploy?: boolean | undefined;
}

export interface CheckSummary {
  documents: number;
  asOf: string;
  asOfSource: EvaluationDate['source'];
  readiness: boolean;
  errors: number;
  warnings: number;
  coverage: { category: Category; label: string; covered: number; total: number }[];
}

export interface CheckResult {
  model: ProgramModel;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  context: RuleContext;
  /** What follows from the model and the findings: coverage, statuses, periods, progress, deadlines. */
  facts: ProgramFacts;
}

export function runChecks(model: ProgramModel, loadDiagnostics: Diagnostic[], options: CheckOptions = {}): CheckResult {
  const evaluation = resolveEvaluationDate({
    cli: options.asOf,
    env: options.envAsOf,
    program: model.program?.data.as_of,
    today: options.today,
  });
  const context: RuleContext = {
    asOf: evaluation.date,
    warnWithinDays: model.program?.data.warn_within_days ?? 30,
    readiness: (model.program?.data.readiness ?? false) && !auditHasBegun(model, evaluation.date),
    grantSecret: secretState(options.grantSecret),
    asOfSource: evaluation.source,
    deploy: options.deploy ?? false,
  };
  const diagnostics = [...loadDiagnostics, ...requiredFiles(model, loadDiagnostics)];
  // One push per finding: spreading a rule's findings into push() overflows the stack past ~100k of them.
  for (const rule of rules) for (const diagnostic of rule(model, context)) diagnostics.push(diagnostic);
  const sorted = sortDiagnostics(withSubjects(model, diagnostics));
  return withFacts({
    model,
    diagnostics: sorted,
    context,
    summary: {
      documents: model.documentsRead,
      asOf: evaluation.date,
      asOfSource: evaluation.source,
      readiness: context.readiness,
      ...countBySeverity(sorted),
      coverage: computeCoverage(model, evaluation.date).map(({ category, covered, total }) => ({
        category,
        label: categoryLabels[category],
        covered,
        total,
      })),
    },
  });
}

/** The result with its facts, each worked out from this very result's model, findings and date on first use. */
export function withFacts(result: Omit<CheckResult, 'facts'>): CheckResult {
  const { model, diagnostics, summary } = result;
  return { ...result, facts: new ProgramFacts({ model, diagnostics, asOf: summary.asOf }) };
}

/**
 * Every finding says what it is about. A rule names the subject when it knows better (a person, one period of a
 * series); any other finding in a document's file is about that document. Done once here, so no view, export or
 * page ever matches findings to documents by file name.
 */
function withSubjects(model: ProgramModel, diagnostics: Diagnostic[]): Diagnostic[] {
  const documentOf = new Map(allDocuments(model).map((document) => [document.file, document]));
  for (const diagnostic of diagnostics) {
    if (diagnostic.subject) continue;
    const document = documentOf.get(diagnostic.file);
    if (document) diagnostic.subject = { kind: document.kind, id: document.id };
  }
  return diagnostics;
}

function requiredFiles(model: ProgramModel, loadDiagnostics: Diagnostic[]): Diagnostic[] {
  const reported = new Set(loadDiagnostics.map((d) => d.file));
  const missing: Diagnostic[] = [];
  if (!model.program && !reported.has(PROGRAM_FILE)) {
    missing.push(finding('TB005', { file: PROGRAM_FILE }, 'program'));
  }
  if (!model.people && !reported.has(PEOPLE_FILE)) {
    missing.push(finding('TB005', { file: PEOPLE_FILE }, 'people'));
  }
  return missing;
}
