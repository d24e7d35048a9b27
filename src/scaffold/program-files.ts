/** The two YAML files a new program starts with, written with comments that explain each field. */
import type { Category } from '../catalog/index.ts';
import { addDays, addMonths } from '../engine/dates.ts';

/** The audit as init records it: a Type II window or a Type I date, and the firm once chosen. */
export type NewAudit =
  | { type: 'II'; period: { start: string; end: string }; auditor?: string | undefined }
  | {
      type: 'I';
      date: string;
      auditor?: string | undefined;
    };

/** A person who holds one of the starter roles, as the guided init asks for them. */
export interface KeyPerson {
  id: string;
  name: string;
  role: string;
  hired: string;
  background_check?: string | undefined;
  /** The last security awareness training, if one is on record. */
  trained?: string | undefined;
}

export interface NewProgram {
  organization: string;
  system: string;
  website: string;
  contact: string;
  scope: Category[];
  today: string;
  /** Default: Type II over the first window (`firstAuditWindow`), no firm yet. */
  audit?: NewAudit | undefined;
  /** Default: none; people.yaml then starts with the roles only. */
  keyPeople?: readonly KeyPerson[] | undefined;
}

/** The first audit window: 12 months from the first day of the month at least 90 days away. */
export function firstAuditWindow(today: string): { start: string; end: string } {
  const ready = addDays(today, 90);
  const start = ready.endsWith('-01') ? ready : `${addMonths(ready.slice(0, 8) + '01', 1)}`;
  return { start, end: addDays(addMonths(start, 12), -1) };
}

function auditYaml(audit: NewAudit): string {
  const when =
    audit.type === 'II'
      ? `  period: { start: ${audit.period.start}, end: ${audit.period.end} }   # the Type II window; adjust to your auditor's dates`
      : `  date: ${audit.date}   # the Type I report date; adjust to your auditor's date`;
  const firm = audit.auditor ? `  auditor: "${audit.auditor}"` : '  # auditor: Your CPA firm LLP';
  return `audit:\n  type: ${audit.type}\n${when}\n${firm}`;
}

export function programYaml(program: NewProgram): string {
  const audit = program.audit ?? { type: 'II', period: firstAuditWindow(program.today) };
  return `# The program: who is audited, for what, and when. Fields: docs/content-model.md.
organization: "${program.organization}"
system: "${program.system}"
website: ${program.website}
contact: ${program.contact}
scope: [${program.scope.join(', ')}]   # security is mandatory; also availability, confidentiality, processing-integrity, privacy
excluded_criteria: []   # criteria of an in-scope category that do not apply: - { id: P3.2, reason: "..." }
${auditYaml(audit)}
warn_within_days: 30
# Branding on all three sites: a logo and a favicon in public/ (replace the placeholder logo.svg there with
# yours, add a favicon.svg), and the colour of links and buttons, quoted, at least 4.5:1 on white.
# brand:
#   logo: logo.svg
#   favicon: favicon.svg
#   accent: "#1d4f91"
# Readiness mode: until the audit window opens, missing evidence is a warning rather than an error.
# Schema, reference, coverage and review errors still fail. Remove this line when the window opens.
readiness: true
# Content-only mode: bodies are text, never code. MDX can run JavaScript at build time (\`import\`, \`{ }\`), with
# the build's files and secrets in reach; with this on, the check refuses any body that would. See the README.
content_only: true
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

export function peopleYaml(keyPeople: readonly KeyPerson[] = []): string {
  const record = (person: KeyPerson) =>
    [
      `id: ${person.id}`,
      `name: "${person.name}"`,
      `role: ${person.role}`,
      `hired: ${person.hired}`,
      ...(person.background_check ? [`background_check: ${person.background_check}`] : []),
      ...(person.trained ? [`trainings: [${person.trained}]`] : []),
    ].join(', ');
  // A person on staff without a background check or a training on record is an error from the first build
  // (TB508, TB507), and readiness mode does not defer it: such a record waits in a comment, saying what it
  // needs, until the dates are known.
  const onRecord = keyPeople.filter(isOnRecord);
  const waiting = keyPeople.filter((person) => !isOnRecord(person));
  const staff = [
    onRecord.length === 0 ? 'staff: []' : `staff:\n${onRecord.map((person) => `  - { ${record(person)} }`).join('\n')}`,
    ...waiting.map(
      (person) =>
        `# Add once ${missingRecords(person).join(' and ')} ${missingRecords(person).length > 1 ? 'are' : 'is'} on record (the date), and remove the #:\n#  - { ${record(person)} }`,
    ),
  ].join('\n');
  return `# Roles own documents; staff records hold training and background checks. Never published.
roles:
${starterRoles.map(([id, title]) => `  - { id: ${id}, title: ${title} }`).join('\n')}
# One record per person, for example:
#   - { id: jane-doe, name: Jane Doe, role: security-lead, hired: 2026-01-05, background_check: 2025-12-20, trainings: [2026-01-20] }
${staff}
`;
}

/** Whether a key person has what a staff record needs from the first build: a background check and a training. */
export function isOnRecord(person: KeyPerson): boolean {
  return missingRecords(person).length === 0;
}

/** What a key person's staff record still lacks, in words. */
export function missingRecords(person: KeyPerson): string[] {
  return [
    ...(person.background_check ? [] : ['the background check']),
    ...(person.trained ? [] : ['a security awareness training']),
  ];
}
