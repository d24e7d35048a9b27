/** Turns zod issues into diagnostics that name the field, its line, and how to fix it. */
import type { z } from 'astro/zod';
import { INVALID_DATE } from '../schema/common.ts';
import type { Diagnostic } from './diagnostics.ts';
import { finding } from './findings/finding.ts';
import { lineOfPath, type KeyLines } from './frontmatter.ts';

export interface ValidationContext {
  file: string;
  keyLines: KeyLines;
  /** What the document is, for messages: "policy", "program file". */
  noun: string;
  /** Line to point at when a field is missing altogether. */
  fallbackLine: number;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; diagnostics: Diagnostic[] };

export function validate<T>(schema: z.ZodType<T>, input: unknown, context: ValidationContext): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const knownFields = topLevelFields(schema);
  // A misspelt field is both unknown and, under its right name, missing: report the typo once.
  const misspelt = new Set(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys' && issue.path.length === 0
        ? issue.keys.map((key) => closest(key, knownFields)).filter((name) => name !== undefined)
        : [],
    ),
  );
  const issues = result.error.issues.filter(
    (issue) =>
      !(
        issue.path.length === 1 &&
        misspelt.has(String(issue.path[0])) &&
        issue.code !== 'unrecognized_keys' &&
        !hasKey(input, issue.path[0]!)
      ),
  );
  return { ok: false, diagnostics: issues.flatMap((issue) => describeIssue(issue, input, knownFields, context)) };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  knownFields: string[],
  context: ValidationContext,
): Diagnostic[] {
  const { file, keyLines } = context;
  const field = issue.path.map(String).join('.');
  const at = (path: readonly PropertyKey[]) => lineOfPath(keyLines, path, context.fallbackLine);

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const suggestion = issue.path.length === 0 ? closest(key, knownFields) : undefined;
      const unknown = [...issue.path.map(String), key].join('.');
      return finding('TB102', { file, line: at([...issue.path, key]) }, unknown, context.noun, suggestion);
    });
  }

  // Missing fields: zod says "invalid type" for most, "invalid value" for enums; either way the key is absent.
  // Dates and versions are unions (text or a YAML date, text or a number): an absent one is "invalid input".
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') &&
    issue.path.length > 0 &&
    !hasKey(valueAt(input, issue.path.slice(0, -1)), issue.path.at(-1)!);
  if (missing || (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined)) {
    const line = issue.path.length > 1 ? at(issue.path.slice(0, -1)) : context.fallbackLine;
    return [finding('TB101', { file, line }, field, context.noun, String(issue.path.at(-1)))];
  }

  const isDate = issue.code === 'custom' && (issue.params as { kind?: string } | undefined)?.kind === INVALID_DATE;
  if (isDate) {
    const value = valueAt(input, issue.path);
    const written = JSON.stringify(value instanceof Date ? value.toISOString() : value);
    return [finding('TB103', { file, line: at(issue.path) }, field, written)];
  }

  const accepted = issue.code === 'invalid_value' ? issue.values.filter((value) => typeof value === 'string') : [];
  const written = valueAt(input, issue.path);
  const suggestion = typeof written === 'string' && accepted.length > 0 ? suggestValue(written, accepted) : undefined;
  const problem = { what: 'schema', field, issue: lowerFirst(issue.message), accepted, suggestion } as const;
  return [finding('TB104', { file, line: at(issue.path) }, problem)];
}

/** Other ways people write an accepted value. */
const synonyms: Record<string, string> = {
  'event-driven': 'per-event',
  'event driven': 'per-event',
  'as-needed': 'per-event',
  'as needed': 'per-event',
  'ad-hoc': 'per-event',
  'ad hoc': 'per-event',
  'per event': 'per-event',
  yearly: 'annual',
  annually: 'annual',
  'semi-annual': 'semiannual',
  'semi-annually': 'semiannual',
  'bi-annual': 'semiannual',
  biannual: 'semiannual',
  'half-yearly': 'semiannual',
  'twice a year': 'semiannual',
  'not applicable': 'not-applicable',
  'n/a': 'not-applicable',
};

/** The accepted value someone most likely meant: the same word in other case or spacing, a synonym, or a near spelling. */
export function suggestValue(written: string, accepted: readonly string[]): string | undefined {
  const normal = written.trim().toLowerCase();
  const exact = accepted.find((value) => value.toLowerCase() === normal || value === normal.replace(/[\s_]+/g, '-'));
  if (exact) return exact;
  const synonym = synonyms[normal];
  if (synonym && accepted.includes(synonym)) return synonym;
  return closest(normal, accepted);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function hasKey(container: unknown, key: PropertyKey): boolean {
  return container !== null && typeof container === 'object' && Object.prototype.hasOwnProperty.call(container, key);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function topLevelFields(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The known field nearest to a misspelt one, when it is near enough to be the likely intent. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Nothing is a typo of a very long word; and the distance table grows with the product of the lengths.
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lowerWord = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lowerCandidate = candidate.toLowerCase();
    // The distance is at least the difference in length: skip candidates that cannot be near enough.
    if (Math.abs(lowerWord.length - lowerCandidate.length) > limit) continue;
    const distance = editDistance(lowerWord, lowerCandidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= limit ? best : undefined;
}

const MAX_SUGGESTED_LENGTH = 200;

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
