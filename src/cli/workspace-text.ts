/** Workspace findings as people read them: under a client or the workspace file, each with where and a fix. */
import type { Diagnostic } from '../engine/diagnostics.ts';

export function formatWorkspaceFindings(findings: readonly Diagnostic[], indent = '  '): string[] {
  return findings.flatMap((found) => [
    `${indent}${found.severity} ${found.code} ${found.message}`,
    `${indent}  at ${found.file}${found.line !== undefined ? `:${found.line}` : ''}`,
    `${indent}  fix: ${found.hint}`,
  ]);
}
