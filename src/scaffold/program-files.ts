/** The two YAML files a new program starts with, written with comments that explain each field. */
import type { Category } from '../catalog/index.ts';
import { addDays, addMonths } from '../engine/dates.ts';

export interface NewProgram {
  organization: string;
  system: string;
  website: string;
  contact: string;
  scope: Category[];
  today: string;
}

/** The first audit window: 12 months from the first day of the month at least 90 days away. */
export function firstAuditWindow(today: string): { start: string; end: string } {
  const ready = addDays(today, 90);
  const start = ready.endsWith('-01') ? ready : `${addMonths(ready.slice(0, 8) + '01', 1)}`;
  return { start, end: addDays(addMonths(start, 12), -1) };
}

export function programYaml(program: NewProgram): string {
  const window = firstAuditWindow(program.today);
  return `# The program: who is audited, for what, and when. Fields: docs/content-model.md.
organization: "${program.organization}"
system: "${program.system}"
website: ${program.website}
contact: ${program.contact}
scope: [${program.scope.join(', ')}]   # security is mandatory; also availability, confidentiality, processing-integrity, privacy
excluded_criteria: []   # criteria of an in-scope category that do not apply: - { id: P3.2, reason: "..." }
audit:
  type: II
  period: { start: ${window.start}, end: ${window.end} }   # the Type II window; adjust to your auditor's dates
  # auditor: Your CPA firm LLP
warn_within_days: 30
# Readiness mode: until the audit window opens, missing evidence is a warning rather than an error.
# Schema, reference, coverage and review errors still fail. Remove this line when the window opens.
readiness: true
`;
}

export const starterRoles = [
  ['ceo', 'Chief Executive Officer'],
  ['cto', 'Chief Technology Officer'],
  ['security-lead', 'Security Lead'],
  ['engineering-manager', 'Engineering Manager'],
  ['it-admin', 'IT Administrator'],
  ['people-ops', 'People Operations'],
] as const;

export function peopleYaml(): string {
  return `# Roles own documents; staff records hold training and background checks. Never published.
roles:
${starterRoles.map(([id, title]) => `  - { id: ${id}, title: ${title} }`).join('\n')}
# One record per person, for example:
#   - { id: jane-doe, name: Jane Doe, role: security-lead, hired: 2026-01-05, background_check: 2025-12-20, trainings: [2026-01-20] }
staff: []
`;
}
