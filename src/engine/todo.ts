/**
 * The company's next steps, in the order of the SOC 2 checklist this project follows: define the scope, assess
 * the gaps, implement controls, write and approve policies, train staff, assess risks, collect evidence, review
 * vendors, engage an audit firm. Each step is worked out from the program's real state (its documents and the
 * check's findings), never ticked by hand. One computation for `trustbook todo` and the readiness page.
 */
import { isCurrentStaff } from './deadlines.ts';
import { codes, type Diagnostic, type DiagnosticCode } from './diagnostics.ts';
import { auditWindow } from './evidence-timeline.ts';
import { worstFirst } from './finding-groups.ts';
import { codesGroupedBy, codesWhere } from './findings/derive.ts';
import type { TodoStepId } from './findings/catalogue.ts';
import { isBlocking, type BaseFacts } from './facts.ts';

export type { TodoStepId } from './findings/catalogue.ts';

/** What is left of a step: the findings of one code and severity, counted, with the first few files. */
export interface TodoLeft {
  code: DiagnosticCode;
  severity: Diagnostic['severity'];
  /** The finding's own message when there is one, else the code's title. */
  what: string;
  count: number;
  files: string[];
}

export interface TodoStep {
  id: TodoStepId;
  title: string;
  /** What the counts count: "criteria covered", "policies in order". */
  unit: string;
  done: number;
  total: number;
  complete: boolean;
  left: TodoLeft[];
  /** The command to run or the file to open next; empty when the step is complete. */
  next: string;
}

/** The finding codes that keep each step open: the `step` of each code's catalogue entry. */
export const stepCodes: Record<TodoStepId, readonly DiagnosticCode[]> = {
  ...{ scope: [], gaps: [], controls: [], policies: [], training: [], risks: [], evidence: [], vendors: [], audit: [] },
  ...codesGroupedBy((data) => (data.step === 'document' ? null : data.step)),
};

/**
 * Codes whose entry says `step: 'document'` (placeholders, TB320 and TB321, among them) belong to the step of
 * the document they are about: the program file, the system description and the trust pages to the scope, a
 * policy to the policies, a staff member's record to the training, and so on.
 */
const placeholderCodes: readonly DiagnosticCode[] = codesWhere((data) => data.step === 'document');
const placeholderSteps: Partial<Record<NonNullable<Diagnostic['subject']>['kind'], TodoStepId>> = {
  program: 'scope',
  'system-description': 'scope',
  assertion: 'scope',
  attestation: 'audit',
  'trust-page': 'scope',
  policy: 'policies',
  control: 'controls',
  procedure: 'controls',
  checklist: 'controls',
  evidence: 'evidence',
  risk: 'risks',
  vendor: 'vendors',
  person: 'training',
};

/** The step a finding keeps open, if any. */
export function stepOf(diagnostic: Diagnostic): TodoStepId | undefined {
  if (placeholderCodes.includes(diagnostic.code))
    return placeholderSteps[diagnostic.subject?.kind ?? 'program'] ?? 'scope';
  return stepByCode.get(diagnostic.code);
}

const stepByCode = new Map<DiagnosticCode, TodoStepId>(
  Object.entries(stepCodes).flatMap(([step, list]) => list.map((code) => [code, step as TodoStepId] as const)),
);

const FILES_SHOWN = 3;

function leftOf(diagnostics: readonly Diagnostic[], step: TodoStepId): TodoLeft[] {
  const byCode = new Map<string, TodoLeft>();
  for (const d of diagnostics) {
    if (stepOf(d) !== step) continue;
    const key = `${d.severity} ${d.code}`;
    const entry = byCode.get(key) ?? { code: d.code, severity: d.severity, what: d.message, count: 0, files: [] };
    entry.count++;
    if (entry.count > 1) entry.what = codes[d.code];
    if (entry.files.length < FILES_SHOWN && !entry.files.includes(d.file)) entry.files.push(d.file);
    byCode.set(key, entry);
  }
  return [...byCode.values()].sort(worstFirst);
}

