/** Findings: what the check reports, and the catalogue of codes with what each means and how to fix it. */
import type { DocumentKind } from './document-kinds.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** `TB` and three digits; see `codes` below and docs/diagnostics.md. */
  code: DiagnosticCode;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when the finding has one. */
  line?: number;
  message: string;
  /** How to fix it. */
  hint: string;
  /**
   * What the finding is about, so views and exports find the findings of a document, a person or one period
   * of a series without matching file names or message text.
   */
  subject?: Subject;
  /** True on an error that readiness mode reports as a warning: the program is not audit-ready on this point. */
  deferred?: true;
}

/** The thing a finding is about: a document (by kind and id), a staff member, or the program itself. */
export interface Subject {
  kind: DocumentKind | 'program' | 'person';
  id: string;
  /** For a finding about one period of an evidence series: the period's label. */
  period?: string;
  /** For a finding about one artifact of an evidence series: its place in `artifacts`, from 0. */
  artifact?: number;
}

/** Every code the check can report, with a title. docs/diagnostics.md explains each one. */
export const codes = {
  TB001: 'YAML syntax error',
  TB002: 'Frontmatter is not closed',
  TB003: 'File is not UTF-8 text',
  TB004: 'No frontmatter',
  TB005: 'Required file missing',
  TB006: 'File cannot be read',
  TB007: 'MDX syntax error',
  TB008: 'Document not read',
  TB009: 'Code in a body of a content-only program',
  TB010: 'Link with a script or data address',
  TB011: 'Trust file is not what its path says',
  TB101: 'Required field missing',
  TB102: 'Unknown field',
  TB103: 'Invalid date',
  TB104: 'Wrong type or value',
  TB201: 'Duplicate id',
  TB202: 'Unknown criterion',
  TB203: 'Unknown policy',
  TB204: 'Unknown control',
  TB205: 'Unknown procedure',
  TB206: 'Unknown person or role',
  TB207: 'Unknown evidence series',
  TB208: 'Excluded criterion not applicable',
  TB209: 'Unknown checklist rule',
  TB210: 'Unknown point of focus',
  TB211: 'Unknown trust document',
  TB212: 'Answer cites something that does not exist',
  TB213: 'Answer cites what its audience may not see',
  TB301: 'Criterion not covered',
  TB302: 'Required policy missing',
  TB303: 'Risk assessment missing',
  TB304: 'System description missing',
  TB305: 'System description section missing',
  TB306: "Management's assertion missing",
  TB307: "Management's assertion does not match the audit",
  TB310: 'Common criterion excluded',
  TB311: 'Exclusion without a substantive reason',
  TB312: 'Whole category excluded',
  TB313: 'Criterion both excluded and addressed',
  TB314: 'Criterion not covered for part of the period',
  TB315: 'Criterion not met: its controls did not operate effectively',
  TB316: 'Required document not in force from the start of the period',
  TB320: 'Text still to write',
  TB321: 'Template default left in',
  TB330: 'Complementary control supports a criterion out of scope',
  TB331: 'Privacy notice missing',
  TB332: 'Processing specifications missing',
  TB333: 'One control claims a whole category',
  TB334: 'Control tested by inquiry alone',
  TB401: 'Control without evidence',
  TB402: 'Evidence series without artifacts',
  TB403: 'Per-event series without a population',
  TB404: 'Per-event series without evidence in the window',
  TB405: 'Population cannot be complete',
  TB406: 'Evidence less frequent than its control',
  TB408: 'Personnel population disagrees with the staff register',
  TB409: 'Population row outside its period',
  TB410: 'Event listed twice in the population',
  TB411: 'Blank row in a population',
  TB412: 'Overlapping population exports',
  TB413: '"No events" contradicted by the records',
  TB414: 'Population leaves months empty',
  TB501: 'Policy review overdue',
  TB502: 'Evidence is stale',
  TB503: 'Vendor review overdue',
  TB504: 'Vendor assurance out of date',
  TB505: 'Risk not reviewed',
  TB506: 'Risk treatment past due',
  TB507: 'Security training overdue',
  TB508: 'Background check missing',
  TB509: 'System description review overdue',
  TB510: 'Vendor assurance without its date',
  TB511: 'Critical subprocessor without assurance',
  TB512: 'Carve-out subservice organization incomplete',
  TB513: 'Leaver access not removed in time',
  TB514: 'New hire given access before screening',
  TB515: 'Subservice organization without a Type II report',
  TB516: 'Vendor bridge letter beyond what it can cover',
  TB517: 'Vendor report not reviewed',
  TB518: 'Vendor removal dated impossibly',
  TB530: 'Attestation lapsed',
  TB531: 'Bridge letter needed',
  TB532: 'Trust document missing or out of date',
  TB533: 'Grant gives a document it cannot give',
  TB534: 'Grant names an NDA text that is not kept',
  TB535: 'Grant about to expire',
  TB536: 'No grant secret: documents under NDA are not published',
  TB537: 'Grant secret not generated',
  TB538: 'Attestation that cannot be true',
  TB540: 'Brand file missing',
  TB541: 'Brand file outside public/',
  TB542: 'Brand file of the wrong type',
  TB543: 'Accent colour too light',
  TB544: 'Accent colour not written as #rrggbb',
  TB550: 'Grant without a salt',
  TB551: 'Grants published with a pinned evaluation date',
  TB520: 'Policy not acknowledged',
  TB521: 'Acknowledgement of a text that never existed',
  TB522: 'Acknowledgement names an unknown person or policy',
  TB523: 'Acknowledgement dated impossibly',
  TB524: 'Policy acknowledged late',
  TB525: 'Acknowledgement before the version was approved',
  TB526: 'Security training lapsed during the window',
  TB601: 'Audit period without evidence',
  TB602: 'Artifact collected in the future',
  TB603: 'Artifact predates what it claims',
  TB604: 'One artifact for many periods',
  TB605: 'Control operated late',
  TB606: 'Exception disclosed',
  TB607: 'Exception outside the series',
  TB608: 'Type I evidence only after the report date',
  TB609: 'Control did not operate effectively',
  TB610: 'Control never ran in the window',
  TB611: 'Exception dated before the period it concerns',
  TB612: 'Exception names an event the population does not list',
  TB620: 'Occurrence of the control not evidenced',
  TB621: "Artifact outside the control's operation",
  TB622: 'One document counted for several occurrences',
  TB623: 'One document for unrelated controls',
  TB701: 'Evidence file missing',
  TB702: 'Evidence file changed',
  TB703: 'Evidence file outside evidence-index/',
  TB704: 'Evidence location is a placeholder',
  TB801: 'Readiness mode has ended',
  TB802: 'Dated in the future',
  TB803: 'Policy effective before approval',
  TB804: 'Policy not yet effective',
  TB805: 'Left before hired',
  TB806: 'Background check long after hire',
  TB807: 'Audit window of an implausible length',
  TB808: 'Control dates inconsistent',
  TB809: 'Acted for the company while not on staff',
  TB810: 'Policy approved by its own owner',
  TB901: 'Population changed after sampling',
  TB902: 'Sampled item without evidence',
  TB903: 'Sample not in the population',
  TB904: 'Sample record names an unknown series',
  TB905: 'Recorded sample differs from its redraw',
  TB906: 'Sample record cannot be redrawn',
  TB907: 'Sample size below the floor',
  TB910: 'Request names an unknown control or evidence series',
  TB911: 'Request mapping not confirmed',
  TB912: 'Duplicate request id',
} as const;

export type DiagnosticCode = keyof typeof codes;

/** Errors first, then by file, line and code, so output is stable whatever order files were read in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      rank(a) - rank(b) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}
