/**
 * A client leaving the workspace takes its answers with it: the sync record goes, and with it the values the
 * build renders `<Var name="…" />` with, so each `<Var>` in the client's MDX documents is written out as the
 * answer's text first. The program then builds the same pages without the record. The partner no longer runs
 * it either, so its trust center stops saying so (`brand.managed_by` goes).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parse as parseYaml, parseDocument } from 'yaml';
import { readSources } from '../engine/load-fs.ts';
import { PROGRAM_FILE } from '../engine/model.ts';
import { recordFile } from './sync-plan.ts';
import { bindVariables } from './variables.ts';

/** Writes each answered `<Var>` of the client's MDX documents out as text; the files changed, by path. */
export function bindClientVariables(folder: string): string[] {
  let answers: Record<string, string>;
  try {
    const record = parseYaml(readFileSync(join(folder, recordFile), 'utf8')) as { answers?: unknown } | null;
    answers = isAnswers(record?.answers) ? record.answers : {};
  } catch {
    return []; // No record to read: nothing was bound at build time from it.
  }
  const changed: string[] = [];
  for (const source of readSources(folder)) {
    if (!source.path.endsWith('.mdx') || source.text === undefined) continue;
    const bound = bindVariables(source.text, answers);
    if (bound === source.text) continue;
    writeFileSync(join(folder, source.path), bound);
    changed.push(source.path);
  }
  return changed;
}

function isAnswers(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.values(value as object).every((answer) => typeof answer === 'string')
  );
}

/** Removes `brand.managed_by` from the client's program.yaml, keeping its comments; whether it was there. */
export function dropManagedBy(folder: string): boolean {
  const file = join(folder, PROGRAM_FILE);
  if (!existsSync(file)) return false;
  const document = parseDocument(readFileSync(file, 'utf8'));
  const brand = isMap(document.contents) ? document.contents.get('brand', true) : undefined;
  if (!isMap(brand) || !brand.has('managed_by')) return false;
  brand.delete('managed_by');
  if (brand.items.length === 0 && isMap(document.contents)) document.contents.delete('brand');
  writeFileSync(file, document.toString({ lineWidth: 0 }));
  return true;
}