/** The steps, in the checklist's order. */
export function todoList(facts: BaseFacts): TodoStep[] {
  const { model, diagnostics, asOf } = facts;
  const program = model.program?.data;
  const blockingAbout = (kind: Parameters<BaseFacts['findingsAbout']>[0], id: string) =>
    facts.findingsAbout(kind, id).some(isBlocking);
  const step = (id: TodoStepId, title: string, unit: string, done: number, total: number, next: string): TodoStep => {
    const left = leftOf(diagnostics, id);
    const complete = left.length === 0 && done >= total;
    return { id, title, unit, done, total, complete, left, next: complete ? '' : next };
  };

  const audit = program?.audit;
  const scopeItems = [
    (program?.scope.length ?? 0) > 0,
    audit !== undefined && (audit.type === 'II' ? audit.period !== undefined : audit.date !== undefined),
    model.systemDescription !== undefined,
    audit?.type !== 'II' || model.assertion !== undefined,
  ];
  const coverage = facts.coverage();
  const covered = coverage.reduce((sum, category) => sum + category.covered, 0);
  const criteria = coverage.reduce((sum, category) => sum + category.total, 0);
  const controls = model.controls.filter((control) => control.data.status !== 'not-applicable');
  // A control counts once it operates: implemented, and its evidence sound (or a deviation disclosed).
  const operating = controls.filter((control) => ['operating', 'exception'].includes(facts.controlStatus(control)));
  const planned = controls.find((control) => control.data.status === 'planned');
  const policiesInOrder = model.policies.filter((policy) => !blockingAbout('policy', policy.id));
  const staff = (model.people?.data.staff ?? []).filter((person) => isCurrentStaff(person, asOf));
  const trained = staff.filter(
    (person) =>
      !facts.findingsAbout('person', person.id).some((d) => isBlocking(d) && stepCodes.training.includes(d.code)),
  );
  const risksInOrder = model.risks.filter((risk) => !blockingAbout('risk', risk.id));
  const evidenced = model.evidence.filter(
    (series) => series.data.artifacts.length > 0 && !blockingAbout('evidence', series.id),
  );
  const empty = model.evidence.find((series) => series.data.artifacts.length === 0);
  const vendorsInOrder = model.vendors.filter((vendor) => !blockingAbout('vendor', vendor.id));
  const window = auditWindow(model);
  const windowOpen = window !== undefined && window.start <= asOf;
  const auditItems = [program?.audit.auditor !== undefined, !windowOpen || model.samples.length > 0];

  return [
    step(
      'scope',
      'Define the scope',
      'scope decisions recorded',
      scopeItems.filter(Boolean).length,
      scopeItems.length,
      '`content/program.yaml` (scope, audit type and window), `content/system-description.mdx`, `content/assertion.mdx`',
    ),
    step(
      'gaps',
      'Assess the gaps',
      'criteria covered',
      covered,
      criteria,
      '`npx trustbook report` (coverage and points of focus per criterion)',
    ),
    step(
      'controls',
      'Implement controls',
      'controls operating',
      operating.length,
      controls.length,
      planned
        ? `\`${planned.file}\`: implement it, then set \`status: implemented\``
        : 'a control operates once its evidence is in order: see "Collect evidence"',
    ),
    step(
      'policies',
      'Write and approve policies',
      'policies in order',
      policiesInOrder.length,
      Math.max(model.policies.length, 1),
      model.policies.length === 0
        ? '`npx trustbook new policy information-security`'
        : '`policies/`: review, approve, set `approved` and `approved_by`',
    ),
    step(
      'training',
      'Train staff',
      'staff screened, trained and acknowledged',
      trained.length,
      Math.max(staff.length, 1),
      '`content/people.yaml`: `background_check`, `trainings`; then `npx trustbook acknowledgements import FILE`',
    ),
    step(
      'risks',
      'Assess risks',
      'risks assessed and reviewed',
      risksInOrder.length,
      Math.max(model.risks.length, 1),
      model.risks.length === 0 ? '`npx trustbook new risk R-01`' : '`content/risks/`: review each risk, set `reviewed`',
    ),
    step(
      'evidence',
      'Collect evidence',
      'evidence series in order',
      evidenced.length,
      Math.max(model.evidence.length, 1),
      empty
        ? `\`npx trustbook evidence add ${empty.id} --url URL --collected YYYY-MM-DD\``
        : '`npx trustbook check --upcoming 30` (what falls due next)',
    ),
    step(
      'vendors',
      'Review vendors',
      'vendors reviewed',
      vendorsInOrder.length,
      Math.max(model.vendors.length, 1),
      model.vendors.length === 0
        ? '`npx trustbook new vendor ID`'
        : '`content/vendors/`: review each vendor, set `reviewed`',
    ),
    step(
      'audit',
      'Engage an audit firm',
      'audit steps done',
      auditItems.filter(Boolean).length,
      auditItems.length,
      program?.audit.auditor === undefined
        ? '`content/program.yaml`: name the firm as `audit.auditor`; import its request list with `npx trustbook requests import FILE`'
        : '`npx trustbook sample`, then `npx trustbook audit` (a mock audit)',
    ),
  ];
}
