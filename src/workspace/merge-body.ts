/**
 * Three-way merge of a document body, section by section and then line by line inside a section (node-diff3).
 * Sections are matched by heading slug, so the library rewriting its "Scope" while the client edits its
 * "Exceptions" merges cleanly even when both texts moved. A section the client deleted stays deleted; a
 * section the library added appears after the section it follows in the library; a section the library
 * removed goes, unless the client edited it (a conflict).
 */
import { diff3Merge, mergeDiff3 } from 'node-diff3';
import { isDeepStrictEqual } from 'node:util';
import type { BodySyntax } from '../engine/body-tree.ts';
import type { Conflict, OverrideReview } from './merge-types.ts';
import { joinSections, preambleId, sectionsOf, type Section } from './sections.ts';

export interface BodyVersions {
  base: string;
  library: string;
  client: string;
  /** Section ids the client keeps on purpose (its `overrides:`), never touched by a merge. */
  overridden: ReadonlySet<string>;
  syntax?: BodySyntax;
}

export interface BodyMerge {
  /** The merged body; conflicting sections hold the client's text, or markers when asked for. */
  text: string;
  /** Section ids whose text the merge changed. */
  changed: string[];
  conflicts: Conflict[];
  overridesToReview: OverrideReview[];
}

/** Labels of the conflict markers, as a person reading the file needs them. */
const labels = { a: 'client', o: 'library, as the client last took it', b: 'library, now' };

export function mergeBody(versions: BodyVersions, options: { markers?: boolean } = {}): BodyMerge {
  const [base, library, client] = [versions.base, versions.library, versions.client].map((text) =>
    byId(sectionsOf(text, versions.syntax)),
  ) as [Map<string, Section>, Map<string, Section>, Map<string, Section>];
  const changed: string[] = [];
  const conflicts: Conflict[] = [];
  const overridesToReview: OverrideReview[] = [];
  const merged = new Map<string, string[]>();

  for (const [id, section] of client) {
    const b = base.get(id)?.lines;
    const l = library.get(id)?.lines;
    if (versions.overridden.has(id)) {
      if (!isDeepStrictEqual(b, l)) overridesToReview.push({ kind: 'section', name: id, base: b, library: l });
      merged.set(id, section.lines);
      continue;
    }
    const result = mergeSection(b, l, section.lines);
    if (result.conflict) {
      conflicts.push({ kind: 'section', name: id, base: b, library: l, client: section.lines });
      merged.set(id, options.markers ? markedLines(b, l, section.lines) : section.lines);
      continue;
    }
    if (!isDeepStrictEqual(result.lines, section.lines)) changed.push(id);
    if (result.lines !== undefined) merged.set(id, result.lines);
  }
  // Sections the library added since the client last took it.
  for (const [id, section] of library) {
    if (!client.has(id) && !base.has(id) && !versions.overridden.has(id)) {
      merged.set(id, section.lines);
      changed.push(id);
    }
  }

  const order = sectionOrder([...base.keys()], [...library.keys()], [...client.keys()], merged);
  const text = joinSections(order.map((id) => ({ id, lines: merged.get(id)! })));
  return {
    text: text === joinSections([...client.values()]) ? versions.client : text,
    changed,
    conflicts,
    overridesToReview,
  };
}

/**
 * The order of the merged sections: the library's, when the client kept the order it took (so a library
 * reordering arrives), else the client's. A section only one side has goes after the section it follows on
 * that side.
 */
function sectionOrder(base: string[], library: string[], client: string[], merged: Map<string, unknown>): string[] {
  const shared = (ids: string[], other: string[]) => ids.filter((id) => other.includes(id));
  const clientKeptOrder = isDeepStrictEqual(shared(client, base), shared(base, client));
  const [skeleton, other] = clientKeptOrder ? [library, client] : [client, library];
  const order = skeleton.filter((id) => merged.has(id));
  for (const source of [other, client, library]) {
    source.forEach((id, index) => {
      if (!merged.has(id) || order.includes(id)) return;
      const before = source.slice(0, index).findLast((previous) => order.includes(previous));
      const at = before === undefined ? (order[0] === preambleId ? 1 : 0) : order.indexOf(before) + 1;
      order.splice(at, 0, id);
    });
  }
  return order;
}

type SectionMerge = { conflict: false; lines: string[] | undefined } | { conflict: true };

/** One section's three versions; `lines: undefined` means the merged body has no such section. */
function mergeSection(base: string[] | undefined, library: string[] | undefined, client: string[]): SectionMerge {
  if (isDeepStrictEqual(library, client)) return { conflict: false, lines: client };
  if (isDeepStrictEqual(base, client)) return { conflict: false, lines: library };
  if (isDeepStrictEqual(base, library)) return { conflict: false, lines: client };
  if (library === undefined) return { conflict: true };
  const regions = diff3Merge(client, base ?? [], library, { excludeFalseConflicts: true });
  if (regions.some((region) => region.conflict !== undefined)) return { conflict: true };
  return { conflict: false, lines: regions.flatMap((region) => region.ok ?? []) };
}

function markedLines(base: string[] | undefined, library: string[] | undefined, client: string[]): string[] {
  return mergeDiff3(client, base ?? [], library ?? [], { label: labels }).result.map(String);
}

function byId(sections: readonly Section[]): Map<string, Section> {
  return new Map(sections.map((section) => [section.id, section]));
}
