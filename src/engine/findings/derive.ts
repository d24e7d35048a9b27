/**
 * The tables other modules keep of what codes do (the to-do step, a failing control, a checklist rule), read off
 * the catalogue, so that a code's entry is the only place to say it.
 */
import type { DiagnosticCode } from '../diagnostics.ts';
import { catalogue, type FindingData } from './catalogue.ts';

const live = (Object.entries(catalogue) as [DiagnosticCode, FindingData][]).filter(([, data]) => !data.retired);

/** The codes that may be raised and whose entry passes `test`, in numeric order. */
export function codesWhere(test: (data: FindingData) => boolean): DiagnosticCode[] {
  return live.filter(([, data]) => test(data)).map(([code]) => code);
}

/** The codes that may be raised, grouped by what `keyOf` reads of their entry; `null` and `undefined` leave one out. */
export function codesGroupedBy<K extends string>(
  keyOf: (data: FindingData) => K | null | undefined,
): Partial<Record<K, DiagnosticCode[]>> {
  const groups: Partial<Record<K, DiagnosticCode[]>> = {};
  for (const [code, data] of live) {
    const key = keyOf(data);
    if (key === null || key === undefined) continue;
    (groups[key] ??= []).push(code);
  }
  return groups;
}
