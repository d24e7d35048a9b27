/**
 * `validProgram()` with frameworks added to SOC 2, each complete: the tests and the corpus break one thing at a
 * time from here. The added lines go after the existing ones, so the line numbers listed in
 * test/hardening/corpus.ts still hold: program.yaml's `frameworks:` is line 12 and the framework's key line 13, and
 * the control's citations (`iso`, `hipaa` or `csf`) are line 9, after its `frequency`.
 */
import {
  csfSubcategories,
  frameworkRequirements,
  hipaaSpecifications,
  isoClauses,
  isoControls,
} from '../../src/catalog/index.ts';
import { edit, validProgram, type Files } from './program.ts';

export const PROGRAM = 'content/program.yaml';
export const CONTROL = 'content/controls/BASE-01.mdx';
export const SOA = 'content/statement-of-applicability.yaml';

const list = (ids: readonly string[]) => `[${ids.map((id) => `"${id}"`).join(', ')}]`;

/** Every Annex A control applicable, with a reason, implemented; `except` replaces some entries' lines. */
export function soaText(except: Record<string, string | null> = {}, approved = '2026-03-01'): string {
  const entries = isoControls
    .filter((control) => except[control.id] !== null)
    .map(
      (control) =>
        `  ${control.id}: ${except[control.id] ?? '{ applicable: true, reason: "Customer contracts require it.", status: implemented }'}`,
    );
  return `title: Statement of Applicability
version: "1.0"
owner: security-lead
approved_by: ceo
approved: ${approved}
review_months: 12
controls:
${entries.join('\n')}
`;
}

/** The SoA's line of an Annex A control's entry (line 8 is the first). */
export function soaLine(id: string): number {
  return 8 + isoControls.findIndex((control) => control.id === id);
}

/** ISO/IEC 27001 in scope, BASE-01 citing every clause and Annex A control, and a complete SoA. */
export function isoProgram(): Files {
  let files = edit(
    validProgram(),
    PROGRAM,
    'warn_within_days: 30\n',
    'warn_within_days: 30\nframeworks:\n  iso27001:\n    isms_scope: The test platform and the team that runs it.\n',
  );
  const cited = [...isoClauses.map((clause) => clause.id), ...isoControls.map((control) => control.id)];
  files = edit(files, CONTROL, 'frequency: quarterly\n', `frequency: quarterly\niso: ${list(cited)}\n`);
  return { ...files, [SOA]: soaText() };
}

/** Every addressable specification of the rule (but the group health plan's) decided `implemented`. */
export function hipaaDecisions(except: Record<string, string | null> = {}): string {
  return hipaaSpecifications
    .filter((spec) => spec.status === 'addressable' && !spec.id.startsWith('164.314(b)') && except[spec.id] !== null)
    .map(
      (spec) =>
        `      ${spec.id}: ${except[spec.id] ?? '{ decision: implemented, approved_by: ceo, approved: 2026-02-01 }'}\n`,
    )
    .join('');
}

/** HIPAA in scope as a business associate, BASE-01 citing every requirement but the group health plan's. */
export function hipaaProgram(decisions = hipaaDecisions(), retentionYears = 6): Files {
  const files = edit(
    validProgram(),
    PROGRAM,
    'warn_within_days: 30\n',
    `warn_within_days: 30\nframeworks:\n  hipaa:\n    role: business-associate\n    retention_years: ${retentionYears}\n    decisions:\n${decisions}`,
  );
  const cited = frameworkRequirements('hipaa')
    .map((requirement) => requirement.id)
    .filter((id) => !id.startsWith('164.314(b)'));
  return edit(files, CONTROL, 'frequency: quarterly\n', `frequency: quarterly\nhipaa: ${list(cited)}\n`);
}

/** CSF in scope for the given functions, BASE-01 citing every subcategory of them. */
export function csfProgram(functions: readonly string[] = ['GV']): Files {
  const files = edit(
    validProgram(),
    PROGRAM,
    'warn_within_days: 30\n',
    `warn_within_days: 30\nframeworks:\n  csf:\n    functions: [${functions.join(', ')}]\n`,
  );
  const cited = csfSubcategories.filter((sub) => functions.includes(sub.function)).map((sub) => sub.id);
  return edit(files, CONTROL, 'frequency: quarterly\n', `frequency: quarterly\ncsf: ${list(cited)}\n`);
}
