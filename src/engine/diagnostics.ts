/** Findings: what the check reports. What each code means lives in its catalogue entry (findings/catalogue.ts). */
import type { DocumentKind } from './document-kinds.ts';
import { catalogue, type FindingCode, type LiveCodes } from './findings/catalogue.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** `TB` and three digits; see findings/catalogue.ts and docs/diagnostics.md. */
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

/** A code that may be raised: every code of the catalogue except the retired ones. */
export type DiagnosticCode = LiveCodes<typeof catalogue>;

/** The title of every code, retired ones included (old reports still name them). */
export const codes: Readonly<Record<FindingCode, string>> = Object.fromEntries(
  Object.entries(catalogue).map(([code, data]) => [code, data.title]),
) as Record<FindingCode, string>;

/**
 * Sorted by file, line, severity (errors first) and code, so output is stable whatever order files were read in;
 * each finding with its keys in one order, whatever order its rule wrote them in, since the JSON exports print
 * them as they come.
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics]
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        rank(a) - rank(b) ||
        a.code.localeCompare(b.code) ||
        a.message.localeCompare(b.message),
    )
    .map(inKeyOrder);
}

function inKeyOrder(diagnostic: Diagnostic): Diagnostic {
  const { severity, deferred, code, file, line, subject, message, hint, ...rest } = diagnostic;
  return {
    severity,
    ...(deferred !== undefined ? { deferred } : {}),
    code,
    file,
    ...(line !== undefined ? { line } : {}),
    ...(subject !== undefined ? { subject } : {}),
    message,
    hint,
    ...rest,
  };
}

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}
