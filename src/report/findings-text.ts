/** The three output formats of `trustbook check`: pretty (people), json (tools), github (workflow annotations). */
import type { Deadline } from '../engine/deadlines.ts';
import { findingGroups, GROUP_AT } from '../engine/finding-groups.ts';
import { referenceAnchor } from '../engine/findings/reference.ts';
import type { CheckResult, Diagnostic } from '../engine/index.ts';

export type OutputFormat = 'pretty' | 'json' | 'github';
export const outputFormats: readonly OutputFormat[] = ['pretty', 'json', 'github'];

interface Style {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  green(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const colors: Style = {
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
  green: ansi(32, 39),
};
export const plain: Style = { red: String, yellow: String, dim: String, bold: String, green: String };

/** How many findings of a group are listed before "and N more". */
const GROUP_SHOWN = 3;

/**
 * Findings for people: a code with many findings of one severity (a fresh program's 28 series without
 * artifacts) is one group with its count, the first few and one fix; the rest by file. `all` lists every one.
 */
export function formatPretty(
  result: Pick<CheckResult, 'diagnostics' | 'summary'>,
  durationMs: number,
  style: Style = plain,
  options: {
    all?: boolean;
    /** The diagnostics reference (a path or address); each finding then names its code's entry there. */
    reference?: string;
  } = {},
): string {
  const lines: string[] = [];
  const see = (code: string) =>
    options.reference === undefined ? [] : [`    ${style.dim('see:')} ${options.reference}#${referenceAnchor(code)}`];
  const grouped = options.all ? [] : findingGroups(result.diagnostics).filter((group) => group.count >= GROUP_AT);
  const inGroup = (d: Diagnostic) => grouped.some((group) => group.code === d.code && group.severity === d.severity);
  for (const group of grouped) {
    const members = result.diagnostics.filter((d) => d.code === group.code && d.severity === group.severity);
    const severity = group.severity === 'error' ? style.red('error') : style.yellow('warning');
    lines.push(`${severity} ${style.dim(group.code)} ${style.bold(`${group.title}: ${group.count} findings`)}`);
    for (const d of members.slice(0, GROUP_SHOWN))
      lines.push(`  ${d.message}`, `    ${style.dim('at')} ${d.file}:${d.line ?? 1}`);
    if (members.length > GROUP_SHOWN) {
      lines.push(`  ${style.dim(`and ${members.length - GROUP_SHOWN} more (trustbook check --all lists every one)`)}`);
    }
    lines.push(`  ${style.dim('fix:')} ${members[0]!.hint}`, ...see(group.code).map((line) => line.slice(2)), '');
  }
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    if (inGroup(diagnostic)) continue;
    byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  }
  for (const [file, diagnostics] of byFile) {
    lines.push(style.bold(file));
    for (const d of diagnostics) {
      const where = `${file}:${d.line ?? 1}`;
      const severity = d.severity === 'error' ? style.red('error') : style.yellow('warning');
      lines.push(`  ${severity} ${style.dim(d.code)} ${d.message}`);
      lines.push(`    ${style.dim('at')} ${where}`);
      lines.push(`    ${style.dim('fix:')} ${d.hint}`, ...see(d.code));
    }
    lines.push('');
  }
  const s = result.summary;
  lines.push(
    `${s.documents} files read, evaluated as of ${s.asOf} (${s.asOfSource})${s.readiness ? ', readiness mode' : ''}`,
  );
  if (s.coverage.length > 0) {
    lines.push(`criteria covered: ${s.coverage.map((c) => `${c.label} ${c.covered}/${c.total}`).join(', ')}`);
  }
  const verdict = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  lines.push(
    `${s.errors > 0 ? style.red(verdict) : s.warnings > 0 ? style.yellow(verdict) : style.green(verdict)} in ${durationMs} ms`,
  );
  return lines.join('\n');
}

export function formatJson(result: CheckResult, durationMs: number, upcoming?: Deadline[]): string {
  return JSON.stringify(
    {
      diagnostics: result.diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        file: d.file,
        line: d.line ?? null,
        message: d.message,
        hint: d.hint,
      })),
      summary: { ...result.summary, durationMs, byCode: findingGroups(result.diagnostics) },
      ...(upcoming
        ? { upcoming: upcoming.map(({ due, what, file, line, code, kind }) => ({ due, kind, what, file, line, code })) }
        : {}),
    },
    null,
    2,
  );
}

/** One finding as a workflow command: `::error file=...,line=...,title=...::message`, escaped as the runner expects. */
export function githubAnnotation(
  d: Pick<Diagnostic, 'severity' | 'file' | 'line' | 'message' | 'hint'> & { code: string },
): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const properties = [
    `file=${escapeProperty(d.file)}`,
    ...(d.line ? [`line=${d.line}`] : []),
    `title=${escapeProperty(d.code)}`,
  ];
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(`${d.message}. Fix: ${d.hint}`)}`;
}

/** Workflow commands for every finding, then a summary line. */
export function formatGithub(result: Pick<CheckResult, 'diagnostics' | 'summary'>, durationMs: number): string {
  const annotations = result.diagnostics.map(githubAnnotation);
  const s = result.summary;
  annotations.push(
    `trustbook check: ${s.errors} errors, ${s.warnings} warnings, ${s.documents} files, as of ${s.asOf}, ${durationMs} ms`,
  );
  return annotations.join('\n');
}

/** What falls due next, soonest first (overdue items first of all). */
export function formatUpcoming(upcoming: readonly Deadline[], days: number, asOf: string): string {
  if (upcoming.length === 0) return `Nothing falls due in the ${days} days after ${asOf}.`;
  const lines = [`Due in the ${days} days after ${asOf} (and anything overdue), soonest first:`];
  for (const deadline of upcoming) {
    const overdue = deadline.due < asOf ? ' (overdue)' : '';
    lines.push(`  ${deadline.due}${overdue}  ${deadline.what}  ${deadline.file}:${deadline.line}`);
  }
  return lines.join('\n');
}
