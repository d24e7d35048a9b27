/**
 * Shared by the hardening tests: run a program held in memory or written to a temporary folder, time it,
 * and check what every result must satisfy whatever the input (known codes, a file, a line of 1 or more).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkProject, codes, type CheckOptions, type CheckResult, type Diagnostic } from '../../src/engine/index.ts';
import { catalogue } from '../../src/engine/findings/catalogue.ts';
import { severityAllowed } from '../../src/engine/findings/finding.ts';
import { check, writeProgram, type Files } from '../helpers/program.ts';

/** The evaluation date the in-memory helper uses; disk runs get the same. */
export const TODAY = '2026-07-15';

export interface Timed<T> {
  value?: T;
  error?: unknown;
  ms: number;
}

/** Runs `run`, catching anything it throws so that the test can assert that nothing did. */
export function timed<T>(run: () => T): Timed<T> {
  const started = performance.now();
  try {
    const value = run();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

export async function timedAsync<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

export function checkInMemory(files: Files, options: CheckOptions = {}): CheckResult {
  return check(files, options);
}

/** Writes the files to a fresh temporary folder, lets `setup` add to it, and checks it from disk. */
export function withTempProgram<T>(
  files: Files,
  setup: ((root: string) => void) | undefined,
  run: (root: string) => T,
): T {
  const root = mkdtempSync(join(tmpdir(), 'trustbook-hardening-'));
  try {
    writeProgram(root, files);
    setup?.(root);
    return run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function checkOnDisk(root: string, options: CheckOptions = {}): CheckResult {
  return checkProject(root, { today: TODAY, ...options });
}

const knownCodes = new Set(Object.keys(codes));

/**
 * What every diagnostic must be, whatever the input: a known code that is not retired, raised with a severity its
 * catalogue entry allows, a file, and a line of 1 or more.
 */
export function malformed(diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.code} ${d.file}:${d.line}`;
    if (!knownCodes.has(d.code)) problems.push(`unknown code: ${where}`);
    const entry = knownCodes.has(d.code) ? catalogue[d.code] : undefined;
    if (entry && 'retired' in entry) problems.push(`retired code: ${where}`);
    if (entry && !severityAllowed(entry.severity, d))
      problems.push(`severity not the entry's (${entry.severity}): ${where}`);
    if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`bad severity: ${where}`);
    if (typeof d.file !== 'string' || d.file === '') problems.push(`no file: ${where}`);
    if (typeof d.message !== 'string' || d.message === '') problems.push(`no message: ${where}`);
    if (typeof d.hint !== 'string' || d.hint === '') problems.push(`no hint: ${where}`);
    if (d.line !== undefined && !(Number.isInteger(d.line) && d.line >= 1)) problems.push(`bad line: ${where}`);
  }
  return problems;
}

export function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  expect(malformed(diagnostics)).toEqual([]);
}

/** `[severity, code, file, line]` of each finding: compact, and readable when an assertion fails. */
export function summarize(diagnostics: readonly Diagnostic[]): [string, string, string, number | null][] {
  return diagnostics.map((d) => [d.severity, d.code, d.file, d.line ?? null]);
}

export { runCli } from '../cli/run.ts';

/** A line of a stack trace, as Node prints them. */
export const stackLine = /^\s+at /m;
