/**
 * Findings counted by code and severity: a fresh program's 28 "evidence series without artifacts" read as one
 * line with its count, in the pretty output, the JSON summary and the readiness page alike.
 */
import { codes, type Diagnostic, type DiagnosticCode } from './diagnostics.ts';

/** How many findings of one code and severity make a group, shown once with a count and the first few. */
export const GROUP_AT = 5;

/** One code's findings of one severity, in the order the check reports them. */
export interface FindingGroup {
  code: DiagnosticCode;
  severity: Diagnostic['severity'];
  title: string;
  count: number;
}

/** The findings by code and severity, most first: what the pretty output groups and the JSON counts. */
export function findingGroups(diagnostics: readonly Diagnostic[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const d of diagnostics) {
    const key = `${d.severity} ${d.code}`;
    const group = groups.get(key) ?? { code: d.code, severity: d.severity, title: codes[d.code], count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort(worstFirst);
}

/** Errors before warnings, then the most findings first, then by code. */
export function worstFirst(
  a: { severity: Diagnostic['severity']; count: number; code: string },
  b: { severity: Diagnostic['severity']; count: number; code: string },
): number {
  return (
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    b.count - a.count ||
    a.code.localeCompare(b.code)
  );
}
