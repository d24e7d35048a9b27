/** Findings: what the check reports, and the catalogue of codes with what each means and how to fix it. */

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
}

/** Every code the check can report, with a title. docs/diagnostics.md explains each one. */
export const codes = {
  TB001: 'YAML syntax error',
  TB002: 'Frontmatter is not closed',
  TB003: 'File is not UTF-8 text',
  TB004: 'No frontmatter',
  TB005: 'Required file missing',
  TB006: 'File cannot be read',
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
  TB301: 'Criterion not covered',
  TB302: 'Required policy missing',
  TB303: 'Risk assessment missing',
  TB304: 'System description missing',
  TB305: 'System description section missing',
  TB401: 'Control without evidence',
  TB402: 'Evidence series without artifacts',
  TB501: 'Policy review overdue',
  TB502: 'Evidence is stale',
  TB503: 'Vendor review overdue',
  TB504: 'Vendor assurance out of date',
  TB505: 'Risk not reviewed',
  TB506: 'Risk treatment past due',
  TB507: 'Security training overdue',
  TB508: 'Background check missing',
  TB509: 'System description review overdue',
  TB601: 'Audit period without evidence',
  TB602: 'Artifact collected in the future',
  TB701: 'Evidence file missing',
  TB702: 'Evidence file changed',
  TB703: 'Evidence file outside evidence-index/',
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
