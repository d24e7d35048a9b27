/**
 * What every site view is built with: a view worked out once per check result, a site's share of a kind's
 * documents, a value worked out on first use, and each checklist's progress.
 */
import type { CheckResult } from '../../engine/check.ts';
import type { ChecklistProgress } from '../../engine/checklist-state.ts';
import type { Document } from '../../engine/model.ts';
import type { ChecklistData, RoleData, StaffData } from '../../schema/index.ts';
import { canSee, type Site } from '../sites.ts';

/** The people a site may name: every site names roles; only the private sites name staff. */
export interface SitePeople {
  roles: readonly RoleData[];
  staff: readonly StaffData[];
}

/**
 * Every page of a site asks for the same view of the same check result; work it out once per result.
 * Keyed weakly, so a result the build no longer holds takes its views with it.
 */
export function perResult<T extends object>(make: (result: CheckResult) => T): (result: CheckResult) => T {
  const cache = new WeakMap<CheckResult, T>();
  return (result) => {
    let value = cache.get(result);
    if (!value) cache.set(result, (value = make(result)));
    return value;
  };
}

/** The documents whose audience includes the site. */
export function visible<T extends { audience: readonly Site[] }>(site: Site, documents: Document<T>[]): Document<T>[] {
  return documents.filter((document) => canSee(site, document.data.audience));
}

/** A value worked out the first time it is asked for, then kept: pages that never ask pay nothing. */
export function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/** Each checklist's progress, by id, as the engine works it out. */
export function progressOf(
  result: CheckResult,
  checklists: readonly Document<ChecklistData>[],
): Map<string, ChecklistProgress> {
  return new Map(checklists.map((checklist) => [checklist.id, result.facts.checklistProgress(checklist)]));
}
